"""Recordings, transcriptions and media on the wire."""

from __future__ import annotations

import io

import pytest
import responses

import catapult

from ..support import ROOT

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


def test_get_info_sends_a_head_and_reads_the_headers(mocked, client):
    mocked.add(responses.HEAD, f"{ROOT}/media/a%20b.wav",
               headers={"Content-Type": "audio/wav", "Content-Length": "44"})
    info = client.Media.get_info("a b.wav")
    assert (info.media_name, info.content_length, info.content_type) == (
        "a b.wav", 44, "audio/wav")
    sent = mocked.calls[0].request
    assert (sent.method, sent.body) == ("HEAD", None)
    assert "Content-Length" not in sent.headers
