"""The text catalogue: every sentence in both languages, with the same placeholders.

The catalogue is ``bot.ui.texts`` plus every feature's ``texts.py`` that registers into it
(found by name, so a new one is checked too); the smaller per-language tables (the router's
command words, day-part and status labels) are checked alongside. The code's side is checked
as well: each literal key it asks ``text()`` for exists, and gets every value its sentence
needs.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
from pathlib import Path

import pytest

import bot
import bot.features
from bot.app import build_router
from bot.ui import formatting
from bot.ui.texts import CATALOGUE, LANGS

BOT = Path(bot.__file__).parent
CATALOGUE_MODULES = sorted(
    [
        "bot.ui.texts",
        *(
            f"bot.features.{m.name}.texts"
            for m in pkgutil.iter_modules(bot.features.__path__)
            if (BOT / "features" / m.name / "texts.py").exists()
        ),
    ]
)
for _module in CATALOGUE_MODULES:
    importlib.import_module(_module)
JA, EN = CATALOGUE["ja"], CATALOGUE["en"]


def placeholders(sentence: str) -> set[tuple[str, str, str | None]]:
    """The ``{name:spec!conversion}`` fields of a sentence (ValueError if it does not parse)."""
    return {
        (name, spec or "", conversion)
        for _literal, name, spec, conversion in string.Formatter().parse(sentence)
        if name is not None
    }


def catalogue_problems(ja: dict[str, str], en: dict[str, str]) -> list[str]:
    """Keys missing from one language, placeholders that differ, sentences that are empty or
    do not parse as format strings."""
    problems = [f"{key}: no English" for key in sorted(set(ja) - set(en))]
    problems += [f"{key}: no Japanese" for key in sorted(set(en) - set(ja))]
    for key in sorted(set(ja) & set(en)):
        try:
            fields = {lang: placeholders(c[key]) for lang, c in (("ja", ja), ("en", en))}
        except ValueError as exc:
            problems.append(f"{key}: does not parse ({exc})")
            continue
        if fields["ja"] != fields["en"]:
            only_ja = sorted(f"{{{n}}}" for n, *_ in fields["ja"] - fields["en"])
            only_en = sorted(f"{{{n}}}" for n, *_ in fields["en"] - fields["ja"])
            problems.append(f"{key}: placeholders only in ja {only_ja}, only in en {only_en}")
        problems += [
            f"{key}: empty in {lang}" for lang, c in (("ja", ja), ("en", en)) if not c[key].strip()
        ]
    return problems


def test_the_catalogue_modules_are_all_found() -> None:
    known = {"bot.ui.texts", "bot.features.meetings.texts", "bot.features.declare.texts"}
    assert known <= set(CATALOGUE_MODULES)  # a new one is found by its name and checked too
    assert len(JA) > 400


def test_every_key_in_both_languages_with_the_same_placeholders() -> None:
    assert catalogue_problems(JA, EN) == []


def test_the_check_catches_each_kind_of_mismatch() -> None:
    ja = {"a": "{name}さん", "b": "{n}件", "c": "x", "d": "{oops", "e": " "}
    en = {"a": "Hello {nmae}", "b": "{n:,} items", "d": "y", "e": "e", "f": "only English"}
    assert catalogue_problems(ja, en) == [
        "c: no English",
        "f: no Japanese",
        "a: placeholders only in ja ['{name}'], only in en ['{nmae}']",
        "b: placeholders only in ja ['{n}'], only in en ['{n}']",  # same name, other format
        "d: does not parse (expected '}' before end of string)",
        "e: empty in ja",
    ]


def test_every_sentence_formats_with_its_placeholders_filled() -> None:
    for catalogue in (JA, EN):
        for key, sentence in catalogue.items():
            values = {name: 1 for name, *_ in placeholders(sentence)}
            assert sentence.format(**values), key


def test_the_command_words_speak_both_languages() -> None:
    commands = build_router().commands()
    assert len(commands) >= 10
    for route in commands:
        assert route.words is not None
        for table in ("words", "title", "description", "example"):
            entry = getattr(route.words, table)
            assert set(entry) == set(LANGS), f"{route.id}.{table}: {sorted(entry)}"
            assert all(entry[lang] for lang in LANGS), f"{route.id}.{table} is empty"


@pytest.mark.parametrize("table", [formatting._PARTS, formatting._STATUSES])
def test_label_tables_have_the_same_entries_in_both_languages(
    table: dict[str, dict[str, str]],
) -> None:
    assert set(table) == set(LANGS)
    assert set(table["ja"]) == set(table["en"])
    assert all(label.strip() for lang in LANGS for label in table[lang].values())


def literal_text_calls() -> list[tuple[str, str, set[str] | None]]:
    """Each ``text(lang, "key", name=…)`` in bot/ with a literal key: where, the key, and the
    names it passes (None when it passes ``**values`` we cannot see)."""
    found = []
    for path in sorted(BOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            key = node.args[1]
            if name == "text" and isinstance(key, ast.Constant) and isinstance(key.value, str):
                given = (
                    None
                    if any(k.arg is None for k in node.keywords)
                    else {k.arg for k in node.keywords if k.arg}
                )
                found.append((f"{path.relative_to(BOT.parent)}:{node.lineno}", key.value, given))
    return found


def test_each_key_the_code_asks_for_exists_and_gets_its_values() -> None:
    calls = literal_text_calls()
    assert len(calls) > 300  # the walk does find the calls
    problems = []
    for where, key, given in calls:
        if key not in JA:
            problems.append(f"{where}: unknown key {key!r}")
            continue
        needed = {name for name, *_ in placeholders(JA[key]) | placeholders(EN[key])}
        if given is not None and needed - given:
            problems.append(f"{where}: {key!r} needs {sorted(needed - given)}")
    assert problems == []
