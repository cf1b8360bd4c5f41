"""Recordings, transcriptions and media: the wire of each method, and the sandbox end to end."""

from __future__ import annotations

import io
import json

import pytest
import responses

import catapult
from catapult.sandbox import Sandbox

from .conftest import ROOT

RECORDING = {"id": "rec-1", "state": "complete", "call": f"{ROOT}/calls/c-1",
             "media": f"{ROOT}/media/c-1-1.wav", "startTime": "2013-02-08T13:15:47.587Z",
             "endTime": "2013-02-08T13:17:12.181Z"}


def test_recording_get_list_and_handle(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/recordings/rec-1", json=RECORDING)
    mocked.add(responses.GET, f"{ROOT}/recordings", json=[RECORDING],
               match=[responses.matchers.query_param_matcher({"size": "10"})])
    recording = client.Recording.get("rec-1")
    assert (recording.id, recording.call_id, recording.media_name) == ("rec-1", "c-1",
                                                                        "c-1-1.wav")
    assert [r.id for r in client.Recording.list(size=10)] == ["rec-1"]
    assert client.Recording("rec-1").id == "rec-1" and len(mocked.calls) == 2


def test_download_reads_the_media_and_writes_it_where_asked(mocked, client, tmp_path):
    mocked.add(responses.GET, f"{ROOT}/recordings/rec-1", json=RECORDING)
    mocked.add(responses.GET, f"{ROOT}/media/c-1-1.wav", body=b"RIFF....WAVE",
               content_type="audio/wav")
    mocked.add(responses.GET, f"{ROOT}/media/c-1-1.wav", body=b"RIFF....WAVE",
               content_type="audio/wav")
    target = tmp_path / "call.wav"
    # a handle does not know its media: one GET of the recording first
    assert client.Recording.download("rec-1", target) == b"RIFF....WAVE"
    assert target.read_bytes() == b"RIFF....WAVE"
    buffer = io.BytesIO()
    catapult.Recording.from_api(RECORDING, transport=client._transport).download(buffer)
    assert buffer.getvalue() == b"RIFF....WAVE"
    assert [c.request.method for c in mocked.calls] == ["GET", "GET", "GET"]


def test_transcriptions_of_a_recording_three_ways(mocked, client):
    base = f"{ROOT}/recordings/rec-1/transcriptions"
    mocked.add(responses.POST, base, status=201, headers={"Location": f"{base}/tr-1"})
    mocked.add(responses.GET, base, json=[{"id": "tr-1", "state": "completed", "text": "hi"}])
    mocked.add(responses.GET, f"{base}/tr-1", json={"id": "tr-1", "state": "transcribing"})
    assert client.Transcription.create("rec-1").id == "tr-1"
    assert mocked.calls[0].request.body == b"{}"
    assert [t.text for t in client.Recording("rec-1").get_transcriptions()] == ["hi"]
    assert client.Transcription.get("rec-1", "tr-1").state == "transcribing"


def test_media_upload_in_each_form_sends_the_bytes_and_type(mocked, client, tmp_path):
    url = f"{ROOT}/media/hello.mp3"
    for _ in range(3):
        mocked.add(responses.PUT, url)
    path = tmp_path / "hello.mp3"
    path.write_bytes(b"ID3-audio")
    client.Media.upload("hello.mp3", b"ID3-audio", "audio/mpeg")
    client.Media.upload("hello.mp3", str(path), "audio/mpeg")
    client.Media.upload("hello.mp3", io.BytesIO(b"ID3-audio"))
    sent = [c.request for c in mocked.calls]
    assert [r.body for r in sent] == [b"ID3-audio"] * 3
    assert [r.headers["Content-Type"] for r in sent] == ["audio/mpeg", "audio/mpeg",
                                                          "application/octet-stream"]
    assert sent[0].headers["Content-Length"] == "9"


@pytest.mark.parametrize("name, source, content_type, needle", [
    ("..", b"x", "audio/wav", "media_name"),
    ("a.wav", 42, "audio/wav", "source must be"),
    ("a.wav", "/nonexistent/file.wav", "audio/wav", "cannot read"),
    ("a.wav", b"x", "wav", "MIME type"),
])
def test_a_bad_upload_sends_nothing(mocked, client, name, source, content_type, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        client.Media.upload(name, source, content_type)
    assert len(mocked.calls) == 0


def test_media_list_download_delete(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/media", json=[
        {"mediaName": "a.wav", "contentLength": 561276, "content": f"{ROOT}/media/a.wav"}])
    mocked.add(responses.GET, f"{ROOT}/media/a.wav", body=b"\x00\x01", content_type="audio/wav")
    mocked.add(responses.DELETE, f"{ROOT}/media/a.wav")
    [item] = client.Media.list()
    assert (item.media_name, item.content_length) == ("a.wav", 561276)
    assert client.Media.download("a.wav") == b"\x00\x01"
    client.Media.delete("a.wav")
    assert mocked.calls[2].request.headers["Content-Length"] == "0"


# -- the sandbox ------------------------------------------------------------------------------


@pytest.fixture
def world():
    with Sandbox(clock="manual") as sandbox, sandbox.client() as api:
        yield sandbox, api


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
