"""Client: credentials and settings, bound to one HTTP session, with its resources."""

from __future__ import annotations

import copy
import os
from types import TracebackType
from typing import Any, Mapping, Optional
from urllib.parse import urlsplit

from ._adapter import BasicAuth
from ._config import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    Timeout,
    TimeoutLike,
    checked_retries,
    checked_timeout,
)
from ._index import Collections
from ._response import Result
from ._transport import Session, Transport
from ._wire import redact_userinfo, segment
from .errors import ConfigurationError, InvalidOptionError

__all__ = ["Client"]

_METHODS = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"})


class Client(Collections):
    """A connection to the Catapult v1 API for one user.

    Every request goes to ``{base_url}/v1/users/{user_id}/...`` with HTTP Basic auth
    (API token and secret), over one ``requests.Session`` that keeps connections alive.
    The client is safe to share between threads for independent requests, and is a context
    manager that closes its session.

    Args:
        user_id: your user id, ``"u-..."``.
        api_token: your API token, ``"t-..."``.
        api_secret: your API secret.
        base_url: the API host (default ``https://api.catapult.inetwork.com``), e.g. a
            sandbox's ``base_url``.
        timeout: a ``catapult.Timeout(connect, read, total)``; or a number or a
            ``(connect, read)`` tuple as in requests, and then ``total`` is 60 s (or
            connect + read, if that is longer). Default ``Timeout(5, 30, 60)``. There is
            no way to wait forever.
        max_retries: how many times a failed request may be sent again (default 2; 0 for
            never), with exponential backoff and full jitter, inside ``timeout.total``:
            any request that provably never reached the API (refused, no address, connect
            timeout, a kept-alive connection found closed before the request was written);
            any request refused with 429 or 403 ``call-rate-limit``, after the reset time
            the API names (``X-RateLimit-Reset`` or ``Retry-After``) when it fits the
            deadline; GET, PUT and DELETE also after 502, 503, 504, a read timeout or a
            lost connection. A POST that may have reached the API is never sent twice.
        session: a ``requests.Session`` of yours (proxies, CA bundle, headers); it is not
            closed by ``close()``. Its headers and adapter, and the proxies and CA bundle
            of the environment, are read once, here; cookies are not sent. If it has
            requests' stock adapter for ``base_url``, catapult mounts its own there (the
            same, plus the deadline watchdog).

    Raises:
        ConfigurationError: a credential is missing or empty, or a setting is malformed.

    Example:
        >>> with catapult.Client("u-1", "t-2", "secret") as client:
        ...     call = client.Call("c-1")
    """

    def __init__(
        self,
        user_id: str,
        api_token: str,
        api_secret: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: TimeoutLike = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        session: Optional[Session] = None,
    ) -> None:
        for name, value in (("user_id", user_id), ("api_token", api_token),
                            ("api_secret", api_secret)):
            if not isinstance(value, str) or not value.strip():
                raise ConfigurationError(f"{name} is missing: pass a non-empty string")
        parts = urlsplit(base_url) if isinstance(base_url, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            shown = redact_userinfo(base_url) if isinstance(base_url, str) else base_url
            raise ConfigurationError(
                f"base_url must be an http(s) URL such as {DEFAULT_BASE_URL!r}, got {shown!r}"
            )
        if parts.username is not None or parts.password is not None:
            # they would end up in URLs that errors and logs show; use the arguments instead
            raise ConfigurationError("base_url must not contain credentials (user:pass@)")
        self.user_id = user_id
        self.base_url: str = base_url.rstrip("/")
        self._bind(Transport(
            self.base_url,
            _user_segment(user_id),
            BasicAuth(api_token, api_secret),
            checked_timeout(timeout),
            checked_retries(max_retries),
            session,
        ))

    def _bind(self, transport: Transport) -> None:
        self._transport = transport
        for name, value in vars(Collections).items():  # built again, on this transport
            if not name.startswith("_") and hasattr(value, "attribute"):
                self.__dict__.pop(name, None)

    @property
    def timeout(self) -> Timeout:
        """The ``Timeout`` of every call made through this client."""
        return self._transport.timeout

    @property
    def max_retries(self) -> int:
        """How many times a failed request may be sent again (see ``Client``)."""
        return self._transport.max_retries

    def with_options(self, *, timeout: Optional[TimeoutLike] = None,
                     max_retries: Optional[int] = None) -> Client:
        """A client with other settings that shares this one's session and connections,
        for one slow or critical call: ``client.with_options(timeout=120).Call.get(id)``.

        Closing it closes only it; closing this client closes the shared session and
        every client made from it.

        Args:
            timeout: as in ``Client``; default this client's.
            max_retries: as in ``Client``; default this client's.

        Raises:
            ConfigurationError: a malformed setting.
        """
        other: Client = copy.copy(self)
        other._bind(self._transport.with_settings(
            checked_timeout(timeout) if timeout is not None else self.timeout,
            checked_retries(max_retries) if max_retries is not None else self.max_retries,
        ))
        return other

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None, *,
                 timeout: TimeoutLike = DEFAULT_TIMEOUT,
                 max_retries: int = DEFAULT_MAX_RETRIES,
                 session: Optional[Session] = None) -> Client:
        """A client from ``BANDWIDTH_USER_ID``, ``BANDWIDTH_API_TOKEN``, ``BANDWIDTH_API_SECRET``
        and the optional ``BANDWIDTH_API_ENDPOINT`` (the names the older SDKs read).

        Args:
            environ: where to read them (default ``os.environ``).
            timeout: as in ``Client``.
            max_retries: as in ``Client``.
            session: as in ``Client``.

        Raises:
            ConfigurationError: naming each required variable that is missing or empty.
        """
        env = os.environ if environ is None else environ
        names = ("BANDWIDTH_USER_ID", "BANDWIDTH_API_TOKEN", "BANDWIDTH_API_SECRET")
        missing = [name for name in names if not env.get(name, "").strip()]
        if missing:
            raise ConfigurationError(
                f"missing environment variable{'s' if len(missing) > 1 else ''}: "
                + ", ".join(missing)
            )
        return cls(
            env["BANDWIDTH_USER_ID"], env["BANDWIDTH_API_TOKEN"], env["BANDWIDTH_API_SECRET"],
            base_url=env.get("BANDWIDTH_API_ENDPOINT", "").strip() or DEFAULT_BASE_URL,
            timeout=timeout, max_retries=max_retries, session=session,
        )

    def request(self, method: str, path: str, body: Optional[Mapping[str, Any]] = None,
                params: Optional[Mapping[str, Any]] = None) -> Result:
        """Call any endpoint, wrapped or not, with the same auth, errors, deadline and retries.

        Args:
            method: ``GET``, ``POST``, ``PUT``, ``DELETE``, ``PATCH`` or ``HEAD``.
            path: relative to your user root (``"account"``, ``"calls/c-1/events"``), or
                absolute from ``/v1/`` for the endpoints outside it
                (``"/v1/availableNumbers/local"``). Ids in it must already be one segment
                each: ``.``, ``..``, empty segments, ``?`` and ``#`` are refused.
            body: sent as JSON, keys exactly as given (no case conversion).
            params: the query string.

        Returns:
            A ``catapult.Result``: ``status``, ``headers``, ``data`` (the parsed JSON, or
            None) and ``location_id`` (the id a ``Location`` header names, or None).

        Raises:
            InvalidOptionError: a bad method or path; nothing was sent.
            APIError, TransportError, ProtocolError: as for every other call.

        Example:
            >>> client.request("GET", "account").data["balance"]
        """
        verb = method.upper() if isinstance(method, str) else ""
        if verb not in _METHODS:
            raise InvalidOptionError(
                f"method must be one of {', '.join(sorted(_METHODS))}, got {method!r}")
        if not isinstance(path, str) or not path.strip("/") or any(c in path for c in "?#\\"):
            raise InvalidOptionError(
                f"path must be a path such as 'account' or '/v1/availableNumbers/local' (query "
                f"in params=), got {path!r}")
        absolute = path.startswith("/")
        if absolute and not path.startswith("/v1/"):
            raise InvalidOptionError(f"an absolute path starts with /v1/, got {path!r}")
        parts = path.strip("/").split("/")
        if any(part in ("", ".", "..") for part in parts):
            raise InvalidOptionError(
                f"path must not have empty, '.' or '..' segments, got {path!r}")
        # a caller's path is quoted as requests would quote it
        rest = path.strip("/")[len("v1/"):] if absolute else path.strip("/")
        return self._transport.request(verb, rest, body=body, params=params,
                                       root="api" if absolute else "user", encoded=False)

    def close(self) -> None:
        """Close the HTTP session (unless it was passed in). A closed client sends
        nothing more: each request raises ``ConfigurationError``."""
        self._transport.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, kind: Optional[type[BaseException]], error: Optional[BaseException],
                 trace: Optional[TracebackType]) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Client(user_id={self.user_id!r}, base_url={self.base_url!r})"


def _user_segment(user_id: str) -> str:
    try:
        return segment(user_id, "user_id")
    except InvalidOptionError as exc:
        raise ConfigurationError(str(exc)) from None
