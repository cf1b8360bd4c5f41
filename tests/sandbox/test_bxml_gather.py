"""BXML ``<Gather>``, ``<SendDtmf>`` and ``requestUrlTimeout`` on a manual clock: the
terminating digit alone is a result, a repeating prompt takes the first key in any
repetition or pause, tones pause for ``,`` ``w`` ``W``, and a slow application ends the
call with an error that names its URL."""

from __future__ import annotations

import time

import pytest

import catapult
from catapult.bxml import Gather, PlayAudio, Response, SendDtmf, SpeakSentence
from catapult.callbacks import Receiver
from catapult.sandbox import CallbackFailed, Sandbox

FROM, TO = "+19195551212", "+19195550000"
AUDIO = "https://example.com/menu.mp3"


pytestmark = pytest.mark.catapult_sandbox(clock="manual")


def place(sandbox: Sandbox, receiver: Receiver, reply: Response) -> str:
    receiver.app.on("answer")(lambda event: reply)
    call = sandbox.client().Call.create(from_=FROM, to=TO, callback_url=receiver.url,
                                        callback_http_method="GET")
    sandbox.answer(call.id)
    sandbox.settle()
    return call.id


def results(sandbox: Sandbox) -> list[catapult.Event]:
    return [e for e in sandbox.events if e.event_type == "gather"]


def test_the_terminating_digit_alone_is_sent_with_no_digits(sandbox):
    with Receiver() as receiver:
        call_id = place(sandbox, receiver, Response(Gather(
            SpeakSentence("Your PIN, then pound"), request_url=f"{receiver.url}/pin",
            tag="pin")))
        sandbox.press(call_id, "#")
        sandbox.settle()
        result = sandbox.wait_for(catapult.GatherEvent, call_id=call_id)
        assert (result.digits, result.reason, result.terminating_digit, result.tag) == (
            "", catapult.GatherReason.TERMINATING_DIGIT, "#", "pin")


def test_no_key_at_all_sends_nothing_and_the_next_verb_runs(sandbox):
    with Receiver() as receiver:
        call_id = place(sandbox, receiver, Response(
            Gather(request_url=f"{receiver.url}/pin", inter_digit_timeout=5),
            SpeakSentence("We did not get your PIN")))
        sandbox.advance(5)
        sandbox.settle()
        assert results(sandbox) == []
        assert [h.text for h in sandbox.heard(call_id)][-1] == "We did not get your PIN"


def test_a_repeating_prompt_takes_the_first_key_in_any_repetition(sandbox):
    with Receiver() as receiver:
        # three plays of 1 s with 5 s between them: the prompt lasts 13 s
        call_id = place(sandbox, receiver, Response(Gather(
            PlayAudio(AUDIO, repeat_count=3, delay_before_repeat=5),
            request_url=f"{receiver.url}/menu", max_digits=1, inter_digit_timeout=5)))
        assert [h.url for h in sandbox.heard(call_id)] == [AUDIO] * 3
        sandbox.advance(12)                  # in the third repetition: still listening
        sandbox.press(call_id, "2")
        sandbox.settle()
        assert sandbox.wait_for(catapult.GatherEvent, call_id=call_id).digits == "2"


def test_the_timeout_starts_when_the_prompt_is_over(sandbox):
    with Receiver() as receiver:
        call_id = place(sandbox, receiver, Response(Gather(
            PlayAudio(AUDIO, repeat_count=3, delay_before_repeat=5),
            request_url=f"{receiver.url}/menu", inter_digit_timeout=5),
            SpeakSentence("No choice made")))
        sandbox.advance(17.9)
        assert "No choice made" not in [h.text for h in sandbox.heard(call_id)]
        sandbox.advance(0.1)                 # 13 s of prompt, then 5 s with no key
        assert "No choice made" in [h.text for h in sandbox.heard(call_id)]


def test_send_dtmf_pauses_for_its_commas_and_ws(sandbox):
    with Receiver() as receiver:
        call_id = place(sandbox, receiver, Response(SendDtmf("1,2W3"),
                                                    SpeakSentence("Connected")))
        assert [h.tones for h in sandbox.heard(call_id) if h.kind == "tones"] == ["1,2W3"]
        sandbox.advance(1.7)                 # 3 tones of 0.1 s, a 0.5 s and a 1 s pause
        assert "Connected" not in [h.text for h in sandbox.heard(call_id)]
        sandbox.advance(0.1)
        assert "Connected" in [h.text for h in sandbox.heard(call_id)]


def test_an_application_slower_than_request_url_timeout_ends_the_call(sandbox):
    with Receiver() as receiver:
        @receiver.app.on("gather")
        def slow(event: catapult.GatherEvent) -> Response:
            time.sleep(1.5)
            return Response(SpeakSentence("too late"))

        call_id = place(sandbox, receiver, Response(Gather(
            request_url=f"{receiver.url}/slow", request_url_timeout=500, max_digits=1)))
        sandbox.press(call_id, "5")
        with pytest.raises(CallbackFailed, match="within the callback timeout of 0.5 s"):
            sandbox.wait_for(catapult.ErrorEvent, call_id=call_id, timeout=10)
        error = sandbox.wait_for(catapult.ErrorEvent, call_id=call_id, timeout=10)
        assert f"{receiver.url}/slow" in str(error.raw["message"])
        assert sandbox.client().Call.get(call_id).state == "completed"
        assert "too late" not in [h.text for h in sandbox.heard(call_id)]
