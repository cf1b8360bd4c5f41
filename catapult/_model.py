"""Models built from the wire by their declared fields: one generic ``from_api`` for every
resource model and callback event, and the readers that turn a wire value into a field's.

A field says how to read it (``field(whole)``) and, when the camelCase of its name is not
its JSON name, which key holds it (``wire="call"``). Readers are total: whatever the server
sends, a field gets its type or None, never an exception; unknown keys stay in ``raw``.
"""

from __future__ import annotations

import decimal
import enum
from typing import Any, Callable, Mapping, Optional, Union

import attrs

from ._compat import Self
from ._wire import Readable, compact_repr, last_segment, parse_time, text_or_none, wire_name

__all__: list[str] = []  # the machinery of models; nothing here is a public name of catapult

Reader = Callable[[object], Any]

# -- readers: a wire value in, the field's value (or None) out ---------------------------------

#: a string (a number sent by a careless server included)
string: Reader = text_or_none
#: an aware UTC datetime from any of the API's time formats
moment: Reader = parse_time


def integer(value: object) -> Optional[int]:
    """An int, from an int or a string of digits (GET callbacks send strings)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and len(value) < 30 and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def money(value: object) -> Optional[decimal.Decimal]:
    """An amount of dollars, exactly: the API sends them as strings (``"538.37250"``)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    try:
        found = decimal.Decimal(str(value).strip())
    except decimal.InvalidOperation:
        return None
    return found if found.is_finite() else None


def boolean(value: object) -> Optional[bool]:
    """A bool, from a JSON boolean or the strings ``"true"``/``"false"`` of older fixtures."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def mapping(value: object) -> Optional[dict[str, Any]]:
    """A dict, its keys exactly as sent (header names, diversion details)."""
    return dict(value) if isinstance(value, Mapping) else None


def strings(value: object) -> Optional[tuple[str, ...]]:
    """A tuple of strings from a JSON list of them (ids)."""
    return tuple(str(item) for item in value) if isinstance(value, list) else None


def enum_of(kind: type[enum.Enum]) -> Reader:
    """The member of ``kind`` for a wire value; an unknown value stays a plain string."""
    members = kind._value2member_map_  # the lookup Enum(value) does, without its overhead

    def read(value: object) -> Union[enum.Enum, str, None]:
        if value is None:
            return None
        try:
            return members[value]
        except (KeyError, TypeError):  # unknown (kept as a string), or unhashable
            return str(value)

    return read


def segment_of(value: object) -> Optional[str]:
    """The last path segment of a URL: the id a ``call``/``media`` URL ends in."""
    return last_segment(value)


def field(read: Reader = string, *, wire: Union[str, tuple[str, ...]] = "",
          default: Any = None, required: bool = False) -> Any:
    """Declare a model field read from the wire with ``read``; ``wire`` names its JSON key
    when it is not the camelCase of the field's name (a tuple: the first key present);
    ``required``: the constructor needs it (an id), while ``from_api`` always gives it."""
    metadata: dict[str, object] = {"read": read}
    if wire:
        metadata["wire"] = wire if isinstance(wire, str) else wire[0]
        metadata["wires"] = (wire,) if isinstance(wire, str) else wire
    return attrs.field(default=attrs.NOTHING if required else default, metadata=metadata)


def raw_payload() -> Any:
    """The ``raw`` field of a model: the whole payload as received, outside repr and
    equality (``from_api`` fills it)."""
    return attrs.field(factory=dict, repr=False, eq=False)


_Table = tuple[tuple[str, tuple[str, ...], Reader], ...]
_TABLES: dict[type, _Table] = {}


def table(cls: type) -> _Table:
    """(field name, JSON keys, reader) of each declared field of a model class, once."""
    found = _TABLES.get(cls)
    if found is None:
        found = _TABLES[cls] = tuple(
            (item.name, item.metadata.get("wires") or (wire_name(item),), item.metadata["read"])
            for item in attrs.fields(cls) if item.metadata.get("read") is not None
        )
    return found


Builder = Callable[[Mapping[str, Any], Mapping[str, Any], bool], Any]
_BUILDERS: dict[type, Builder] = {}


def builder(cls: type) -> Builder:
    """``build(payload, known, owned)`` for a model class: its declared fields read from
    ``payload``, ``known`` values over them, the payload kept in ``raw`` (``owned``: the
    payload is the caller's to give away, so it is not copied).

    Written once per class as a plain function, as attrs writes ``__init__``: a string
    field already a string skips its reader, and no loop or dict is built per model (a
    callback event parses in a third of the time the generic loop took)."""
    found = _BUILDERS.get(cls)
    if found is None:
        found = _BUILDERS[cls] = _compiled(cls)
    return found


def _compiled(cls: type) -> Builder:
    namespace: dict[str, Any] = {"cls": cls, "copy": dict}
    lines = ["def build(payload, known, owned):", "    get = payload.get"]
    names = []
    for index, (name, wires, read) in enumerate(table(cls)):
        namespace[f"read{index}"] = read
        lines.append(f"    v{index} = get({wires[0]!r})")
        lines += [f"    if v{index} is None: v{index} = get({key!r})" for key in wires[1:]]
        if read is string or read is ident:  # a string is itself, for both
            lines.append(f"    if type(v{index}) is not str: v{index} = read{index}(v{index})")
        else:
            lines.append(f"    v{index} = read{index}(v{index})")
        names.append(name)
    given = ", ".join(f"{name}=v{index}" for index, name in enumerate(names))
    lines += ["    raw = payload if owned else copy(payload)",
              "    if known:",
              f"        values = {{{', '.join(f'{n!r}: v{i}' for i, n in enumerate(names))}}}",
              "        values.update(known)",
              "        return cls(raw=raw, **values)",
              f"    return cls(raw=raw{', ' if given else ''}{given})"]
    exec(compile("\n".join(lines), f"<catapult builder {cls.__qualname__}>", "exec"),  # noqa: S102
         namespace)
    built: Builder = namespace["build"]
    return built


class Model(Readable):
    """Mixin for frozen attrs models read from the wire: ``from_api`` reads each declared
    field, keeps the whole payload in ``raw``, and takes the values the caller knows
    (``transport=``, the call a gather belongs to) as keywords."""

    __slots__ = ()
    __repr__ = compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any], **known: Any) -> Self:
        """Build the model from the API's JSON; unknown fields are kept in ``raw`` (a copy:
        the payload stays the caller's)."""
        made: Self = builder(cls)(payload, known, False)
        return made


#: the reader a model's ``id`` uses: always a string, empty when the server sent none
def ident(value: object) -> str:
    """An id: the wire value as a string, "" when absent."""
    return text_or_none(value) or ""

