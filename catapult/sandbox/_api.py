"""The v1 API as the sandbox answers it: requests and replies, the route table, auth, and
the API's error bodies."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional
from urllib.parse import unquote, urlencode, urlsplit

import attrs

from .._wire import basic_auth_matches
from ._engine import ApiFailure, World

if TYPE_CHECKING:
    from . import Sandbox

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

    def json(self) -> dict[str, Any]:
        if not self.raw.strip():
            return {}
        try:
            data = json.loads(self.raw)
        except (ValueError, RecursionError):
            raise ApiFailure(400, "bad-request", "invalid-json",
                             "The request body is not valid JSON") from None
        if not isinstance(data, dict):
            raise ApiFailure(400, "bad-request", "invalid-json",
                             "The request body must be a JSON object")
        return data


Route = Callable[[World, Request, dict[str, str]], Reply]
_ID = r"(?P<{}>[^/]+)"


def _routes() -> list[tuple[str, re.Pattern[str], Route]]:
    call, gather, event = _ID.format("call"), _ID.format("gather"), _ID.format("event")

    def created(path: str) -> Reply:
        return Reply(201, headers={"Location": path})

    def root(world: World) -> str:
        return urlsplit(world.root).path

    bridge, recording, name = _ID.format("bridge"), _ID.format("recording"), _ID.format("name")
    transcription, app, number = (_ID.format("transcription"), _ID.format("app"),
                                  _ID.format("number"))
    conf, member = _ID.format("conf"), _ID.format("member")
    table: list[tuple[str, str, Route]] = [
        ("POST", "conferences", lambda w, r, m: created(
            f"{root(w)}/conferences/{w.create_conference(r.json())}")),
        ("GET", f"conferences/{conf}", lambda w, r, m: Reply(200, w.conference_json(m["conf"]))),
        ("POST", f"conferences/{conf}",
         lambda w, r, m: _ok(w.update_conference, m["conf"], r.json())),
        ("POST", f"conferences/{conf}/audio",
         lambda w, r, m: _ok(w.conference_audio, m["conf"], r.json())),
        ("POST", f"conferences/{conf}/members", lambda w, r, m: created(
            f"{root(w)}/conferences/{m['conf']}/members/{w.add_member(m['conf'], r.json())}")),
        ("GET", f"conferences/{conf}/members",
         lambda w, r, m: Reply(200, w.members_json(m["conf"]))),
        ("GET", f"conferences/{conf}/members/{member}",
         lambda w, r, m: Reply(200, w.member_json(m["conf"], m["member"]))),
        ("POST", f"conferences/{conf}/members/{member}",
         lambda w, r, m: _ok(w.update_member, m["conf"], m["member"], r.json())),
        ("POST", f"conferences/{conf}/members/{member}/audio",
         lambda w, r, m: _ok(w.conference_audio, m["conf"], r.json(), m["member"])),
        ("GET", "applications", lambda w, r, m: Reply(200, w.list_applications())),
        ("POST", "applications", lambda w, r, m: created(
            f"{root(w)}/applications/{w.create_application(r.json())}")),
        ("GET", f"applications/{app}", lambda w, r, m: Reply(200, w.application_json(m["app"]))),
        ("POST", f"applications/{app}",
         lambda w, r, m: _ok(w.update_application, m["app"], r.json())),
        ("DELETE", f"applications/{app}", lambda w, r, m: _ok(w.delete_application, m["app"])),
        ("GET", "phoneNumbers", lambda w, r, m: Reply(200, w.list_numbers(r.query))),
        ("POST", "phoneNumbers", lambda w, r, m: created(
            f"{root(w)}/phoneNumbers/{w.allocate_number(r.json())}")),
        ("GET", f"phoneNumbers/{number}",
         lambda w, r, m: Reply(200, w.number_json(m["number"]))),
        ("POST", f"phoneNumbers/{number}",
         lambda w, r, m: _ok(w.update_number, m["number"], r.json())),
        ("DELETE", f"phoneNumbers/{number}", lambda w, r, m: _ok(w.delete_number, m["number"])),
        ("GET", "recordings", lambda w, r, m: Reply(200, w.all_recordings())),
        ("GET", f"recordings/{recording}",
         lambda w, r, m: Reply(200, w.recording_json(m["recording"]))),
        ("POST", f"recordings/{recording}/transcriptions", lambda w, r, m: created(
            f"{root(w)}/recordings/{m['recording']}/transcriptions/"
            f"{w.create_transcription(m['recording'])}")),
        ("GET", f"recordings/{recording}/transcriptions",
         lambda w, r, m: Reply(200, w.recording_transcriptions(m["recording"]))),
        ("GET", f"recordings/{recording}/transcriptions/{transcription}",
         lambda w, r, m: Reply(200, w.recording_transcription(m["recording"],
                                                              m["transcription"]))),
        ("GET", "media", lambda w, r, m: Reply(200, w.media_list())),
        ("PUT", f"media/{name}", lambda w, r, m: _ok(
            w.put_media, m["name"], r.raw, r.headers.get("content-type", ""), r.headers)),
        ("GET", f"media/{name}", lambda w, r, m: _media_reply(*w.get_media(m["name"]))),
        ("DELETE", f"media/{name}", lambda w, r, m: _ok(w.delete_media, m["name"])),
        ("GET", "bridges", lambda w, r, m: Reply(200, w.list_bridges())),
        ("POST", "bridges", lambda w, r, m: created(
            f"{root(w)}/bridges/{w.create_bridge(r.json())}")),
        ("GET", f"bridges/{bridge}", lambda w, r, m: Reply(200, w.bridge_json(m["bridge"]))),
        ("POST", f"bridges/{bridge}",
         lambda w, r, m: _ok(w.update_bridge, m["bridge"], r.json())),
        ("GET", f"bridges/{bridge}/calls",
         lambda w, r, m: Reply(200, w.bridge_calls_json(m["bridge"]))),
        ("POST", f"bridges/{bridge}/audio",
         lambda w, r, m: _ok(w.bridge_audio, m["bridge"], r.json())),
        ("GET", "calls", lambda w, r, m: _list_calls(w, r)),
        ("POST", "calls", lambda w, r, m: created(
            f"{root(w)}/calls/{w.create_call(r.json())}")),
        ("GET", f"calls/{call}", lambda w, r, m: Reply(200, w.call_json(m["call"]))),
        ("POST", f"calls/{call}", lambda w, r, m: _update_call(w, r, m["call"])),
        ("POST", f"calls/{call}/gather", lambda w, r, m: created(
            f"{root(w)}/calls/{m['call']}/gather/{w.create_gather(m['call'], r.json())}")),
        ("GET", f"calls/{call}/gather/{gather}",
         lambda w, r, m: Reply(200, w.gather_json(m["call"], m["gather"]))),
        ("POST", f"calls/{call}/gather/{gather}",
         lambda w, r, m: _ok(w.update_gather, m["call"], m["gather"], r.json())),
        ("POST", f"calls/{call}/audio", lambda w, r, m: _ok(w.play_audio, m["call"], r.json())),
        ("POST", f"calls/{call}/dtmf", lambda w, r, m: _ok(w.send_dtmf, m["call"], r.json())),
        ("GET", f"calls/{call}/events", lambda w, r, m: Reply(200, w.call_log(m["call"]))),
        ("GET", f"calls/{call}/recordings",
         lambda w, r, m: Reply(200, w.recordings_json(m["call"]))),
        ("GET", f"calls/{call}/transcriptions",
         lambda w, r, m: Reply(200, w.transcriptions_json(m["call"]))),
        ("GET", f"calls/{call}/events/{event}",
         lambda w, r, m: Reply(200, w.call_log_entry(m["call"], m["event"]))),
    ]
    return [(method, re.compile(pattern + "/?"), route) for method, pattern, route in table]


def _media_reply(data: bytes, content_type: str) -> Reply:
    return Reply(200, headers={"Content-Type": content_type}, raw=data)


def _ok(action: Callable[..., None], *args: Any) -> Reply:
    action(*args)
    return Reply(200)


def _update_call(world: World, request: Request, call_id: str) -> Reply:
    new_id = world.update_call(call_id, request.json())
    if new_id is None:
        return Reply(200)
    return Reply(201, headers={"Location": f"{urlsplit(world.root).path}/calls/{new_id}"})


def _list_calls(world: World, request: Request) -> Reply:
    items, more = world.list_calls(request.query)
    page = int(request.query.get("page", "0") or 0)
    kept = {k: v for k, v in request.query.items() if k not in ("page", "size")}

    def link(number: int, rel: str) -> str:
        query = urlencode({"page": number, "size": request.query.get("size", "25"), **kept})
        return f'<{world.root}/calls?{query}>; rel="{rel}"'

    links = [link(0, "first")]
    if page > 0:
        links.append(link(page - 1, "previous"))
    if more:
        links.append(link(page + 1, "next"))
    return Reply(200, items, {"Link": ", ".join(links)})


API_ROUTES = _routes()


def handle_api(sandbox: Sandbox, request: Request) -> Reply:
    """Authenticate, check the user, route; every failure becomes the API's error body."""
    try:
        prefix = f"/v1/users/{sandbox.user_id}/"
        expected = f"{sandbox.api_token}:{sandbox.api_secret}".encode()
        if not basic_auth_matches(request.headers.get("authorization", ""), expected):
            raise ApiFailure(401, "authentication", "user-access-denied",
                             "Valid API token and secret are required (HTTP Basic)")
        match = re.match(r"/v1/users/([^/]+)/", request.path + "/")
        if match and unquote(match.group(1)) != sandbox.user_id:
            raise ApiFailure(403, "authorization", "user-access-denied",
                             f"Access to the resources of user {unquote(match.group(1))} "
                             "is denied")
        if request.path.startswith("/v1/availableNumbers/"):
            return _available(sandbox.world, request)
        if not request.path.startswith(prefix):
            raise _not_found(request.path)
        rest = request.path[len(prefix):]
        allowed = []
        for method, pattern, route in API_ROUTES:
            found = pattern.fullmatch(rest)
            if found:
                if method == request.method:
                    params = {k: unquote(v) for k, v in found.groupdict().items()}
                    return route(sandbox.world, request, params)
                allowed.append(method)
        if allowed:
            raise ApiFailure(405, "bad-request", "method-not-allowed",
                             f"{request.method} is not allowed on {request.path}; "
                             f"use {', '.join(allowed)}")
        raise _not_found(request.path)
    except ApiFailure as failure:
        return error_reply(failure, request)


def _available(world: World, request: Request) -> Reply:
    """``/v1/availableNumbers/{local|tollFree}``: GET searches, POST searches and orders."""
    kind = request.path.rstrip("/").rsplit("/", 1)[-1]
    if kind not in ("local", "tollFree"):
        raise _not_found(request.path)
    if request.method not in ("GET", "POST"):
        raise ApiFailure(405, "bad-request", "method-not-allowed",
                         f"{request.method} is not allowed on {request.path}; use GET, POST")
    order = request.method == "POST"
    search = world.search_local if kind == "local" else world.search_toll_free
    return Reply(201 if order else 200, search(request.query, order))


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


def _not_found(path: str) -> ApiFailure:
    return ApiFailure(404, "not-found", "resource-not-found",
                      f"The resource {path} could not be found")


def recorded(request: Request, status: int) -> RecordedRequest:
    """The record of an API request, its credentials left out."""
    try:
        body: Any = json.loads(request.raw) if request.raw.strip() else None
    except (ValueError, RecursionError):
        body = request.raw.decode("utf-8", "replace")
    headers = {k: v for k, v in request.headers.items() if k != "authorization"}
    return RecordedRequest(method=request.method, path=request.path, query=request.query,
                           headers=headers, body=body, status=status)

