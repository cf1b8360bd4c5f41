"""Recordings, transcriptions and the media store in the sandbox."""

from __future__ import annotations

import json

import pytest

import catapult
from catapult.sandbox import Sandbox


def recorded_call(sandbox, api, seconds=2, **options):
    call = api.Call.create(from_="+19195551212", to="+19195551213", recording_enabled=True,
                           **options)
    sandbox.answer(call.id)
    sandbox.advance(seconds)
    call.hang_up()
    return call


def test_a_recording_is_a_wav_in_the_media_store(world, tmp_path):
    sandbox, api = world
    call = recorded_call(sandbox, api, seconds=2)
    [recording] = api.Recording.list()
    assert recording.call_id == call.id and recording.state == "complete"
    audio = api.Recording(recording.id).download(tmp_path / "r.wav")
    assert audio[:4] == b"RIFF" and audio[8:12] == b"WAVE" and len(audio) == 44 + 16000
    assert recording.media_name in {m.media_name for m in api.Media.list()}
    event = sandbox.wait_for("recording", call_id=call.id)
    assert event["recordingId"] == recording.id


def test_transcriptions_say_what_a_test_chose(world):
    sandbox, api = world
    sandbox.transcribe_as("Please call me back")
    call = recorded_call(sandbox, api, transcription_enabled=True)
    [automatic] = call.get_transcriptions()
    assert (automatic.text, automatic.text_size) == ("Please call me back", 19)
    [recording] = call.get_recordings()
    sandbox.transcribe_as("Second opinion", recording_id=recording.id)
    made = api.Transcription.create(recording.id)
    assert api.Transcription.get(recording.id, made.id).text == "Second opinion"
    assert [t.id for t in api.Transcription.list(recording.id)] == [automatic.id, made.id]
    assert api.Media.download(made.id) == b"Second opinion"
    assert sandbox.wait_for("transcription", call_id=call.id, count=2)["text"] == \
        "Second opinion"


def test_a_transcription_has_a_deterministic_default(world):
    sandbox, api = world
    call = recorded_call(sandbox, api, transcription_enabled=True)
    assert call.get_transcriptions()[0].text == "This is a sandbox transcription."


def test_the_media_store_round_trip_and_errors(world):
    sandbox, api = world
    api.Media.upload("greeting.mp3", b"ID3 fake mp3", "audio/mpeg")
    assert api.Media.download("greeting.mp3") == b"ID3 fake mp3"
    response = api.request("GET", "media")
    assert response.data == [{"mediaName": "greeting.mp3", "contentLength": 12,
                              "content": f"{sandbox.base_url}/v1/users/{sandbox.user_id}"
                                         "/media/greeting.mp3"}]
    api.Media.delete("greeting.mp3")
    with pytest.raises(catapult.NotFoundError, match="media-not-found"):
        api.Media.download("greeting.mp3")
    with pytest.raises(catapult.NotFoundError, match="recording-not-found"):
        api.Recording.get("rec-nope")
    stored = sandbox.requests[0]
    assert (stored.method, stored.path.rsplit("/", 1)[-1]) == ("PUT", "greeting.mp3")


def test_forgotten_calls_take_their_recordings_and_media_along():
    with Sandbox(clock="manual", retention=1) as sandbox, sandbox.client() as api:
        first = recorded_call(sandbox, api)
        recorded_call(sandbox, api)
        last = recorded_call(sandbox, api)   # retention 1: only the last ended call is kept
        names = {m.media_name for m in api.Media.list()}
        assert names == {f"{last.id}-1.wav"} and not first.id.startswith(last.id)
        assert [r.call_id for r in api.Recording.list()] == [last.id]
        assert json.loads(json.dumps(api.request("GET", "recordings").data))  # plain JSON


def test_get_info_is_a_head_giving_size_and_type_without_the_bytes(world):
    sandbox, api = world
    api.Media.upload("greeting.mp3", b"ID3 fake mp3", "audio/mpeg")
    info = api.Media.get_info("greeting.mp3")
    assert (info.media_name, info.content_length, info.content_type) == (
        "greeting.mp3", 12, "audio/mpeg")
    assert sandbox.requests[-1].method == "HEAD"
    with pytest.raises(catapult.NotFoundError):
        api.Media.get_info("nothing.mp3")
