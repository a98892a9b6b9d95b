"""botbuilder's ``Storage`` on the SQL dialog-state store, with a JSON codec that never unpickles.

botbuilder keeps objects in state (``DialogState``, ``DialogInstance``, ``PromptOptions`` holding
an ``Activity``…). Its own cloud storages write them with ``jsonpickle``, whose reader rebuilds
whatever class a document names: a tampered row would run code of the attacker's choosing. Here
plain JSON values pass through, and the few classes botbuilder's dialogs put in state are written
as ``{"$type": "<allow-listed name>", …}`` and rebuilt only from that allow-list. Writing anything
else raises ``TypeError``; reading an unknown ``$type`` raises :class:`UnknownStateType`.

E-tags follow botbuilder's storages: a read item carries its e-tag under ``"e_tag"`` (a dict key,
or the attribute of an object); a write whose item has no e-tag or ``"*"`` overwrites, one with an
e-tag writes only if the row still has it, else the store raises its conflict error, a
``KeyError`` as ``MemoryStorage`` raises; an empty e-tag is refused. After a write the item's
``e_tag`` is set to the new value, so a second save in the same turn is not taken for a conflict.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

import botbuilder.schema
from botbuilder.core import Storage, StoreItem
from botbuilder.dialogs import DialogInstance, DialogState, PromptOptions
from botbuilder.dialogs.choices import Choice, ListStyle
from botbuilder.dialogs.prompts.oauth_prompt import CallerInfo
from msrest.serialization import Model

TYPE_TAG = "$type"
E_TAG = "e_tag"


Document = dict[str, Any]


class DocumentStore(Protocol):
    """The JSON document store with e-tags this adapter runs on.

    ``storage.dialog_state.DialogStateStore`` is the implementation; the composition root wires
    it in (``dialogs`` does not import ``storage``). ``write`` takes ``{key: (document,
    expected_etag)}`` — ``None`` or ``"*"`` overwrite — commits all or nothing, returns the new
    e-tags, and raises a ``KeyError`` subclass when an expected e-tag is no longer stored.
    """

    async def read(self, keys: Iterable[str]) -> dict[str, tuple[Document, str]]: ...

    async def write(self, changes: Mapping[str, tuple[Document, str | None]]) -> dict[str, str]: ...

    async def delete(self, keys: Iterable[str]) -> None: ...


class UnknownStateType(ValueError):
    """A stored document names a type that is not allow-listed; nothing was built from it."""


@dataclass(frozen=True)
class StateType:
    """One allow-listed class: its tag, and how it becomes JSON and back (exact class only)."""

    name: str
    cls: type
    to_json: Callable[[Any, Callable[[Any], Any]], dict[str, Any]]
    from_json: Callable[[dict[str, Any], Callable[[Any], Any]], Any]


def _fields_type(name: str, cls: type, fields: tuple[str, ...]) -> StateType:
    """A plain class rebuilt by calling ``cls(**fields)``: only the named fields travel."""

    def to_json(obj: Any, encode: Callable[[Any], Any]) -> dict[str, Any]:
        extra = set(vars(obj)) - set(fields)
        if extra:
            raise TypeError(f"{name} has attributes the codec does not know: {sorted(extra)}")
        return {field: encode(getattr(obj, field, None)) for field in fields}

    def from_json(data: dict[str, Any], decode: Callable[[Any], Any]) -> Any:
        return cls(**{field: decode(data.get(field)) for field in fields})

    return StateType(name, cls, to_json, from_json)


def _store_item_type() -> StateType:
    def to_json(obj: Any, encode: Callable[[Any], Any]) -> dict[str, Any]:
        return {k: encode(v) for k, v in vars(obj).items() if k != E_TAG}

    def from_json(data: dict[str, Any], decode: Callable[[Any], Any]) -> Any:
        if any(not k.isidentifier() or k.startswith("_") for k in data):
            raise ValueError("StoreItem attribute names must be public identifiers")
        return StoreItem(**{k: decode(v) for k, v in data.items()})

    return StateType("StoreItem", StoreItem, to_json, from_json)


def _schema_model_type(cls: type[Model]) -> StateType:
    # msrest (de)serialises through the model's attribute map: only schema classes are built.
    def from_json(data: dict[str, Any], _decode: Callable[[Any], Any]) -> Any:
        if not isinstance(data["value"], dict):
            raise ValueError(f"{cls.__name__} must be a JSON object")
        return cls.deserialize(data["value"])  # type: ignore[no-untyped-call]

    return StateType(
        f"schema.{cls.__name__}", cls, lambda obj, _encode: {"value": obj.serialize()}, from_json
    )


def _enum_type(name: str, cls: type[enum.Enum]) -> StateType:
    return StateType(
        name, cls, lambda obj, _e: {"name": obj.name}, lambda data, _d: cls[data["name"]]
    )


def _schema_exports() -> list[type]:
    return [
        obj
        for name in botbuilder.schema.__all__
        if isinstance(obj := getattr(botbuilder.schema, name), type)
    ]


def builtin_state_types() -> list[StateType]:
    """The classes botbuilder's dialogs, prompts and ``StoreItem`` put into state."""
    types = [
        StateType(
            "DialogState",
            DialogState,
            lambda obj, encode: {"stack": encode(obj.dialog_stack)},
            lambda data, decode: DialogState(decode(data["stack"])),
        ),
        _fields_type("DialogInstance", DialogInstance, ("id", "state")),
        _fields_type(
            "PromptOptions",
            PromptOptions,
            ("prompt", "retry_prompt", "choices", "style", "validations", "number_of_attempts"),
        ),
        _fields_type("Choice", Choice, ("value", "action", "synonyms")),
        _fields_type("CallerInfo", CallerInfo, ("caller_service_url", "scope")),  # OAuthPrompt
        _enum_type("ListStyle", ListStyle),
        _store_item_type(),
        StateType(
            "datetime",
            datetime,
            lambda obj, _e: {"iso": obj.isoformat()},
            lambda data, _d: datetime.fromisoformat(data["iso"]),
        ),
        StateType(
            "date",
            date,
            lambda obj, _e: {"iso": obj.isoformat()},
            lambda data, _d: date.fromisoformat(data["iso"]),
        ),
        StateType(
            "tuple",
            tuple,
            lambda obj, encode: {"items": [encode(v) for v in obj]},
            lambda data, decode: tuple(decode(v) for v in data["items"]),
        ),
    ]
    for cls in _schema_exports():
        if issubclass(cls, Model):
            types.append(_schema_model_type(cls))
        elif issubclass(cls, enum.Enum):
            types.append(_enum_type(f"schema.{cls.__name__}", cls))
    return types


class StateCodec:
    """Turns state into JSON and back, for allow-listed classes only (matched by exact class)."""

    def __init__(self, extra_types: Iterable[StateType] = ()) -> None:
        types = [*builtin_state_types(), *extra_types]
        self._by_class = {t.cls: t for t in types}
        self._by_name = {t.name: t for t in types}
        if len(self._by_class) != len(types) or len(self._by_name) != len(types):
            raise ValueError("state types must have distinct classes and names")

    def encode(self, value: Any) -> Any:
        kind = type(value)
        if value is None or kind in (str, int, bool):
            return value
        if kind is float:
            if not math.isfinite(value):
                raise TypeError(f"cannot store a non-finite float in state: {value!r}")
            return value
        if kind is list:
            return [self.encode(item) for item in value]
        if kind is dict:
            if not all(type(k) is str for k in value):
                raise TypeError("state dict keys must be str")
            encoded = {k: self.encode(v) for k, v in value.items()}
            # A dict that has a "$type" key of its own is wrapped, so it is never read as a tag.
            return {TYPE_TAG: "dict", "items": encoded} if TYPE_TAG in value else encoded
        state_type = self._by_class.get(kind)
        if state_type is None:
            raise TypeError(
                f"cannot store {kind.__module__}.{kind.__qualname__} in dialog state: keep state "
                "to JSON values (dict, list, str, int, float, bool, None) or register a StateType"
            )
        return {TYPE_TAG: state_type.name, **state_type.to_json(value, self.encode)}

    def decode(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.decode(item) for item in value]
        if not isinstance(value, dict):
            return value
        if TYPE_TAG not in value:
            return {k: self.decode(v) for k, v in value.items()}
        name = value[TYPE_TAG]
        data = {k: v for k, v in value.items() if k != TYPE_TAG}
        if name == "dict" and isinstance(data.get("items"), dict):
            return {k: self.decode(v) for k, v in data["items"].items()}
        state_type = self._by_name.get(name) if isinstance(name, str) else None
        if state_type is None:
            raise UnknownStateType(f"dialog state names a type that is not allowed: {name!r}")
        try:
            return state_type.from_json(data, self.decode)
        except UnknownStateType:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"malformed {name} in dialog state") from exc


def _item_etag(item: object) -> Any:
    if isinstance(item, dict):
        return item.get(E_TAG)
    return getattr(item, E_TAG, None)


def _can_carry_etag(item: object) -> bool:
    return hasattr(item, "__dict__") and not isinstance(item, enum.Enum | type)


class SqlStorage(Storage):  # type: ignore[misc]  # botbuilder is untyped
    """botbuilder ``Storage`` (conversation, user and dialog state) kept in ``dialog_state``."""

    def __init__(self, store: DocumentStore, codec: StateCodec | None = None) -> None:
        super().__init__()
        self._store = store
        self._codec = codec or StateCodec()

    async def read(self, keys: Iterable[str] | None) -> dict[str, object]:
        if not keys:
            return {}  # as MemoryStorage does
        items: dict[str, object] = {}
        for key, (document, etag) in (await self._store.read(keys)).items():
            item = self._codec.decode(document)
            if isinstance(item, dict):
                item[E_TAG] = etag
            elif _can_carry_etag(item):
                setattr(item, E_TAG, etag)
            else:
                raise ValueError(f"dialog state {key!r} is not a dict or an object")
            items[key] = item
        return items

    async def write(self, changes: Mapping[str, object] | None) -> None:
        if changes is None:
            raise ValueError("Changes are required when writing")  # MemoryStorage's words
        if not changes:
            return
        batch: dict[str, tuple[Document, str | None]] = {}
        for key, item in changes.items():
            etag = _item_etag(item)
            if etag == "":
                raise ValueError(f"sql_storage.write(): e-tag missing for {key!r}")
            if etag is not None and not isinstance(etag, str):
                raise TypeError(f"e-tag of {key!r} must be a str")
            if not isinstance(item, dict) and not _can_carry_etag(item):
                raise TypeError(f"a stored item must be a dict or an object, not {type(item)}")
            document: Document = self._codec.encode(
                {k: v for k, v in item.items() if k != E_TAG} if isinstance(item, dict) else item
            )
            batch[key] = (document, etag)
        new_etags = await self._store.write(batch)  # a conflict is the store's KeyError
        for key, etag in new_etags.items():
            item = changes[key]
            if isinstance(item, dict):
                item[E_TAG] = etag
            else:
                setattr(item, E_TAG, etag)

    async def delete(self, keys: Iterable[str]) -> None:
        await self._store.delete(keys)


__all__ = [
    "DocumentStore",
    "SqlStorage",
    "StateCodec",
    "StateType",
    "UnknownStateType",
    "builtin_state_types",
]
