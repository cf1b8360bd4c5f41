"""The scripted caller: a test plays the person at the far end, who listens and reacts,
against REST-driven and BXML apps, on the manual and the real clock."""

from __future__ import annotations

import time
from typing import Iterator

import pytest

import catapult
from catapult.bxml import Gather, Hangup, PlayAudio, Response, SpeakSentence
from catapult.callbacks import Receiver
from catapult.sandbox import Caller, NotHeard, Sandbox, SandboxError

from ..support import MENU_NUMBER as NUMBER
from ..support import serve_menu

FROM = "+19195551212"


@pytest.fixture
def menu(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Sandbox, Receiver]]:
    """The sample IVR menu served for a manual-clock sandbox, NUMBER routed to it."""
    with Sandbox(clock="manual") as sandbox, serve_menu(sandbox, monkeypatch) as receiver:
        yield sandbox, receiver


def test_a_caller_listens_then_reacts_to_a_rest_app(menu):
    sandbox, receiver = menu
    caller = sandbox.call_in(from_=FROM, to=NUMBER)
    assert isinstance(caller, Caller) and caller.state == "active"  # the app auto-answers
    heard = caller.hears("press 1 for SALES")  # case and whitespace folded
    assert heard.text == "Thanks for calling Acme. Press 1 for sales, 2 for support."
    caller.presses("2")
    assert caller.hears("  support   is open ").tag == "goodbye"
    for _ in range(100):  # the goodbye takes its time to say, then the app hangs up
        if caller.state == "completed":
            break
        sandbox.advance(0.5)
        sandbox.settle()
    assert caller.state == "completed"
    assert [item.text for item in caller.heard] == [
        "Thanks for calling Acme. Press 1 for sales, 2 for support.",
        "Support is open nine to five. Goodbye."]
    assert [e.event_type for e in receiver.events if e.call_id == caller.call_id] == [
        "incomingcall", "answer", "dtmf", "gather", "speak", "speak", "hangup"]


def test_hears_counts_only_what_came_since_the_previous_hears(menu):
    sandbox, _ = menu
    caller = sandbox.call_in(from_=FROM, to=NUMBER)
    caller.hears("press 1")
    with pytest.raises(NotHeard) as missed:
        caller.hears("press 1", timeout=1)  # once heard, it is not heard again
    text = str(missed.value)
    assert text.startswith(f"the caller of {caller.call_id} did not hear 'press 1' within "
                           "1 s of sandbox time (manual clock); heard since the last hears(): "
                           "nothing")
    assert "heard before: 'Thanks for calling Acme." in text and "the call is active" in text
    assert isinstance(missed.value, AssertionError)


def test_a_bxml_app_placed_call_is_answered_and_heard(sandbox: Sandbox):
    with Receiver() as receiver:
        @receiver.app.on("answer")
        def answered(event: catapult.AnswerEvent) -> Response:
            return Response(
                PlayAudio("https://media.example/welcome.mp3"),
                Gather(SpeakSentence("Enter your PIN then pound"),
                       request_url=f"{receiver.url}/pin", max_digits=5),
                Hangup())

        @receiver.app.on("gather")
        def pin(event: catapult.GatherEvent) -> Response:
            return Response(SpeakSentence(f"You entered {' '.join(event.digits)}"), Hangup())

        with sandbox.client() as client:
            call = client.Call.create(from_=FROM, to="+19195551213", callback_url=receiver.url,
                                      callback_http_method="GET")
        caller = sandbox.caller(call.id)
        assert caller.state == "started"
        caller.answers()
        assert caller.hears("welcome.mp3").url == "https://media.example/welcome.mp3"
        caller.hears("enter your pin")
        caller.presses("42#")
        assert caller.hears("you entered 4 2", timeout=10).kind == "speak"
        sandbox.wait_for("hangup", call_id=call.id, timeout=10)
        assert caller.state == "completed"


def test_a_caller_may_reject_or_hang_up(sandbox: Sandbox):
    with sandbox.client() as client:
        first = client.Call.create(from_=FROM, to="+19195551213")
        second = client.Call.create(from_=FROM, to="+19195551214")
    sandbox.caller(first.id).rejects()
    assert sandbox.caller(first.id).state == "rejected"
    caller = sandbox.caller(second.id)
    caller.answers()
    caller.hangs_up()
    assert caller.state == "completed"
    assert repr(caller) == f"<Caller {second.id} completed>"


def test_a_caller_says_something_into_a_recording(world):
    sandbox, api = world
    call = api.Call.create(from_=FROM, to="+19195551213", recording_enabled=True,
                           transcription_enabled=True)
    caller = sandbox.caller(call.id)
    caller.answers()
    caller.says("Please call me back", seconds=2)
    sandbox.advance(3)
    caller.hangs_up()
    sandbox.settle()
    (recording,) = api.Call.get_recordings(call.id)
    sandbox.advance(60)
    sandbox.settle()
    assert [t.text for t in recording.get_transcriptions()] == ["Please call me back"]


def test_a_wait_on_the_real_clock_ends_by_its_timeout_and_names_failed_callbacks(
        sandbox: Sandbox):
    with Receiver() as receiver:
        @receiver.app.on("answer")
        def broken(event: catapult.AnswerEvent) -> None:
            raise RuntimeError("the app is broken")

        with sandbox.client() as client:
            call = client.Call.create(from_=FROM, to="+19195551213", callback_url=receiver.url)
        caller = sandbox.caller(call.id)
        caller.answers()
        started = time.monotonic()
        with pytest.raises(NotHeard) as missed:
            caller.hears("welcome", timeout=0.5)
        assert 0.5 <= time.monotonic() - started < 2
        assert "heard since the last hears(): nothing" in str(missed.value)
        assert "the call is active" in str(missed.value)
        assert "failed callbacks: answer to http://127.0.0.1:" in str(missed.value)
        assert "-> 500" in str(missed.value)


def test_bad_input_is_a_clear_error(sandbox: Sandbox):
    with pytest.raises(SandboxError, match="call c-nope"):
        sandbox.caller("c-nope")
    with sandbox.client() as client:
        call = client.Call.create(from_=FROM, to="+19195551213")
    with pytest.raises(catapult.InvalidOptionError, match="non-empty string"):
        sandbox.caller(call.id).hears("   ")
