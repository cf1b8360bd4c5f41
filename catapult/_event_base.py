"""What every callback event shares: the Event base class and the shared status enums."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Mapping, Optional

import attrs

from . import _wire
from ._model import Model, field, ident, moment, raw_payload


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


@attrs.frozen(kw_only=True, repr=False)
class Event(Model):
    """A callback event. Unknown event types are parsed as a plain ``Event``.

    Attributes:
        event_type: the ``eventType`` as sent, e.g. ``"gather"``.
        call_id: the call the event is about, or None.
        call_uri: the call's full URL, or None.
        time: when it happened, an aware UTC datetime, or None.
        tag: the tag you set on the call, gather or audio, or None.
        raw: the whole payload as received, unknown fields included.
    """

    event_type: str = field(ident, default="")
    call_id: Optional[str] = field()
    call_uri: Optional[str] = field()
    time: Optional[_dt.datetime] = field(moment)
    tag: Optional[str] = field()
    raw: Mapping[str, Any] = raw_payload()

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Event:
        """Build this event class from a parsed payload, field by declared field."""
        return cls.from_api(payload)

    def describe(self) -> str:
        """One line for a log or a terminal: time, type, and the fields that are set."""
        when = _wire.format_time(self.time) if self.time else "-"
        parts = [when, self.event_type]
        for declared in attrs.fields(type(self)):
            if declared.name in ("event_type", "time", "raw", "call_uri"):
                continue
            value = getattr(self, declared.name)
            if value is not None and not isinstance(value, Mapping):
                parts.append(f"{declared.name}={value}")
        return " ".join(parts)
