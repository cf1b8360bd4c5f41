"""The attributes of each BXML v1 verb, declared as the REST options are, so that a verb's
attribute is checked by the same rules and refused with the same words.

Limits and defaults are those of the BXML v1 docs (see README, "Answer with BXML"); where
a REST option has the same meaning its rule is reused.
"""

from __future__ import annotations

from typing import Optional, Union

import attrs

from .._options import BOOLEAN, one_of, option, text, whole

_URL = text(pattern=r"https?://\S+", what="an absolute http(s) URL")
_DIGIT_KEYS = text(pattern=r"[0-9*#]+", what="a non-empty string of the digits 0-9, * and #")
_VOLUME = whole(-4, 4)
_DIVERSION_REASONS = one_of(
    "unknown", "user-busy", "no-answer", "unavailable", "unconditional", "time-of-day",
    "do-not-disturb", "deflection", "follow-me", "out-of-service", "away",
)


@attrs.frozen(kw_only=True)
class GatherAttributes:
    request_url: Optional[str] = option(_URL, required=True)
    request_url_timeout: Union[int, str, None] = option(whole(1))
    terminating_digits: Optional[str] = option(_DIGIT_KEYS)
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
    digits: Optional[str] = option(
        text(max_length=92, pattern=r"[A-D0-9#*,wW]+",
             what="a string of 0-9 A-D * # and pauses , w W"))


@attrs.frozen(kw_only=True)
class TransferAttributes:
    transfer_to: Optional[str] = option(text())
    transfer_caller_id: Optional[str] = option(text())
    call_timeout: Union[int, str, None] = option(whole(1, 300))
    request_url: Optional[str] = option(_URL)
    request_url_timeout: Union[int, str, None] = option(whole(1))
    tag: Optional[str] = option(text())
    diversion_treatment: Optional[str] = option(one_of("none", "propagate", "stack"))
    diversion_reason: Optional[str] = option(_DIVERSION_REASONS)


@attrs.frozen(kw_only=True)
class RecordAttributes:
    request_url: Optional[str] = option(_URL)
    request_url_timeout: Union[int, str, None] = option(whole(1))
    file_format: Optional[str] = option(one_of("wav", "mp3"))
    transcribe: Optional[bool] = option(BOOLEAN)
    transcribe_callback_url: Optional[str] = option(_URL)
    multi_channel: Optional[bool] = option(BOOLEAN)
    max_duration: Union[int, str, None] = option(whole(1, 3600))
    silence_timeout: Union[int, str, None] = option(whole(1, 60))
    silence_threshold: Union[int, str, None] = option(whole(0))
    terminating_digits: Optional[str] = option(
        text(pattern=r"[0-9*#]", what="one of the digits 0-9, * and #"))


@attrs.frozen(kw_only=True)
class RedirectAttributes:
    request_url: Optional[str] = option(_URL, required=True)
    request_url_timeout: Union[int, str, None] = option(whole(1), required=True)


@attrs.frozen(kw_only=True)
class PauseAttributes:
    length: Union[int, str, None] = option(whole(1, 3600))


@attrs.frozen(kw_only=True)
class SendMessageAttributes:
    from_: Optional[str] = option(text(), wire="from", required=True)
    to: Optional[str] = option(text(), required=True)
    request_url: Optional[str] = option(_URL)
    request_url_timeout: Union[int, str, None] = option(whole(1))
    status_callback_url: Optional[str] = option(_URL)


@attrs.frozen(kw_only=True)
class NoAttributes:
    pass
