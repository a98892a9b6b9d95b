"""The parser's pattern cache replays exactly what ``re.compile`` builds, and only ever saves
time: a missing, corrupt or foreign cache falls back to compiling (issue 16, CLI start)."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dialogs.understanding import compiled
from dialogs.understanding.compiled import _Cache

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = [
    (r"(?P<y>\d{4})\s*(?:年|[./-])\s*(?P<m>\d{1,2})", 0),
    (r"(?<![a-z])tw(?![a-z0-9])|在宅|テレワーク", 0),
    (r"^(?:from|until)\b", int(re.IGNORECASE | re.MULTILINE)),
    (r"(a)(?:b)(?P<c>c)?", 0),
]
TEXTS = ["2026年12月3日", "明日はTW", "between tw", "FROM monday\nuntil friday", "abc", "ab"]


def same(left: re.Pattern[str], right: re.Pattern[str]) -> None:
    assert (left.pattern, left.flags, left.groups) == (right.pattern, right.flags, right.groups)
    assert left.groupindex == right.groupindex
    for text in TEXTS:
        assert [m.span() for m in left.finditer(text)] == [m.span() for m in right.finditer(text)]
        assert [m.groups() for m in left.finditer(text)] == [
            m.groups() for m in right.finditer(text)
        ]


def test_a_replayed_pattern_is_the_compiled_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # as PYTHONDONTWRITEBYTECODE unset
    path = tmp_path / "patterns.bin"
    first = _Cache(path)
    fresh = [first.compile(p, f) for p, f in PATTERNS]
    first.save()
    assert path.is_file()
    second = _Cache(path)
    replayed = [second.compile(p, f) for p, f in PATTERNS]
    assert second.new == {}  # every one came from the file
    for (pattern, flags), a, b in zip(PATTERNS, fresh, replayed, strict=True):
        same(a, re.compile(pattern, flags))
        same(b, re.compile(pattern, flags))


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal", marshal.dumps(((0, 0, 0), {})), marshal.dumps([1, 2, 3])],
    ids=["empty", "garbage", "another-interpreter", "wrong-shape"],
)
def test_a_bad_cache_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "patterns.bin"
    path.write_bytes(content)
    cache = _Cache(path)
    pattern, flags = PATTERNS[0]
    same(cache.compile(pattern, flags), re.compile(pattern, flags))
    assert cache.new  # compiled, and will be written


def test_invalid_bytecode_falls_back_to_compiling(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    pattern, flags = PATTERNS[0]
    args = compiled._generate(pattern, flags)
    broken = (args[0], [99999, 1, 2], *args[2:])
    path.write_bytes(marshal.dumps((compiled._STAMP, {(pattern, flags): broken})))
    cache = _Cache(path)
    same(cache.compile(pattern, flags), re.compile(pattern, flags))
    assert cache.new == {(pattern, flags): args}  # the entry is rewritten


def test_a_bad_pattern_still_raises() -> None:
    with pytest.raises(re.error):
        compiled.regex(r"(unclosed")


def test_nothing_is_written_without_bytecode(tmp_path: Path) -> None:
    """``PYTHONDONTWRITEBYTECODE``: like the .pyc files, the cache is not written."""
    script = (
        "import sys; from pathlib import Path; from dialogs.understanding.compiled import _Cache;"
        f"c = _Cache(Path({str(tmp_path / 'p.bin')!r})); c.compile('a+', 0); c.save()"
    )
    subprocess.run([sys.executable, "-B", "-c", script], cwd=ROOT, check=True, capture_output=True)
    assert not (tmp_path / "p.bin").exists()


def test_the_parser_compiles_through_the_cache() -> None:
    """Every ``re.compile`` of the parser goes through it (a new one would not be cached)."""
    folder = ROOT / "dialogs" / "understanding"
    offenders = [
        path.name
        for path in folder.glob("*.py")
        if path.name != "compiled.py" and "re.compile(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
