"""The attributes of each BXML v1 verb, declared as the REST options are, so that a verb's
attribute is checked by the same rules and refused with the same words.

Limits and defaults are those of the BXML v1 docs (see docs/bxml.md); where
a REST option has the same meaning its rule is reused.
"""

from __future__ import annotations

from typing import Optional, Union

import attrs

from .._checks import (
    BOOLEAN,
    CALLER_ID,
    DIGIT_KEYS,
    DIVERSION_REASON,
    DIVERSION_TREATMENT,
    DTMF_OUT,
    E164_OR_SIP,
    HTTP_URL,
    one_of,
    text,
    whole,
)
from .._options import option

_VOLUME = whole(-4, 4)


@attrs.frozen(kw_only=True)
class GatherAttributes:
    request_url: Optional[str] = option(HTTP_URL, required=True)
    request_url_timeout: Union[int, str, None] = option(whole(1))
    terminating_digits: Optional[str] = option(DIGIT_KEYS)
    max_digits: Union[int, str, None] = option(whole(1, 128))
    inter_digit_timeout: Union[int, str, None] = option(whole(1))
    bargeable: Optional[bool] = option(BOOLEAN)
    tag: Optional[str] = option(text())


@attrs.frozen(kw_only=True)
class SpeakSentenceAttributes:
    gender: Optional[str] = option(one_of("male", "female"))
    locale: Optional[str] = option(text())
    voice: Optional[str] = option(text())
    volume: Union[int, str, None] = option(_VOLUME)


@attrs.frozen(kw_only=True)
class PlayAudioAttributes:
    volume: Union[int, str, None] = option(_VOLUME)
    repeat_count: Union[int, str, None] = option(whole(1, 30))
    delay_before_repeat: Union[int, str, None] = option(whole(0, 60))
    digits: Optional[str] = option(DTMF_OUT)


@attrs.frozen(kw_only=True)
class TransferAttributes:
    transfer_to: Optional[str] = option(E164_OR_SIP)
    transfer_caller_id: Optional[str] = option(CALLER_ID)
    call_timeout: Union[int, str, None] = option(whole(1, 300))
    request_url: Optional[str] = option(HTTP_URL)
    request_url_timeout: Union[int, str, None] = option(whole(1))
    tag: Optional[str] = option(text())
    diversion_treatment: Optional[str] = option(DIVERSION_TREATMENT)
    diversion_reason: Optional[str] = option(DIVERSION_REASON)


@attrs.frozen(kw_only=True)
class RecordAttributes:
    request_url: Optional[str] = option(HTTP_URL)
    request_url_timeout: Union[int, str, None] = option(whole(1))
    file_format: Optional[str] = option(one_of("wav", "mp3"))
    transcribe: Optional[bool] = option(BOOLEAN)
    transcribe_callback_url: Optional[str] = option(HTTP_URL)
    multi_channel: Optional[bool] = option(BOOLEAN)
    max_duration: Union[int, str, None] = option(whole(1, 3600))
    silence_timeout: Union[int, str, None] = option(whole(1, 60))
    silence_threshold: Union[int, str, None] = option(whole(0))
    terminating_digits: Optional[str] = option(
        text(pattern=r"[0-9*#]", what="one of the digits 0-9, * and #"))


@attrs.frozen(kw_only=True)
class RedirectAttributes:
    request_url: Optional[str] = option(HTTP_URL, required=True)
    request_url_timeout: Union[int, str, None] = option(whole(1), required=True)


@attrs.frozen(kw_only=True)
class PauseAttributes:
    length: Union[int, str, None] = option(whole(1, 3600))


@attrs.frozen(kw_only=True)
class SendMessageAttributes:
    from_: Optional[str] = option(text(), wire="from", required=True)
    to: Optional[str] = option(text(), required=True)
    request_url: Optional[str] = option(HTTP_URL)
    request_url_timeout: Union[int, str, None] = option(whole(1))
    status_callback_url: Optional[str] = option(HTTP_URL)


@attrs.frozen(kw_only=True)
class NoAttributes:
    pass
