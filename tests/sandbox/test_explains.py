"""The sandbox explains itself: typed waits, unknown names, timeouts that say why, failed
callbacks that end a wait at once, and invalid-state errors that say what to do."""

from __future__ import annotations

import time

import pytest

import catapult
from catapult.sandbox import CallbackFailed, Sandbox, WaitTimeout

pytestmark = pytest.mark.catapult_sandbox(clock="manual")


def test_wait_for_a_class_returns_that_class(sandbox, call):
    call.create_gather(max_digits=1)
    sandbox.press(call.id, "4")
    event = sandbox.wait_for(catapult.GatherEvent, call_id=call.id)
    assert isinstance(event, catapult.GatherEvent) and event.digits == "4"
    assert sandbox.wait_for(catapult.Event, call_id=call.id).event_type == "answer"
    assert isinstance(sandbox.wait_for(catapult.DtmfEvent), catapult.DtmfEvent)


def test_an_unknown_event_name_fails_at_once_with_a_did_you_mean(sandbox):
    started = time.monotonic()
    with pytest.raises(catapult.InvalidOptionError, match="did you mean 'gather'"):
        sandbox.wait_for("gathr")
    assert time.monotonic() - started < 0.5


def test_a_timeout_says_what_was_awaited_what_came_and_how_the_clock_runs(sandbox, call):
    with pytest.raises(WaitTimeout) as caught:
        sandbox.wait_for("gather", call_id=call.id, timeout=0.05)
    text = str(caught.value)
    assert f"no gather #1 for call {call.id}" in text
    assert "events so far of that call: answer" in text
    assert "sandbox.advance(seconds)" in text
    assert isinstance(caught.value, TimeoutError) and isinstance(caught.value,
                                                                 catapult.CatapultError)


def test_a_failed_callback_ends_the_wait_at_once_and_says_why():
    with Sandbox() as sandbox, sandbox.client() as api:
        placed = api.Call.create(from_="+19195551212", to="+19195551213",
                                 callback_url="http://127.0.0.1:9/nowhere")
        sandbox.answer(placed.id)
        started = time.monotonic()
        with pytest.raises(CallbackFailed) as caught:
            sandbox.wait_for("gather", call_id=placed.id, timeout=10)
        assert time.monotonic() - started < 5
        assert "answer to http://127.0.0.1:9/nowhere" in str(caught.value)
        assert caught.value.delivery.status is None and caught.value.delivery.error


def test_failed_callbacks_are_listed_in_a_timeout_of_another_wait():
    with Sandbox() as sandbox, sandbox.client() as api:
        broken = api.Call.create(from_="+19195551212", to="+19195551213",
                                 callback_url="http://127.0.0.1:9/nowhere")
        sandbox.answer(broken.id)
        assert sandbox.settle(5)
        with pytest.raises(WaitTimeout, match="failed callbacks: answer to "
                                              "http://127.0.0.1:9/nowhere"):
            sandbox.wait_for("gather", timeout=0.05)


def test_invalid_state_says_what_would_make_the_request_valid(sandbox, client):
    ringing = client.Call.create(from_="+19195551212", to="+19195551213")
    with pytest.raises(catapult.ForbiddenError, match="sandbox.answer") as caught:
        ringing.create_gather(max_digits=1)
    assert caught.value.code == "call-invalid-state"
    assert "Invalid call state started" in caught.value.message
