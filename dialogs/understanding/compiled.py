"""The parser's regular expressions, compiled once per interpreter and replayed from a file.

``re.compile`` parses a pattern and generates its bytecode in Python: the parser's ~150
patterns (a few of them large word tables) took a quarter of ``telework-bot parse``'s start
(issue 16: a command starts in ≤ 0.3 s). What ``re`` hands its C engine (``_sre.compile``)
depends only on the pattern, the flags and the interpreter, so it is kept next to the parser's
bytecode (``__pycache__/patterns.<interpreter>.bin``, keyed by CPython's version and the
engine's ``MAGIC``) and replayed on later starts. Written at exit when a pattern was new,
atomically, and not at all when Python writes no bytecode (``PYTHONDONTWRITEBYTECODE``).

Anything unexpected (another Python implementation, a file from another interpreter, an
unreadable, corrupt or read-only cache) falls back to ``re.compile``: the cache only ever
saves time. ``tests/dialogs/test_compiled.py`` holds replayed patterns to ``re.compile``'s.
"""

from __future__ import annotations

import atexit
import importlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

_sre: Any = None
_compiler: Any = None
_parser: Any = None
try:  # CPython's regular expression engine and compiler (private, hence every guard below)
    _sre = importlib.import_module("_sre")
    _compiler = importlib.import_module("re._compiler")
    _parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other implementations
    _sre = None

_Key = tuple[str, int]
_Args = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

CACHE = Path(__file__).parent / "__pycache__" / f"patterns.{sys.implementation.cache_tag}.bin"
_STAMP = (sys.hexversion, getattr(_sre, "MAGIC", 0), getattr(_sre, "CODESIZE", 0))
_MAX_PATTERNS = 2000  # patterns of older versions of the parser are dropped beyond this


class _Cache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.known: dict[_Key, _Args] = {}
        self.new: dict[_Key, _Args] = {}
        self.loaded = False
        self.enabled = _sre is not None and sys.implementation.name == "cpython"

    def load(self) -> None:
        self.loaded = True
        try:
            # The same trust as the .pyc files beside it (marshal too); the engine validates
            # the bytecode it is given (invalid SRE code raises).
            data: Any = marshal.loads(self.path.read_bytes())  # noqa: S302
            if isinstance(data, tuple) and len(data) == 2 and data[0] == _STAMP:
                self.known = dict(data[1])
        except (OSError, ValueError, EOFError, TypeError):
            self.known = {}

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        if not self.loaded:
            self.load()
        key = (pattern, flags)
        args = self.known.get(key)
        if args is not None:
            try:
                compiled: re.Pattern[str] = _sre.compile(pattern, *args)
                return compiled
            except (TypeError, ValueError, RuntimeError):
                pass  # not this engine's byte code after all: compiled afresh, written anew
        args = _generate(pattern, flags)
        if not self.new and not sys.dont_write_bytecode:
            atexit.register(self.save)
        self.new[key] = args
        self.known[key] = args
        compiled = _sre.compile(pattern, *args)
        return compiled

    def save(self) -> None:
        if not self.new or sys.dont_write_bytecode:
            return
        patterns = self.known if len(self.known) <= _MAX_PATTERNS else self.new
        try:
            data = marshal.dumps((_STAMP, patterns))
            self.path.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
        except (OSError, ValueError):
            return
        try:
            os.chmod(temporary, 0o644)  # like the .pyc files: any user of this checkout reads it
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, self.path)  # readers see the old file or the new one
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            return
        self.new = {}


def _generate(pattern: str, flags: int) -> _Args:
    """What ``re._compiler.compile`` hands ``_sre.compile`` after the pattern itself."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # named int constants to ints
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


_cache = _Cache(CACHE)


def regex(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, replayed from the cache when it was seen before."""
    flags = int(flags)
    if not _cache.enabled or flags & re.DEBUG:
        return re.compile(pattern, flags)
    try:
        return _cache.compile(pattern, flags)
    except re.error:
        raise
    except Exception:
        _cache.enabled = False
        return re.compile(pattern, flags)
