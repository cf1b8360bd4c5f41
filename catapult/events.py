"""Typed callback events (the call events the API posts to your callback URL) and parse_event."""

from __future__ import annotations

import datetime as _dt
import enum
import json
from typing import Any, Callable, Mapping, Optional, Union

import attrs

from . import _wire
from ._enums import CallState, GatherReason, GatherState
from .errors import EventParseError

__all__ = [
    "AnswerEvent",
    "ConferenceEvent",
    "ConferenceMemberEvent",
    "ConferencePlaybackEvent",
    "ConferenceSpeakEvent",
    "DtmfEvent",
    "ErrorEvent",
    "Event",
    "GatherEvent",
    "HangupCause",
    "HangupEvent",
    "IncomingCallEvent",
    "PlaybackEvent",
    "PlaybackStatus",
    "RecordingEvent",
    "SpeakEvent",
    "TimeoutEvent",
    "TranscriptionEvent",
    "event_types",
    "parse_event",
]

_ECHO = 200  # at most this many characters of a bad body appear in an error message


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

def _enum(kind: type[enum.Enum]) -> Callable[[object], object]:
    members = kind._value2member_map_  # the lookup Enum(value) does, without its overhead

    def convert(value: object) -> object:
        if value is None:
            return None
        try:
            return members[value]
        except (KeyError, TypeError):  # unknown (kept as a string), or unhashable
            return _wire.to_enum(kind, value)

    return convert


def _whole(value: object) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value) < 30:
        return int(value.strip())
    return None


def _map(value: object) -> Optional[dict[str, Any]]:
    # map-valued fields (diversion) keep their keys exactly as sent
    return dict(value) if isinstance(value, Mapping) else None


def _field(convert: Callable[[object], Any] = _wire.text_or_none, wire: str = "") -> Any:
    metadata: dict[str, object] = {"convert": convert}
    if wire:
        metadata["wire"] = wire
    return attrs.field(default=None, metadata=metadata)


_TIME = _wire.parse_time


_Table = tuple[tuple[str, str, Callable[[object], Any]], ...]
_TABLES: dict[type, _Table] = {}


def _table(cls: type) -> _Table:
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
    call_id: Optional[str] = _field()
    call_uri: Optional[str] = _field()
    time: Optional[_dt.datetime] = _field(_TIME)
    tag: Optional[str] = _field()
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False,
                                         metadata={"convert": None})

    __repr__ = _wire.compact_repr

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> Event:
        """Build this event class from a parsed payload, field by declared field."""
        get = payload.get
        values = {name: convert(get(wire)) for name, wire, convert in _table(cls)}
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


@attrs.frozen(kw_only=True, repr=False)
class GatherEvent(Event):
    """A gather ended: ``digits`` were collected, for ``reason``.

    Attributes:
        gather_id: the gather's id.
        digits: the digits collected (a string, possibly empty).
        reason: a ``GatherReason`` (max-digits, terminating-digit, inter-digit-timeout,
            hung-up), or the server's string if new to this SDK.
        state: a ``GatherState``, ``completed`` in every documented event.
    """

    gather_id: Optional[str] = _field()
    digits: Optional[str] = _field()
    reason: Union[GatherReason, str, None] = _field(_enum(GatherReason))
    state: Union[GatherState, str, None] = _field(_enum(GatherState))


@attrs.frozen(kw_only=True, repr=False)
class _PartiesEvent(Event):
    from_: Optional[str] = _field()
    to: Optional[str] = _field()
    call_state: Union[CallState, str, None] = _field(_enum(CallState))


@attrs.frozen(kw_only=True, repr=False)
class IncomingCallEvent(_PartiesEvent):
    """A call arrived on a number of your application.

    Attributes:
        from_, to: the parties; call_state: ``active``; application_id: your application;
        diversion: the diversion details as sent (keys never renamed), or None.
    """

    application_id: Optional[str] = _field()
    diversion: Optional[Mapping[str, Any]] = _field(_map)


@attrs.frozen(kw_only=True, repr=False)
class AnswerEvent(_PartiesEvent):
    """A call was answered. Fields as in ``IncomingCallEvent``."""

    application_id: Optional[str] = _field()
    diversion: Optional[Mapping[str, Any]] = _field(_map)


@attrs.frozen(kw_only=True, repr=False)
class HangupEvent(_PartiesEvent):
    """A call ended. A rejected call arrives as a hangup with cause ``CALL_REJECTED``.

    Attributes:
        cause: a ``HangupCause`` or the server's string.
    """

    cause: Union[HangupCause, str, None] = _field(_enum(HangupCause))

    @property
    def rejected(self) -> bool:
        """True when the call was rejected (cause ``CALL_REJECTED``, or a ``reject`` event)."""
        return self.cause == HangupCause.CALL_REJECTED or self.event_type == "reject"


@attrs.frozen(kw_only=True, repr=False)
class TimeoutEvent(_PartiesEvent):
    """An outbound call was not answered within its ``callTimeout``."""


@attrs.frozen(kw_only=True, repr=False)
class ErrorEvent(_PartiesEvent):
    """A call failed (legacy event; ``call_state`` is ``error``)."""


@attrs.frozen(kw_only=True, repr=False)
class SpeakEvent(Event):
    """Speaking a sentence started or finished.

    Attributes:
        status: a ``PlaybackStatus`` (started, done).
        state: ``PLAYBACK_START`` or ``PLAYBACK_STOP`` as sent.
    """

    status: Union[PlaybackStatus, str, None] = _field(_enum(PlaybackStatus))
    state: Optional[str] = _field()


@attrs.frozen(kw_only=True, repr=False)
class PlaybackEvent(Event):
    """Playing an audio file started or finished. ``status``: a ``PlaybackStatus``."""

    status: Union[PlaybackStatus, str, None] = _field(_enum(PlaybackStatus))


@attrs.frozen(kw_only=True, repr=False)
class DtmfEvent(Event):
    """The caller pressed a key.

    Attributes:
        dtmf_digit: the key, e.g. ``"5"``; dtmf_duration: milliseconds as an int, or None.
    """

    dtmf_digit: Optional[str] = _field()
    dtmf_duration: Optional[int] = _field(_whole)


@attrs.frozen(kw_only=True, repr=False)
class RecordingEvent(Event):
    """A recording of the call finished.

    Attributes:
        recording_id, recording_uri: the recording; state, status: as sent
        (``complete`` or ``error``); start_time, end_time: aware UTC datetimes.
    """

    recording_id: Optional[str] = _field()
    recording_uri: Optional[str] = _field()
    state: Optional[str] = _field()
    status: Optional[str] = _field()
    start_time: Optional[_dt.datetime] = _field(_TIME)
    end_time: Optional[_dt.datetime] = _field(_TIME)


@attrs.frozen(kw_only=True, repr=False)
class TranscriptionEvent(Event):
    """A transcription of a recording finished.

    Attributes:
        transcription_id, transcription_uri, recording_id: ids and URL; state, status:
        as sent (``completed`` or ``error``); text: the first 1026 characters;
        text_size: the full length; text_url: where the full text is.
    """

    transcription_id: Optional[str] = _field()
    transcription_uri: Optional[str] = _field()
    recording_id: Optional[str] = _field()
    state: Optional[str] = _field()
    status: Optional[str] = _field()
    text: Optional[str] = _field()
    text_size: Optional[int] = _field(_whole)
    text_url: Optional[str] = _field()


def _flag(value: object) -> Optional[bool]:
    # JSON booleans, or the strings a GET callback's query carries
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


@attrs.frozen(kw_only=True, repr=False)
class ConferenceEvent(Event):
    """A conference was created or completed.

    Attributes:
        conference_id, conference_uri: the conference; status: ``created`` or
        ``completed``; created_time, completed_time: aware UTC datetimes (the API sends
        offsets such as ``-02:00``; they are converted).
    """

    conference_id: Optional[str] = _field()
    conference_uri: Optional[str] = _field()
    status: Optional[str] = _field()
    created_time: Optional[_dt.datetime] = _field(_TIME)
    completed_time: Optional[_dt.datetime] = _field(_TIME)


@attrs.frozen(kw_only=True, repr=False)
class ConferenceMemberEvent(Event):
    """A member joined or left a conference, or was muted or held.

    Attributes:
        conference_id, member_id, member_uri: the conference and the member;
        state: ``active`` or ``completed``; active_members: how many remain;
        hold, mute: the member's flags.
    """

    conference_id: Optional[str] = _field()
    member_id: Optional[str] = _field()
    member_uri: Optional[str] = _field()
    state: Optional[str] = _field()
    active_members: Optional[int] = _field(_whole)
    hold: Optional[bool] = _field(_flag)
    mute: Optional[bool] = _field(_flag)


@attrs.frozen(kw_only=True, repr=False)
class ConferencePlaybackEvent(Event):
    """An audio file started or finished playing to a whole conference. (Audio to one
    member is reported by that member's call, as a ``playback`` event.)

    Attributes:
        conference_id, conference_uri: the conference; status: a ``PlaybackStatus``.
    """

    conference_id: Optional[str] = _field()
    conference_uri: Optional[str] = _field()
    status: Union[PlaybackStatus, str, None] = _field(_enum(PlaybackStatus))


@attrs.frozen(kw_only=True, repr=False)
class ConferenceSpeakEvent(ConferencePlaybackEvent):
    """A sentence started or finished being spoken to a whole conference. Fields as in
    ``ConferencePlaybackEvent``."""


_CLASSES: dict[str, type[Event]] = {
    "gather": GatherEvent,
    "incomingcall": IncomingCallEvent,
    "answer": AnswerEvent,
    "hangup": HangupEvent,
    "reject": HangupEvent,
    "timeout": TimeoutEvent,
    "speak": SpeakEvent,
    "playback": PlaybackEvent,
    "dtmf": DtmfEvent,
    "recording": RecordingEvent,
    "transcription": TranscriptionEvent,
    "error": ErrorEvent,
    "conference": ConferenceEvent,
    "conference-member": ConferenceMemberEvent,
    "conference-playback": ConferencePlaybackEvent,
    "conference-speak": ConferenceSpeakEvent,
}


def event_types() -> dict[str, type[Event]]:
    """The event types with a class of their own, ``{"gather": GatherEvent, ...}``."""
    return dict(_CLASSES)


def parse_event(body: Union[bytes, bytearray, memoryview, str, Mapping[str, Any]]) -> Event:
    """Parse a callback body into its typed event.

    Args:
        body: the raw request body (bytes or str of JSON), a parsed JSON dict, or the query
            parameters of a GET callback (``callbackHttpMethod=GET``), whose values are
            strings (a list of one string, as ``parse_qs`` gives, is unwrapped).

    Returns:
        ``GatherEvent``, ``AnswerEvent``, ``HangupEvent``, ... by ``eventType``; a plain
        ``Event`` for a type this SDK does not know. Unknown fields stay in ``raw``, an
        unknown enum value stays a string, and a missing field is None.

    Raises:
        EventParseError: (a ValueError) the body is not a JSON object with an ``eventType``.
    """
    payload = _payload(body)
    kind = payload.get("eventType")
    if not isinstance(kind, str) or not kind.strip():
        raise EventParseError(
            f"not a callback event: no eventType string in {_echo(_safe_dump(payload))}"
        )
    cls = _CLASSES.get(kind.strip().lower(), Event)
    try:
        return cls.from_payload(payload)
    except (TypeError, ValueError, OverflowError, RecursionError) as exc:  # pragma: no cover
        # every converter is total; this guard keeps the promise if one is not
        raise EventParseError(f"{kind} event could not be read: {type(exc).__name__}") from exc


def _payload(body: object) -> dict[str, Any]:
    if isinstance(body, (bytes, bytearray, memoryview)):
        try:
            body = bytes(body).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise EventParseError("not a callback event: the body is not UTF-8 text") from exc
    if isinstance(body, str):
        try:
            parsed = json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise EventParseError(f"not a callback event: not JSON: {_echo(body)}") from exc
        if not isinstance(parsed, dict):
            raise EventParseError(
                f"not a callback event: expected a JSON object, got {type(parsed).__name__}: "
                f"{_echo(body)}"
            )
        return parsed
    if isinstance(body, Mapping):
        return {str(key): _unwrap(value) for key, value in body.items()}
    raise EventParseError(
        f"not a callback event: expected bytes, str or a dict, got {type(body).__name__}"
    )


def _unwrap(value: object) -> object:
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
        return value[0]
    return value


def _safe_dump(payload: Mapping[str, Any]) -> str:
    try:
        return json.dumps(payload, default=repr)
    except (ValueError, TypeError, RecursionError):
        return repr(type(payload))


def _echo(text: str) -> str:
    return repr(text[:_ECHO]) + ("..." if len(text) > _ECHO else "")
