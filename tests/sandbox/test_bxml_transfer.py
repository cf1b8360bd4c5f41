"""BXML ``<Transfer>`` as the docs describe it, on a manual clock: every target rings, the
first to answer wins and hears the nested audio, the legs end together, transferComplete
goes to the A leg's URL, and a transfer nobody answers lets the next verb run."""

from __future__ import annotations

import pytest

import catapult
from catapult.bxml import PhoneNumber, Record, Response, SpeakSentence, Transfer
from catapult.callbacks import Receiver
from catapult.sandbox import Sandbox

FROM, TO = "+19195551212", "+19195550000"
TARGETS = ("+19195550101", "+19195550102", "+19195550103")


pytestmark = pytest.mark.catapult_sandbox(clock="manual")


def three_way(receiver: Receiver, **attributes: object) -> Response:
    return Response(Transfer(PhoneNumber(TARGETS[1]), PhoneNumber(TARGETS[2]),
                             SpeakSentence("You have a call from the sales line"),
                             transfer_to=TARGETS[0], **attributes),  # type: ignore[arg-type]
                    SpeakSentence("Nobody could take your call. Goodbye"))


def start(sandbox: Sandbox, receiver: Receiver, reply: Response) -> tuple[str, dict[str, str]]:
    receiver.app.on("answer")(lambda event: reply)
    client = sandbox.client()
    call = client.Call.create(from_=FROM, to=TO, callback_url=receiver.url,
                              callback_http_method="GET")
    sandbox.answer(call.id)
    sandbox.settle()
    legs = {c.to: c.id for c in client.Call.list() if c.to in TARGETS}
    return call.id, legs


def state(sandbox: Sandbox, call_id: str) -> str:
    return str(sandbox.client().Call.get(call_id).state)


def test_every_target_rings_and_the_second_to_answer_loses_nothing(sandbox: Sandbox) -> None:
    with Receiver() as receiver:
        a_leg, legs = start(sandbox, receiver, three_way(receiver, transfer_caller_id=FROM))
        assert sorted(legs) == sorted(TARGETS)
        assert state(sandbox, a_leg) == "transferring"
        assert all(state(sandbox, leg) == "started" for leg in legs.values())
        assert {sandbox.client().Call.get(leg).from_ for leg in legs.values()} == {FROM}
        sandbox.answer(legs[TARGETS[1]])                         # the second target answers
        assert state(sandbox, legs[TARGETS[0]]) == "completed"   # the others stop ringing
        assert state(sandbox, legs[TARGETS[2]]) == "completed"
        cancelled = sandbox.wait_for(catapult.HangupEvent, call_id=legs[TARGETS[0]])
        assert cancelled.cause == "ORIGINATOR_CANCEL"
        # the callee hears the nested sentence before the legs are joined; the caller not
        assert [h.text for h in sandbox.heard(legs[TARGETS[1]])] == [
            "You have a call from the sales line"]
        assert "You have a call from the sales line" not in [
            h.text for h in sandbox.heard(a_leg)]
        sandbox.advance(3)
        assert state(sandbox, a_leg) == "active"
        sandbox.advance(600)                                     # talking; no timeout now
        assert state(sandbox, legs[TARGETS[1]]) == "active"


def test_when_the_callee_hangs_up_transfer_complete_then_the_caller_is_hung_up(
        sandbox: Sandbox) -> None:
    with Receiver() as receiver:
        a_leg, legs = start(sandbox, receiver, three_way(receiver, tag="sales"))
        sandbox.answer(legs[TARGETS[2]])
        sandbox.advance(3)
        sandbox.hang_up(legs[TARGETS[2]])
        sandbox.settle()
        done = sandbox.wait_for(catapult.TransferCompleteEvent, call_id=a_leg)
        assert (done.from_, done.to, done.call_state, done.tag) == (FROM, TARGETS[2], "active",
                                                                    "sales")
        assert state(sandbox, a_leg) == "completed"
        types = [e.event_type for e in receiver.events]
        assert types.index("transferComplete") < types.index("hangup")
        # the verb after a transfer that connected never runs
        assert "Nobody could take your call. Goodbye" not in [
            h.text for h in sandbox.heard(a_leg)]


def test_when_the_caller_hangs_up_the_callee_is_hung_up_too(sandbox: Sandbox) -> None:
    with Receiver() as receiver:
        a_leg, legs = start(sandbox, receiver, three_way(receiver))
        sandbox.answer(legs[TARGETS[0]])
        sandbox.advance(3)
        sandbox.hang_up(a_leg)
        sandbox.settle()
        assert state(sandbox, legs[TARGETS[0]]) == "completed"
        assert sandbox.wait_for(catapult.TransferCompleteEvent, call_id=a_leg).to == TARGETS[0]


def test_the_caller_hanging_up_while_they_ring_stops_every_target(sandbox: Sandbox) -> None:
    with Receiver() as receiver:
        a_leg, legs = start(sandbox, receiver, three_way(receiver))
        sandbox.hang_up(a_leg)
        sandbox.settle()
        assert {state(sandbox, leg) for leg in legs.values()} == {"completed"}
        assert not [e for e in sandbox.events if e.event_type == "transferComplete"]


def test_a_transfer_nobody_answers_fails_and_the_next_verb_runs(sandbox: Sandbox) -> None:
    with Receiver() as receiver:
        a_leg, legs = start(sandbox, receiver, three_way(receiver, call_timeout=20))
        sandbox.advance(19)
        assert state(sandbox, a_leg) == "transferring"
        sandbox.advance(1)                                        # callTimeout: all stop
        sandbox.settle()
        assert {state(sandbox, leg) for leg in legs.values()} == {"completed"}
        assert state(sandbox, a_leg) == "active"
        assert [h.text for h in sandbox.heard(a_leg)][-1] == \
            "Nobody could take your call. Goodbye"
        assert not [e for e in sandbox.events if e.event_type == "transferComplete"]


def test_a_nested_record_records_both_legs_until_one_ends(sandbox: Sandbox) -> None:
    with Receiver() as receiver:
        reply = Response(Transfer(Record(multi_channel=True, max_duration=5,
                                         request_url=f"{receiver.url}/recorded"),
                                  transfer_to=TARGETS[0]))
        a_leg, legs = start(sandbox, receiver, reply)
        sandbox.answer(legs[TARGETS[0]])
        sandbox.advance(30)                 # max_duration is ignored inside a <Transfer>
        sandbox.hang_up(legs[TARGETS[0]])
        sandbox.settle()
        recording = sandbox.wait_for(catapult.RecordingEvent, call_id=a_leg)
        fetched = [d for d in sandbox.deliveries if d.payload["eventType"] == "recording"]
        assert fetched[0].url == f"{receiver.url}/recorded"
        [saved] = sandbox.client().Call.get_recordings(a_leg)
        assert (saved.id, saved.state) == (recording.recording_id, "complete")
        assert saved.end_time is not None and saved.start_time is not None
        assert (saved.end_time - saved.start_time).total_seconds() == pytest.approx(30)
