"""Typed callback events (the events the API posts to your callback URL) and parse_event.

The base class and the conference events live in their own modules; every event class is
available from here."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Mapping, Optional, Union

import attrs

from ._conference_events import (
    ConferenceEvent,
    ConferenceMemberEvent,
    ConferencePlaybackEvent,
    ConferenceSpeakEvent,
)
from ._enums import CallState, GatherReason, GatherState
from ._event_base import Event, HangupCause, PlaybackStatus
from ._message_events import MmsEvent, SmsEvent
from ._model import builder, enum_of, field, integer, mapping, moment
from ._wire import text_or_none
from .errors import EventParseError

__all__ = [
    "AnswerEvent",
    "ConferenceEvent",
    "ConferenceMemberEvent",
    "ConferencePlaybackEvent",
    "ConferenceSpeakEvent",
    "DtmfEvent",
    "ErrorEvent",
    "RedirectEvent",
    "TransferCompleteEvent",
    "Event",
    "GatherEvent",
    "HangupCause",
    "HangupEvent",
    "IncomingCallEvent",
    "MmsEvent",
    "PlaybackEvent",
    "PlaybackStatus",
    "RecordingEvent",
    "SmsEvent",
    "SpeakEvent",
    "TimeoutEvent",
    "TranscriptionEvent",
    "parse_event",
]

_ECHO = 200  # at most this many characters of a bad body appear in an error message


@attrs.frozen(kw_only=True, repr=False)
class GatherEvent(Event):
    """A gather ended: ``digits`` were collected, for ``reason``.

    Attributes:
        gather_id: the gather's id.
        digits: the digits collected: a string, ``""`` when none were (every gather
            event carries them).
        reason: a ``GatherReason`` (max-digits, terminating-digit, inter-digit-timeout,
            hung-up), or the server's string if new to this SDK.
        state: a ``GatherState``, ``completed`` in every documented event.
        terminating_digit: the key that ended the gather; sent only by a BXML ``<Gather>``
            (its result GET to ``requestUrl``), else None.
    """

    gather_id: Optional[str] = field()
    digits: str = field(lambda value: text_or_none(value) or "", default="")
    reason: Union[GatherReason, str, None] = field(enum_of(GatherReason))
    state: Union[GatherState, str, None] = field(enum_of(GatherState))
    terminating_digit: Optional[str] = field()


@attrs.frozen(kw_only=True, repr=False)
class _PartiesEvent(Event):
    from_: Optional[str] = field()
    to: Optional[str] = field()
    call_state: Union[CallState, str, None] = field(enum_of(CallState))


@attrs.frozen(kw_only=True, repr=False)
class IncomingCallEvent(_PartiesEvent):
    """A call arrived on a number of your application.

    Attributes:
        from_, to: the parties; call_state: ``active``; application_id: your application;
        diversion: the diversion details as sent (keys never renamed), or None.
    """

    application_id: Optional[str] = field()
    diversion: Optional[Mapping[str, Any]] = field(mapping)


@attrs.frozen(kw_only=True, repr=False)
class AnswerEvent(_PartiesEvent):
    """A call was answered. Fields as in ``IncomingCallEvent``."""

    application_id: Optional[str] = field()
    diversion: Optional[Mapping[str, Any]] = field(mapping)


@attrs.frozen(kw_only=True, repr=False)
class HangupEvent(_PartiesEvent):
    """A call ended. A rejected call arrives as a hangup with cause ``CALL_REJECTED``.

    Attributes:
        cause: a ``HangupCause`` or the server's string.
    """

    cause: Union[HangupCause, str, None] = field(enum_of(HangupCause))

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
class RedirectEvent(_PartiesEvent):
    """BXML only: a ``<Redirect>`` ran; answer with the BXML to continue."""


@attrs.frozen(kw_only=True, repr=False)
class TransferCompleteEvent(_PartiesEvent):
    """BXML only: the B leg of a ``<Transfer>`` ended (sent to the A leg's URL; not sent
    when no B leg answered)."""


@attrs.frozen(kw_only=True, repr=False)
class SpeakEvent(Event):
    """Speaking a sentence started or finished.

    Attributes:
        status: a ``PlaybackStatus`` (started, done).
        state: ``PLAYBACK_START`` or ``PLAYBACK_STOP`` as sent.
    """

    status: Union[PlaybackStatus, str, None] = field(enum_of(PlaybackStatus))
    state: Optional[str] = field()


@attrs.frozen(kw_only=True, repr=False)
class PlaybackEvent(Event):
    """Playing an audio file started or finished. ``status``: a ``PlaybackStatus``."""

    status: Union[PlaybackStatus, str, None] = field(enum_of(PlaybackStatus))


@attrs.frozen(kw_only=True, repr=False)
class DtmfEvent(Event):
    """The caller pressed a key.

    Attributes:
        dtmf_digit: the key, e.g. ``"5"``; dtmf_duration: milliseconds as an int, or None.
    """

    dtmf_digit: Optional[str] = field()
    dtmf_duration: Optional[int] = field(integer)


@attrs.frozen(kw_only=True, repr=False)
class RecordingEvent(Event):
    """A recording of the call finished.

    Attributes:
        recording_id, recording_uri: the recording; state, status: as sent
        (``complete`` or ``error``); start_time, end_time: aware UTC datetimes.
    """

    recording_id: Optional[str] = field()
    recording_uri: Optional[str] = field()
    state: Optional[str] = field()
    status: Optional[str] = field()
    start_time: Optional[_dt.datetime] = field(moment)
    end_time: Optional[_dt.datetime] = field(moment)


@attrs.frozen(kw_only=True, repr=False)
class TranscriptionEvent(Event):
    """A transcription of a recording finished.

    Attributes:
        transcription_id, transcription_uri, recording_id: ids and URL; state, status:
        as sent (``completed`` or ``error``); text: the first 1026 characters;
        text_size: the full length; text_url: where the full text is.
    """

    transcription_id: Optional[str] = field()
    transcription_uri: Optional[str] = field()
    recording_id: Optional[str] = field()
    state: Optional[str] = field()
    status: Optional[str] = field()
    text: Optional[str] = field()
    text_size: Optional[int] = field(integer)
    text_url: Optional[str] = field()


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
    "redirect": RedirectEvent,
    "transfercomplete": TransferCompleteEvent,
    "conference": ConferenceEvent,
    "conference-member": ConferenceMemberEvent,
    "conference-playback": ConferencePlaybackEvent,
    "conference-speak": ConferenceSpeakEvent,
    "sms": SmsEvent,
    "mms": MmsEvent,
}


class _Builds(dict):  # type: ignore[type-arg]
    """The builder of each event type as the API writes it, made on first use."""

    def __missing__(self, kind: str) -> Any:
        cls = _CLASSES.get(kind.strip().lower())
        if cls is None:  # not kept: a sender may invent any number of types
            return None
        found = builder(cls)
        if len(self) < 64:  # "transferComplete" as the API writes it, too; but a bounded few
            self[kind] = found
        return found


_BUILDS = _Builds()


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
    build = _BUILDS[kind] if type(kind) is str else None  # the usual: a known type
    if build is None:
        if not isinstance(kind, str) or not kind.strip():
            raise EventParseError(
                f"not a callback event: no eventType string in {_echo(_safe_dump(payload))}"
            )
        build = builder(_CLASSES.get(kind.strip().lower(), Event))
    try:
        made: Event = build(payload, {}, True)  # the payload is ours: not copied
        return made
    except (TypeError, ValueError, OverflowError, RecursionError) as exc:  # pragma: no cover
        # every converter is total; this guard keeps the promise if one is not
        raise EventParseError(f"{kind} event could not be read: {type(exc).__name__}") from exc


def _payload(body: object) -> dict[str, Any]:
    if isinstance(body, (bytes, bytearray, memoryview)):
        raw = bytes(body)
        try:  # UTF-8, a byte order mark allowed (the C decoder; utf-8-sig's is Python)
            body = (raw[3:] if raw[:3] == b"\xef\xbb\xbf" else raw).decode("utf-8")
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
