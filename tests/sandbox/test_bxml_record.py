"""BXML ``<Record>`` with its limits, on a manual clock: it ends at ``maxDuration``, after
``silenceTimeout`` of silence, on its terminating digit, or with the call; its recording
event goes to ``requestUrl``, its transcription (the caller's words, from ``sandbox.say``)
to ``transcribeCallbackUrl``; then the next verb runs. REST recordings keep their limit."""

from __future__ import annotations

import json

import pytest

import catapult
from catapult.bxml import Record, Response, SpeakSentence
from catapult.callbacks import Receiver
from catapult.sandbox import Sandbox

FROM, TO = "+19195551212", "+19195550000"
AFTER = "Thank you, goodbye"


pytestmark = pytest.mark.catapult_sandbox(clock="manual")


def record(sandbox: Sandbox, receiver: Receiver, **attributes: object) -> str:
    reply = Response(Record(request_url=f"{receiver.url}/recorded",
                            **attributes),  # type: ignore[arg-type]
                     SpeakSentence(AFTER))
    receiver.app.on("answer")(lambda event: reply)
    call = sandbox.client().Call.create(from_=FROM, to=TO, callback_url=receiver.url,
                                        callback_http_method="GET")
    sandbox.answer(call.id)
    sandbox.settle()
    return call.id


def length(sandbox: Sandbox, call_id: str) -> float:
    [saved] = sandbox.client().Call.get_recordings(call_id)
    assert saved.start_time is not None and saved.end_time is not None
    return (saved.end_time - saved.start_time).total_seconds()


def said_after(sandbox: Sandbox, call_id: str) -> bool:
    return AFTER in [h.text for h in sandbox.heard(call_id)]


def test_max_duration_ends_a_recording_of_a_caller_who_keeps_talking(sandbox):
    with Receiver() as receiver:
        call_id = record(sandbox, receiver, max_duration=10)
        sandbox.say(call_id, "and another thing", seconds=100)
        sandbox.advance(9.9)
        assert not said_after(sandbox, call_id)
        sandbox.advance(0.1)
        sandbox.settle()
        assert length(sandbox, call_id) == pytest.approx(10)
        assert said_after(sandbox, call_id)                 # the next verb runs


def test_silence_ends_it_silence_timeout_after_the_caller_stops(sandbox):
    with Receiver() as receiver:
        call_id = record(sandbox, receiver, silence_timeout=2)
        sandbox.say(call_id, "please call me back", seconds=4)
        sandbox.advance(5.9)
        assert not said_after(sandbox, call_id)
        sandbox.advance(0.1)
        sandbox.settle()
        assert length(sandbox, call_id) == pytest.approx(6)
        fetch = [d for d in sandbox.deliveries if d.payload["eventType"] == "recording"][0]
        assert fetch.url == f"{receiver.url}/recorded"
        assert set(fetch.payload) >= {"status", "recordingId", "recordingUri", "startTime",
                                      "endTime", "callId"}
        media = sandbox.client().Call.get_recordings(call_id)[0].download()
        assert media[:4] == b"RIFF" and b"\xc0\xc0\xc0\xc0" in media   # speech, then silence


def test_a_caller_who_says_nothing_is_recorded_for_silence_timeout(sandbox):
    with Receiver() as receiver:
        call_id = record(sandbox, receiver)                 # the default silence: 3 s
        sandbox.advance(3)
        sandbox.settle()
        assert length(sandbox, call_id) == pytest.approx(3)


def test_the_terminating_digit_ends_it_and_is_not_recorded(sandbox):
    with Receiver() as receiver:
        call_id = record(sandbox, receiver, terminating_digits="#", silence_timeout=60)
        sandbox.say(call_id, "my order number is", seconds=2)
        sandbox.advance(2)
        sandbox.press(call_id, "#")
        sandbox.settle()
        assert length(sandbox, call_id) == pytest.approx(2)
        assert said_after(sandbox, call_id)
        assert sandbox.wait_for(catapult.DtmfEvent, call_id=call_id).dtmf_digit == "#"


def test_the_call_ending_ends_it(sandbox):
    with Receiver() as receiver:
        call_id = record(sandbox, receiver, silence_timeout=60)
        sandbox.say(call_id, "hello?", seconds=30)
        sandbox.advance(7)
        sandbox.hang_up(call_id)
        sandbox.settle()
        assert length(sandbox, call_id) == pytest.approx(7)


def test_a_transcribed_recording_posts_what_the_caller_said(sandbox):
    with Receiver() as receiver:
        call_id = record(sandbox, receiver, transcribe=True, silence_timeout=1,
                         transcribe_callback_url=f"{receiver.url}/transcribed")
        sandbox.say(call_id, "Hi, please call me back about my order", seconds=3)
        sandbox.advance(4)
        sandbox.settle()
        event = sandbox.wait_for(catapult.TranscriptionEvent, call_id=call_id)
        assert event.text == "Hi, please call me back about my order"
        posted = [d for d in sandbox.deliveries if d.payload["eventType"] == "transcription"][0]
        assert posted.url == f"{receiver.url}/transcribed"
        assert {"transcriptionId", "transcriptionUri", "textSize", "text", "status",
                "textUrl"} <= set(json.loads(json.dumps(posted.payload)))


def test_an_mp3_record_is_saved_as_mp3(sandbox):
    with Receiver() as receiver:
        call_id = record(sandbox, receiver, file_format="mp3")
        sandbox.advance(3)
        sandbox.settle()
        [saved] = sandbox.client().Call.get_recordings(call_id)
        assert str(saved.media_name).endswith(".mp3")


def test_a_rest_recording_holds_what_the_caller_says_and_its_limit(sandbox):
    client = sandbox.client()
    call = client.Call.create(from_=FROM, to=TO, transcription_enabled=True)
    sandbox.answer(call.id)
    call.update(recording_enabled=True, recording_max_duration=90)
    assert client.Call.get(call.id).raw["recordingMaxDuration"] == 90
    with pytest.raises(catapult.ConflictError, match="conflicted-recording-values-request"):
        call.set_max_recording_duration(30)                 # not while it records
    sandbox.say(call.id, "leave the parcel at the door", seconds=5)
    sandbox.advance(90)                                     # the limit ends the recording
    sandbox.settle()
    [saved] = call.get_recordings()
    assert saved.end_time is not None and saved.start_time is not None
    assert (saved.end_time - saved.start_time).total_seconds() == pytest.approx(90)
    [transcription] = call.get_transcriptions()
    assert transcription.text == "leave the parcel at the door"
    assert client.Call.get(call.id).state == "active"       # the call goes on


def test_say_is_refused_on_a_call_that_is_not_active(sandbox):
    call = sandbox.client().Call.create(from_=FROM, to=TO)
    with pytest.raises(catapult.sandbox.SandboxError, match="has not answered") as refused:
        sandbox.say(call.id, "hello")
    assert refused.value.code == "call-invalid-state"
    with pytest.raises(catapult.InvalidOptionError, match="seconds"):
        sandbox.say(call.id, "hello", seconds=0)
