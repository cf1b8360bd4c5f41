"""What the sandbox's parts and its server say to each other: a request, a reply, the API's
failures and error bodies, the record of a request, paging as the API pages, and the
validation of a body against the SDK's declared options (one source for every limit)."""

from __future__ import annotations

import json
from typing import Any, Mapping, Optional
from urllib.parse import urlencode

import attrs

from .. import _checks, _options


class ApiFailure(Exception):
    """An error the API would answer with: status and the error body's fields."""

    def __init__(self, status: int, category: str, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.category = category
        self.code = code
        self.message = message


@attrs.frozen
class RecordedRequest:
    """One API request the sandbox received (the Authorization header is left out).

    Attributes:
        method, path: e.g. ``"POST"``, ``"/v1/users/u-.../calls/c-.../gather"``.
        query: the query parameters.
        headers: the request headers, without Authorization.
        body: the parsed JSON body, or the raw text if it was not JSON, or None.
        status: the status the sandbox answered.
    """

    method: str
    path: str
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: Any
    status: int


@attrs.frozen
class Reply:
    status: int
    body: Any = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    raw: Optional[bytes] = None  # a body that is not JSON (a media download), as it is


@attrs.frozen
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: Mapping[str, str]
    raw: bytes
    remote: str

    def json_value(self) -> Any:
        """The body as any JSON value (an empty body is an empty object)."""
        if not self.raw.strip():
            return {}
        try:
            return json.loads(self.raw)
        except (ValueError, RecursionError):
            raise ApiFailure(400, "bad-request", "invalid-json",
                             "The request body is not valid JSON") from None

    def json(self) -> dict[str, Any]:
        """The body as a JSON object, or the API's 400."""
        data = self.json_value()
        if not isinstance(data, dict):
            raise ApiFailure(400, "bad-request", "invalid-json",
                             "The request body must be a JSON object")
        return data


def error_reply(failure: ApiFailure, request: Request) -> Reply:
    """The API's error body: category, code, message and details as a name/value list."""
    path = request.path.lstrip("/")
    path = path[len("v1/"):] if path.startswith("v1/") else path
    body = {"category": failure.category, "code": failure.code, "message": failure.message,
            "details": [{"name": "requestMethod", "value": request.method},
                        {"name": "remoteAddress", "value": request.remote},
                        {"name": "requestPath", "value": path}]}
    headers = {"WWW-Authenticate": 'Basic realm="catapult sandbox"'} if failure.status == 401 \
        else {}
    return Reply(failure.status, body, headers)


#: what a recorded request shows in place of a password it carried
HIDDEN = "<hidden>"


def _without_passwords(value: Any) -> Any:
    """``value`` with every ``password`` (an endpoint's credentials) replaced by HIDDEN."""
    if isinstance(value, dict):
        return {key: HIDDEN if key == "password" else _without_passwords(item)
                for key, item in value.items()}
    if isinstance(value, list):
        return [_without_passwords(item) for item in value]
    return value


def recorded(request: Request, status: int) -> RecordedRequest:
    """The record of an API request, its credentials left out: neither the Authorization
    header nor any password in its body is kept."""
    try:
        body: Any = json.loads(request.raw) if request.raw.strip() else None
    except (ValueError, RecursionError):
        body = request.raw.decode("utf-8", "replace")
        if "password" in body:
            body = HIDDEN
    body = _without_passwords(body)
    headers = {k: v for k, v in request.headers.items() if k != "authorization"}
    return RecordedRequest(method=request.method, path=request.path, query=request.query,
                           headers=headers, body=body, status=status)


def not_found(what: str, code: str = "resource-not-found") -> ApiFailure:
    return ApiFailure(404, "not-found", code, f"The {what} could not be found")


def validation(resource: str, prop: str, rule: str) -> ApiFailure:
    return ApiFailure(400, "bad-request", "validation-error",
                      f"The '{resource}' resource property '{prop}' {rule}")


def validate(kind: type, body: Mapping[str, Any], resource: str, prefix: str = "") -> None:
    """Check a request body against the declared options, by wire name only, as the API."""
    fields = _options.wire_fields(kind)
    for key, value in body.items():
        field = fields.get(key)
        if field is None:
            raise validation(resource, prefix + key, "is not a known property; known: "
                             + ", ".join(fields))
        if value is None:
            continue
        nested = field.metadata.get("nested")
        if nested is not None:
            if not isinstance(value, Mapping):
                raise validation(resource, prefix + key, "must be an object")
            validate(nested, value, resource, prefix=f"{prefix}{key}.")
            continue
        check: _checks.Check = field.metadata["check"]
        if check is _checks.BOOLEAN and value in ("true", "false"):
            continue  # the API's own curl examples send booleans as strings
        if not check.test(value):
            raise validation(resource, prefix + key, f"must be {check.allowed}")
    for wire, field in fields.items():
        if field.metadata.get("required") and body.get(wire) is None:
            raise ApiFailure(400, "bad-request", "missing-property",
                             f"The '{resource}' resource property '{prefix}{wire}' is "
                             "required but was not specified")


def whole_query(query: Mapping[str, str], name: str, default: int, low: int,
                high: Optional[int], resource: str = "list") -> int:
    """A whole number from the query string, or the API's 400 for it."""
    raw = query.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < low or (high is not None and int(raw) > high):
        limit = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise validation(resource, name, f"must be a whole number {limit}")
    return int(raw)


def paged(items: list[Any], request: Request, url: str, resource: str) -> Reply:
    """One page of ``items`` as the API pages a list: ``page`` (from 0, default 0) and
    ``size`` (default 25, at most 1000), and a ``Link`` header with ``rel="first"``, and
    ``rel="previous"``/``rel="next"`` where there are such pages (``url``: the list's
    absolute URL; the other query parameters are kept)."""
    page = whole_query(request.query, "page", 0, 0, None, resource)
    size = whole_query(request.query, "size", 25, 1, 1000, resource)
    kept = {k: v for k, v in request.query.items() if k not in ("page", "size")}

    def link(number: int, rel: str) -> str:
        return f'<{url}?{urlencode({"page": number, "size": size, **kept})}>; rel="{rel}"'

    links = [link(0, "first")]
    if page > 0:
        links.append(link(page - 1, "previous"))
    if len(items) > (page + 1) * size:
        links.append(link(page + 1, "next"))
    return Reply(200, items[page * size:(page + 1) * size], {"Link": ", ".join(links)})


def flag(value: object) -> bool:
    """A boolean as the API takes it: true, or the string "true" of its curl examples."""
    return value is True or value == "true"
