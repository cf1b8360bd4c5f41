"""The exception tree: every error catapult raises is a CatapultError."""

from __future__ import annotations

import datetime as _dt
from typing import Mapping, Optional

__all__ = [
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "CatapultError",
    "ConfigurationError",
    "ConflictError",
    "EventParseError",
    "ForbiddenError",
    "InvalidOptionError",
    "NotFoundError",
    "ProtocolError",
    "RateLimitError",
    "RequestTimeout",
    "ServerError",
    "TransportError",
]


class CatapultError(Exception):
    """Base class of every exception raised by catapult."""


class InvalidOptionError(CatapultError, ValueError):
    """An argument is unknown, given twice, or out of range.

    Raised before anything is sent, so fixing the argument and calling again is safe.
    """


class ConfigurationError(CatapultError):
    """Credentials or client settings are missing or malformed.

    The message names the setting (never its value, which may be a secret).
    """


class TransportError(CatapultError):
    """No HTTP response was received: connection refused or reset, DNS, TLS.

    The request may or may not have reached the API; retrying a create can duplicate it.
    The original requests exception is chained as ``__cause__``.
    """


class RequestTimeout(TransportError):
    """The API did not connect or answer within the client's timeout."""


class ProtocolError(CatapultError):
    """A response that breaks the API's contract (a 201 without Location, bad JSON).

    The request was processed by the server; retrying a create can duplicate it.
    """


class EventParseError(CatapultError, ValueError):
    """A callback body is not a Catapult event (not a JSON object, or no eventType)."""


class APIError(CatapultError):
    """The API answered with an HTTP status of 400 or more.

    Attributes:
        status: the HTTP status code.
        category: the error body's ``category`` ("" when absent).
        code: the error body's ``code``, e.g. "call-not-found" ("" when absent).
        message: the error body's ``message``, or the HTTP reason when absent.
        details: the body's ``[{"name", "value"}]`` list as a dict (names kept as sent).
        method: the request method.
        url: the full request URL.
        headers: the response headers (names looked up case-insensitively).
        body: the response body as text.
    """

    def __init__(
        self,
        *,
        status: int,
        category: str = "",
        code: str = "",
        message: str = "",
        details: Optional[Mapping[str, object]] = None,
        method: str = "",
        url: str = "",
        path: str = "",
        headers: Optional[Mapping[str, str]] = None,
        body: str = "",
    ) -> None:
        self.status = status
        self.category = category
        self.code = code
        self.message = message
        self.details: dict[str, object] = dict(details or {})
        self.method = method
        self.url = url
        self.path = path
        # kept as given: the transport passes a case-insensitive mapping
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        self.body = body
        super().__init__(str(self))

    def __str__(self) -> str:
        head = f"{self.status} {self.code}".rstrip()
        text = f"{head}: {self.message}" if self.message else head
        if self.method:
            text += f" ({self.method} {self.path or self.url})"
        return text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # keyword-only __init__: pickling (multiprocessing, pytest-xdist) needs help
        return (_rebuild_api_error, (type(self), self.__dict__.copy()))


def _rebuild_api_error(cls: type[APIError], state: dict[str, object]) -> APIError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, str(error))
    return error


class BadRequestError(APIError):
    """400: the API rejected the request's content (e.g. validation-error)."""


class AuthenticationError(APIError):
    """401: the API token or secret was not accepted."""


class ForbiddenError(APIError):
    """403: not allowed now, e.g. call-invalid-state, or another user's resource."""


class NotFoundError(APIError):
    """404: the call, gather or other resource does not exist."""


class ConflictError(APIError):
    """409: conflicts with current state, e.g. call-duplicate-gather-error."""


class RateLimitError(APIError):
    """429, or 403 call-rate-limit: too many requests; safe to retry after ``reset_at``.

    Attributes:
        reset_at: when the limit resets (UTC), from ``X-RateLimit-Reset``; None if not sent.
    """

    @property
    def reset_at(self) -> Optional[_dt.datetime]:
        """When the limit resets (aware UTC), from ``X-RateLimit-Reset`` in epoch ms; or None."""
        raw = next((v for k, v in self.headers.items() if k.lower() == "x-ratelimit-reset"), None)
        if raw is None:
            return None
        try:
            millis = int(str(raw).strip())
            return _dt.datetime.fromtimestamp(millis / 1000, tz=_dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            return None


class ServerError(APIError):
    """5xx: the API failed; a retry later may succeed."""
