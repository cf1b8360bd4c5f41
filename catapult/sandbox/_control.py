"""The control routes, ``/sandbox/...``: what the browser phone and curl use to be the far
end of the calls (answer, press, hang up, call in), to read what happened, and to move a
manual clock. They need no credentials, so they take JSON bodies only (a page on another
site cannot send JSON without the browser asking first, and the server refuses other
origins anyway), and every value is checked before anything changes."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Callable

from ._http import ApiFailure, Reply, Request, error_reply

if TYPE_CHECKING:
    from . import Sandbox

#: the longest a control request may ask the clock to jump, or keys to be apart (seconds)
MAX_ADVANCE = 366 * 24 * 3600.0
MAX_INTERVAL = 60.0


def handle_control(sandbox: Sandbox, request: Request) -> Reply:
    """Answer one control request; every failure becomes the API's error body."""
    parts = request.path.strip("/").split("/")[1:]
    try:
        if request.method == "GET":
            return _read(sandbox, parts, request)
        if request.method != "POST":
            raise ApiFailure(405, "bad-request", "method-not-allowed",
                             "control requests are POST (GET for calls, events and requests)")
        body = _json(request)
        if parts == ["calls"]:
            call_id = sandbox.world.calls.create(body, direction="in")
            return Reply(201, {"id": call_id},
                         {"Location": f"/v1/users/{sandbox.user_id}/calls/{call_id}"})
        if parts == ["messages"]:  # a message to one of the user's numbers
            from ._messages import Messages

            if not isinstance(body.get("text", ""), str):
                raise ApiFailure(400, "bad-request", "validation-error", "text must be a string")
            message_id = sandbox.world.part(Messages).receive(
                str(body.get("from", "")), str(body.get("to", "")), body.get("text", ""),
                body.get("media"))
            return Reply(201, {"id": message_id},
                         {"Location": f"/v1/users/{sandbox.user_id}/messages/{message_id}"})
        if parts == ["clock", "advance"]:
            if not sandbox.clock.manual:
                raise ApiFailure(409, "conflict", "clock-not-manual",
                                 "the sandbox clock runs in real time")
            sandbox.clock.advance(_seconds(body, "seconds", MAX_ADVANCE))
            return Reply(200)
        if len(parts) == 3 and parts[0] == "calls":
            action = _ACTIONS.get(parts[2])
            if action is None:
                raise ApiFailure(404, "not-found", "resource-not-found",
                                 f"unknown control action {parts[2]!r}; the actions are "
                                 + ", ".join(_ACTIONS))
            action(sandbox, parts[1], body)
            return Reply(200)
        raise ApiFailure(404, "not-found", "resource-not-found",
                         f"unknown control path {request.path}")
    except ApiFailure as failure:
        return error_reply(failure, request)


def _read(sandbox: Sandbox, parts: list[str], request: Request) -> Reply:
    if parts == ["events"]:
        return Reply(200, [dict(e.raw) for e in sandbox.events])
    if parts == ["calls"]:
        return Reply(200, sandbox.world.far_end.far_end_view())
    if parts == ["requests"]:
        return Reply(200, [{"method": r.method, "path": r.path, "query": dict(r.query),
                            "body": r.body, "status": r.status} for r in sandbox.requests])
    if len(parts) == 3 and parts[0] == "calls" and parts[2] == "test":
        return _test_of(sandbox, parts[1], request)
    if parts == ["clock", "advance"] or (len(parts) == 3 and parts[0] == "calls"
                                        and parts[2] in _ACTIONS):
        raise ApiFailure(405, "bad-request", "method-not-allowed",
                         f"{request.path} takes POST")
    raise ApiFailure(404, "not-found", "resource-not-found",
                     f"unknown control path {request.path}")


def _test_of(sandbox: Sandbox, call_id: str, request: Request) -> Reply:
    """``GET /sandbox/calls/{id}/test``: the call as a pytest module (the phone's "Save as
    test"), for the app given as ``?app=module:attr`` or the one the sandbox serves."""
    from ._export import call_as_test

    app = request.query.get("app") or sandbox.served_app
    if not app:
        raise ApiFailure(409, "conflict", "no-app-served",
                         "a test replays an app: start the sandbox with --app module:attr "
                         "(python -m catapult sandbox --app ivr:app), or add ?app=module:attr")
    text = call_as_test(sandbox, call_id, app)
    name = "test_" + "".join(c if c.isalnum() else "_" for c in call_id).lower() + ".py"
    return Reply(200, headers={"Content-Type": "text/x-python; charset=utf-8",
                               "Content-Disposition": f'attachment; filename="{name}"'},
                 raw=text.encode())


def _json(request: Request) -> dict[str, Any]:
    """The body as a JSON object; a body of any other type is refused (an empty body is
    an empty object)."""
    if not request.raw.strip():
        return {}
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind != "application/json":
        raise ApiFailure(415, "bad-request", "unsupported-media-type",
                         "control requests take a JSON body with Content-Type: "
                         f"application/json, got {kind or 'no Content-Type'!r}")
    return request.json()


def _seconds(body: dict[str, Any], name: str, most: float, default: float = 0.0) -> float:
    value = body.get(name, default)
    if value is None:
        value = default
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            value = None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or \
            not math.isfinite(value) or not 0 <= value <= most:
        raise ApiFailure(400, "bad-request", "validation-error",
                         f"{name} must be a number of seconds from 0 to {most:g}, "
                         f"got {body.get(name)!r}")
    return float(value)


def _press(sandbox: Sandbox, call_id: str, body: dict[str, Any]) -> None:
    digits = body.get("digits")
    if not isinstance(digits, str):
        raise ApiFailure(400, "bad-request", "validation-error",
                         f"digits must be a string of 0-9 * # A-D, got {digits!r}")
    sandbox.world.far_end.press(call_id, digits, _seconds(body, "interval", MAX_INTERVAL))


def _answer(sandbox: Sandbox, call_id: str, body: dict[str, Any]) -> None:
    sandbox.world.far_end.far_end_answers(call_id)


def _reject(sandbox: Sandbox, call_id: str, body: dict[str, Any]) -> None:
    sandbox.world.far_end.far_end_rejects(call_id)


def _hang_up(sandbox: Sandbox, call_id: str, body: dict[str, Any]) -> None:
    sandbox.world.far_end.far_end_hangs_up(call_id)


#: what the far end can do to a call: ``POST /sandbox/calls/{id}/{action}``
_ACTIONS: dict[str, Callable[[Sandbox, str, dict[str, Any]], None]] = {
    "answer": _answer, "reject": _reject, "hangup": _hang_up, "press": _press,
}
