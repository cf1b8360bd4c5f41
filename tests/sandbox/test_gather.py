"""The gather rules, end to end: the SDK against the sandbox over real sockets."""

from __future__ import annotations

import pytest

import catapult
from catapult.sandbox import SandboxError

# the plugin's own fixtures, with a clock these tests drive
pytestmark = pytest.mark.catapult_sandbox(clock="manual")


def gather_event(sandbox, call, count=1) -> catapult.GatherEvent:
    sandbox.settle()
    event = sandbox.wait_for("gather", call_id=call.id, count=count, timeout=2)
    assert isinstance(event, catapult.GatherEvent)
    return event


def gathers(sandbox):
    sandbox.settle()
    return [e for e in sandbox.events if e.event_type == "gather"]


def test_seed_gather_ends_at_max_digits(sandbox, call):
    gather = call.create_gather({"maxDigits": "5", "terminatingDigits": "*",
                                 "interDigitTimeout": "7",
                                 "prompt": {"sentence": "Please enter your 5 digit code"}})
    assert gather.id.startswith("gtr-")
    sandbox.press(call.id, "123456")
    event = gather_event(sandbox, call)
    assert (event.reason, event.digits, event.gather_id) == (
        catapult.GatherReason.MAX_DIGITS, "12345", gather.id)
    assert event.state is catapult.GatherState.COMPLETED
    fresh = gather.refresh()
    assert (fresh.state, fresh.reason, fresh.digits) == ("completed", "max-digits", "12345")
    assert fresh.created_time is not None and fresh.completed_time is not None
    assert fresh.call_id == call.id


def test_each_key_is_a_dtmf_event_before_and_after_max_digits(sandbox, call):
    call.create_gather(max_digits=2)
    sandbox.press(call.id, "123")
    sandbox.settle()
    assert [(e.event_type, getattr(e, "dtmf_digit", None)) for e in sandbox.events[1:]] == [
        ("dtmf", "1"), ("dtmf", "2"), ("gather", None), ("dtmf", "3")]


@pytest.mark.parametrize("terminators, keys, digits", [
    ("#", "12#", "12"), ("0#*", "45*", "45"), ("0#*", "70", "7"), ("*", "*", ""),
])
def test_terminating_digit_ends_at_once_and_is_not_in_digits(sandbox, call, terminators,
                                                             keys, digits):
    call.create_gather(max_digits=10, terminating_digits=terminators)
    sandbox.press(call.id, keys)
    event = gather_event(sandbox, call)
    assert (event.reason, event.digits) == ("terminating-digit", digits)


def test_default_terminating_digit_is_pound(sandbox, call):
    call.create_gather(max_digits=10)
    sandbox.press(call.id, "9#")
    assert gather_event(sandbox, call).reason == "terminating-digit"


def test_inter_digit_timeout_counts_from_the_start(sandbox, call):
    call.create_gather(max_digits=5, inter_digit_timeout=3)
    sandbox.advance(2.99)
    assert gathers(sandbox) == []
    sandbox.advance(0.02)
    event = gather_event(sandbox, call)
    assert (event.reason, event.digits) == ("inter-digit-timeout", "")


def test_inter_digit_timeout_restarts_after_each_digit(sandbox, call):
    call.create_gather(max_digits=5, inter_digit_timeout="2.5")
    sandbox.press(call.id, "1")
    sandbox.advance(2)
    sandbox.press(call.id, "2")
    sandbox.advance(2)                       # 4 s since the start, 2 s since the last key
    assert gathers(sandbox) == []
    sandbox.advance(0.6)
    event = gather_event(sandbox, call)
    assert (event.reason, event.digits) == ("inter-digit-timeout", "12")


def test_default_inter_digit_timeout_is_5_seconds(sandbox, call):
    call.create_gather(max_digits=5)
    sandbox.advance(4.9)
    assert gathers(sandbox) == []
    sandbox.advance(0.2)
    assert gather_event(sandbox, call).reason == "inter-digit-timeout"


def test_keys_pressed_with_an_interval_follow_the_clock(sandbox, call):
    call.create_gather(max_digits=3, inter_digit_timeout=5)
    sandbox.press(call.id, "123", interval=1)
    sandbox.advance(1)
    assert gathers(sandbox) == []
    sandbox.advance(1)
    assert gather_event(sandbox, call).digits == "123"


def test_hang_up_ends_the_gather_before_the_hangup_event(sandbox, call):
    call.create_gather(max_digits=5)
    sandbox.press(call.id, "98")
    sandbox.hang_up(call.id)
    sandbox.settle()
    kinds = [e.event_type for e in sandbox.events]
    assert kinds == ["answer", "dtmf", "dtmf", "gather", "hangup"]
    gather, hangup = sandbox.events[3], sandbox.events[4]
    assert (gather.reason, gather.digits) == ("hung-up", "98")
    assert hangup.cause == "NORMAL_CLEARING"


def test_the_application_hanging_up_also_ends_the_gather(sandbox, call):
    call.create_gather(max_digits=5)
    call.hang_up()
    assert gather_event(sandbox, call).reason == "hung-up"


def test_stop_by_the_api_sends_no_gather_event(sandbox, call):
    gather = call.create_gather(max_digits=5)
    sandbox.press(call.id, "3")
    gather.stop()
    sandbox.advance(10)
    assert gathers(sandbox) == []
    stopped = gather.refresh()
    assert (stopped.state, stopped.digits, stopped.reason) == ("completed", "3", None)
    call.update_gather(gather.id, state="completed")   # stopping again is harmless
    call.create_gather(max_digits=1)                    # and a new gather may start


def test_a_running_gather_reads_started(sandbox, call):
    gather = call.create_gather(max_digits=5)
    sandbox.press(call.id, "4")
    running = gather.refresh()
    assert (running.state, running.digits, running.reason) == (
        catapult.GatherState.STARTED, "4", None)


def test_a_second_gather_while_one_runs_is_409(sandbox, call):
    call.create_gather(max_digits=5)
    with pytest.raises(catapult.ConflictError) as caught:
        call.create_gather(max_digits=5)
    assert caught.value.code == "call-duplicate-gather-error"
    assert caught.value.message == f"DTMF digits are already being gathered for call {call.id}"


def test_a_gather_on_a_call_not_yet_answered_is_403(sandbox, client):
    ringing = client.Call.create(from_="+19195551212", to="+19195551213")
    with pytest.raises(catapult.ForbiddenError) as caught:
        ringing.create_gather(max_digits=1)
    assert caught.value.code == "call-invalid-state"
    assert "Invalid call state started" in caught.value.message


def test_a_gather_on_a_finished_call_is_403(sandbox, call):
    call.hang_up()
    with pytest.raises(catapult.ForbiddenError, match="call-invalid-state"):
        call.create_gather(max_digits=1)


def test_a_gather_on_an_unknown_call_is_404(client):
    with pytest.raises(catapult.NotFoundError) as caught:
        client.Call("c-nope").create_gather(max_digits=1)
    assert str(caught.value).startswith("404 call-not-found: The call c-nope could not be found")


def test_an_unknown_gather_is_404(call):
    with pytest.raises(catapult.NotFoundError, match="resource-not-found"):
        call.get_gather("gtr-nope")


def test_gather_tag_is_echoed_only_when_set(sandbox, call):
    call.create_gather(max_digits=1, tag="menu-1")
    sandbox.press(call.id, "1")
    call.create_gather(max_digits=1)
    sandbox.press(call.id, "2")
    first, second = gather_event(sandbox, call), gather_event(sandbox, call, count=2)
    assert first.tag == "menu-1" and "tag" in first.raw
    assert second.tag is None and "tag" not in second.raw


def test_every_key_is_a_dtmf_event_and_a_gather_event_follows_the_last(sandbox, call):
    # what the official dolphin apps rely on: they act on the first dtmf event of a gather
    sandbox.press(call.id, "5")
    call.create_gather(max_digits=2, tag="gather_started")
    sandbox.press(call.id, "67")
    sandbox.settle()
    assert [(e.event_type, e.raw.get("dtmfDigit")) for e in sandbox.events[1:]] == [
        ("dtmf", "5"), ("dtmf", "6"), ("dtmf", "7"), ("gather", None)]
    assert sandbox.events[-1].tag == "gather_started"
    assert "gatherId" not in sandbox.events[2].raw  # a dtmf event names no gather


def test_the_sandbox_refuses_presses_it_cannot_do(sandbox, client, call):
    with pytest.raises(SandboxError, match="digits must be"):
        sandbox.press(call.id, "12x")
    ringing = client.Call.create(from_="+19195551212", to="+19195551213")
    with pytest.raises(SandboxError) as caught:
        sandbox.press(ringing.id, "1")
    assert caught.value.status == 403 and caught.value.code == "call-invalid-state"
    with pytest.raises(SandboxError, match="could not be found"):
        sandbox.hang_up("c-nope")
