"""Typed keyword options: one TypedDict per set of options, for
``**options: Unpack[kw.X]``, so that type checkers reject an unknown or mistyped option,
IDEs complete the names and show each option's rule.

Written by ``python -m tools.generate`` from the declared options classes; do not edit.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Mapping, Sequence, TypedDict, Union

if TYPE_CHECKING:
    from .resources._audio import AudioOptions
    from .resources.domain import Credentials
    from .resources.gather import Prompt

__all__ = [
    "ApplicationKwargs",
    "ApplicationQueryKwargs",
    "AudioKwargs",
    "BridgeKwargs",
    "BridgeQueryKwargs",
    "BxmlGatherKwargs",
    "BxmlPauseKwargs",
    "BxmlPlayAudioKwargs",
    "BxmlRecordKwargs",
    "BxmlRedirectKwargs",
    "BxmlSendMessageKwargs",
    "BxmlSpeakSentenceKwargs",
    "BxmlTransferKwargs",
    "CallCreateKwargs",
    "CallQueryKwargs",
    "CallUpdateKwargs",
    "ConferenceKwargs",
    "ConferenceUpdateKwargs",
    "DomainEndpointKwargs",
    "DomainKwargs",
    "DomainQueryKwargs",
    "EndpointKwargs",
    "EndpointQueryKwargs",
    "EndpointUpdateKwargs",
    "ErrorQueryKwargs",
    "GatherKwargs",
    "GatherUpdateKwargs",
    "LocalSearchKwargs",
    "MemberAddKwargs",
    "MemberUpdateKwargs",
    "MessageKwargs",
    "MessageQueryKwargs",
    "NumberQueryKwargs",
    "PhoneNumberKwargs",
    "PlayFileKwargs",
    "RecordingQueryKwargs",
    "SpeakKwargs",
    "TokenKwargs",
    "TollFreeSearchKwargs",
    "TransactionQueryKwargs",
    "TransferKwargs",
]


class ApplicationKwargs(TypedDict, total=False):
    """The keyword options of ``ApplicationOptions``."""

    name: str
    """A name of yours (required to create); a string."""

    incoming_call_url: str
    """Where incoming calls' events go; an absolute http(s) URL."""

    incoming_call_url_callback_timeout: Union[int, str]
    """Milliseconds to wait for it (default 10000); a whole number from 1 to 10000 (int or
    numeric string)."""

    incoming_call_fallback_url: str
    """Used when incoming_call_url fails; an absolute http(s) URL."""

    incoming_message_url: str
    """Where incoming messages' events go; an absolute http(s) URL."""

    incoming_message_url_callback_timeout: Union[int, str]
    """Milliseconds to wait for it (default 10000); a whole number from 1 to 10000 (int or
    numeric string)."""

    incoming_message_fallback_url: str
    """Used when incoming_message_url fails; an absolute http(s) URL."""

    callback_http_method: str
    """How events are sent (GET for BXML; default POST); one of 'POST', 'GET', 'post', 'get'."""

    auto_answer: bool
    """The platform answers incoming calls (the API's default True); a bool (True or False)."""


class ApplicationQueryKwargs(TypedDict, total=False):
    """The keyword options of ``ApplicationQuery``."""

    page: Union[int, str]
    """The first page to read, from 0 (the API's next links lead on); a whole number of at least
    0 (int or numeric string)."""

    size: Union[int, str]
    """Items per page; a whole number from 1 to 1000 (int or numeric string)."""


class AudioKwargs(TypedDict, total=False):
    """The keyword options of ``AudioOptions``."""

    sentence: str
    """Text to speak ("" stops speaking); a string of at most 1000 characters."""

    file_url: str
    """URL of a WAV or MP3 file ("" stops playback); a string."""

    gender: str
    """The voice's gender (the API's default: female); one of 'male', 'female'."""

    locale: str
    """E.g. en_US (the default), en_UK, es_MX; a string."""

    voice: str
    """E.g. Susan (the default), Kate, Paul; a string."""

    loop_enabled: bool
    """Play in a loop until stopped; a bool (True or False)."""

    tag: str
    """Echoed in the speak or playback events; a string."""

    volume: Union[int, str]
    """Louder or softer (default 0); a whole number from -4 to 4 (int or numeric string)."""


class BridgeKwargs(TypedDict, total=False):
    """The keyword options of ``BridgeOptions``."""

    bridge_audio: bool
    """True (the API's default) joins the audio, False puts the calls on hold; a bool (True or
    False)."""

    call_ids: list[str]
    """The calls in the bridge; on update the complete new list: a call left out leaves, and []
    completes it; a list of at most 2 call ids (non-empty strings)."""


class BridgeQueryKwargs(TypedDict, total=False):
    """The keyword options of ``BridgeQuery``."""

    page: Union[int, str]
    """The first page to read, from 0 (the API's next links lead on); a whole number of at least
    0 (int or numeric string)."""

    size: Union[int, str]
    """Items per page; a whole number from 1 to 1000 (int or numeric string)."""


class BxmlGatherKwargs(TypedDict, total=False):
    """The keyword options of ``GatherAttributes``."""

    request_url: str
    """Required; an absolute http(s) URL."""

    request_url_timeout: Union[int, str]
    """A whole number of at least 1 (int or numeric string)."""

    terminating_digits: str
    """A non-empty string of the digits 0-9, * and #."""

    max_digits: Union[int, str]
    """A whole number from 1 to 128 (int or numeric string)."""

    inter_digit_timeout: Union[int, str]
    """A whole number of at least 1 (int or numeric string)."""

    bargeable: bool
    """A bool (True or False)."""

    tag: str
    """A string."""


class BxmlPauseKwargs(TypedDict, total=False):
    """The keyword options of ``PauseAttributes``."""

    length: Union[int, str]
    """A whole number from 1 to 3600 (int or numeric string)."""


class BxmlPlayAudioKwargs(TypedDict, total=False):
    """The keyword options of ``PlayAudioAttributes``."""

    volume: Union[int, str]
    """A whole number from -4 to 4 (int or numeric string)."""

    repeat_count: Union[int, str]
    """A whole number from 1 to 30 (int or numeric string)."""

    delay_before_repeat: Union[int, str]
    """A whole number from 0 to 60 (int or numeric string)."""

    digits: str
    """A string of 0-9 A-D * # and pauses , w W of at most 92 characters."""


class BxmlRecordKwargs(TypedDict, total=False):
    """The keyword options of ``RecordAttributes``."""

    request_url: str
    """An absolute http(s) URL."""

    request_url_timeout: Union[int, str]
    """A whole number of at least 1 (int or numeric string)."""

    file_format: str
    """One of 'wav', 'mp3'."""

    transcribe: bool
    """A bool (True or False)."""

    transcribe_callback_url: str
    """An absolute http(s) URL."""

    multi_channel: bool
    """A bool (True or False)."""

    max_duration: Union[int, str]
    """A whole number from 1 to 3600 (int or numeric string)."""

    silence_timeout: Union[int, str]
    """A whole number from 1 to 60 (int or numeric string)."""

    silence_threshold: Union[int, str]
    """A whole number of at least 0 (int or numeric string)."""

    terminating_digits: str
    """One of the digits 0-9, * and #."""


class BxmlRedirectKwargs(TypedDict, total=False):
    """The keyword options of ``RedirectAttributes``."""

    request_url: str
    """Required; an absolute http(s) URL."""

    request_url_timeout: Union[int, str]
    """Required; a whole number of at least 1 (int or numeric string)."""


class BxmlSendMessageKwargs(TypedDict, total=False):
    """The keyword options of ``SendMessageAttributes``."""

    from_: str
    """Required; a string."""

    to: str
    """Required; a string."""

    request_url: str
    """An absolute http(s) URL."""

    request_url_timeout: Union[int, str]
    """A whole number of at least 1 (int or numeric string)."""

    status_callback_url: str
    """An absolute http(s) URL."""


class BxmlSpeakSentenceKwargs(TypedDict, total=False):
    """The keyword options of ``SpeakSentenceAttributes``."""

    gender: str
    """One of 'male', 'female'."""

    locale: str
    """A string."""

    voice: str
    """A string."""

    volume: Union[int, str]
    """A whole number from -4 to 4 (int or numeric string)."""


class BxmlTransferKwargs(TypedDict, total=False):
    """The keyword options of ``TransferAttributes``."""

    transfer_to: str
    """An E.164 number such as '+19195551212' or a SIP address sip:user@host (RFC 3261: the user
    part of letters, digits, -_.!~*'()&=+$,;?/ and %XX escapes; a host name or IP
    address; an optional :port and ;parameters) of at most 256 characters."""

    transfer_caller_id: str
    """'private', an E.164 number such as '+19195551212' or a SIP address sip:user@host (RFC
    3261: the user part of letters, digits, -_.!~*'()&=+$,;?/ and %XX escapes; a host
    name or IP address; an optional :port and ;parameters) of at most 256 characters."""

    call_timeout: Union[int, str]
    """A whole number from 1 to 300 (int or numeric string)."""

    request_url: str
    """An absolute http(s) URL."""

    request_url_timeout: Union[int, str]
    """A whole number of at least 1 (int or numeric string)."""

    tag: str
    """A string."""

    diversion_treatment: str
    """One of 'none', 'propagate', 'stack'."""

    diversion_reason: str
    """One of 'unknown', 'user-busy', 'no-answer', 'unavailable', 'unconditional', 'time-of-
    day', 'do-not-disturb', 'deflection', 'follow-me', 'out-of-service', 'away'."""


class CallCreateKwargs(TypedDict, total=False):
    """The keyword options of ``CallOptions`` (the method takes callback_url, from_, to itself)."""

    call_timeout: Union[int, str]
    """Seconds to wait for an answer (default 60); a whole number from 1 to 300 (int or numeric
    string)."""

    callback_timeout: Union[int, str]
    """Milliseconds to wait for your callback (default 10000); a whole number from 1 to 10000
    (int or numeric string)."""

    callback_http_method: str
    """How events are sent (GET for BXML; default POST); one of 'POST', 'GET', 'post', 'get'."""

    fallback_url: str
    """Used when the callback URL fails; an absolute http(s) URL."""

    bridge_id: str
    """A bridge to join the call to; a string."""

    conference_id: str
    """A conference to join the call to; a string."""

    recording_enabled: bool
    """Record the call; a bool (True or False)."""

    recording_max_duration: Union[int, str]
    """Seconds a recording may last (default 3600); a whole number of at least 1 (int or numeric
    string)."""

    recording_file_format: str
    """Default wav; one of 'wav', 'mp3'."""

    transcription_enabled: bool
    """Transcribe each recording; a bool (True or False)."""

    tag: str
    """A string of yours, echoed in callbacks; a string."""

    sip_headers: Mapping[str, str]
    """Sent with the call; names and values exactly as given; a dict of at most 5 headers whose
    names start with 'X-', names and values strings of at most 256 characters."""


class CallQueryKwargs(TypedDict, total=False):
    """The keyword options of ``CallQuery``."""

    page: Union[int, str]
    """The first page to read, from 0 (the API's next links lead on); a whole number of at least
    0 (int or numeric string)."""

    size: Union[int, str]
    """Items per page; a whole number from 1 to 1000 (int or numeric string)."""

    bridge_id: str
    """The calls of a bridge (no paging); a string."""

    conference_id: str
    """The calls of a conference (no paging); a string."""

    from_: str
    """Calls from this number or SIP address; a string."""

    to: str
    """Calls to this number or SIP address; a string."""

    sort_order: str
    """By start time (default desc); one of 'asc', 'desc'."""


class CallUpdateKwargs(TypedDict, total=False):
    """The keyword options of ``CallUpdate``."""

    state: str
    """Active answers, rejected rejects, completed hangs up, transferring transfers; one of
    'active', 'rejected', 'completed', 'transferring'."""

    transfer_to: str
    """Who a transfer calls; an E.164 number such as '+19195551212' or a SIP address
    sip:user@host (RFC 3261: the user part of letters, digits, -_.!~*'()&=+$,;?/ and %XX
    escapes; a host name or IP address; an optional :port and ;parameters) of at most 256
    characters."""

    transfer_caller_id: str
    """Who a transfer shows as caller; 'private', an E.164 number such as '+19195551212' or a
    SIP address sip:user@host (RFC 3261: the user part of letters, digits,
    -_.!~*'()&=+$,;?/ and %XX escapes; a host name or IP address; an optional :port and
    ;parameters) of at most 256 characters."""

    whisper_audio: Union[AudioOptions, Mapping[str, Any]]
    """Played to the transfer's target; a AudioOptions or a dict of its fields."""

    callback_url: str
    """On a transfer, where the new call's events go; an absolute http(s) URL."""

    recording_enabled: bool
    """Start or stop recording; a bool (True or False)."""

    recording_file_format: str
    """Default wav; one of 'wav', 'mp3'."""

    recording_max_duration: Union[int, str]
    """Seconds a recording may last (not in the update docs; node's setMaxRecordingDuration
    sends it); a whole number of at least 1 (int or numeric string)."""

    transcription_enabled: bool
    """Transcribe each recording (not in the update docs; the official transcription sample apps
    send it); a bool (True or False)."""

    diversion_treatment: str
    """On a transfer; one of 'none', 'propagate', 'stack'."""

    diversion_reason: str
    """With stack; one of 'unknown', 'user-busy', 'no-answer', 'unavailable', 'unconditional',
    'time-of-day', 'do-not-disturb', 'deflection', 'follow-me', 'out-of-service', 'away'."""


class ConferenceKwargs(TypedDict, total=False):
    """The keyword options of ``ConferenceOptions``."""

    from_: str
    """Required; the number of yours hosting it; also 'from'; an E.164 number such as
    '+19195551212'."""

    callback_url: str
    """Where the conference's events go; an absolute http(s) URL."""

    callback_http_method: str
    """Default POST; one of 'POST', 'GET', 'post', 'get'."""

    callback_timeout: Union[int, str]
    """Milliseconds; a whole number from 1 to 10000 (int or numeric string)."""

    fallback_url: str
    """Used when the callback URL fails; an absolute http(s) URL."""

    profile: str
    """Interpret_digits (the default: the keypad controls the member's audio) or passthru_digits
    (keys reach you as dtmf events; gathers work); one of 'interpret_digits',
    'passthru_digits'."""

    tag: str
    """Echoed in the conference's events; a string."""


class ConferenceUpdateKwargs(TypedDict, total=False):
    """The keyword options of ``ConferenceUpdate``."""

    state: str
    """Completed ends the conference; one of 'completed'."""

    hold: bool
    """Every member on hold, or off it; a bool (True or False)."""

    mute: bool
    """Every member muted, or not; a bool (True or False)."""

    callback_url: str
    """Where its events go from now on; an absolute http(s) URL."""

    callback_http_method: str
    """Default POST; one of 'POST', 'GET', 'post', 'get'."""

    callback_timeout: Union[int, str]
    """Milliseconds; a whole number from 1 to 10000 (int or numeric string)."""

    fallback_url: str
    """Used when the callback URL fails; an absolute http(s) URL."""

    tag: str
    """Echoed in the conference's events; a string."""


class DomainEndpointKwargs(TypedDict, total=False):
    """The keyword options of ``EndpointOptions`` (the method takes domain_id itself)."""

    name: str
    """Required; the user part of its SIP address; cannot be changed; a SIP user name (RFC 3261:
    letters, digits, -_.!~*'()&=+$,;?/ and %XX escapes) of at most 256 characters."""

    description: str
    """A description of yours; a string."""

    application_id: str
    """The application whose URL gets the events of the endpoint's calls; a string."""

    enabled: bool
    """False refuses its registrations and calls (the API's default True); a bool (True or
    False)."""

    credentials: Union[Credentials, Mapping[str, Any]]
    """Required; its SIP password; a Credentials or a dict of its fields."""


class DomainKwargs(TypedDict, total=False):
    """The keyword options of ``DomainOptions``."""

    name: str
    """Required; unique among your domains; part of its SIP addresses; a name of letters,
    digits, - and _ (not starting or ending with -) of at most 63 characters."""

    description: str
    """A description of yours; a string."""


class DomainQueryKwargs(TypedDict, total=False):
    """The keyword options of ``DomainQuery``."""

    page: Union[int, str]
    """The first page to read, from 0 (the API's next links lead on); a whole number of at least
    0 (int or numeric string)."""

    size: Union[int, str]
    """Items per page; a whole number from 1 to 1000 (int or numeric string)."""


class EndpointKwargs(TypedDict, total=False):
    """The keyword options of ``EndpointOptions`` (the method takes domain_id itself)."""

    name: str
    """Required; the user part of its SIP address; cannot be changed; a SIP user name (RFC 3261:
    letters, digits, -_.!~*'()&=+$,;?/ and %XX escapes) of at most 256 characters."""

    description: str
    """A description of yours; a string."""

    application_id: str
    """The application whose URL gets the events of the endpoint's calls; a string."""

    enabled: bool
    """False refuses its registrations and calls (the API's default True); a bool (True or
    False)."""

    credentials: Union[Credentials, Mapping[str, Any]]
    """Required; its SIP password; a Credentials or a dict of its fields."""


class EndpointQueryKwargs(TypedDict, total=False):
    """The keyword options of ``EndpointQuery``."""

    page: Union[int, str]
    """The first page to read, from 0 (the API's next links lead on); a whole number of at least
    0 (int or numeric string)."""

    size: Union[int, str]
    """Items per page; a whole number from 1 to 1000 (int or numeric string)."""


class EndpointUpdateKwargs(TypedDict, total=False):
    """The keyword options of ``EndpointUpdate``."""

    description: str
    """A description of yours; a string."""

    application_id: str
    """The application whose URL gets the events of the endpoint's calls; a string."""

    enabled: bool
    """False refuses its registrations and calls; a bool (True or False)."""

    credentials: Union[Credentials, Mapping[str, Any]]
    """A new SIP password; a Credentials or a dict of its fields."""


class ErrorQueryKwargs(TypedDict, total=False):
    """The keyword options of ``ErrorQuery``."""

    page: Union[int, str]
    """The first page to read, from 0 (the API's next links lead on); a whole number of at least
    0 (int or numeric string)."""

    size: Union[int, str]
    """Items per page; a whole number from 1 to 1000 (int or numeric string)."""


class GatherKwargs(TypedDict, total=False):
    """The keyword options of ``GatherOptions``."""

    max_digits: Union[int, str]
    """Digits to collect, not counting a terminating digit; a whole number from 1 to 30 (int or
    numeric string)."""

    inter_digit_timeout: Union[int, float, str]
    """Seconds to wait for the first digit and between digits, fractions allowed (the API's
    default 5); a number greater than 0 and at most 30 (int, float or numeric string)."""

    terminating_digits: str
    """Any one of them ends the gather at once (the API's default "#"); a non-empty string of
    the digits 0-9, * and #."""

    tag: str
    """A string of yours, echoed in the gather event; a string."""

    prompt: Union[Prompt, Mapping[str, Any]]
    """What the caller hears while the gather waits; a Prompt or a dict of its fields."""

    suppress_dtmf: bool
    """Legacy option of the older SDKs, not in the current API docs; a bool (True or False)."""


class GatherUpdateKwargs(TypedDict, total=False):
    """The keyword options of ``GatherUpdate``."""

    state: str
    """Required; one of 'completed'."""


class LocalSearchKwargs(TypedDict, total=False):
    """The keyword options of ``LocalSearch``."""

    city: str
    """With state only; a string."""

    state: str
    """A US state; a two-letter state."""

    zip: str
    """A ZIP code; five digits."""

    area_code: str
    """An area code; three digits."""

    local_number: str
    """The first digits of the number, with area_code only; three digits or more."""

    in_local_calling_area: bool
    """With local_number only; a bool (True or False)."""

    quantity: Union[int, str]
    """How many (default 10; a search-and-order takes at most 10); a whole number from 1 to 5000
    (int or numeric string)."""

    pattern: str
    """? is one digit, * any run (not with a search-and-order); digits, letters, ? and *."""


class MemberAddKwargs(TypedDict, total=False):
    """The keyword options of ``MemberOptions`` (the method takes call_id, state itself)."""

    join_tone: bool
    """A tone when it joins; a bool (True or False)."""

    leaving_tone: bool
    """A tone when it leaves; a bool (True or False)."""

    mute: bool
    """The member cannot be heard; a bool (True or False)."""

    hold: bool
    """The member neither hears nor is heard; a bool (True or False)."""


class MemberUpdateKwargs(TypedDict, total=False):
    """The keyword options of ``MemberOptions`` (the method takes call_id itself)."""

    state: str
    """Completed removes the member; one of 'completed'."""

    join_tone: bool
    """A tone when it joins; a bool (True or False)."""

    leaving_tone: bool
    """A tone when it leaves; a bool (True or False)."""

    mute: bool
    """The member cannot be heard; a bool (True or False)."""

    hold: bool
    """The member neither hears nor is heard; a bool (True or False)."""


class MessageKwargs(TypedDict, total=False):
    """The keyword options of ``MessageOptions``."""

    from_: str
    """Required; one of your numbers; an E.164 number such as '+19195551212'."""

    to: str
    """Required; who receives it; an E.164 number such as '+19195551212'."""

    text: str
    """Required; its text (over 160 characters it is sent in segments); a string of at most 2048
    characters."""

    media: Union[str, Sequence[str]]
    """For an MMS: the URL of a file, or a list of them; an absolute http(s) URL or a non-empty
    list of them."""

    receipt_requested: str
    """Which delivery receipts come back as events (the API's default none); not with media; one
    of 'none', 'all', 'error'."""

    callback_url: str
    """Where its events go; an absolute http(s) URL."""

    callback_http_method: str
    """How events are sent (default POST); one of 'POST', 'GET', 'post', 'get'."""

    callback_timeout: Union[int, str]
    """Milliseconds to wait for callback_url (default 10000); a whole number from 1 to 10000
    (int or numeric string)."""

    fallback_url: str
    """Used when callback_url fails; an absolute http(s) URL."""

    tag: str
    """A string of yours, echoed in its events; a string."""


class MessageQueryKwargs(TypedDict, total=False):
    """The keyword options of ``MessageQuery``."""

    from_: str
    """Messages from this number; an E.164 number such as '+19195551212'."""

    to: str
    """Messages to this number; an E.164 number such as '+19195551212'."""

    from_date_time: Union[str, _dt.datetime]
    """Messages at or after this time (UTC); a datetime or a string yyyy-MM-dd[
    hh[:mm[:ss[.sss]]]]."""

    to_date_time: Union[str, _dt.datetime]
    """Messages at or before this time (UTC); a datetime or a string yyyy-MM-dd[
    hh[:mm[:ss[.sss]]]]."""

    direction: str
    """Inbound or outbound; one of 'in', 'out'."""

    state: str
    """Their state; one of 'received', 'queued', 'sending', 'sent', 'error'."""

    delivery_state: str
    """Their delivery receipt; one of 'waiting', 'delivered', 'not-delivered'."""

    sort_order: str
    """By time; the API returns newest first; one of 'asc', 'desc'."""

    size: Union[int, str]
    """Messages per page (default 25); a whole number from 1 to 1000 (int or numeric string)."""


class NumberQueryKwargs(TypedDict, total=False):
    """The keyword options of ``NumberQuery``."""

    page: Union[int, str]
    """The first page to read, from 0 (the API's next links lead on); a whole number of at least
    0 (int or numeric string)."""

    size: Union[int, str]
    """Items per page; a whole number from 1 to 1000 (int or numeric string)."""

    application_id: str
    """The numbers of an application; a string."""

    state: str
    """A US state, e.g. NC; a string."""

    name: str
    """The name you gave; a string."""

    city: str
    """E.g. RALEIGH; a string."""

    number_state: str
    """In use or not; one of 'enabled', 'released'."""


class PhoneNumberKwargs(TypedDict, total=False):
    """The keyword options of ``PhoneNumberOptions``."""

    number: str
    """Required to allocate; an E.164 number such as '+19195551212'."""

    name: str
    """A name of yours; a string."""

    application_id: str
    """The application whose URLs get its incoming calls ("" detaches it); a string."""

    fallback_number: str
    """Gets the calls when the application's URLs cannot be reached; an E.164 number such as
    '+19195551212'."""


class PlayFileKwargs(TypedDict, total=False):
    """The keyword options of ``AudioOptions`` (the method takes file_url, tag itself)."""

    sentence: str
    """Text to speak ("" stops speaking); a string of at most 1000 characters."""

    gender: str
    """The voice's gender (the API's default: female); one of 'male', 'female'."""

    locale: str
    """E.g. en_US (the default), en_UK, es_MX; a string."""

    voice: str
    """E.g. Susan (the default), Kate, Paul; a string."""

    loop_enabled: bool
    """Play in a loop until stopped; a bool (True or False)."""

    volume: Union[int, str]
    """Louder or softer (default 0); a whole number from -4 to 4 (int or numeric string)."""


class RecordingQueryKwargs(TypedDict, total=False):
    """The keyword options of ``RecordingQuery``."""

    page: Union[int, str]
    """The first page to read, from 0 (the API's next links lead on); a whole number of at least
    0 (int or numeric string)."""

    size: Union[int, str]
    """Items per page; a whole number from 1 to 1000 (int or numeric string)."""


class SpeakKwargs(TypedDict, total=False):
    """The keyword options of ``AudioOptions`` (the method takes gender, sentence, tag, voice itself)."""

    file_url: str
    """URL of a WAV or MP3 file ("" stops playback); a string."""

    locale: str
    """E.g. en_US (the default), en_UK, es_MX; a string."""

    loop_enabled: bool
    """Play in a loop until stopped; a bool (True or False)."""

    volume: Union[int, str]
    """Louder or softer (default 0); a whole number from -4 to 4 (int or numeric string)."""


class TokenKwargs(TypedDict, total=False):
    """The keyword options of ``AuthTokenOptions``."""

    expires: Union[int, str]
    """Seconds until the token expires (the API's default when left out); a whole number of at
    least 1 (int or numeric string)."""


class TollFreeSearchKwargs(TypedDict, total=False):
    """The keyword options of ``TollFreeSearch``."""

    quantity: Union[int, str]
    """How many (a search-and-order takes at most 10); a whole number from 1 to 5000 (int or
    numeric string)."""

    pattern: str
    """? is one digit, * any run (not with a search-and-order); digits, letters, ? and *."""


class TransactionQueryKwargs(TypedDict, total=False):
    """The keyword options of ``TransactionQuery``."""

    page: Union[int, str]
    """The first page to read, from 0 (the API's next links lead on); a whole number of at least
    0 (int or numeric string)."""

    size: Union[int, str]
    """Items per page; a whole number from 1 to 1000 (int or numeric string)."""

    max_items: Union[int, str]
    """At most this many transactions; a whole number of at least 1 (int or numeric string)."""

    from_date: Union[str, _dt.datetime]
    """Transactions at or after; a datetime or a string yyyy-MM-ddTHH:mm:ss[Z]."""

    to_date: Union[str, _dt.datetime]
    """Transactions at or before; a datetime or a string yyyy-MM-ddTHH:mm:ss[Z]."""

    type: str
    """One kind of transaction; one of 'charge', 'payment', 'credit', 'auto-recharge'."""

    number: str
    """Transactions of this phone number; an E.164 number such as '+19195551212'."""


class TransferKwargs(TypedDict, total=False):
    """The keyword options of ``CallUpdate`` (the method takes callback_url, state, transfer_caller_id, transfer_to, whisper_audio itself)."""

    recording_enabled: bool
    """Start or stop recording; a bool (True or False)."""

    recording_file_format: str
    """Default wav; one of 'wav', 'mp3'."""

    recording_max_duration: Union[int, str]
    """Seconds a recording may last (not in the update docs; node's setMaxRecordingDuration
    sends it); a whole number of at least 1 (int or numeric string)."""

    transcription_enabled: bool
    """Transcribe each recording (not in the update docs; the official transcription sample apps
    send it); a bool (True or False)."""

    diversion_treatment: str
    """On a transfer; one of 'none', 'propagate', 'stack'."""

    diversion_reason: str
    """With stack; one of 'unknown', 'user-busy', 'no-answer', 'unavailable', 'unconditional',
    'time-of-day', 'do-not-disturb', 'deflection', 'follow-me', 'out-of-service', 'away'."""
