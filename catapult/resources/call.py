"""The Call resource: a call handle with its gathers, audio and DTMF, and ``client.Call``."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union

import attrs

from .. import _options, _wire
from .._enums import CallState
from .._transport import Transport
from ..errors import ProtocolError
from ._base import Handle
from .call_options import AudioOptions, CallOptions, CallUpdate, _Dtmf, _GatherUpdate
from .gather import Gather, GatherOptions, sentence_shortcut
from .recording import Recording, Transcription

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._kwargs import (
        AudioKwargs,
        CallUpdateKwargs,
        GatherKwargs,
        GatherUpdateKwargs,
        PlayFileKwargs,
        SpeakKwargs,
        TransferKwargs,
    )

__all__ = [
    "AudioOptions",
    "Call",
    "CallLogEvent",
    "CallOptions",
    "CallState",
    "CallUpdate",
]


@attrs.frozen(kw_only=True)
class CallLogEvent(_wire.Readable):
    """One entry of a call's event log (``GET /calls/{id}/events``), not a callback.

    Attributes:
        id: e.g. ``"ce-qg4vz6anrfogri7hhduqlgq"``.
        name: e.g. ``"create"``, ``"answer"``, ``"hangup"``.
        time: aware UTC datetime, or None.
        data: the event's data as sent (a string, sometimes JSON text), or None.
        raw: the payload as received.
    """

    id: str
    name: str
    time: Optional[_dt.datetime] = None
    data: Any = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_api(cls, payload: Mapping[str, Any]) -> CallLogEvent:
        """Build from one item of the events list."""
        return cls(
            id=_wire.text_or_none(payload.get("id")) or "",
            name=_wire.text_or_none(payload.get("name")) or "",
            time=_wire.parse_time(payload.get("time")),
            data=payload.get("data"),
            raw=dict(payload),
        )


@attrs.frozen(kw_only=True, repr=False)
class Call(Handle):
    """A call. ``client.Call("c-1")`` is a handle that made no request; ``client.Call.get``
    and ``call.refresh()`` return snapshots with the fields filled in.

    Attributes:
        id: the call id, e.g. ``"c-lo5lsbqmuqltbaxu6xjjtja"``.
        from_, to: the two parties (E.164 or SIP URI).
        state: a ``CallState`` (or the server's string if new to this SDK), or None.
        direction: ``"in"`` or ``"out"``.
        start_time, active_time, end_time: aware UTC datetimes, or None.
        chargeable_duration: seconds billed, or None.
        callback_url: where the call's events go.
        tag: your tag, or None.
        sip_headers: the ``X-`` headers, names exactly as the API sent them.
        raw: the payload as received (not part of repr or equality).
    """

    id: str
    from_: Optional[str] = None
    to: Optional[str] = None
    state: Union[CallState, str, None] = None
    direction: Optional[str] = None
    start_time: Optional[_dt.datetime] = None
    active_time: Optional[_dt.datetime] = None
    end_time: Optional[_dt.datetime] = None
    chargeable_duration: Optional[int] = None
    callback_url: Optional[str] = None
    tag: Optional[str] = None
    sip_headers: Optional[Mapping[str, str]] = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    _transport: Optional[Transport] = attrs.field(
        default=None, repr=False, eq=False, alias="transport"
    )

    resource_path = "calls"
    id_name = "call_id"
    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any], *, transport: Optional[Transport] = None) -> Call:
        """Build a Call from the API's JSON (``GET /calls/{id}``); unknown fields go to ``raw``."""
        duration = payload.get("chargeableDuration")
        headers = payload.get("sipHeaders")
        return cls(
            id=_wire.text_or_none(payload.get("id")) or "",
            from_=_wire.text_or_none(payload.get("from")),
            to=_wire.text_or_none(payload.get("to")),
            state=_wire.to_enum(CallState, payload.get("state")),
            direction=_wire.text_or_none(payload.get("direction")),
            start_time=_wire.parse_time(payload.get("startTime")),
            active_time=_wire.parse_time(payload.get("activeTime")),
            end_time=_wire.parse_time(payload.get("endTime")),
            chargeable_duration=duration if isinstance(duration, int)
            and not isinstance(duration, bool) else None,
            callback_url=_wire.text_or_none(payload.get("callbackUrl")),
            tag=_wire.text_or_none(payload.get("tag")),
            sip_headers=dict(headers) if isinstance(headers, Mapping) else None,
            raw=dict(payload),
            transport=transport,
        )

    # -- the call itself -----------------------------------------------------------------

    def refresh(self) -> Call:
        """Fetch the call (``GET /calls/{id}``) and return the new snapshot.

        Raises:
            NotFoundError: no such call. Other APIError, TransportError as they happen.
        """
        result = self._t.request("GET", self._path())
        return Call.from_api(result.json_object("a call"), transport=self._t)

    @_options.shows_options(CallUpdate)
    def update(self, options: Union[CallUpdate, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[CallUpdateKwargs]) -> Optional[Call]:
        """Update the call (``POST /calls/{id}``); see ``CallUpdate`` for every option.

        Returns:
            The new Call when the API answers with a ``Location`` (a transfer), else None.

        Raises:
            InvalidOptionError: an unknown option or a bad value; nothing was sent.
            ForbiddenError: e.g. call-invalid-state. Other APIError, TransportError.
        """
        return self._update(_options.items_of(options, "call update") + list(kwargs.items()))

    def _update(self, items: list[tuple[str, object]]) -> Optional[Call]:
        body = _options.to_body(CallUpdate, items, "call update")
        result = self._t.request("POST", self._path(), body=body)
        new_id = result.location_id
        return Call(id=new_id, transport=self._t) if new_id else None

    def answer(self) -> None:
        """Answer an incoming call (``{"state": "active"}``)."""
        self.update(state="active")

    def reject(self) -> None:
        """Reject an incoming call (``{"state": "rejected"}``)."""
        self.update(state="rejected")

    def hang_up(self) -> None:
        """Hang up (``{"state": "completed"}``)."""
        self.update(state="completed")

    @_options.shows_options(CallUpdate, but=("state",))
    def transfer(self, /, transfer_to: Union[str, Mapping[str, Any], CallUpdate],
                 transfer_caller_id: Optional[str] = None,
                 whisper_audio: Union[AudioOptions, Mapping[str, Any], None] = None,
                 callback_url: Optional[str] = None, **options: Unpack[TransferKwargs]) -> Call:
        """Transfer an active call; returns the new call (id from the 201's ``Location``).

        Takes the C# shape ``transfer(to, caller_id, whisper_audio, callback_url)``, keywords,
        or node's options dict ``transfer({"transferTo": "+1..."})``.

        Args:
            transfer_to: E.164 number or ``sip:`` URI; or a dict of ``CallUpdate`` options.
            transfer_caller_id: ``"private"`` or a number of yours.
            whisper_audio: an ``AudioOptions`` or dict played to the transfer target.
            callback_url: where the new call's events go.
            **options: ``diversion_treatment``, ``diversion_reason``, ... of ``CallUpdate``.

        Raises:
            InvalidOptionError: a bad option; nothing was sent.
            ProtocolError: the API answered without the new call's Location.
        """
        items = (_options.items_of(transfer_to, "transfer")
                 if not isinstance(transfer_to, str) else [("transfer_to", transfer_to)])
        given = [(k, v) for k, v in (("transfer_caller_id", transfer_caller_id),
                                     ("whisper_audio", whisper_audio),
                                     ("callback_url", callback_url)) if v is not None]
        new = self._update([("state", "transferring"), *items, *given, *options.items()])
        if new is None:
            raise ProtocolError("transfer answered without a Location for the new call")
        return new

    # -- recording ------------------------------------------------------------------------

    def set_recording(self, enabled: bool) -> None:
        """Turn recording on or off (``{"recordingEnabled": true|false}``); each on/off span
        becomes a separate recording. C#'s ``TurnCallRecordingAsync(id, bool)``."""
        self.update(recording_enabled=enabled)

    def enable_recording(self) -> None:
        """Start recording the call (``{"recordingEnabled": true}``)."""
        self.set_recording(True)

    def disable_recording(self) -> None:
        """Stop recording the call (``{"recordingEnabled": false}``)."""
        self.set_recording(False)

    def set_max_recording_duration(self, seconds: Union[int, str]) -> None:
        """Cap the length of recordings (``{"recordingMaxDuration": seconds}``); the API
        refuses a change while a recording runs (409 conflicted-recording-values-request)."""
        self.update(recording_max_duration=seconds)

    def get_recordings(self) -> list[Recording]:
        """The call's recordings (``GET /calls/{id}/recordings``)."""
        return [Recording.from_api(item, transport=self._t)
                for item in self._t.paginate(self._path("recordings"))
                if isinstance(item, Mapping)]

    def get_transcriptions(self) -> list[Transcription]:
        """The transcriptions of the call's recordings (``GET /calls/{id}/transcriptions``)."""
        return [Transcription.from_api(item)
                for item in self._t.paginate(self._path("transcriptions"))
                if isinstance(item, Mapping)]

    # -- audio and DTMF -------------------------------------------------------------------

    @_options.shows_options(AudioOptions)
    def play_audio(self, options: Union[AudioOptions, Mapping[str, Any], None] = None, /,
                   **kwargs: Unpack[AudioKwargs]) -> None:
        """Speak a sentence or play a file (``POST /calls/{id}/audio``); see ``AudioOptions``.

        Raises:
            InvalidOptionError: an unknown option or a bad value; nothing was sent.
        """
        self._play(_options.items_of(options, "audio") + list(kwargs.items()))

    def _play(self, items: list[tuple[str, object]]) -> None:
        body = _options.to_body(AudioOptions, items, "audio")
        self._t.request("POST", self._path("audio"), body=body)

    @_options.shows_options(AudioOptions)
    def speak_sentence(self, /, sentence: str, tag: Optional[str] = None,
                       gender: Optional[str] = None, voice: Optional[str] = None,
                       **options: Unpack[SpeakKwargs]) -> None:
        """Speak ``sentence`` (at most 1000 characters), in Ruby's shape
        ``speak_sentence(sentence, tag, gender, voice)`` or with keywords (``locale``,
        ``loop_enabled``, ``volume``: see ``AudioOptions``). Only what is given is sent:
        unlike the Ruby SDK, no default gender or voice is added."""
        given = [(k, v) for k, v in (("tag", tag), ("gender", gender), ("voice", voice))
                 if v is not None]
        self._play([("sentence", sentence), *given, *options.items()])

    @_options.shows_options(AudioOptions)
    def play_audio_file(self, /, file_url: str, tag: Optional[str] = None,
                        **options: Unpack[PlayFileKwargs]) -> None:
        """Play the WAV or MP3 at ``file_url``; Ruby's ``play_recording(url, tag)`` shape, or
        keywords as in ``AudioOptions``."""
        given = [("tag", tag)] if tag is not None else []
        self._play([("file_url", file_url), *given, *options.items()])

    def stop_speaking(self) -> None:
        """Stop a sentence being spoken (``{"sentence": ""}``)."""
        self.play_audio(sentence="")

    def stop_audio_file(self) -> None:
        """Stop a file being played (``{"fileUrl": ""}``)."""
        self.play_audio(file_url="")

    def send_dtmf(self, dtmf_out: str) -> None:
        """Send DTMF tones to the call (``POST /calls/{id}/dtmf``).

        Args:
            dtmf_out: at most 92 of ``0-9 A-D * #``, with ``,``/``w`` (0.5 s) and ``W`` (1 s)
                pauses.
        """
        body = _options.to_body(_Dtmf, [("dtmf_out", dtmf_out)], "dtmf")
        self._t.request("POST", self._path("dtmf"), body=body)

    def get_events(self) -> list[CallLogEvent]:
        """The call's event log (``GET /calls/{id}/events``), oldest first as the API sends it."""
        return [CallLogEvent.from_api(item) for item in self._t.paginate(self._path("events"))
                if isinstance(item, Mapping)]

    def get_event(self, event_id: str) -> CallLogEvent:
        """One entry of the call's event log (``GET /calls/{id}/events/{event_id}``)."""
        result = self._t.request("GET", self._path("events", _wire.segment(event_id, "event_id")))
        return CallLogEvent.from_api(result.json_object("a call event"))

    # -- gathers --------------------------------------------------------------------------

    @_options.shows_options(GatherOptions)
    def create_gather(
        self,
        options: Union[GatherOptions, Mapping[str, Any], str, None] = None,
        /,
        **kwargs: Unpack[GatherKwargs],
    ) -> Gather:
        """Start collecting DTMF digits on this active call (``POST /calls/{id}/gather``).

        The request returns at once; when the gather ends, the API posts a ``gather`` event to
        the call's callback URL. Options may be keywords in snake_case, or one dict written
        the way the official samples write it (JS/C# camelCase or a Ruby snake_case hash);
        values are sent exactly as given, omitted options are not sent.

        Args:
            options: a dict or ``GatherOptions``; or a string, Ruby's shortcut, which sends
                ``{"tag": <call id>, "maxDigits": 1, "prompt": {"locale": "en_US",
                "gender": "female", "sentence": <string>, "voice": "kate",
                "bargeable": true}}`` (keywords given with it replace those top-level keys).
            max_digits: digits to collect, not counting a terminating digit; a whole number
                1..30, int or numeric string.
            inter_digit_timeout: seconds to wait for the first digit and between digits; a
                number > 0 and <= 30, fractions allowed (API default 5).
            terminating_digits: a non-empty string of ``0-9 * #``; any one of them ends the
                gather at once (API default ``"#"``).
            tag: a string of yours, echoed in the gather event.
            prompt: a ``Prompt`` or a dict with ``sentence`` (<= 1000 characters),
                ``gender`` (male|female), ``locale`` (str, e.g. en_US), ``voice`` (str, e.g.
                Susan or kate), ``file_url`` (str), ``loop_enabled`` (bool), ``bargeable``
                (bool, deprecated: the API always interrupts at the first digit).
            suppress_dtmf: bool; legacy option of the older SDKs.

        Returns:
            A ``Gather`` with the ``id`` from the 201's ``Location`` (no further request).

        Raises:
            InvalidOptionError: an unknown option (with a did-you-mean), a key given in both
                spellings, or a value out of range; nothing was sent.
            ConflictError: a gather is already running (call-duplicate-gather-error).
            ForbiddenError: the call is not active (call-invalid-state).
            NotFoundError: no such call.
            ProtocolError: a 201 without Location.
            TransportError: no answer (RequestTimeout after the client's timeout).

        Example:
            >>> gather = call.create_gather(max_digits=5, terminating_digits="*",
            ...                             inter_digit_timeout=7,
            ...                             prompt={"sentence": "Please enter your code"})
            >>> gather.id
            'gtr-kj4xloaq5vbpfxyeypndgxa'
        """
        if isinstance(options, str):
            shortcut = sentence_shortcut(options, self.id)
            chosen = dict(_options.collect(GatherOptions, shortcut.items(), "gather"))
            chosen.update(_options.collect(GatherOptions, kwargs.items(), "gather"))
        else:
            chosen = _options.collect(GatherOptions, _options.items_of(options, "gather")
                                   + list(kwargs.items()), "gather")
        body = _options.encode(GatherOptions, chosen, "gather")
        result = self._t.request("POST", self._path("gather"), body=body, created=True)
        return Gather(id=result.created_id(), call_id=self.id, call=self)

    def get_gather(self, gather_id: str) -> Gather:
        """Fetch a gather (``GET /calls/{id}/gather/{gather_id}``): state, reason, digits, times.

        Raises:
            NotFoundError: no such gather or call. Other APIError, TransportError.
        """
        path = self._path("gather", _wire.segment(gather_id, "gather_id"))
        result = self._t.request("GET", path)
        return Gather.from_api(result.json_object("a gather"), call=self)

    @_options.shows_options(_GatherUpdate)
    def update_gather(self, gather_id: str, options: Optional[Mapping[str, Any]] = None, /,
                      **kwargs: Unpack[GatherUpdateKwargs]) -> None:
        """Update a gather; the API allows only ``state="completed"``, which stops it.
        ``update_gather(id)``, ``update_gather(id, state="completed")`` and Ruby's
        ``update_gather(id, {"state": "completed"})`` send the same request.

        Raises:
            InvalidOptionError: any other state or option; nothing was sent.
        """
        items = _options.items_of(options, "gather update") + list(kwargs.items())
        body = _options.to_body(_GatherUpdate, items or [("state", "completed")],
                                "gather update")
        path = self._path("gather", _wire.segment(gather_id, "gather_id"))
        self._t.request("POST", path, body=body)

    def stop_gather(self, gather_id: str) -> None:
        """Stop a running gather; the same request as ``update_gather(id, state="completed")``."""
        self.update_gather(gather_id, state="completed")

    # -- the official SDKs' names where they differ from ours (see docs/porting.md) -------

    hangup = hang_up                              # Ruby, node, C#
    answer_on_incoming = answer                   # Ruby
    reject_incoming = reject                      # Ruby
    reload = refresh                              # Ruby (returns a new snapshot)
    set_dtmf = send_dtmf                          # Ruby
    play_recording = play_audio_file              # Ruby
    recording_on = enable_recording               # Ruby
    recording_off = disable_recording             # Ruby
    turn_call_recording = set_recording           # C#
    play_audio_advanced = play_audio              # node
    stop_audio_file_playback = stop_audio_file    # node
    complete_gather = stop_gather                 # node

    # -- plumbing -------------------------------------------------------------------------


