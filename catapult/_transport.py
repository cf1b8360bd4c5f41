"""The HTTP transport: session, auth, JSON, Location ids, the deadline, retries, logging."""

from __future__ import annotations

import copy
import json
import logging
import sys
import time
from typing import Any, Iterator, Literal, Mapping, Optional, Sequence, Union
from urllib.parse import urlsplit

import requests
import requests.adapters
import requests.auth
from urllib3.exceptions import NewConnectionError

from . import __version__, _retry
from ._adapter import BasicAuth, GuardedAdapter
from ._config import Timeout
from ._deadline import WATCHDOG, Attempt
from ._failures import what_happened
from ._response import Result, api_error, result_of
from .errors import (
    APIError,
    ConfigurationError,
    InvalidOptionError,
    ProtocolError,
    RequestTimeout,
    TransportError,
)

logger = logging.getLogger("catapult")
#: the wait between retries (a test replaces it without touching other threads' sleeps)
_sleep = time.sleep

USER_AGENT = (
    f"catapult-sdk/{__version__} python/{sys.version_info[0]}.{sys.version_info[1]} "
    f"requests/{requests.__version__}"
)


#: a requests.Session, as the client's ``session=`` takes it (so that client.py need not
#: import requests)
Session = requests.Session

#: where a request's path starts: the user's own resources, or the API's root (available
#: numbers and number info live outside ``/users/{userId}``)
Root = Literal["user", "api"]


class _Retry(Exception):
    """An attempt that failed in a way that may be tried again: ``error`` is raised if it
    is not (no retries left, or the wait would pass the deadline)."""

    def __init__(self, error: Exception, wait: float, why: str) -> None:
        super().__init__(why)
        self.error, self.wait, self.why = error, wait, why


class Transport:
    """One requests.Session bound to one user's API roots; everything HTTP goes through here.

    Each ``request`` is one SDK call: tried up to ``1 + max_retries`` times, all of it
    within ``timeout.total`` seconds of wall-clock time (see ``_retry`` for what is retried).
    """

    def __init__(
        self,
        base_url: str,
        user_id: str,
        auth: BasicAuth,
        timeout: Timeout,
        max_retries: int,
        session: Optional[requests.Session] = None,
    ) -> None:
        api = f"{base_url.rstrip('/')}/v1"
        #: the URL each named root stands for
        self.roots: dict[str, str] = {"user": f"{api}/users/{user_id}", "api": api}
        self.timeout = timeout
        self.max_retries = max_retries
        self._auth = auth
        self._owns_session = session is None
        #: ``_closed``: this transport's own ``close()``; ``_family_closed`` is shared with
        #: its ``with_settings`` copies, so that closing a client closes what was derived
        #: from it too (and closing a copy closes only the copy)
        self._closed = False
        self._family_closed = [False]
        self._derived = False
        user_root = self.roots["user"]
        if session is None:
            session = requests.Session()
            session.mount("https://", GuardedAdapter())
            session.mount("http://", GuardedAdapter())
        elif type(session.get_adapter(user_root)) is requests.adapters.HTTPAdapter:
            # a session of the caller's keeps its settings, but its stock adapter cannot
            # enforce the deadline against a server that trickles bytes
            origin = urlsplit(user_root)
            session.mount(f"{origin.scheme}://{origin.netloc}/", GuardedAdapter())
        self.session = session
        # everything requests would merge again on every call is merged here, once: the
        # adapter, proxies and CA bundle from the environment, the session's headers
        self._adapter = session.get_adapter(user_root)
        settings = session.merge_environment_settings(user_root, {}, None, None, None)
        verify = settings["verify"]
        self._send_options: dict[str, Any] = {
            "stream": False, "proxies": settings["proxies"], "cert": settings["cert"],
            # TLS verification is never turned off; a CA bundle path is honoured
            "verify": verify if isinstance(verify, str) else True,
        }
        headers = requests.structures.CaseInsensitiveDict(session.headers)
        headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        for unset in [key for key, value in headers.items() if value is None]:
            del headers[unset]  # requests' own rule: a header set to None is not sent
        # see _prepare: a copy of this store is every request's headers
        self._header_store = headers._store  # type: ignore[attr-defined]
        self._prepared_roots: dict[str, str] = {}
        for name, url in self.roots.items():
            probe = requests.PreparedRequest()
            probe.prepare_url(url, None)
            self._prepared_roots[name] = probe.url or url

    @property
    def root(self) -> str:
        """The user root, ``{base_url}/v1/users/{user_id}``."""
        return self.roots["user"]

    def __repr__(self) -> str:
        return f"<Transport {self.root}>"

    def with_settings(self, timeout: Timeout, max_retries: int) -> Transport:
        """A transport with other settings over the same session, connection pool and
        merged settings; closing it leaves the session open."""
        other = copy.copy(self)
        other.timeout, other.max_retries, other._owns_session = timeout, max_retries, False
        other._closed, other._derived = False, True
        return other

    def close(self) -> None:
        """Close the session, if this transport created it; no request is sent after."""
        self._closed = True
        if not self._derived:
            self._family_closed[0] = True
        if self._owns_session:
            self.session.close()

    @property
    def closed(self) -> bool:
        return self._closed or self._family_closed[0]

    def request(
        self,
        method: str,
        path: str,
        *,
        root: Root = "user",
        body: Union[Mapping[str, Any], Sequence[Mapping[str, Any]], None] = None,
        params: Optional[Mapping[str, Any]] = None,
        created: bool = False,
        content: Optional[bytes] = None,
        content_type: str = "application/octet-stream",
        encoded: bool = True,
    ) -> Result:
        """Send one request, with its retries, and return its Result, or raise the exception
        for what happened last.

        Args:
            method: the HTTP method.
            path: a path below ``root`` (``calls/c-1/gather``).
            root: ``"user"`` (``/v1/users/{userId}``) or ``"api"`` (``/v1``).
            body: sent as compact UTF-8 JSON when given (an object, or a list of them).
            params: query parameters.
            created: the response must carry a ``Location`` (201 Created); its last segment
                becomes ``Result.location_id``, and a response without one is a ProtocolError.
            content: raw bytes to send instead of a JSON body (a media upload), with
                ``content_type``.
            encoded: the ids in ``path`` are percent-encoded already (``_wire.segment``);
                False quotes the path as requests would (``client.request``).

        Raises:
            APIError: a status >= 400, after the retries that the status allows.
            RequestTimeout: no complete answer by the deadline.
            TransportError: no answer, after the retries that are safe.
            ProtocolError: an answer that breaks the API's contract.
        """
        if content is not None:
            data: Optional[bytes] = bytes(content)
        else:
            data = None if body is None else _encode(body, method, path)
            content_type = "application/json; charset=utf-8"
        if encoded and not params:
            # ids arrive percent-encoded one segment each, which requests' URL preparation
            # would leave exactly as it is
            url = f"{self._prepared_roots[root]}/{path}"
        else:
            url = _prepared_url(f"{self.roots[root]}/{path}", params)
        shown = f"{urlsplit(self._prepared_roots[root]).path}/{path}"
        return self._send(self._prepare(method, url, data, content_type), shown, created)

    def _send(self, prepared: requests.PreparedRequest, shown: str, created: bool) -> Result:
        """``prepared``, tried until it succeeds, fails for good, or the deadline passes."""
        method = str(prepared.method)
        if self.closed:
            raise ConfigurationError(
                f"{method} {shown}: this client is closed, so nothing was sent; make a new "
                "catapult.Client (a client used as a context manager closes at the end of "
                "its with-block)")
        deadline = time.monotonic() + self.timeout.total
        tries = 0
        while True:
            tries += 1
            try:
                response = self._attempt(prepared, shown, tries, deadline)
                return self._classify(response, method, shown, created, tries)
            except _Retry as retry:
                if not self._may_retry(method, shown, tries, retry.wait, deadline, retry.why):
                    raise retry.error from retry.error.__cause__

    def _attempt(self, prepared: requests.PreparedRequest, shown: str, tries: int,
                 deadline: float) -> requests.Response:
        """One try: the response read whole within the deadline, or the exception (a
        ``_Retry`` when trying again is safe)."""
        method = str(prepared.method)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise self._late(method, shown, tries - 1)
        attempt = Attempt(deadline)
        failure: Optional[BaseException] = None
        started = time.monotonic()
        WATCHDOG.arm(attempt)
        try:
            response = self._adapter.send(
                prepared, timeout=(min(self.timeout.connect, remaining),
                                   min(self.timeout.read, remaining)),
                **self._send_options,
            )
            response.content  # noqa: B018 (read the body while the deadline is armed)
        except (requests.RequestException, OSError) as exc:
            failure = exc
        finally:
            WATCHDOG.disarm()
        if attempt.expired:
            # the watchdog cut the socket: whatever was read is an answer cut short (a
            # header block ended by the close looks complete to http.client)
            raise self._late(method, shown, tries) from failure
        if failure is not None:
            if time.monotonic() >= deadline:
                raise self._late(method, shown, tries) from failure
            error = self._failed(method, shown, tries, failure)
            error.__cause__ = failure
            why = _retry_after_failure(method, failure, attempt)
            if why:
                raise _Retry(error, _retry.backoff(tries), why)
            raise error from failure
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("%s %s -> %s in %.0f ms", method, shown, response.status_code,
                         _ms(started))
        return response

    def _classify(self, response: requests.Response, method: str, shown: str, created: bool,
                  tries: int) -> Result:
        """What a response means: the Result of a success, or the exception for the rest (a
        ``_Retry`` when the status allows trying again)."""
        status = response.status_code
        if status >= 400:
            error = _error_for(response, method, shown)
            error.attempts = tries
            retry = _retry.after_status(method, error, tries)
            if retry:
                raise _Retry(error, *retry)
            raise error
        if status >= 300:
            # redirects are not part of the API; following one could resend a POST
            raise ProtocolError(
                f"{method} {shown}: unexpected redirect {status} to "
                f"{response.headers.get('Location', '(no Location)')}"
            )
        # the response's own headers (case-insensitive, as HTTP's): nothing else keeps them
        return result_of(content=response.content, status=status, headers=response.headers,
                         what=f"{method} {shown}", created=created)

    def _prepare(self, method: str, url: str, data: Optional[bytes],
                 content_type: str) -> requests.PreparedRequest:
        """The request requests' Session would build, built directly: the same headers in
        the same order, with no cookie jar, hooks or redirect handling (the API uses none)."""
        prepared = requests.PreparedRequest()
        prepared.method = method
        prepared.url = url
        headers: requests.structures.CaseInsensitiveDict[Union[str, bytes]] = \
            requests.structures.CaseInsensitiveDict()
        # a copy of the merged headers' own store: rebuilding it key by key cost more than
        # everything else in preparing a request (tests/unit/test_transport.py pins what
        # this relies on in the installed requests)
        headers._store = self._header_store.copy()  # type: ignore[attr-defined]
        if data is not None:
            headers["Content-Type"] = content_type
            headers["Content-Length"] = str(len(data))
        elif method not in ("GET", "HEAD"):
            headers["Content-Length"] = "0"
        prepared.headers = headers  # type: ignore[assignment]
        prepared.body = data
        self._auth(prepared)
        return prepared

    def _may_retry(self, method: str, shown: str, tries: int, wait: float, deadline: float,
                   why: str) -> bool:
        """Whether to try again (retries left, and the wait fits the deadline); waits if so."""
        if tries > self.max_retries or time.monotonic() + wait >= deadline:
            return False
        logger.info("retrying %s %s in %.2f s (retry %d of %d): %s", method, shown, wait,
                    tries, self.max_retries, why)
        _sleep(wait)
        return True

    def _late(self, method: str, shown: str, tries: int) -> RequestTimeout:
        total = self.timeout.total
        logger.debug("%s %s: no complete answer within %g s", method, shown, total)
        error = RequestTimeout(
            f"{method} {shown}: no complete answer within the {total:g} s deadline "
            f"({_tries(tries)})"
        )
        error.attempts = tries
        return error

    def _failed(self, method: str, shown: str, tries: int, exc: BaseException) -> TransportError:
        timed_out = isinstance(exc, requests.Timeout)
        kind = RequestTimeout if timed_out else TransportError
        logger.debug("%s %s failed: %s", method, shown, type(exc).__name__)
        happened = what_happened(exc, self.roots["user"], self.timeout)
        error = kind(f"{method} {shown}: {happened} ({_tries(tries)})")
        error.attempts = tries
        return error

    def paginate(self, path: str, params: Optional[Mapping[str, Any]] = None,
                 limit: Optional[int] = None, root: Root = "user") -> Iterator[Any]:
        """Yield the items of a list endpoint, following ``Link: <...>; rel="next"``; stop
        after ``limit`` items (no further page is fetched once it is reached)."""
        if limit is not None and limit <= 0:
            return
        result = self.request("GET", path, params=params, root=root)
        left = limit
        while True:
            for item in result.json_list(f"GET {path}"):
                yield item
                if left is not None:
                    left -= 1
                    if not left:
                        return
            next_url = _links(result.headers).get("next", {}).get("url")
            if not next_url:
                return
            if not self._same_origin(next_url):
                raise ProtocolError(f"refusing to follow a next link to another host: {next_url}")
            prepared = self._prepare("GET", _prepared_url(next_url, None), None, "")
            result = self._send(prepared, urlsplit(next_url).path, False)

    def _same_origin(self, url: str) -> bool:
        mine, theirs = urlsplit(self.root), urlsplit(url)
        return (mine.scheme, mine.netloc) == (theirs.scheme, theirs.netloc)


def _prepared_url(url: str, params: Optional[Mapping[str, Any]]) -> str:
    """``url`` with ``params``, quoted as requests quotes them."""
    probe = requests.PreparedRequest()
    probe.prepare_url(url, params)
    return probe.url or url


def _error_for(response: requests.Response, method: str, shown: str) -> APIError:
    return api_error(
        status=response.status_code, reason=response.reason or "",
        headers=response.headers.copy(),  # case-insensitive, as HTTP header names are
        content=response.content, text=response.text, method=method,
        url=response.url or "", path=shown,
    )


def _links(headers: Mapping[str, str]) -> Mapping[str, Any]:
    link = next((v for k, v in headers.items() if k.lower() == "link"), None)
    if not link:
        return {}
    parsed = requests.utils.parse_header_links(link)
    return {str(item["rel"]): item for item in parsed if item.get("rel")}


_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def _encode(body: Union[Mapping[str, Any], Sequence[Mapping[str, Any]]], method: str,
            path: str) -> bytes:
    try:
        return _JSON.encode(body).encode("utf-8")
    except (UnicodeEncodeError, ValueError, TypeError) as exc:
        # a lone surrogate, NaN, or an object JSON cannot carry: nothing is sent
        raise InvalidOptionError(f"{method} {path}: the body cannot be sent as JSON: {exc}") \
            from None


def _retry_after_failure(method: str, exc: BaseException, attempt: Attempt) -> Optional[str]:
    """Why a request that got no answer may be sent again, or None when it may not."""
    if isinstance(exc, requests.exceptions.SSLError):
        return None  # a certificate problem does not go away by asking again
    if isinstance(exc, requests.ConnectTimeout):
        return "connect timeout: the request was never sent"
    reason = exc.args[0] if exc.args else None
    if isinstance(getattr(reason, "reason", None), NewConnectionError):
        return "no connection (refused or no address): the request was never sent"
    if attempt.unsent:
        return "the connection closed before the request was written"
    if method in _retry.IDEMPOTENT:
        return f"{type(exc).__name__} on an idempotent request"
    return None



def _tries(count: int) -> str:
    return f"{count} attempt{'s' if count != 1 else ''}"


def _ms(started: float) -> float:
    return (time.monotonic() - started) * 1000
