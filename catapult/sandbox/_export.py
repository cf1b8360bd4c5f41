"""A call as a pytest module: ``sandbox.export_test(call_id, app=...)`` and the browser
phone's "Save as test". The test serves the app, makes the same call, and plays the
person's part with the caller API, each key press after ``hears(...)`` of the last thing
heard before it; it ends by checking the events the app received, by type and order."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Optional

from .. import __version__
from ._http import ApiFailure

__all__ = ["call_as_test", "render_test"]

#: a ``module:attr`` spec, as gunicorn takes it
SPEC = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")
#: how long a replayed step may wait for what the person heard (seconds)
HEARS_TIMEOUT = 10.0


def check_spec(app: object) -> str:
    if not isinstance(app, str) or not SPEC.match(app):
        raise ApiFailure(400, "bad-request", "validation-error",
                         f"app must be a 'module:attribute' naming a CallbackApp, as gunicorn "
                         f"takes it (e.g. 'ivr:app'), got {app!r}")
    return app


def _cue(item: Any) -> Optional[str]:
    """What ``hears`` waits for to recognise a heard item: a sentence, or a file's name."""
    if item.kind == "speak" and item.text and item.text.strip():
        return " ".join(str(item.text).split())
    if item.kind == "play" and item.url:
        return str(item.url).rstrip("/").rsplit("/", 1)[-1] or str(item.url)
    return None


def _steps(call: Any) -> list[str]:
    """The person's part, as caller API lines: a ``hears`` before each act that followed
    something new, the acts themselves (consecutive keys pressed together)."""
    lines: list[str] = []
    heard_upto = 0  # what the replay has already waited for (items of call.heard)
    pending: list[str] = []  # keys pressed after the same cue

    def flush() -> None:
        if pending:
            lines.append(f"    caller.presses({''.join(pending)!r})")
            pending.clear()

    for seen, kind, detail, seconds in call.acts:
        if kind in ("answer", "reject"):
            flush()
            lines.append("    caller.answers()" if kind == "answer" else "    caller.rejects()")
            continue
        cue = None
        for index in range(seen - 1, heard_upto - 1, -1):  # the last new thing heard
            cue = _cue(call.heard[index])
            if cue is not None:
                break
        if cue is not None:
            flush()
            lines.append(f"    caller.hears({cue!r}, timeout={HEARS_TIMEOUT:g})")
            heard_upto = seen
        if kind == "press":
            pending.append(detail)
        elif kind == "say":
            flush()
            lines.append(f"    caller.says({detail!r}, seconds={seconds:g})")
        elif kind == "hang_up":
            flush()
            lines.append("    caller.hangs_up()")
    flush()
    last = call.acts[-1][0] if call.acts else 0
    for index in range(len(call.heard) - 1, last - 1, -1):  # what was heard after the last act
        cue = _cue(call.heard[index])
        if cue is not None and index >= heard_upto:
            lines.append(f"    caller.hears({cue!r}, timeout={HEARS_TIMEOUT:g})")
            break
    return lines


def call_as_test(sandbox: Any, call_id: str, app: str) -> str:
    """``sandbox.export_test``: the call's test, with the events its app received."""
    with sandbox.world.lock:
        call = sandbox.world.calls.get(call_id)
        events = [str(d.payload.get("eventType")) for d in sandbox.deliveries
                  if d.payload.get("callId") == call_id and d.url and not d.failed]
        return render_test(call, events, app)


def render_test(call: Any, events: list[str], app: str) -> str:
    """The pytest module for ``call`` (a ``SimCall``) and the event types the app got."""
    check_spec(app)
    incoming = call.direction == "in"
    hung_up = any(kind == "hang_up" for _, kind, _, _ in call.acts)
    method = str(call.settings.get("callbackHttpMethod") or "").upper()
    made = _dt.date.today().isoformat()
    # the docstring names the parties in safe characters only: a caller id is the far
    # end's to choose, and must not end the docstring (the constants below are repr()s)
    from_, to = (re.sub(r"[^\w+:@.\-]", "?", str(party))[:80] for party in (call.from_, call.to))
    shown_id = re.sub(r"[^\w-]", "?", str(call.id))
    what = (f"an incoming call from {from_} to {to}" if incoming
            else f"a call the app placed from {from_} to {to}")
    if incoming:
        place = [
            "    with catapult_sandbox.client() as client:  # TO reaches the app",
            "        application = client.Application.create(",
            "            name=\"recorded test\", incoming_call_url=catapult_callbacks.url,",
            "            callback_http_method=\"GET\")",
            "        client.PhoneNumber.allocate(number=TO, application_id=application.id)",
            "    caller = catapult_sandbox.call_in(from_=FROM, to=TO)",
        ]
    else:
        options = ", callback_http_method=\"GET\"" if method == "GET" else ""
        place = [
            "    with catapult_sandbox.client() as client:  # the call the app placed",
            "        call = client.Call.create(from_=FROM, to=TO,",
            f"                                  callback_url=catapult_callbacks.url{options})",
            "    caller = catapult_sandbox.caller(call.id)",
        ]
    ending = [] if hung_up else ["    caller.hears_hang_up()  # the app ends the call"]
    body = "\n".join([
        *place, *_steps(call), *ending,
        "    catapult_sandbox.settle()",
        "    received = [event.event_type for event in catapult_callbacks.events",
        "                if event.call_id == caller.call_id]",
        f"    assert received == {events!r}",
    ])
    return f'''"""Recorded with the catapult sandbox on {made} (catapult {__version__}):
{what}, answered by the app {app}.

It serves that app with the sandbox, makes the same call and plays the caller's part:
each key press waits until the caller hears what they heard before pressing it, on a
manual clock that moves while the caller waits. Run it with pytest, from the directory
the app imports from."""

from __future__ import annotations

import pytest

import catapult
from catapult.callbacks import Receiver
from catapult.sandbox import Sandbox

APP = {app!r}
FROM, TO = {call.from_!r}, {call.to!r}


@pytest.mark.catapult_sandbox(clock="manual")  # time moves as the caller waits: no sleeping
def test_recorded_call(catapult_sandbox: Sandbox, catapult_callbacks: Receiver,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Call {shown_id}, replayed."""
    for variable, value in catapult_sandbox.environment().items():
        monkeypatch.setenv(variable, value)  # the app's Client.from_env() reaches the sandbox
    monkeypatch.setenv("CATAPULT_APP_URL", catapult_callbacks.url)  # where the app is served
    catapult_callbacks.serve(catapult.callbacks.load_app(APP))
{body}
'''
