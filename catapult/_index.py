"""Where catapult's public names and the client's collections are defined, for the
lazy imports of ``catapult`` and ``Client``: a script that only starts gathers never loads
bridges. (Type checkers read the imports below instead.)

Written by ``python -m tools.generate`` from the ``__all__`` of catapult's modules and the
collections of ``catapult/resources``; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import Lazy

if TYPE_CHECKING:
    from ._conference_events import (
        ConferenceEvent as ConferenceEvent,
        ConferenceMemberEvent as ConferenceMemberEvent,
        ConferencePlaybackEvent as ConferencePlaybackEvent,
        ConferenceSpeakEvent as ConferenceSpeakEvent,
    )
    from ._config import (
        DEFAULT_BASE_URL as DEFAULT_BASE_URL,
        DEFAULT_MAX_RETRIES as DEFAULT_MAX_RETRIES,
        DEFAULT_TIMEOUT as DEFAULT_TIMEOUT,
        Timeout as Timeout,
    )
    from ._enums import (
        CallState as CallState,
        GatherReason as GatherReason,
        GatherState as GatherState,
    )
    from ._event_base import (
        Event as Event,
        HangupCause as HangupCause,
        PlaybackStatus as PlaybackStatus,
    )
    from ._message_events import (
        MmsEvent as MmsEvent,
        SmsEvent as SmsEvent,
    )
    from ._response import (
        Result as Result,
    )
    from .callbacks import (
        CallbackApp as CallbackApp,
    )
    from .client import (
        Client as Client,
    )
    from .errors import (
        APIError as APIError,
        AuthenticationError as AuthenticationError,
        BadRequestError as BadRequestError,
        CatapultError as CatapultError,
        ConfigurationError as ConfigurationError,
        ConflictError as ConflictError,
        EventParseError as EventParseError,
        ForbiddenError as ForbiddenError,
        InvalidOptionError as InvalidOptionError,
        NotFoundError as NotFoundError,
        ProtocolError as ProtocolError,
        RateLimitError as RateLimitError,
        RequestTimeout as RequestTimeout,
        ServerError as ServerError,
        TransportError as TransportError,
    )
    from .events import (
        AnswerEvent as AnswerEvent,
        DtmfEvent as DtmfEvent,
        ErrorEvent as ErrorEvent,
        GatherEvent as GatherEvent,
        HangupEvent as HangupEvent,
        IncomingCallEvent as IncomingCallEvent,
        PlaybackEvent as PlaybackEvent,
        RecordingEvent as RecordingEvent,
        RedirectEvent as RedirectEvent,
        SpeakEvent as SpeakEvent,
        TimeoutEvent as TimeoutEvent,
        TranscriptionEvent as TranscriptionEvent,
        TransferCompleteEvent as TransferCompleteEvent,
        parse_event as parse_event,
    )
    from .resources._audio import (
        AudioOptions as AudioOptions,
    )
    from .resources.account import (
        Account as Account,
        Transaction as Transaction,
    )
    from .resources.application import (
        Application as Application,
        ApplicationOptions as ApplicationOptions,
    )
    from .resources.bridge import (
        Bridge as Bridge,
        BridgeOptions as BridgeOptions,
        BridgeState as BridgeState,
    )
    from .resources.call import (
        Call as Call,
        CallLogEvent as CallLogEvent,
        CallOptions as CallOptions,
        CallUpdate as CallUpdate,
    )
    from .resources.conference import (
        Conference as Conference,
        ConferenceMember as ConferenceMember,
        ConferenceOptions as ConferenceOptions,
        ConferenceUpdate as ConferenceUpdate,
        MemberOptions as MemberOptions,
    )
    from .resources.domain import (
        Domain as Domain,
        DomainOptions as DomainOptions,
        Endpoint as Endpoint,
        EndpointOptions as EndpointOptions,
        EndpointToken as EndpointToken,
    )
    from .resources.error import (
        LoggedError as LoggedError,
    )
    from .resources.gather import (
        Gather as Gather,
        GatherOptions as GatherOptions,
        Prompt as Prompt,
    )
    from .resources.media import (
        MediaFile as MediaFile,
    )
    from .resources.message import (
        Message as Message,
        MessageOptions as MessageOptions,
        MessageResult as MessageResult,
    )
    from .resources.number import (
        AvailableNumber as AvailableNumber,
        OrderedNumber as OrderedNumber,
        PhoneNumber as PhoneNumber,
        PhoneNumberOptions as PhoneNumberOptions,
    )
    from .resources.number_info import (
        NumberInfo as NumberInfo,
    )
    from .resources.recording import (
        Recording as Recording,
        Transcription as Transcription,
    )
    from .resources.account import AccountCollection
    from .resources.application import ApplicationCollection
    from .resources.bridge import BridgeCollection
    from .resources.call import CallCollection
    from .resources.conference import ConferenceCollection
    from .resources.domain import DomainCollection
    from .resources.domain import EndpointCollection
    from .resources.error import ErrorCollection
    from .resources.media import MediaCollection
    from .resources.message import MessageCollection
    from .resources.number import AvailableNumberCollection
    from .resources.number import PhoneNumberCollection
    from .resources.number_info import NumberInfoCollection
    from .resources.recording import RecordingCollection
    from .resources.recording import TranscriptionCollection

#: each public name of catapult, and the module that defines it
PUBLIC: dict[str, str] = {
    "APIError": "errors",
    "Account": "resources.account",
    "AnswerEvent": "events",
    "Application": "resources.application",
    "ApplicationOptions": "resources.application",
    "AudioOptions": "resources._audio",
    "AuthenticationError": "errors",
    "AvailableNumber": "resources.number",
    "BadRequestError": "errors",
    "Bridge": "resources.bridge",
    "BridgeOptions": "resources.bridge",
    "BridgeState": "resources.bridge",
    "Call": "resources.call",
    "CallLogEvent": "resources.call",
    "CallOptions": "resources.call",
    "CallState": "_enums",
    "CallUpdate": "resources.call",
    "CallbackApp": "callbacks",
    "CatapultError": "errors",
    "Client": "client",
    "Conference": "resources.conference",
    "ConferenceEvent": "_conference_events",
    "ConferenceMember": "resources.conference",
    "ConferenceMemberEvent": "_conference_events",
    "ConferenceOptions": "resources.conference",
    "ConferencePlaybackEvent": "_conference_events",
    "ConferenceSpeakEvent": "_conference_events",
    "ConferenceUpdate": "resources.conference",
    "ConfigurationError": "errors",
    "ConflictError": "errors",
    "DEFAULT_BASE_URL": "_config",
    "DEFAULT_MAX_RETRIES": "_config",
    "DEFAULT_TIMEOUT": "_config",
    "Domain": "resources.domain",
    "DomainOptions": "resources.domain",
    "DtmfEvent": "events",
    "Endpoint": "resources.domain",
    "EndpointOptions": "resources.domain",
    "EndpointToken": "resources.domain",
    "ErrorEvent": "events",
    "Event": "_event_base",
    "EventParseError": "errors",
    "ForbiddenError": "errors",
    "Gather": "resources.gather",
    "GatherEvent": "events",
    "GatherOptions": "resources.gather",
    "GatherReason": "_enums",
    "GatherState": "_enums",
    "HangupCause": "_event_base",
    "HangupEvent": "events",
    "IncomingCallEvent": "events",
    "InvalidOptionError": "errors",
    "LoggedError": "resources.error",
    "MediaFile": "resources.media",
    "MemberOptions": "resources.conference",
    "Message": "resources.message",
    "MessageOptions": "resources.message",
    "MessageResult": "resources.message",
    "MmsEvent": "_message_events",
    "NotFoundError": "errors",
    "NumberInfo": "resources.number_info",
    "OrderedNumber": "resources.number",
    "PhoneNumber": "resources.number",
    "PhoneNumberOptions": "resources.number",
    "PlaybackEvent": "events",
    "PlaybackStatus": "_event_base",
    "Prompt": "resources.gather",
    "ProtocolError": "errors",
    "RateLimitError": "errors",
    "Recording": "resources.recording",
    "RecordingEvent": "events",
    "RedirectEvent": "events",
    "RequestTimeout": "errors",
    "Result": "_response",
    "ServerError": "errors",
    "SmsEvent": "_message_events",
    "SpeakEvent": "events",
    "Timeout": "_config",
    "TimeoutEvent": "events",
    "Transaction": "resources.account",
    "Transcription": "resources.recording",
    "TranscriptionEvent": "events",
    "TransferCompleteEvent": "events",
    "TransportError": "errors",
    "parse_event": "events",
}

__all__ = [
    "APIError",
    "Account",
    "AnswerEvent",
    "Application",
    "ApplicationOptions",
    "AudioOptions",
    "AuthenticationError",
    "AvailableNumber",
    "BadRequestError",
    "Bridge",
    "BridgeOptions",
    "BridgeState",
    "Call",
    "CallLogEvent",
    "CallOptions",
    "CallState",
    "CallUpdate",
    "CallbackApp",
    "CatapultError",
    "Client",
    "Conference",
    "ConferenceEvent",
    "ConferenceMember",
    "ConferenceMemberEvent",
    "ConferenceOptions",
    "ConferencePlaybackEvent",
    "ConferenceSpeakEvent",
    "ConferenceUpdate",
    "ConfigurationError",
    "ConflictError",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "Domain",
    "DomainOptions",
    "DtmfEvent",
    "Endpoint",
    "EndpointOptions",
    "EndpointToken",
    "ErrorEvent",
    "Event",
    "EventParseError",
    "ForbiddenError",
    "Gather",
    "GatherEvent",
    "GatherOptions",
    "GatherReason",
    "GatherState",
    "HangupCause",
    "HangupEvent",
    "IncomingCallEvent",
    "InvalidOptionError",
    "LoggedError",
    "MediaFile",
    "MemberOptions",
    "Message",
    "MessageOptions",
    "MessageResult",
    "MmsEvent",
    "NotFoundError",
    "NumberInfo",
    "OrderedNumber",
    "PhoneNumber",
    "PhoneNumberOptions",
    "PlaybackEvent",
    "PlaybackStatus",
    "Prompt",
    "ProtocolError",
    "RateLimitError",
    "Recording",
    "RecordingEvent",
    "RedirectEvent",
    "RequestTimeout",
    "Result",
    "ServerError",
    "SmsEvent",
    "SpeakEvent",
    "Timeout",
    "TimeoutEvent",
    "Transaction",
    "Transcription",
    "TranscriptionEvent",
    "TransferCompleteEvent",
    "TransportError",
    "parse_event",
]


class Collections:
    """The collections of a client, each loaded when first used (``client.Bridge``)."""

    Account: Lazy[AccountCollection] = Lazy(
        "resources.account", "AccountCollection",
        "the account: client.Account.get().balance, .get_transactions()")
    Application: Lazy[ApplicationCollection] = Lazy(
        "resources.application", "ApplicationCollection",
        "applications: where incoming calls to your numbers report")
    AvailableNumber: Lazy[AvailableNumberCollection] = Lazy(
        "resources.number", "AvailableNumberCollection",
        "numbers to buy: client.AvailableNumber.search_local(area_code='919')")
    Bridge: Lazy[BridgeCollection] = Lazy(
        "resources.bridge", "BridgeCollection",
        "the bridges of this user: client.Bridge('brg-1'), .create, .get, .list")
    Call: Lazy[CallCollection] = Lazy(
        "resources.call", "CallCollection",
        "the calls of this user: client.Call('c-1'), .get, .create, .list")
    Conference: Lazy[ConferenceCollection] = Lazy(
        "resources.conference", "ConferenceCollection",
        "conferences and their members: client.Conference.create(from_=...)")
    Domain: Lazy[DomainCollection] = Lazy(
        "resources.domain", "DomainCollection",
        "SIP domains (at most 100): client.Domain.create(name=...), .list")
    Endpoint: Lazy[EndpointCollection] = Lazy(
        "resources.domain", "EndpointCollection",
        "SIP endpoints, by domain: client.Endpoint.create(domain_id, ...), .list")
    Error: Lazy[ErrorCollection] = Lazy(
        "resources.error", "ErrorCollection",
        "the error log: client.Error.list(limit=20), .get(error_id)")
    Media: Lazy[MediaCollection] = Lazy(
        "resources.media", "MediaCollection",
        "the media store: client.Media.upload(name, data), .download, .list, .delete")
    Message: Lazy[MessageCollection] = Lazy(
        "resources.message", "MessageCollection",
        "text and multimedia messages: client.Message.send(from_=..., to=..., text=...)")
    NumberInfo: Lazy[NumberInfoCollection] = Lazy(
        "resources.number_info", "NumberInfoCollection",
        "CNAM lookups: client.NumberInfo.get('+19195551212').name")
    PhoneNumber: Lazy[PhoneNumberCollection] = Lazy(
        "resources.number", "PhoneNumberCollection",
        "your numbers: client.PhoneNumber.allocate(number=...), .get, .list")
    Recording: Lazy[RecordingCollection] = Lazy(
        "resources.recording", "RecordingCollection",
        "the recordings of this user: client.Recording.list(), .get, a handle")
    Transcription: Lazy[TranscriptionCollection] = Lazy(
        "resources.recording", "TranscriptionCollection",
        "transcriptions by recording id: client.Transcription.create(recording_id)")
