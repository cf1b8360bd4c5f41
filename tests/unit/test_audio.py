"""Audio is written once: the same options give the same bytes on a call, a bridge, a
conference and a conference member (``tag=""`` included, which bridges and conferences
used to drop)."""

from __future__ import annotations

import pytest
import responses

from ..support import ROOT

TARGETS = {
    "call": ("calls/c-1/audio", lambda client: client.Call("c-1")),
    "bridge": ("bridges/brg-1/audio", lambda client: client.Bridge("brg-1")),
    "conference": ("conferences/conf-1/audio", lambda client: client.Conference("conf-1")),
    "member": ("conferences/conf-1/members/m-1/audio",
               lambda client: client.Conference("conf-1").member("m-1")),
}

CALLS = [
    ("speak_sentence", ("Hello", ""), {}, b'{"sentence":"Hello","tag":""}'),
    ("speak_sentence", ("Hi", "t", "male", "paul"), {"locale": "en_US", "volume": 2},
     b'{"sentence":"Hi","tag":"t","gender":"male","voice":"paul","locale":"en_US",'
     b'"volume":2}'),
    ("play_audio_file", ("https://e.example/a.mp3", ""), {},
     b'{"fileUrl":"https://e.example/a.mp3","tag":""}'),
    ("play_audio_file", ("https://e.example/a.mp3",), {"loop_enabled": False},
     b'{"fileUrl":"https://e.example/a.mp3","loopEnabled":false}'),
    ("play_audio", ({"sentence": "x", "tag": ""},), {}, b'{"sentence":"x","tag":""}'),
    ("play_audio", (), {"file_url": "https://e.example/b.wav", "volume": "-4"},
     b'{"fileUrl":"https://e.example/b.wav","volume":"-4"}'),
    ("stop_speaking", (), {}, b'{"sentence":""}'),
    ("stop_audio_file", (), {}, b'{"fileUrl":""}'),
    ("play_recording", ("https://e.example/a.mp3",), {}, b'{"fileUrl":"https://e.example/a.mp3"}'),
    ("play_audio_advanced", ({"sentence": "y"},), {}, b'{"sentence":"y"}'),
    ("stop_audio_file_playback", (), {}, b'{"fileUrl":""}'),
]


@pytest.mark.parametrize("target", TARGETS, ids=str)
@pytest.mark.parametrize("method, args, kwargs, sent", CALLS,
                         ids=[f"{m}-{i}" for i, (m, *_) in enumerate(CALLS)])
def test_the_same_options_send_the_same_bytes_on_every_resource(mocked, client, target,
                                                                method, args, kwargs, sent):
    path, handle = TARGETS[target]
    mocked.add(responses.POST, f"{ROOT}/{path}")
    getattr(handle(client), method)(*args, **kwargs)
    assert mocked.calls[0].request.body == sent
    assert mocked.calls[0].request.headers["Content-Type"] == "application/json; charset=utf-8"


@pytest.mark.parametrize("target", ["call", "bridge", "conference"])
def test_id_first_audio_sends_the_same_bytes(mocked, client, target):
    path, handle = TARGETS[target]
    mocked.add(responses.POST, f"{ROOT}/{path}")
    collection = getattr(client, target.capitalize())
    collection.speak_sentence(handle(client).id, "Hello", "")
    assert mocked.calls[0].request.body == b'{"sentence":"Hello","tag":""}'


@pytest.mark.parametrize("target", TARGETS, ids=str)
def test_a_bad_audio_option_sends_nothing_on_every_resource(mocked, client, target):
    import catapult

    _, handle = TARGETS[target]
    with pytest.raises(catapult.InvalidOptionError, match="sentence must be a string of at "
                                                          "most 1000 characters"):
        handle(client).speak_sentence("x" * 1001)
    with pytest.raises(catapult.InvalidOptionError, match="did you mean loop_enabled"):
        handle(client).play_audio(loop_enable=True)
    assert len(mocked.calls) == 0
