"""Any failure while running a call's BXML ends that call, not the sandbox: an error event
that names the cause, then the hang-up; delivery goes on, and stop() is quick. Redirect
loops are bounded."""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, Iterable, Iterator

import pytest

import catapult
from catapult.bxml import Redirect, Response, SpeakSentence
from catapult.callbacks import Receiver, make_server
from catapult.sandbox import Sandbox
from catapult.sandbox._bxml import MAX_REDIRECTS, Bxml

FROM, TO = "+19195551212", "+19195550000"


@pytest.fixture
def replying() -> Iterator[Callable[[bytes], str]]:
    """A callback URL that answers every request with the given bytes."""
    servers = []

    def serve(reply: bytes) -> str:
        def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
            start_response("200 OK", [("Content-Type", "application/xml"),
                                      ("Content-Length", str(len(reply)))])
            return [reply]

        server = make_server(app, "127.0.0.1", 0)
        threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/bxml"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def place(sandbox: Sandbox, url: str) -> str:
    with sandbox.client() as client:
        call = client.Call.create(from_=FROM, to=TO, callback_url=url,
                                  callback_http_method="GET")
    sandbox.answer(call.id)
    return call.id


@pytest.mark.parametrize("reply, cause", [
    (b"<Response>" + b"<Pause>" * 600 + b"</Pause>" * 600 + b"</Response>", "nest deeper"),
    (b'<Response><Hangup self="x"/></Response>', "has no attribute 'self'"),
    (b"<Response><SpeakSentence>\xed\xa0\x80</SpeakSentence></Response>", "not well-formed"),
    (b"<Response><SpeakSentence>\x01</SpeakSentence></Response>", "not well-formed"),
    (b"<Response>" + b"<Hangup/>" * 3000 + b"</Response>", "16 KB"),
])
def test_hostile_bxml_ends_its_call_with_an_error_and_the_sandbox_goes_on(replying, reply,
                                                                         cause):
    sandbox = Sandbox().start()
    try:
        call_id = place(sandbox, replying(reply))
        error = sandbox.wait_for(catapult.ErrorEvent, call_id=call_id)
        assert cause in error.raw["message"]
        assert error.raw["cause"] == "INVALID_BXML"
        sandbox.wait_for(catapult.HangupEvent, call_id=call_id)
        assert sandbox.settle(timeout=2)
        with sandbox.client() as client:
            assert client.Call.get(call_id).state == "completed"
            other = client.Call.create(from_=FROM, to=TO)  # and it keeps serving
            sandbox.answer(other.id)
            sandbox.wait_for(catapult.AnswerEvent, call_id=other.id)
    finally:
        started = time.monotonic()
        sandbox.stop()
        assert time.monotonic() - started < 1


def test_a_failure_of_the_sandbox_itself_ends_only_that_call(replying, monkeypatch, caplog):
    def broken(self: Any, call: Any, verb: Any) -> None:
        raise TypeError("an unexpected failure")

    monkeypatch.setattr(Bxml, "_bxml_gather", broken)
    with Sandbox() as sandbox:
        call_id = place(sandbox, replying(
            b'<Response><Gather requestUrl="https://e.example/g"/></Response>'))
        error = sandbox.wait_for(catapult.ErrorEvent, call_id=call_id)
        assert error.raw["message"] == ("the sandbox could not run this BXML: TypeError: an "
                                        "unexpected failure")
        assert error.raw["cause"] == "BXML_FAILED"
        sandbox.wait_for(catapult.HangupEvent, call_id=call_id)
        assert sandbox.settle(timeout=2)
        good = place(sandbox, replying(b"<Response><SpeakSentence>hi</SpeakSentence>"
                                       b"</Response>"))
        sandbox.settle(timeout=2)
        assert [h.text for h in sandbox.heard(good)] == ["hi"]


def test_a_redirect_to_itself_is_ended_after_the_documented_number():
    with Sandbox(clock="manual") as sandbox, Receiver() as loop:
        loop.app.on_any(lambda event: Response(Redirect(request_url=loop.url,
                                                        request_url_timeout=1000)))
        call_id = place(sandbox, loop.url)
        error = sandbox.wait_for(catapult.ErrorEvent, call_id=call_id, timeout=10)
        assert "redirect loop" in error.raw["message"]
        assert f"the sandbox allows {MAX_REDIRECTS}" in error.raw["message"]
        sandbox.wait_for(catapult.HangupEvent, call_id=call_id)
        sandbox.settle()
        redirects = [e for e in sandbox.events if e.event_type == "redirect"]
        assert len(redirects) == MAX_REDIRECTS


def test_redirects_with_something_heard_between_them_are_not_a_loop():
    with Sandbox(clock="manual") as sandbox, Receiver() as app:
        app.app.on_any(lambda event: Response(SpeakSentence("Still there?"),
                                              Redirect(request_url=app.url,
                                                       request_url_timeout=1000)))
        call_id = place(sandbox, app.url)
        for _ in range(MAX_REDIRECTS + 5):
            sandbox.settle()
            sandbox.advance(1)
        sandbox.settle()
        assert not [e for e in sandbox.events if e.event_type == "error"]
        assert len([e for e in sandbox.events if e.event_type == "redirect"]) > MAX_REDIRECTS
        sandbox.hang_up(call_id)
