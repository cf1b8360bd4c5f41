"""``client.Call``: create, get and list calls, and every method of a call handle id-first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional, Union

from .. import _options, _wire
from .._idfirst import IdFirst
from ._base import Collection
from .call import Call
from .call_options import CallOptions, _CallQuery

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._kwargs import CallCreateKwargs, CallQueryKwargs

__all__ = ["CallCollection"]


class CallCollection(Collection[Call]):
    """``client.Call``: the calls of one client.

    ``client.Call("c-1")`` is a handle (no request). Every method of a call handle is also
    here id-first, as node and C# code calls it: ``client.Call.hang_up(call_id)`` is
    ``client.Call(call_id).hang_up()``.
    """

    _handle = Call

    @_options.shows_options(CallOptions)
    def create(
        self,
        options: Union[CallOptions, Mapping[str, Any], None] = None,
        /,
        *,
        from_: Optional[str] = None,
        to: Optional[str] = None,
        callback_url: Optional[str] = None,
        **kwargs: Unpack[CallCreateKwargs],
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

    @_options.shows_options(_CallQuery)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None, **query: Unpack[CallQueryKwargs]) -> Iterator[Call]:
        """Iterate over calls (``GET /calls``), following the API's ``next`` links.

        Args:
            options: the query as a dict, as the official SDKs take it
                (``{"page": 1, "size": 25}``).
            limit: stop after this many calls (None: all of them).
            **query: ``bridge_id``, ``conference_id``, ``from_``, ``to``, ``page`` (the first
                page to read, from 0), ``size`` (page size, 1..1000), ``sort_order``
                (asc|desc). The ``next`` links decide the pages after the first.

        Raises:
            InvalidOptionError: an unknown query option or a bad value, or a bad ``limit``.
        """
        return self._list(_CallQuery, options, query, limit, "call list")

    # -- every method of a call handle, id first ------------------------------------------

    refresh = IdFirst(Call.refresh)
    update = IdFirst(Call.update)
    answer = IdFirst(Call.answer)
    reject = IdFirst(Call.reject)
    hang_up = IdFirst(Call.hang_up)
    transfer = IdFirst(Call.transfer)
    set_recording = IdFirst(Call.set_recording)
    enable_recording = IdFirst(Call.enable_recording)
    disable_recording = IdFirst(Call.disable_recording)
    set_max_recording_duration = IdFirst(Call.set_max_recording_duration)
    get_recordings = IdFirst(Call.get_recordings)
    get_transcriptions = IdFirst(Call.get_transcriptions)
    play_audio = IdFirst(Call.play_audio)
    speak_sentence = IdFirst(Call.speak_sentence)
    play_audio_file = IdFirst(Call.play_audio_file)
    stop_speaking = IdFirst(Call.stop_speaking)
    stop_audio_file = IdFirst(Call.stop_audio_file)
    send_dtmf = IdFirst(Call.send_dtmf)
    get_events = IdFirst(Call.get_events)
    get_event = IdFirst(Call.get_event)
    create_gather = IdFirst(Call.create_gather)
    get_gather = IdFirst(Call.get_gather)
    update_gather = IdFirst(Call.update_gather)
    stop_gather = IdFirst(Call.stop_gather)

    # the official names, id first (the same table as on Call)
    hangup = hang_up
    answer_on_incoming = answer
    reject_incoming = reject
    reload = refresh
    set_dtmf = send_dtmf
    play_recording = play_audio_file
    recording_on = enable_recording
    recording_off = disable_recording
    turn_call_recording = set_recording
    play_audio_advanced = play_audio
    stop_audio_file_playback = stop_audio_file
    complete_gather = stop_gather
