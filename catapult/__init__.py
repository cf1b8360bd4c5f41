"""catapult: a Python SDK for Bandwidth's Catapult voice API v1.

The public names below load their module when first used, so ``import catapult`` costs
almost nothing, and a script that never receives callbacks never loads the receiver.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: each public name, and the module that defines it
_WHERE = {
    "AudioOptions": "resources.call_options",
    "Application": "resources.application",
    "ApplicationOptions": "resources.application",
    "PhoneNumber": "resources.number",
    "PhoneNumberOptions": "resources.number",
    "AvailableNumber": "resources.number",
    "OrderedNumber": "resources.number",
    "Conference": "resources.conference",
    "ConferenceMember": "resources.conference",
    "ConferenceOptions": "resources.conference",
    "ConferenceUpdate": "resources.conference",
    "MemberOptions": "resources.conference",
    "Bridge": "resources.bridge",
    "BridgeOptions": "resources.bridge",
    "BridgeState": "resources.bridge",
    "Call": "resources.call",
    "CallLogEvent": "resources.call",
    "CallOptions": "resources.call_options",
    "CallState": "_enums",
    "CallUpdate": "resources.call_options",
    "CallbackApp": "callbacks",
    "DEFAULT_BASE_URL": "client",
    "DEFAULT_MAX_RETRIES": "client",
    "DEFAULT_TIMEOUT": "client",
    "Client": "client",
    "Result": "_response",
    "Recording": "resources.recording",
    "MediaFile": "resources.media",
    "Transcription": "resources.recording",
    "Timeout": "client",
    "APIError": "errors",
    "AuthenticationError": "errors",
    "BadRequestError": "errors",
    "CatapultError": "errors",
    "ConfigurationError": "errors",
    "ConflictError": "errors",
    "EventParseError": "errors",
    "ForbiddenError": "errors",
    "InvalidOptionError": "errors",
    "NotFoundError": "errors",
    "ProtocolError": "errors",
    "RateLimitError": "errors",
    "RequestTimeout": "errors",
    "ServerError": "errors",
    "TransportError": "errors",
    "AnswerEvent": "events",
    "ConferenceEvent": "events",
    "ConferenceMemberEvent": "events",
    "ConferencePlaybackEvent": "events",
    "ConferenceSpeakEvent": "events",
    "DtmfEvent": "events",
    "ErrorEvent": "events",
    "RedirectEvent": "events",
    "TransferCompleteEvent": "events",
    "Event": "events",
    "GatherEvent": "events",
    "HangupCause": "events",
    "HangupEvent": "events",
    "IncomingCallEvent": "events",
    "PlaybackEvent": "events",
    "PlaybackStatus": "events",
    "RecordingEvent": "events",
    "SpeakEvent": "events",
    "TimeoutEvent": "events",
    "TranscriptionEvent": "events",
    "parse_event": "events",
    "Gather": "resources.gather",
    "GatherOptions": "resources.gather",
    "GatherReason": "_enums",
    "GatherState": "_enums",
    "Prompt": "resources.gather",
}

if TYPE_CHECKING:  # what type checkers, IDEs and help() see
    from ._enums import CallState, GatherReason, GatherState
    from ._response import Result
    from .callbacks import (
        CallbackApp,
    )
    from .client import (
        DEFAULT_BASE_URL,
        DEFAULT_MAX_RETRIES,
        DEFAULT_TIMEOUT,
        Client,
        Timeout,
    )
    from .errors import (
        APIError,
        AuthenticationError,
        BadRequestError,
        CatapultError,
        ConfigurationError,
        ConflictError,
        EventParseError,
        ForbiddenError,
        InvalidOptionError,
        NotFoundError,
        ProtocolError,
        RateLimitError,
        RequestTimeout,
        ServerError,
        TransportError,
    )
    from .events import (
        AnswerEvent,
        ConferenceEvent,
        ConferenceMemberEvent,
        ConferencePlaybackEvent,
        ConferenceSpeakEvent,
        DtmfEvent,
        ErrorEvent,
        Event,
        GatherEvent,
        HangupCause,
        HangupEvent,
        IncomingCallEvent,
        PlaybackEvent,
        PlaybackStatus,
        RecordingEvent,
        RedirectEvent,
        SpeakEvent,
        TimeoutEvent,
        TranscriptionEvent,
        TransferCompleteEvent,
        parse_event,
    )
    from .resources.application import Application, ApplicationOptions
    from .resources.bridge import Bridge, BridgeOptions, BridgeState
    from .resources.call import (
        Call,
        CallLogEvent,
    )
    from .resources.call_options import (
        AudioOptions,
        CallOptions,
        CallUpdate,
    )
    from .resources.conference import (
        Conference,
        ConferenceMember,
        ConferenceOptions,
        ConferenceUpdate,
        MemberOptions,
    )
    from .resources.gather import (
        Gather,
        GatherOptions,
        Prompt,
    )
    from .resources.media import MediaFile
    from .resources.number import AvailableNumber, OrderedNumber, PhoneNumber, PhoneNumberOptions
    from .resources.recording import Recording, Transcription


#: submodules that ``catapult.<name>`` imports on first use too (``catapult.sandbox.Sandbox``)
_SUBMODULES = frozenset({"bxml", "callbacks", "errors", "events", "resources", "sandbox"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'catapult' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE, *_SUBMODULES})


__all__ = [
    "APIError",
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
    "DtmfEvent",
    "ErrorEvent",
    "RedirectEvent",
    "TransferCompleteEvent",
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
    "MediaFile",
    "MemberOptions",
    "NotFoundError",
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
    "RequestTimeout",
    "Result",
    "ServerError",
    "SpeakEvent",
    "Timeout",
    "TimeoutEvent",
    "Transcription",
    "TranscriptionEvent",
    "TransportError",
    "parse_event",
    "__version__",
]
