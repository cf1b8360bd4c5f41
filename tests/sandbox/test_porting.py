"""The sandbox does what ported flows expect: every call method of the official SDKs works
against it, with what the caller heard, recordings and re-pointed callbacks."""

from __future__ import annotations

import threading
from typing import Iterator

import pytest

import catapult
from catapult.callbacks import make_server
from catapult.sandbox import Heard

pytestmark = pytest.mark.catapult_sandbox(clock="manual")
PARTIES = {"from_": "+19195551212", "to": "+19195551213"}


def test_heard_lists_sentences_prompts_files_and_tones_in_order(sandbox, client, call):
    client.Call.speak_sentence(call.id, "Welcome", "hello", "male", "paul")
    sandbox.advance(5)
    call.create_gather(max_digits=1, prompt={"sentence": "Press 1", "locale": "en_UK"})
    sandbox.press(call.id, "1")
    call.play_recording("https://e.example/hold.mp3")
    sandbox.advance(5)
    call.set_dtmf("9#")
    assert sandbox.heard(call.id) == [
        Heard(kind="speak", text="Welcome", voice="paul", gender="male", locale="en_US",
              tag="hello"),
        Heard(kind="speak", text="Press 1", voice="Susan", gender="female", locale="en_UK"),
        Heard(kind="play", url="https://e.example/hold.mp3"),
        Heard(kind="tones", tones="9#"),
    ]


def test_recording_on_and_off_makes_one_recording_per_span_with_transcriptions(
        sandbox, client, call):
    call.update(transcription_enabled=True)
    call.recording_on()
    sandbox.advance(3)
    call.recording_off()
    client.Call.enable_recording(call.id)
    sandbox.advance(2)
    call.hang_up()
    sandbox.settle()
    recordings = client.Call.get_recordings(call.id)
    assert [r.media_name for r in recordings] == [f"{call.id}-1.wav", f"{call.id}-2.wav"]
    assert all(r.state == "complete" and r.call_id == call.id for r in recordings)
    transcriptions = call.get_transcriptions()
    assert [t.state for t in transcriptions] == ["completed", "completed"]
    assert transcriptions[0].chargeable_duration == 3
    kinds = [e.event_type for e in sandbox.events]
    assert kinds == ["answer", "recording", "transcription", "hangup", "recording",
                     "transcription"]
    assert sandbox.events[1]["recordingId"] == recordings[0].id
    fresh = call.refresh()
    assert fresh.raw["transcriptionEnabled"] is True


def test_max_recording_duration_and_format_are_kept_on_the_call(client, call):
    call.set_max_recording_duration(90)
    call.update({"recordingFileFormat": "mp3"})
    call.turn_call_recording(True)
    fresh = client.Call.get(call.id)
    assert (fresh.raw["recordingEnabled"], fresh.raw["recordingFileFormat"]) == (True, "mp3")


def test_a_call_recorded_from_its_creation_records_once_answered(sandbox, client):
    placed = client.Call.create(**PARTIES, recording_enabled=True, recording_file_format="mp3")
    sandbox.answer(placed.id)
    sandbox.advance(1)
    placed.hang_up()
    [recording] = placed.get_recordings()
    assert recording.media_name == f"{placed.id}-1.mp3"


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[catapult.Event]]]:
    seen: list[catapult.Event] = []
    app = catapult.CallbackApp()
    app.on_any(seen.append)
    server = make_server(app)
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/events", seen
    server.shutdown()
    server.server_close()


def test_a_callback_url_given_on_update_re_points_the_later_events(sandbox, call, receiver):
    url, seen = receiver
    sandbox.press(call.id, "1")                 # recorded, delivered nowhere
    call.update(callback_url=url)
    sandbox.press(call.id, "2")
    call.hang_up()
    assert sandbox.settle(5)
    assert [(e.event_type, e.get("dtmfDigit")) for e in seen] == [("dtmf", "2"),
                                                                  ("hangup", None)]
    assert call.refresh().callback_url == url


def test_a_ported_flow_gets_its_event_log_entry_by_id(client, call):
    entries = call.get_events()
    entry = client.Call.get_event(call.id, entries[0].id)
    assert (entry.id, entry.name) == (entries[0].id, "create")


def test_every_call_method_runs_against_the_sandbox_id_first(sandbox, client, call):
    cid = call.id
    client.Call.speak_sentence(cid, "Hi")
    client.Call.stop_speaking(cid)
    client.Call.play_audio_file(cid, "https://e.example/a.wav")
    client.Call.stop_audio_file_playback(cid)
    client.Call.play_audio_advanced(cid, {"sentence": "Again", "voice": "kate"})
    client.Call.send_dtmf(cid, "1")
    gather = client.Call.create_gather(cid, {"maxDigits": "3"})
    client.Call.complete_gather(cid, gather.id)
    assert client.Call.get_gather(cid, gather.id).state == "completed"
    client.Call.recording_on(cid)
    client.Call.recording_off(cid)
    client.Call.hangup(cid)
    assert client.Call.reload(cid).state == "completed"
    assert [e.name for e in client.Call.get_events(cid)][:2] == ["create", "answer"]


def test_incoming_calls_answered_and_rejected_by_their_ruby_names(sandbox, client):
    first = sandbox.incoming_call("+19195551212", "+19195551213")
    second = sandbox.incoming_call("+19195551212", "+19195551213")
    client.Call(first).answer_on_incoming()
    client.Call.reject_incoming(second)
    assert (client.Call.get(first).state, client.Call.get(second).state) == (
        "active", "rejected")
