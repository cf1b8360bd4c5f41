"""Client: credentials and settings, bound to one HTTP session, with its resources."""

from __future__ import annotations

import math
import os
from types import TracebackType
from typing import Mapping, Optional
from urllib.parse import urlsplit

import requests

from ._transport import Timeout, Transport
from ._wire import segment
from .call import CallCollection
from .errors import ConfigurationError, InvalidOptionError

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "Client"]

DEFAULT_BASE_URL = "https://api.catapult.inetwork.com"
#: seconds to connect, seconds to wait for each read of the answer
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 30.0)


class Client:
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
        timeout: seconds, or a ``(connect, read)`` tuple as in requests; default (5, 30).
            There is no way to wait forever.
        session: a ``requests.Session`` of yours (proxies, adapters, CA bundle); it is not
            closed by ``close()``.

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
        timeout: Timeout = DEFAULT_TIMEOUT,
        session: Optional[requests.Session] = None,
    ) -> None:
        for name, value in (("user_id", user_id), ("api_token", api_token),
                            ("api_secret", api_secret)):
            if not isinstance(value, str) or not value.strip():
                raise ConfigurationError(f"{name} is missing: pass a non-empty string")
        parts = urlsplit(base_url) if isinstance(base_url, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigurationError(
                f"base_url must be an http(s) URL such as {DEFAULT_BASE_URL!r}, got {base_url!r}"
            )
        if parts.username is not None or parts.password is not None:
            # they would end up in URLs that errors and logs show; use the arguments instead
            raise ConfigurationError("base_url must not contain credentials (user:pass@)")
        self.user_id = user_id
        self.base_url = base_url.rstrip("/")
        self.timeout = _checked_timeout(timeout)
        self._transport = Transport(
            f"{self.base_url}/v1/users/{_user_segment(user_id)}",
            (api_token, api_secret),
            self.timeout,
            session,
        )
        #: the calls of this user: ``client.Call("c-1")``, ``client.Call.get``, ``.create``
        self.Call = CallCollection(self._transport)

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None, *,
                 timeout: Timeout = DEFAULT_TIMEOUT,
                 session: Optional[requests.Session] = None) -> Client:
        """A client from ``BANDWIDTH_USER_ID``, ``BANDWIDTH_API_TOKEN``, ``BANDWIDTH_API_SECRET``
        and the optional ``BANDWIDTH_API_ENDPOINT`` (the names the older SDKs read).

        Args:
            environ: where to read them (default ``os.environ``).
            timeout: as in ``Client``.
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
            timeout=timeout, session=session,
        )

    def close(self) -> None:
        """Close the HTTP session (unless it was passed in)."""
        self._transport.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, kind: Optional[type[BaseException]], error: Optional[BaseException],
                 trace: Optional[TracebackType]) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Client(user_id={self.user_id!r}, base_url={self.base_url!r})"


def _checked_timeout(timeout: object) -> Timeout:
    def positive(value: object) -> bool:
        return (isinstance(value, (int, float)) and not isinstance(value, bool)
                and math.isfinite(value) and value > 0)

    if positive(timeout):
        return float(timeout)  # type: ignore[arg-type]
    if isinstance(timeout, tuple) and len(timeout) == 2 and all(map(positive, timeout)):
        return (float(timeout[0]), float(timeout[1]))
    raise ConfigurationError(
        "timeout must be a number of seconds > 0 or a (connect, read) tuple of them, "
        f"got {timeout!r}; waiting forever is not an option"
    )


def _user_segment(user_id: str) -> str:
    try:
        return segment(user_id, "user_id")
    except InvalidOptionError as exc:
        raise ConfigurationError(str(exc)) from None
