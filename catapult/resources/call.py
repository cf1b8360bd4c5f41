"""Calls: their options, the call handle with its gathers, audio and DTMF, and ``client.Call``."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional, Union

import attrs

from .. import _kwargs as kw
from .. import _options, _wire
from .._checks import (
    BOOLEAN,
    CALLBACK_METHOD,
    CALLER_ID,
    DIVERSION_REASON,
    DIVERSION_TREATMENT,
    DTMF_OUT,
    E164,
    E164_OR_SIP,
    HTTP_URL,
    header_map,
    one_of,
    text,
    whole,
)
from .._compat import Unpack
from .._enums import CallState
from .._model import Model, enum_of, field, ident, integer, mapping, moment, raw_payload
from .._options import PageQuery, option
from .._transport import Transport
from ..errors import ProtocolError
from ._audio import Audio, AudioOptions
from ._base import Collection, Mirrors, transport_field
from .gather import Gathers
from .recording import Recording, Transcription

if TYPE_CHECKING:
    from .._mirrors import CallMirrors
else:
    CallMirrors = Mirrors

__all__ = ["Call", "CallLogEvent", "CallOptions", "CallState", "CallUpdate"]


@_options.documented
@attrs.frozen(kw_only=True)
class CallOptions:
    """The options of ``client.Call.create``; a dict with the same keys works as well."""

    from_: Optional[str] = option(E164, required=True, doc="your Bandwidth number; also 'from'")
    to: Optional[str] = option(E164_OR_SIP, required=True, doc="who is called")
    call_timeout: Union[int, str, None] = option(
        whole(1, 300), doc="seconds to wait for an answer (default 60)")
    callback_url: Optional[str] = option(HTTP_URL, doc="where the call's events go")
    callback_timeout: Union[int, str, None] = option(
        whole(1, 10000), doc="milliseconds to wait for your callback (default 10000)")
    callback_http_method: Optional[str] = option(
        CALLBACK_METHOD, doc="how events are sent (GET for BXML; default POST)")
    fallback_url: Optional[str] = option(HTTP_URL, doc="used when the callback URL fails")
    bridge_id: Optional[str] = option(text(), doc="a bridge to join the call to")
    conference_id: Optional[str] = option(text(), doc="a conference to join the call to")
    recording_enabled: Optional[bool] = option(BOOLEAN, doc="record the call")
    recording_max_duration: Union[int, str, None] = option(
        whole(1), doc="seconds a recording may last (default 3600)")
    recording_file_format: Optional[str] = option(one_of("wav", "mp3"),
                                                  doc="default wav")
    transcription_enabled: Optional[bool] = option(BOOLEAN,
                                                   doc="transcribe each recording")
    tag: Optional[str] = option(text(), doc="a string of yours, echoed in callbacks")
    sip_headers: Optional[Mapping[str, str]] = option(
        header_map(5, 256), doc="sent with the call; names and values exactly as given")


@_options.documented
@attrs.frozen(kw_only=True)
class CallUpdate:
    """The options of ``call.update``: answer, reject, hang up, transfer, recording."""

    state: Optional[str] = option(
        one_of("active", "rejected", "completed", "transferring"),
        doc="active answers, rejected rejects, completed hangs up, transferring transfers")
    transfer_to: Optional[str] = option(E164_OR_SIP, doc="who a transfer calls")
    transfer_caller_id: Optional[str] = option(CALLER_ID, doc="who a transfer shows as caller")
    whisper_audio: Union[AudioOptions, Mapping[str, Any], None] = option(
        nested=AudioOptions, doc="played to the transfer's target")
    callback_url: Optional[str] = option(
        HTTP_URL, doc="on a transfer, where the new call's events go")
    recording_enabled: Optional[bool] = option(BOOLEAN, doc="start or stop recording")
    recording_file_format: Optional[str] = option(one_of("wav", "mp3"), doc="default wav")
    recording_max_duration: Union[int, str, None] = option(
        whole(1), doc="seconds a recording may last (not in the update docs; node's "
                      "setMaxRecordingDuration sends it)")
    transcription_enabled: Optional[bool] = option(
        BOOLEAN, doc="transcribe each recording (not in the update docs; the official "
                     "transcription sample apps send it)")
    diversion_treatment: Optional[str] = option(DIVERSION_TREATMENT, doc="on a transfer")
    diversion_reason: Optional[str] = option(DIVERSION_REASON, doc="with stack")


@attrs.frozen(kw_only=True)
class _Dtmf:
    dtmf_out: Optional[str] = option(DTMF_OUT, required=True)


@_options.documented
@attrs.frozen(kw_only=True)
class _CallQuery(PageQuery):
    """What ``client.Call.list`` filters by."""

    bridge_id: Optional[str] = option(text(), doc="the calls of a bridge (no paging)")
    conference_id: Optional[str] = option(text(), doc="the calls of a conference (no paging)")
    from_: Optional[str] = option(text(), doc="calls from this number or SIP address")
    to: Optional[str] = option(text(), doc="calls to this number or SIP address")
    sort_order: Optional[str] = option(one_of("asc", "desc"),
                                       doc="by start time (default desc)")


@attrs.frozen(kw_only=True, repr=False)
class CallLogEvent(Model):
    """One entry of a call's event log (``GET /calls/{id}/events``), not a callback.

    Attributes:
        id: e.g. ``"ce-qg4vz6anrfogri7hhduqlgq"``.
        name: e.g. ``"create"``, ``"answer"``, ``"hangup"``.
        time: aware UTC datetime, or None.
        data: the event's data as sent (a string, sometimes JSON text), or None.
        raw: the payload as received.
    """

    id: str = field(ident, required=True)
    name: str = field(ident, required=True)
    time: Optional[_dt.datetime] = field(moment)
    data: Any = field(lambda value: value)
    raw: Mapping[str, Any] = raw_payload()


@attrs.frozen(kw_only=True, repr=False)
class Call(Audio, Gathers):
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

    id: str = field(ident, required=True)
    from_: Optional[str] = field()
    to: Optional[str] = field()
    state: Union[CallState, str, None] = field(enum_of(CallState))
    direction: Optional[str] = field()
    start_time: Optional[_dt.datetime] = field(moment)
    active_time: Optional[_dt.datetime] = field(moment)
    end_time: Optional[_dt.datetime] = field(moment)
    chargeable_duration: Optional[int] = field(integer)
    callback_url: Optional[str] = field()
    tag: Optional[str] = field()
    sip_headers: Optional[Mapping[str, str]] = field(mapping)
    raw: Mapping[str, Any] = raw_payload()
    _transport: Optional[Transport] = transport_field()

    resource_path = "calls"
    id_name = "call_id"
    what = "a call"

    # -- the call itself -----------------------------------------------------------------

    @_options.shows_options(CallUpdate)
    def update(self, options: Union[CallUpdate, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[kw.CallUpdateKwargs]) -> Optional[Call]:
        """Update the call (``POST /calls/{id}``).

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
                 callback_url: Optional[str] = None, **options: Unpack[kw.TransferKwargs]) -> Call:
        """Transfer an active call; returns the new call (id from the 201's ``Location``).

        Takes the C# shape ``transfer(to, caller_id, whisper_audio, callback_url)``, keywords,
        or node's options dict ``transfer({"transferTo": "+1..."})``.

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

    # -- DTMF and the event log -----------------------------------------------------------

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

    # -- the official SDKs' names where they differ from ours (see docs/porting.md) -------

    hangup = hang_up                              # Ruby, node, C#
    answer_on_incoming = answer                   # Ruby
    reject_incoming = reject                      # Ruby
    reload = Audio.refresh                        # Ruby (returns a new snapshot)
    set_dtmf = send_dtmf                          # Ruby
    recording_on = enable_recording               # Ruby
    recording_off = disable_recording             # Ruby
    turn_call_recording = set_recording           # C#


class CallCollection(CallMirrors, Collection[Call]):
    """``client.Call``: the calls of one client.

    ``client.Call("c-1")`` is a handle (no request). Every method of a call handle is also
    here id-first, as node and C# code calls it: ``client.Call.hang_up(call_id)`` is
    ``client.Call(call_id).hang_up()``.
    """

    _handle = Call
    client_name = "Call"
    client_doc = "the calls of this user: client.Call('c-1'), .get, .create, .list"

    @_options.shows_options(CallOptions)
    def create(
        self,
        options: Union[CallOptions, Mapping[str, Any], None] = None,
        /,
        *,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        callback_url: Optional[str] = None,
        **kwargs: Unpack[kw.CallCreateKwargs],
    ) -> Call:
        """Start an outbound call (``POST /calls``); the id comes from ``Location``, no GET.

        Args:
            options: a dict (``{"from": ..., "to": ...}`` as in the JS SDK) or ``CallOptions``.

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
        return Call.from_api({**body, "id": result.created_id()}, transport=self._transport)

    @_options.shows_options(_CallQuery)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None, **query: Unpack[kw.CallQueryKwargs]) -> Iterator[Call]:
        """Iterate over calls (``GET /calls``), following the API's ``next`` links.

        Args:
            options: the query as a dict, as the official SDKs take it
                (``{"page": 1, "size": 25}``).
            limit: stop after this many calls (None: all of them).

        Raises:
            InvalidOptionError: an unknown query option or a bad value, or a bad ``limit``.
        """
        return self._list("calls", _CallQuery, options, query, limit, "call list")
