"""What came back: the Result of a request, JSON bodies, and the APIError for a status."""

from __future__ import annotations

import json
from typing import Any, Mapping, Optional

from ._wire import location_id
from .errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    ProtocolError,
    RateLimitError,
    ServerError,
)

__all__ = ["Result"]

_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


class Result:
    """What a request returned, whatever the endpoint (``client.request`` gives it).

    Attributes:
        status: the HTTP status (2xx: anything else was raised as an APIError).
        headers: the response headers, looked up case-insensitively.
        data: the parsed JSON body, or None for an empty body.
        location_id: the id the ``Location`` header names (a create), or None.
        content: the body as received, bytes (a media download, or the JSON's own bytes).
    """

    __slots__ = ("content", "data", "headers", "location_id", "status")

    def __init__(self, *, status: int, headers: Mapping[str, str], data: Any,
                 location_id: Optional[str] = None, content: bytes = b"") -> None:
        self.content: bytes = content
        self.status: int = status
        self.headers: Mapping[str, str] = headers
        self.data: Any = data
        self.location_id: Optional[str] = location_id

    def __repr__(self) -> str:
        return f"<Result {self.status} location_id={self.location_id!r}>"

    def created_id(self) -> str:
        """The id from ``Location``; the transport guarantees it when ``created=True``."""
        assert self.location_id is not None
        return self.location_id

    def json_object(self, what: str) -> dict[str, Any]:
        """The body as a JSON object, or a ProtocolError saying what was expected."""
        if not isinstance(self.data, dict):
            raise ProtocolError(f"expected a JSON object for {what}, got {_kind(self.data)}")
        return self.data

    def json_list(self, what: str) -> list[Any]:
        """The body as a JSON array (an empty body counts as an empty list)."""
        if self.data is None:
            return []
        if not isinstance(self.data, list):
            raise ProtocolError(f"expected a JSON array for {what}, got {_kind(self.data)}")
        return self.data


NOT_JSON: Any = object()


def parse_json(raw: bytes) -> Any:
    """The JSON body whatever charset the content type names; None if empty, else NOT_JSON."""
    if not raw or not raw.strip():
        return None
    try:
        # json.loads on bytes detects UTF-8/16/32 itself, so "application/json;charset=UTF-8"
        # or a missing charset both work
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return NOT_JSON


def declares_json(headers: Mapping[str, str]) -> bool:
    """Whether the response's ``Content-Type`` says JSON."""
    return "json" in headers.get("Content-Type", "").lower()


def result_of(*, content: bytes, status: int, headers: Mapping[str, str], what: str,
              created: bool) -> Result:
    """The Result of a successful response, or a ProtocolError when it breaks the API's
    contract (declared JSON that is not, a create without the new resource's id)."""
    data = parse_json(content)
    if data is NOT_JSON and declares_json(headers):
        raise ProtocolError(f"{what}: {status} response declared JSON but is not: "
                            f"{excerpt(content.decode('utf-8', 'replace'))!r}")
    new_id = location_id(headers.get("Location"), f"{what}: {status} response")
    if created and new_id is None:
        raise ProtocolError(f"{what}: {status} response has no Location header with the new "
                            "resource's id")
    return Result(content=content, status=status, headers=headers,
                  data=None if data is NOT_JSON else data, location_id=new_id)


#: the 403 codes of a request refused for its rate, which the API did not act on
RATE_LIMIT_CODES = frozenset({"call-rate-limit", "message-rate-limit",
                              "message-rate-limit-overall", "message-rate-limit-per-tn"})
#: the HTTP status of each error category (AP errors.md), for an error reported without one
#: (a message of a multi-message request)
STATUS_OF_CATEGORY = {"bad-request": 400, "authentication": 401, "authorization": 401,
                      "credit": 403, "limit": 403, "forbidden": 403, "not-found": 404,
                      "conflict": 409, "too-many-requests": 429, "payment": 500,
                      "backend": 500, "unavailable": 503}


def api_error(*, status: int, reason: str, headers: Mapping[str, str], content: bytes,
              text: str, method: str, url: str, path: str) -> APIError:
    """The APIError subclass for an error response, complete even when the body is not."""
    payload = parse_json(content)
    body = payload if isinstance(payload, dict) else {}
    code = _text(body.get("code"))
    kind: type[APIError]
    if status == 429 or (status == 403 and code in RATE_LIMIT_CODES):
        kind = RateLimitError
    elif status >= 500:
        kind = ServerError
    else:
        kind = _BY_STATUS.get(status, APIError)
    return kind(
        status=status,
        category=_text(body.get("category")),
        code=code,
        message=_text(body.get("message")) or reason or f"HTTP {status}",
        details=_details(body.get("details")),
        method=method,
        url=url,
        path=path,
        headers=headers,
        body=text,
    )


def _details(raw: object) -> dict[str, object]:
    """``[{"name": n, "value": v}, ...]`` as ``{n: v}``; a dict is kept; names never renamed."""
    if isinstance(raw, Mapping):
        return {str(k): v for k, v in raw.items()}
    details: dict[str, object] = {}
    if isinstance(raw, list):
        for item in raw:
            if isinstance(item, Mapping) and "name" in item:
                details[str(item["name"])] = item.get("value")
    return details


def _text(value: object) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def excerpt(text: str) -> str:
    """The start of a body, for an error message."""
    return text[:200]


def _kind(data: object) -> str:
    return "an empty body" if data is None else type(data).__name__
