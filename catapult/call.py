"""The Call resource: a call handle with its gathers, audio and DTMF, and ``client.Call``."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Iterator, Mapping, Optional, Union

import attrs

from . import _options, _wire
from ._transport import Transport
from .call_options import AudioOptions, CallOptions, CallUpdate, _CallQuery, _Dtmf, _GatherUpdate
from .errors import CatapultError, ProtocolError
from .gather import Gather, GatherOptions, sentence_shortcut

__all__ = [
    "AudioOptions",
    "Call",
    "CallCollection",
    "CallLogEvent",
    "CallOptions",
    "CallState",
    "CallUpdate",
]


class CallState(_wire.StrEnum):
    """The state of a call."""

    STARTED = "started"
    REJECTED = "rejected"
    ACTIVE = "active"
    COMPLETED = "completed"
    TRANSFERRING = "transferring"


@attrs.frozen(kw_only=True)
class CallLogEvent:
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
class Call:
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

    def update(self, options: Union[CallUpdate, Mapping[str, Any], None] = None, /,
               **kwargs: Any) -> Optional[Call]:
        """Update the call (``POST /calls/{id}``); see ``CallUpdate`` for every option.

        Returns:
            The new Call when the API answers with a ``Location`` (a transfer), else None.

        Raises:
            InvalidOptionError: an unknown option or a bad value; nothing was sent.
            ForbiddenError: e.g. call-invalid-state. Other APIError, TransportError.
        """
        body = _options.to_body(CallUpdate, _options.items_of(options, "call update")
                             + list(kwargs.items()), "call update")
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

    hangup = hang_up

    def transfer(self, transfer_to: str, **options: Any) -> Call:
        """Transfer an active call; returns the new call (id from the 201's ``Location``).

        Args:
            transfer_to: E.164 number or ``sip:`` URI.
            **options: ``transfer_caller_id``, ``whisper_audio``, ``callback_url``, ... of
                ``CallUpdate``.

        Raises:
            ProtocolError: the API answered without the new call's Location.
        """
        new = self.update(state="transferring", transfer_to=transfer_to, **options)
        if new is None:
            raise ProtocolError("transfer answered without a Location for the new call")
        return new

    # -- audio and DTMF -------------------------------------------------------------------

    def play_audio(self, options: Union[AudioOptions, Mapping[str, Any], None] = None, /,
                   **kwargs: Any) -> None:
        """Speak a sentence or play a file (``POST /calls/{id}/audio``); see ``AudioOptions``.

        Raises:
            InvalidOptionError: an unknown option or a bad value; nothing was sent.
        """
        body = _options.to_body(AudioOptions, _options.items_of(options, "audio")
                             + list(kwargs.items()), "audio")
        self._t.request("POST", self._path("audio"), body=body)

    def speak_sentence(self, sentence: str, **options: Any) -> None:
        """Speak ``sentence`` (at most 1000 characters); options as in ``AudioOptions``."""
        self.play_audio(sentence=sentence, **options)

    def play_audio_file(self, file_url: str, **options: Any) -> None:
        """Play the WAV or MP3 at ``file_url``; options as in ``AudioOptions``."""
        self.play_audio(file_url=file_url, **options)

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

    # -- gathers --------------------------------------------------------------------------

    def create_gather(
        self,
        options: Union[GatherOptions, Mapping[str, Any], str, None] = None,
        /,
        **kwargs: Any,
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
        result = self._t.request("GET", self._path("gather", _wire.segment(gather_id, "gather_id")))
        return Gather.from_api(result.json_object("a gather"), call=self)

    def update_gather(self, gather_id: str, *, state: str = "completed") -> None:
        """Update a gather; the API allows only ``state="completed"``, which stops it.

        Raises:
            InvalidOptionError: any other state; nothing was sent.
        """
        body = _options.to_body(_GatherUpdate, [("state", state)], "gather update")
        path = self._path("gather", _wire.segment(gather_id, "gather_id"))
        self._t.request("POST", path, body=body)

    def stop_gather(self, gather_id: str) -> None:
        """Stop a running gather; the same request as ``update_gather(id, state="completed")``."""
        self.update_gather(gather_id, state="completed")

    # -- plumbing -------------------------------------------------------------------------

    @property
    def _t(self) -> Transport:
        if self._transport is None:
            raise CatapultError(
                f"call {self.id} is not bound to a client; use client.Call({self.id!r})"
            )
        return self._transport

    def _path(self, *parts: str) -> str:
        return "/".join(("calls", _wire.segment(self.id, "call_id"), *parts))


class CallCollection:
    """``client.Call``: calls of one client. Call it with an id for a handle (no request)."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def __repr__(self) -> str:
        return f"<CallCollection {self._transport.root}/calls>"

    def __call__(self, call_id: str) -> Call:
        """A handle on call ``call_id``; no request is made."""
        _wire.segment(call_id, "call_id")
        return Call(id=call_id, transport=self._transport)

    def get(self, call_id: str) -> Call:
        """Fetch a call (``GET /calls/{id}``).

        Raises:
            NotFoundError: no such call. Other APIError, TransportError.
        """
        return self(call_id).refresh()

    def create(
        self,
        options: Union[CallOptions, Mapping[str, Any], None] = None,
        /,
        *,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        callback_url: Optional[str] = None,
        **kwargs: Any,
    ) -> Call:
        """Start an outbound call (``POST /calls``); the id comes from ``Location``, no GET.

        Args:
            options: a dict (``{"from": ..., "to": ...}`` as in the JS SDK) or ``CallOptions``.
            from_: required; your Bandwidth number in E.164.
            to: required; E.164 number or ``sip:`` URI.
            callback_url: http(s) URL that receives the call's events.
            **kwargs: ``call_timeout`` (1..300 s), ``callback_timeout`` (1..10000 ms),
                ``callback_http_method`` (POST|GET), ``fallback_url``, ``bridge_id``,
                ``conference_id``, ``recording_enabled`` (bool), ``recording_max_duration``
                (s), ``recording_file_format`` (wav|mp3), ``transcription_enabled`` (bool),
                ``tag``, ``sip_headers`` (<= 5 ``X-`` headers, names kept as given).

        Returns:
            A ``Call`` with its id and the from/to/callback URL that were sent.

        Raises:
            InvalidOptionError: missing from/to, an unknown option or a bad value.
            RateLimitError: 403 call-rate-limit. Other APIError, TransportError.
        """
        named = [(k, v) for k, v in (("from_", from_), ("to", to), ("callback_url", callback_url))
                 if v is not None]
        body = _options.to_body(CallOptions, _options.items_of(options, "call")
                             + named + list(kwargs.items()), "call")
        result = self._transport.request("POST", "calls", body=body, created=True)
        return Call(
            id=result.created_id(),
            from_=_wire.text_or_none(body.get("from")),
            to=_wire.text_or_none(body.get("to")),
            callback_url=_wire.text_or_none(body.get("callbackUrl")),
            transport=self._transport,
        )

    def list(self, **query: Any) -> Iterator[Call]:
        """Iterate over calls (``GET /calls``), following the API's ``next`` links.

        Args:
            **query: ``bridge_id``, ``conference_id``, ``from_``, ``to``, ``size`` (page size,
                1..1000), ``sort_order`` (asc|desc).
        """
        params = _options.to_body(_CallQuery, query.items(), "call list")
        for item in self._transport.paginate("calls", params):
            if isinstance(item, Mapping):
                yield Call.from_api(item, transport=self._transport)

    def create_gather(
        self,
        call_id: str,
        options: Union[GatherOptions, Mapping[str, Any], str, None] = None,
        /,
        **kwargs: Any,
    ) -> Gather:
        """``client.Call.create_gather(call_id, options)``, as the JS sample writes it.

        The same as ``client.Call(call_id).create_gather(options, **kwargs)``; see there.
        """
        return self(call_id).create_gather(options, **kwargs)

    def get_gather(self, call_id: str, gather_id: str) -> Gather:
        """The same as ``client.Call(call_id).get_gather(gather_id)``."""
        return self(call_id).get_gather(gather_id)

    def update_gather(self, call_id: str, gather_id: str, *, state: str = "completed") -> None:
        """The same as ``client.Call(call_id).update_gather(gather_id, state=state)``."""
        self(call_id).update_gather(gather_id, state=state)
