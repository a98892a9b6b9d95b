"""Roster conditions: how a policy says who falls into a category, as data.

A condition combines a small allow-list of boolean roster attributes with ``and``, ``or``,
``not`` and parentheses, e.g. ``"has_care_preschool or has_care_family"`` or
``"not is_manager and not has_care"``. It is parsed here by a tiny recursive-descent parser
into a tree; nothing is ever evaluated as Python.

Grammar::

    condition := term ("or" term)*
    term      := factor ("and" factor)*
    factor    := "not" factor | "(" condition ")" | ATTRIBUTE | "true" | "false"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from domain.org import StaffMember

#: The roster attributes a condition may use, and how each is read from a staff record.
ROSTER_ATTRIBUTES: Mapping[str, Callable[[StaffMember], bool]] = {
    "is_manager": lambda m: m.is_manager,
    "is_section_chief": lambda m: m.is_section_chief,
    "has_care_preschool": lambda m: m.care_preschool,
    "has_care_family": lambda m: m.care_family,
    "has_care": lambda m: m.care_preschool or m.care_family,
}


def roster_key(member: StaffMember) -> tuple[bool, ...]:
    """Every allow-listed attribute of a member, in a fixed order: two members with the same
    key satisfy the same conditions (so membership can be evaluated once per key).

    The flags are read directly (``has_care`` follows from the two care flags): this runs
    once per person in quota, nudge and report passes over 100,000 staff."""
    m = member
    return (m.is_manager, m.is_section_chief, m.care_preschool, m.care_family)


_TOKEN = re.compile(r"\s*(?:(\()|(\))|([A-Za-z_][A-Za-z0-9_]*))")
_KEYWORDS = frozenset({"and", "or", "not", "true", "false"})


@dataclass(frozen=True, slots=True)
class _Attr:
    name: str

    def value(self, read: Callable[[str], bool]) -> bool:
        return read(self.name)


@dataclass(frozen=True, slots=True)
class _Const:
    constant: bool

    def value(self, read: Callable[[str], bool]) -> bool:
        return self.constant


@dataclass(frozen=True, slots=True)
class _Not:
    operand: _Node

    def value(self, read: Callable[[str], bool]) -> bool:
        return not self.operand.value(read)


@dataclass(frozen=True, slots=True)
class _And:
    left: _Node
    right: _Node

    def value(self, read: Callable[[str], bool]) -> bool:
        return self.left.value(read) and self.right.value(read)


@dataclass(frozen=True, slots=True)
class _Or:
    left: _Node
    right: _Node

    def value(self, read: Callable[[str], bool]) -> bool:
        return self.left.value(read) or self.right.value(read)


_Node = _Attr | _Const | _Not | _And | _Or


@dataclass(frozen=True, slots=True)
class RosterCondition:
    """A parsed membership condition; ``holds_for(member)`` evaluates it."""

    text: str
    _tree: _Node

    @classmethod
    def parse(cls, text: str) -> RosterCondition:
        """Parse ``text``; ``ValueError`` says what is wrong and where."""
        tokens = _tokenize(text)
        parser = _Parser(tokens, text)
        tree = parser.condition()
        if parser.pos != len(tokens):
            raise ValueError(f"unexpected {tokens[parser.pos]!r} in {text!r}")
        return cls(" ".join(tokens), tree)

    def holds_for(self, member: StaffMember) -> bool:
        """Whether the staff member satisfies the condition."""
        return self._tree.value(lambda name: ROSTER_ATTRIBUTES[name](member))

    def holds_given(self, attributes: Mapping[str, bool]) -> bool:
        """Evaluate with attribute values given directly (missing ones count as false)."""
        return self._tree.value(lambda name: attributes.get(name, False))

    @property
    def attributes(self) -> frozenset[str]:
        """The roster attributes the condition reads."""
        return frozenset(_names(self._tree))

    def __str__(self) -> str:
        return self.text


def _tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    pos = 0
    stripped = text.rstrip()
    while pos < len(stripped):
        m = _TOKEN.match(stripped, pos)
        if m is None:
            bad = stripped[pos:].lstrip()[:1]
            raise ValueError(f"unexpected character {bad!r} in {text!r}")
        tokens.append(m.group(m.lastindex or 0))
        pos = m.end()
    if not tokens:
        raise ValueError("a condition must not be empty")
    return tokens


class _Parser:
    def __init__(self, tokens: list[str], text: str) -> None:
        self.tokens = tokens
        self.text = text
        self.pos = 0

    def _peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def condition(self) -> _Node:
        node = self.term()
        while self._peek() == "or":
            self.pos += 1
            node = _Or(node, self.term())
        return node

    def term(self) -> _Node:
        node = self.factor()
        while self._peek() == "and":
            self.pos += 1
            node = _And(node, self.factor())
        return node

    def factor(self) -> _Node:
        word = self._peek()
        if word is None:
            raise ValueError(f"{self.text!r} ends too early")
        self.pos += 1
        if word == "not":
            return _Not(self.factor())
        if word == "(":
            node = self.condition()
            if self._peek() != ")":
                raise ValueError(f"missing ')' in {self.text!r}")
            self.pos += 1
            return node
        if word in ("true", "false"):
            return _Const(word == "true")
        if word in _KEYWORDS or word == ")":
            raise ValueError(f"unexpected {word!r} in {self.text!r}")
        if word not in ROSTER_ATTRIBUTES:
            allowed = ", ".join(ROSTER_ATTRIBUTES)
            raise ValueError(f"unknown roster attribute {word!r} (allowed: {allowed})")
        return _Attr(word)


def _names(node: _Node) -> list[str]:
    if isinstance(node, _Attr):
        return [node.name]
    if isinstance(node, _Const):
        return []
    if isinstance(node, _Not):
        return _names(node.operand)
    return _names(node.left) + _names(node.right)
