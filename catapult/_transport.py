"""The HTTP transport: session, auth, JSON, Location ids, error mapping, paging, logging."""

from __future__ import annotations

import json
import logging
import platform
import time
from typing import Any, Iterator, Mapping, Optional, Union
from urllib.parse import urlsplit

import requests

from . import __version__
from ._response import NOT_JSON, Result, api_error, declares_json, excerpt, parse_json
from ._wire import location_id
from .errors import APIError, ProtocolError, RequestTimeout, TransportError

logger = logging.getLogger("catapult")

Timeout = Union[float, tuple[float, float]]

USER_AGENT = (
    f"catapult-sdk/{__version__} python/{platform.python_version_tuple()[0]}."
    f"{platform.python_version_tuple()[1]} requests/{requests.__version__}"
)

class Transport:
    """One requests.Session bound to one user's API root; everything HTTP goes through here."""

    def __init__(
        self,
        root: str,
        auth: tuple[str, str],
        timeout: Timeout,
        session: Optional[requests.Session] = None,
    ) -> None:
        self.root = root.rstrip("/")
        self.timeout = timeout
        self._auth = auth
        self._owns_session = session is None
        self.session = session if session is not None else requests.Session()

    def __repr__(self) -> str:
        return f"<Transport {self.root}>"

    def close(self) -> None:
        """Close the session, if this transport created it."""
        if self._owns_session:
            self.session.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Optional[Mapping[str, Any]] = None,
        params: Optional[Mapping[str, Any]] = None,
        created: bool = False,
        url: Optional[str] = None,
    ) -> Result:
        """Send one request and return its Result, or raise the exception for what happened.

        Args:
            method: the HTTP method.
            path: a path relative to the user root (``calls/c-1/gather``).
            body: sent as compact UTF-8 JSON when given.
            params: query parameters.
            created: the response must carry a ``Location`` (201 Created); its last segment
                becomes ``Result.location_id``, and a response without one is a ProtocolError.
            url: an absolute URL to use instead of ``path`` (a paging ``next`` link).
        """
        target = url or f"{self.root}/{path}"
        shown = urlsplit(target).path
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        data: Optional[bytes] = None
        if body is not None:
            data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json; charset=utf-8"
        started = time.monotonic()
        try:
            response = self.session.request(
                method, target, params=params, data=data, headers=headers, auth=self._auth,
                timeout=self.timeout, verify=self._verify(), allow_redirects=False,
            )
        except requests.Timeout as exc:
            logger.debug("%s %s timed out after %.0f ms", method, shown, _ms(started))
            raise RequestTimeout(f"{method} {shown}: no answer within {self.timeout} s") from exc
        except requests.RequestException as exc:
            logger.debug("%s %s failed: %s", method, shown, type(exc).__name__)
            raise TransportError(f"{method} {shown}: {type(exc).__name__}: {exc}") from exc
        logger.debug("%s %s -> %s in %.0f ms", method, shown, response.status_code, _ms(started))
        if response.status_code >= 400:
            raise _error_for(response, method, shown)
        if response.status_code >= 300:
            # redirects are not part of the API; following one could resend a POST elsewhere
            raise ProtocolError(
                f"{method} {shown}: unexpected redirect {response.status_code} to "
                f"{response.headers.get('Location', '(no Location)')}"
            )
        return self._result(response, method, shown, created)

    def paginate(self, path: str, params: Optional[Mapping[str, Any]] = None) -> Iterator[Any]:
        """Yield the items of a list endpoint, following ``Link: <...>; rel="next"``."""
        result, links = self._page(path=path, params=params)
        while True:
            yield from result.json_list(f"GET {path}")
            next_url = links.get("next", {}).get("url")
            if not next_url:
                return
            if not self._same_origin(next_url):
                raise ProtocolError(f"refusing to follow a next link to another host: {next_url}")
            result, links = self._page(url=next_url)

    def _page(self, *, path: str = "", params: Optional[Mapping[str, Any]] = None,
              url: Optional[str] = None) -> tuple[Result, Mapping[str, Any]]:
        result = self.request("GET", path, params=params, url=url)
        return result, _links(result.headers)

    def _same_origin(self, url: str) -> bool:
        mine, theirs = urlsplit(self.root), urlsplit(url)
        return (mine.scheme, mine.netloc) == (theirs.scheme, theirs.netloc)

    def _verify(self) -> Union[bool, str]:
        # TLS verification is never turned off; an injected session's CA bundle is honoured
        verify = getattr(self.session, "verify", True)
        return verify if isinstance(verify, str) else True

    @staticmethod
    def _result(response: requests.Response, method: str, shown: str, created: bool) -> Result:
        data = parse_json(response.content)
        if data is NOT_JSON and declares_json(response.headers):
            raise ProtocolError(
                f"{method} {shown}: {response.status_code} response declared JSON but is not: "
                f"{excerpt(response.text)!r}"
            )
        new_id = location_id(response.headers.get("Location"),
                             f"{method} {shown}: {response.status_code} response")
        if created and new_id is None:
            raise ProtocolError(
                f"{method} {shown}: {response.status_code} response has no Location header "
                "with the new resource's id"
            )
        return Result(
            status=response.status_code,
            headers=response.headers.copy(),  # case-insensitive, as HTTP header names are
            data=None if data is NOT_JSON else data,
            location_id=new_id,
        )


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


def _ms(started: float) -> float:
    return (time.monotonic() - started) * 1000
