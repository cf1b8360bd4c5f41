"""The sandbox runs BXML: a GET-callback call's answer reply, verb by verb, with the gather
result GET to requestUrl and the BXML it answers; bad BXML ends the call with an error."""

from __future__ import annotations

import threading
from typing import Any, Callable, Iterable, Iterator

import pytest

import catapult
from catapult.bxml import Gather, Hangup, Pause, Redirect, Response, SpeakSentence, Transfer
from catapult.callbacks import Receiver, make_server
from catapult.sandbox import Sandbox

FROM, TO = "+19195551212", "+19195550000"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(clock="manual") as running:
        yield running


def place(sandbox: Sandbox, url: str) -> str:
    call = sandbox.client().Call.create(from_=FROM, to=TO, callback_url=url,
                                        callback_http_method="GET")
    sandbox.answer(call.id)
    sandbox.settle()
    return call.id


def spoken(sandbox: Sandbox, call_id: str) -> list[str]:
    return [str(h.text) for h in sandbox.heard(call_id) if h.kind == "speak"]


def test_a_bxml_menu_gathers_and_follows_the_reply(sandbox: Sandbox) -> None:
    with Receiver() as receiver:
        @receiver.app.on("answer")
        def menu(event: catapult.AnswerEvent) -> Response:
            return Response(SpeakSentence("Welcome"), Gather(
                SpeakSentence("Press 1 for sales, 2 for support"),
                request_url=f"{receiver.url}/menu", max_digits=1))

        @receiver.app.on("gather")
        def chosen(event: catapult.GatherEvent) -> Response:
            if event.digits == "1":
                return Response(SpeakSentence("Sales"), Transfer(transfer_to="+19195550100"))
            return Response(SpeakSentence("Goodbye"), Pause(length=2), Hangup())

        call_id = place(sandbox, receiver.url)
        assert spoken(sandbox, call_id) == ["Welcome"]
        sandbox.advance(1)  # "Welcome" is spoken; the gather starts with its prompt
        assert spoken(sandbox, call_id)[-1] == "Press 1 for sales, 2 for support"
        sandbox.press(call_id, "2")
        sandbox.settle()
        result = sandbox.wait_for(catapult.GatherEvent, call_id=call_id)
        assert (result.digits, result.reason) == ("2", catapult.GatherReason.MAX_DIGITS)
        assert result.call_uri is not None and result.call_uri.endswith(f"/calls/{call_id}")
        fetch = [d for d in sandbox.deliveries if d.payload["eventType"] == "gather"][0]
        assert fetch.url == f"{receiver.url}/menu" and fetch.status == 200
        assert spoken(sandbox, call_id)[-1] == "Goodbye"
        sandbox.advance(1)
        assert sandbox.client().Call.get(call_id).state == "active"  # pausing
        sandbox.advance(2)
        sandbox.settle()
        assert sandbox.wait_for(catapult.HangupEvent, call_id=call_id).call_id == call_id


def test_the_terminating_digit_is_sent_and_bxml_defaults_apply(sandbox: Sandbox) -> None:
    with Receiver() as receiver:
        receiver.app.on("answer")(lambda event: Response(
            Gather(request_url=f"{receiver.url}/pin")))
        call_id = place(sandbox, receiver.url)
        sandbox.press(call_id, "1234#")
        sandbox.settle()
        result = sandbox.wait_for(catapult.GatherEvent, call_id=call_id)
        assert (result.digits, result.terminating_digit) == ("1234", "#")
        assert result.reason == catapult.GatherReason.TERMINATING_DIGIT


def test_a_call_with_nothing_left_to_do_is_dropped_after_30_s(sandbox: Sandbox) -> None:
    with Receiver() as receiver:
        receiver.app.on("answer")(lambda event: Response(SpeakSentence("Hello")))
        call_id = place(sandbox, receiver.url)
        sandbox.advance(29)
        assert sandbox.client().Call.get(call_id).state == "active"
        sandbox.advance(2)
        sandbox.settle()
        assert sandbox.wait_for(catapult.HangupEvent, call_id=call_id).call_id == call_id


def serve(reply: bytes) -> Callable[[], None]:
    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        start_response("200 OK", [("Content-Type", "application/xml"),
                                  ("Content-Length", str(len(reply)))])
        return [reply]

    server = make_server(app, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    serve.url = f"http://127.0.0.1:{server.server_port}/bxml"  # type: ignore[attr-defined]

    def stop() -> None:
        server.shutdown()
        server.server_close()
    return stop


def test_invalid_bxml_ends_the_call_with_an_error_that_says_why(sandbox: Sandbox) -> None:
    stop = serve(b'<Response>\n  <Gather maxDigits="3"/>\n</Response>')
    try:
        call_id = place(sandbox, serve.url)  # type: ignore[attr-defined]
        error = sandbox.wait_for("error", call_id=call_id)
        assert error.raw["message"] == ("invalid BXML: BXML line 2: <Gather> option "
                                        "request_url is required")
        sandbox.wait_for(catapult.HangupEvent, call_id=call_id)
    finally:
        stop()


def test_redirect_fetches_new_bxml_and_a_gather_without_digits_moves_on(
        sandbox: Sandbox) -> None:
    with Receiver() as receiver:
        @receiver.app.on("answer")
        def first(event: catapult.AnswerEvent) -> Response:
            return Response(Gather(request_url=f"{receiver.url}/never", inter_digit_timeout=2),
                            Redirect(request_url=f"{receiver.url}/next",
                                     request_url_timeout=10000),
                            SpeakSentence("never run"))

        @receiver.app.on(catapult.RedirectEvent)
        def second(event: catapult.RedirectEvent) -> Response:
            return Response(SpeakSentence("Redirected"), Hangup())

        call_id = place(sandbox, receiver.url)
        sandbox.advance(2)  # no digit: the gather fails, sends nothing, the redirect runs
        sandbox.settle()
        redirect = sandbox.wait_for(catapult.RedirectEvent, call_id=call_id)
        assert (redirect.from_, redirect.to) == (FROM, TO)
        sandbox.advance(1)
        sandbox.settle()
        sandbox.wait_for(catapult.HangupEvent, call_id=call_id)
        assert spoken(sandbox, call_id) == ["Redirected"]
        assert not [e for e in sandbox.events if isinstance(e, catapult.GatherEvent)]


def test_an_incoming_call_to_a_get_application_runs_the_answer_bxml(sandbox: Sandbox) -> None:
    with Receiver() as receiver:
        receiver.app.on("answer")(lambda event: Response(SpeakSentence("Hello"), Hangup()))
        client = sandbox.client()
        application = client.Application.create(name="ivr", incoming_call_url=receiver.url,
                                                callback_http_method="GET", auto_answer=True)
        client.PhoneNumber.allocate(number="+19195557777", application_id=application.id)
        call_id = sandbox.incoming_call("+13235551234", "+19195557777")
        sandbox.settle()
        assert [e.event_type for e in sandbox.events] == ["incomingcall", "answer"]
        assert spoken(sandbox, call_id) == ["Hello"]
        sandbox.advance(1)
        sandbox.settle()
        assert sandbox.wait_for(catapult.HangupEvent, call_id=call_id).call_id == call_id
