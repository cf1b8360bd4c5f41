"""The exception tree: every error catapult raises is a CatapultError."""

from __future__ import annotations

import datetime as _dt
import time
from typing import Any, Mapping, Optional

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

    The client has already retried what was safe to retry (see ``Client``): a POST that may
    have reached the API is never resent, so retrying a create yourself can duplicate it.
    The original requests exception is chained as ``__cause__``.

    Attributes:
        attempts: how many times the request was tried, retries included.
    """

    attempts: int = 1


class RequestTimeout(TransportError):
    """No complete answer within the client's timeout: a connect or read timeout, or the
    ``total`` deadline of the call, which covers every retry and wait."""


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
        attempts: how many times the request was tried, retries included.
    """

    attempts: int = 1

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

    def __reduce__(self) -> tuple[Any, ...]:
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
    """429, or 403 call-rate-limit: too many requests. The API refused without acting, so
    the client retries it (POST included) when the wait fits in the deadline; this is
    raised once it does not, or the retries are used up. Safe to retry after ``reset_at``.

    Attributes:
        reset_at: when the limit resets (aware UTC), from ``X-RateLimit-Reset`` (epoch
            milliseconds) or else ``Retry-After`` (seconds or an HTTP date); None if neither.
    """

    def __init__(self, **fields: object) -> None:
        super().__init__(**fields)  # type: ignore[arg-type]
        self.reset_at: Optional[_dt.datetime] = reset_time(self.headers, time.time())


def reset_time(headers: Mapping[str, str], now: float) -> Optional[_dt.datetime]:
    """When a rate limit resets, from ``X-RateLimit-Reset`` (epoch ms) or ``Retry-After``
    (seconds after ``now``, or an HTTP date); None when neither header is readable."""
    found = {k.lower(): str(v).strip() for k, v in headers.items()
             if k.lower() in ("x-ratelimit-reset", "retry-after")}
    reset, after = found.get("x-ratelimit-reset"), found.get("retry-after")
    try:
        if reset is not None:
            return _dt.datetime.fromtimestamp(float(reset) / 1000, tz=_dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        pass
    try:
        if after is None:
            return None
        if after.replace(".", "", 1).isdigit():
            return _dt.datetime.fromtimestamp(now + float(after), tz=_dt.timezone.utc)
        import email.utils  # rarely needed, and a few ms to import

        moment = email.utils.parsedate_to_datetime(after)
        return moment if moment.tzinfo else moment.replace(tzinfo=_dt.timezone.utc)
    except (ValueError, TypeError, OverflowError, OSError):
        return None


class ServerError(APIError):
    """5xx: the API failed; a retry later may succeed (GETs are retried on 502/503/504)."""
