"""catapult: a Python SDK for Bandwidth's Catapult voice API v1."""

__version__ = "0.1.0"

from .call import AudioOptions, Call, CallLogEvent, CallOptions, CallState, CallUpdate
from .client import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, Client
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
from .gather import Gather, GatherOptions, GatherReason, GatherState, Prompt

__all__ = [
    "APIError",
    "AudioOptions",
    "AuthenticationError",
    "BadRequestError",
    "Call",
    "CallLogEvent",
    "CallOptions",
    "CallState",
    "CallUpdate",
    "CatapultError",
    "Client",
    "ConfigurationError",
    "ConflictError",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "EventParseError",
    "ForbiddenError",
    "Gather",
    "GatherOptions",
    "GatherReason",
    "GatherState",
    "InvalidOptionError",
    "NotFoundError",
    "Prompt",
    "ProtocolError",
    "RateLimitError",
    "RequestTimeout",
    "ServerError",
    "TransportError",
    "__version__",
]
