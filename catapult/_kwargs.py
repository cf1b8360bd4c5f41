"""Typed keyword options: one TypedDict per options class, for
``**options: Unpack[...]``, so that type checkers reject an unknown or mistyped option and
IDEs complete the names.

Written by ``python -m tests.kwargs_source`` from the declared options classes; do not
edit by hand. At run time these are plain TypedDicts; nothing else is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, TypedDict, Union

if TYPE_CHECKING:
    from .resources.call_options import AudioOptions
    from .resources.gather import Prompt

__all__ = [
    "GatherKwargs",
    "GatherUpdateKwargs",
    "CallCreateKwargs",
    "CallUpdateKwargs",
    "TransferKwargs",
    "AudioKwargs",
    "SpeakKwargs",
    "PlayFileKwargs",
    "CallQueryKwargs",
    "BridgeKwargs",
    "BridgeQueryKwargs",
    "ApplicationKwargs",
    "ApplicationQueryKwargs",
    "PhoneNumberKwargs",
    "NumberQueryKwargs",
    "LocalSearchKwargs",
    "TollFreeSearchKwargs",
    "RecordingQueryKwargs",
    "ConferenceKwargs",
    "ConferenceUpdateKwargs",
    "MemberAddKwargs",
    "MemberUpdateKwargs",
    "BxmlGatherKwargs",
    "BxmlSpeakSentenceKwargs",
    "BxmlPlayAudioKwargs",
    "BxmlTransferKwargs",
    "BxmlRecordKwargs",
    "BxmlRedirectKwargs",
    "BxmlPauseKwargs",
    "BxmlSendMessageKwargs",
]


class GatherKwargs(TypedDict, total=False):
    """The keyword options of ``GatherOptions``."""

    max_digits: Union[int, str]
    inter_digit_timeout: Union[int, float, str]
    terminating_digits: str
    tag: str
    prompt: Union[Prompt, Mapping[str, Any]]
    suppress_dtmf: bool


class GatherUpdateKwargs(TypedDict, total=False):
    """The keyword options of ``GatherUpdate``."""

    state: str


class CallCreateKwargs(TypedDict, total=False):
    """The keyword options of ``CallOptions``."""

    # parameters of the method itself: callback_url, from_, to

    call_timeout: Union[int, str]
    callback_timeout: Union[int, str]
    callback_http_method: str
    fallback_url: str
    bridge_id: str
    conference_id: str
    recording_enabled: bool
    recording_max_duration: Union[int, str]
    recording_file_format: str
    transcription_enabled: bool
    tag: str
    sip_headers: Mapping[str, str]


class CallUpdateKwargs(TypedDict, total=False):
    """The keyword options of ``CallUpdate``."""

    state: str
    transfer_to: str
    transfer_caller_id: str
    whisper_audio: Union[AudioOptions, Mapping[str, Any]]
    callback_url: str
    recording_enabled: bool
    recording_file_format: str
    recording_max_duration: Union[int, str]
    transcription_enabled: bool
    diversion_treatment: str
    diversion_reason: str


class TransferKwargs(TypedDict, total=False):
    """The keyword options of ``CallUpdate``."""

    # parameters of the method itself: callback_url, state, transfer_caller_id, transfer_to,
    # whisper_audio

    recording_enabled: bool
    recording_file_format: str
    recording_max_duration: Union[int, str]
    transcription_enabled: bool
    diversion_treatment: str
    diversion_reason: str


class AudioKwargs(TypedDict, total=False):
    """The keyword options of ``AudioOptions``."""

    sentence: str
    file_url: str
    gender: str
    locale: str
    voice: str
    loop_enabled: bool
    tag: str
    volume: Union[int, str]


class SpeakKwargs(TypedDict, total=False):
    """The keyword options of ``AudioOptions``."""

    # parameters of the method itself: gender, sentence, tag, voice

    file_url: str
    locale: str
    loop_enabled: bool
    volume: Union[int, str]


class PlayFileKwargs(TypedDict, total=False):
    """The keyword options of ``AudioOptions``."""

    # parameters of the method itself: file_url, tag

    sentence: str
    gender: str
    locale: str
    voice: str
    loop_enabled: bool
    volume: Union[int, str]


class CallQueryKwargs(TypedDict, total=False):
    """The keyword options of ``CallQuery``."""

    bridge_id: str
    conference_id: str
    from_: str
    to: str
    page: Union[int, str]
    size: Union[int, str]
    sort_order: str


class BridgeKwargs(TypedDict, total=False):
    """The keyword options of ``BridgeOptions``."""

    bridge_audio: bool
    call_ids: list[str]


class BridgeQueryKwargs(TypedDict, total=False):
    """The keyword options of ``BridgeQuery``."""

    page: Union[int, str]
    size: Union[int, str]


class ApplicationKwargs(TypedDict, total=False):
    """The keyword options of ``ApplicationOptions``."""

    name: str
    incoming_call_url: str
    incoming_call_url_callback_timeout: Union[int, str]
    incoming_call_fallback_url: str
    incoming_message_url: str
    incoming_message_url_callback_timeout: Union[int, str]
    incoming_message_fallback_url: str
    callback_http_method: str
    auto_answer: bool


class ApplicationQueryKwargs(TypedDict, total=False):
    """The keyword options of ``Query``."""

    page: Union[int, str]
    size: Union[int, str]


class PhoneNumberKwargs(TypedDict, total=False):
    """The keyword options of ``PhoneNumberOptions``."""

    number: str
    name: str
    application_id: str
    fallback_number: str


class NumberQueryKwargs(TypedDict, total=False):
    """The keyword options of ``NumberQuery``."""

    page: Union[int, str]
    size: Union[int, str]
    application_id: str
    state: str
    name: str
    city: str
    number_state: str


class LocalSearchKwargs(TypedDict, total=False):
    """The keyword options of ``LocalSearch``."""

    city: str
    state: str
    zip: str
    area_code: str
    local_number: str
    in_local_calling_area: bool
    quantity: Union[int, str]
    pattern: str


class TollFreeSearchKwargs(TypedDict, total=False):
    """The keyword options of ``TollFreeSearch``."""

    quantity: Union[int, str]
    pattern: str


class RecordingQueryKwargs(TypedDict, total=False):
    """The keyword options of ``RecordingQuery``."""

    page: Union[int, str]
    size: Union[int, str]


class ConferenceKwargs(TypedDict, total=False):
    """The keyword options of ``ConferenceOptions``."""

    from_: str
    callback_url: str
    callback_http_method: str
    callback_timeout: Union[int, str]
    fallback_url: str
    profile: str
    tag: str


class ConferenceUpdateKwargs(TypedDict, total=False):
    """The keyword options of ``ConferenceUpdate``."""

    state: str
    hold: bool
    mute: bool
    callback_url: str
    callback_http_method: str
    callback_timeout: Union[int, str]
    fallback_url: str
    tag: str


class MemberAddKwargs(TypedDict, total=False):
    """The keyword options of ``MemberOptions``."""

    # parameters of the method itself: call_id, state

    join_tone: bool
    leaving_tone: bool
    mute: bool
    hold: bool


class MemberUpdateKwargs(TypedDict, total=False):
    """The keyword options of ``MemberOptions``."""

    # parameters of the method itself: call_id

    state: str
    join_tone: bool
    leaving_tone: bool
    mute: bool
    hold: bool


class BxmlGatherKwargs(TypedDict, total=False):
    """The keyword options of ``GatherAttributes``."""

    request_url: str
    request_url_timeout: Union[int, str]
    terminating_digits: str
    max_digits: Union[int, str]
    inter_digit_timeout: Union[int, str]
    bargeable: bool
    tag: str


class BxmlSpeakSentenceKwargs(TypedDict, total=False):
    """The keyword options of ``SpeakSentenceAttributes``."""

    gender: str
    locale: str
    voice: str
    volume: Union[int, str]


class BxmlPlayAudioKwargs(TypedDict, total=False):
    """The keyword options of ``PlayAudioAttributes``."""

    volume: Union[int, str]
    repeat_count: Union[int, str]
    delay_before_repeat: Union[int, str]
    digits: str


class BxmlTransferKwargs(TypedDict, total=False):
    """The keyword options of ``TransferAttributes``."""

    transfer_to: str
    transfer_caller_id: str
    call_timeout: Union[int, str]
    request_url: str
    request_url_timeout: Union[int, str]
    tag: str
    diversion_treatment: str
    diversion_reason: str


class BxmlRecordKwargs(TypedDict, total=False):
    """The keyword options of ``RecordAttributes``."""

    request_url: str
    request_url_timeout: Union[int, str]
    file_format: str
    transcribe: bool
    transcribe_callback_url: str
    multi_channel: bool
    max_duration: Union[int, str]
    silence_timeout: Union[int, str]
    silence_threshold: Union[int, str]
    terminating_digits: str


class BxmlRedirectKwargs(TypedDict, total=False):
    """The keyword options of ``RedirectAttributes``."""

    request_url: str
    request_url_timeout: Union[int, str]


class BxmlPauseKwargs(TypedDict, total=False):
    """The keyword options of ``PauseAttributes``."""

    length: Union[int, str]


class BxmlSendMessageKwargs(TypedDict, total=False):
    """The keyword options of ``SendMessageAttributes``."""

    from_: str
    to: str
    request_url: str
    request_url_timeout: Union[int, str]
    status_callback_url: str
