"""The declared options of the Call resource: create, update, audio, DTMF, gather update, list.

Each class lists every option the API documents, its JSON name and its limits; a dict with
the same keys (either spelling) works wherever one of these is taken.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Union

import attrs

from .._options import (
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
    option,
    text,
    whole,
)

__all__ = ["AudioOptions", "CallOptions", "CallUpdate"]

@attrs.frozen(kw_only=True)
class CallOptions:
    """The options of ``client.Call.create``; a dict with the same keys works as well.

    Attributes:
        from_: required; your Bandwidth number in E.164 (``"+19195551212"``); also ``from``.
        to: required; E.164 number or a ``sip:`` URI.
        call_timeout: seconds to wait for an answer: a whole number 1..300 (default 60).
        callback_url: http(s) URL that receives the call's events.
        callback_timeout: milliseconds to wait for your callback: a whole number 1..10000.
        callback_http_method: ``"POST"`` (default) or ``"GET"``.
        fallback_url: http(s) URL used when the callback URL fails.
        bridge_id: a bridge to join the call to.
        conference_id: a conference to join the call to.
        recording_enabled: bool.
        recording_max_duration: seconds, a whole number of at least 1 (default 3600).
        recording_file_format: ``"wav"`` (default) or ``"mp3"``.
        transcription_enabled: bool.
        tag: a string echoed in callbacks.
        sip_headers: at most 5 ``X-`` headers; names and values are sent exactly as given.
    """

    from_: Optional[str] = option(E164, required=True)
    to: Optional[str] = option(E164_OR_SIP, required=True)
    call_timeout: Union[int, str, None] = option(whole(1, 300))
    callback_url: Optional[str] = option(HTTP_URL)
    callback_timeout: Union[int, str, None] = option(whole(1, 10000))
    callback_http_method: Optional[str] = option(CALLBACK_METHOD)
    fallback_url: Optional[str] = option(HTTP_URL)
    bridge_id: Optional[str] = option(text())
    conference_id: Optional[str] = option(text())
    recording_enabled: Optional[bool] = option(BOOLEAN)
    recording_max_duration: Union[int, str, None] = option(whole(1))
    recording_file_format: Optional[str] = option(one_of("wav", "mp3"))
    transcription_enabled: Optional[bool] = option(BOOLEAN)
    tag: Optional[str] = option(text())
    sip_headers: Optional[Mapping[str, str]] = option(header_map(5, 256))


@attrs.frozen(kw_only=True)
class AudioOptions:
    """The options of ``call.play_audio`` (and of a transfer's ``whisper_audio``).

    Attributes:
        sentence: text to speak, at most 1000 characters (``""`` stops speaking).
        file_url: URL of a WAV or MP3 file (``""`` stops playback).
        gender: ``"male"`` or ``"female"``.
        locale: e.g. ``"en_US"``; a string.
        voice: e.g. ``"Susan"``; a string.
        loop_enabled: bool.
        tag: a string echoed in the speak/playback events.
        volume: a whole number -4..4 (default 0).
    """

    sentence: Optional[str] = option(text(max_length=1000))
    file_url: Optional[str] = option(text())
    gender: Optional[str] = option(one_of("male", "female"))
    locale: Optional[str] = option(text())
    voice: Optional[str] = option(text())
    loop_enabled: Optional[bool] = option(BOOLEAN)
    tag: Optional[str] = option(text())
    volume: Union[int, str, None] = option(whole(-4, 4))


@attrs.frozen(kw_only=True)
class CallUpdate:
    """The options of ``call.update`` (answer, reject, hang up, transfer, recording).

    Attributes:
        state: ``"active"`` (answer), ``"rejected"``, ``"completed"`` (hang up) or
            ``"transferring"``.
        transfer_to: E.164 number or ``sip:`` URI to transfer to.
        transfer_caller_id: caller id shown on the transfer (``"private"`` or a number).
        whisper_audio: an ``AudioOptions`` or dict played to the transfer target.
        callback_url: http(s) URL for the new call's events on transfer.
        recording_enabled: bool.
        recording_file_format: ``"wav"`` or ``"mp3"``.
        recording_max_duration: seconds, a whole number of at least 1 (not in the update
            docs; node's ``setMaxRecordingDuration`` sends it).
        transcription_enabled: bool; transcribe each recording of the call (not in the
            update docs; the official transcription sample apps send it).
        diversion_treatment: ``"none"``, ``"propagate"`` or ``"stack"``.
        diversion_reason: e.g. ``"unknown"``, ``"user-busy"``, ``"no-answer"`` (with stack).
    """

    state: Optional[str] = option(one_of("active", "rejected", "completed", "transferring"))
    transfer_to: Optional[str] = option(E164_OR_SIP)
    transfer_caller_id: Optional[str] = option(CALLER_ID)
    whisper_audio: Union[AudioOptions, Mapping[str, Any], None] = option(nested=AudioOptions)
    callback_url: Optional[str] = option(HTTP_URL)
    recording_enabled: Optional[bool] = option(BOOLEAN)
    recording_file_format: Optional[str] = option(one_of("wav", "mp3"))
    recording_max_duration: Union[int, str, None] = option(whole(1))
    transcription_enabled: Optional[bool] = option(BOOLEAN)
    diversion_treatment: Optional[str] = option(DIVERSION_TREATMENT)
    diversion_reason: Optional[str] = option(DIVERSION_REASON)


@attrs.frozen(kw_only=True)
class _GatherUpdate:
    state: Optional[str] = option(one_of("completed"), required=True)


@attrs.frozen(kw_only=True)
class _Dtmf:
    dtmf_out: Optional[str] = option(DTMF_OUT, required=True)


@attrs.frozen(kw_only=True)
class _CallQuery:
    bridge_id: Optional[str] = option(text())
    conference_id: Optional[str] = option(text())
    from_: Optional[str] = option(text())
    to: Optional[str] = option(text())
    page: Union[int, str, None] = option(whole(0))
    size: Union[int, str, None] = option(whole(1, 1000))
    sort_order: Optional[str] = option(one_of("asc", "desc"))
