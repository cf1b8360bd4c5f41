"""What every callback event shares: the Event base class, the shared status enums, and
the declared-field helpers the event classes are built from."""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any, Callable, Mapping, Optional

import attrs

from . import _wire


class HangupCause(_wire.StrEnum):
    """Why a call ended (the ``cause`` of a hangup event)."""

    ORIGINATOR_CANCEL = "ORIGINATOR_CANCEL"
    NORMAL_CLEARING = "NORMAL_CLEARING"
    USER_BUSY = "USER_BUSY"
    CALL_REJECTED = "CALL_REJECTED"
    UNALLOCATED_NUMBER = "UNALLOCATED_NUMBER"
    NO_ANSWER = "NO_ANSWER"
    NORMAL_TEMPORARY_FAILURE = "NORMAL_TEMPORARY_FAILURE"


class PlaybackStatus(_wire.StrEnum):
    """The ``status`` of a speak or playback event."""

    STARTED = "started"
    DONE = "done"


# -- declared fields --------------------------------------------------------------------------

def enum_field(kind: type[enum.Enum]) -> Callable[[object], object]:
    """A converter to ``kind``'s member, an unknown value kept as a string."""
    members = kind._value2member_map_  # the lookup Enum(value) does, without its overhead

    def convert(value: object) -> object:
        if value is None:
            return None
        try:
            return members[value]
        except (KeyError, TypeError):  # unknown (kept as a string), or unhashable
            return _wire.to_enum(kind, value)

    return convert


def whole(value: object) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value) < 30:
        return int(value.strip())
    return None


def mapping(value: object) -> Optional[dict[str, Any]]:
    # map-valued fields (diversion) keep their keys exactly as sent
    return dict(value) if isinstance(value, Mapping) else None


def field(convert: Callable[[object], Any] = _wire.text_or_none, wire: str = "") -> Any:
    metadata: dict[str, object] = {"convert": convert}
    if wire:
        metadata["wire"] = wire
    return attrs.field(default=None, metadata=metadata)


TIME = _wire.parse_time


_Table = tuple[tuple[str, str, Callable[[object], Any]], ...]
_TABLES: dict[type, _Table] = {}


def table(cls: type) -> _Table:
    """(field name, JSON name, converter) of each declared field of an event class, once."""
    table = _TABLES.get(cls)
    if table is None:
        table = _TABLES[cls] = tuple(
            (field.name, _wire.wire_name(field), field.metadata["convert"])
            for field in attrs.fields(cls) if field.metadata.get("convert") is not None
        )
    return table


@attrs.frozen(kw_only=True, repr=False)
class Event(_wire.Readable):
    """A callback event. Unknown event types are parsed as a plain ``Event``.

    Attributes:
        event_type: the ``eventType`` as sent, e.g. ``"gather"``.
        call_id: the call the event is about, or None.
        call_uri: the call's full URL, or None.
        time: when it happened, an aware UTC datetime, or None.
        tag: the tag you set on the call, gather or audio, or None.
        raw: the whole payload as received, unknown fields included.
    """

    event_type: str = attrs.field(default="", metadata={"convert": _wire.text_or_none})
    call_id: Optional[str] = field()
    call_uri: Optional[str] = field()
    time: Optional[_dt.datetime] = field(TIME)
    tag: Optional[str] = field()
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False,
                                         metadata={"convert": None})

    __repr__ = _wire.compact_repr

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Event:
        """Build this event class from a parsed payload, field by declared field."""
        get = payload.get
        values = {name: convert(get(wire)) for name, wire, convert in table(cls)}
        values["event_type"] = values["event_type"] or ""
        return cls(raw=dict(payload), **values)

    def describe(self) -> str:
        """One line for a log or a terminal: time, type, and the fields that are set."""
        when = _wire.format_time(self.time) if self.time else "-"
        parts = [when, self.event_type]
        for field in attrs.fields(type(self)):
            if field.name in ("event_type", "time", "raw", "call_uri"):
                continue
            value = getattr(self, field.name)
            if value is not None and not isinstance(value, Mapping):
                parts.append(f"{field.name}={value}")
        return " ".join(parts)
