"""Bridges on the wire: every method both ways, the model, validation."""

from __future__ import annotations

import json

import pytest
import responses

import catapult

from ..support import ROOT

BRIDGE = f"{ROOT}/bridges/brg-1"


CREATED = {"Location": "/v1/users/u-user/bridges/brg-1"}


def body(mocked, index=0):
    return json.loads(mocked.calls[index].request.body)


@pytest.mark.parametrize("args, kwargs, sent", [
    (({"callIds": ["c-1", "c-2"], "bridgeAudio": True},), {},
     {"callIds": ["c-1", "c-2"], "bridgeAudio": True}),
    ((), {"call_ids": ["c-1"], "bridge_audio": False}, {"callIds": ["c-1"], "bridgeAudio": False}),
    ((), {}, {}),
])
def test_create_sends_the_options_and_returns_the_id_without_a_get(mocked, client, args,
                                                                    kwargs, sent):
    mocked.add(responses.POST, f"{ROOT}/bridges", status=201, headers=CREATED)
    bridge = client.Bridge.create(*args, **kwargs)
    assert bridge.id == "brg-1"
    assert body(mocked) == sent
    assert len(mocked.calls) == 1


@pytest.mark.parametrize("bad, needle", [
    ({"call_ids": ["c-1", "c-2", "c-3"]}, "at most 2 call ids"),
    ({"call_ids": "c-1"}, "a list"),
    ({"bridge_audio": "yes"}, "a bool"),
    ({"callId": ["c-1"]}, "did you mean callIds"),
])
def test_bad_bridge_options_are_refused_before_sending(mocked, client, bad, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        client.Bridge.create(**bad)
    assert len(mocked.calls) == 0


def test_get_parses_every_field_and_string_booleans(mocked, client):
    mocked.add(responses.GET, BRIDGE, json={
        "id": "brg-1", "state": "completed", "bridgeAudio": "true", "callIds": ["c-1"],
        "calls": f"{BRIDGE}/calls", "createdTime": "2013-04-22T13:55:30.279Z",
        "activatedTime": "2013-04-22T13:55:30.280Z", "completedTime": "2013-04-22T13:59:30.122Z",
        "future": 1})
    bridge = client.Bridge.get("brg-1")
    assert (bridge.state, bridge.bridge_audio, bridge.call_ids) == (
        catapult.BridgeState.COMPLETED, True, ("c-1",))
    assert bridge.completed_time.minute == 59 and bridge["future"] == 1
    assert bridge["callIds"] == ("c-1",)


WRITES = [
    ("update", ({"callIds": ["c-1"], "bridgeAudio": True},), {}, "", {"callIds": ["c-1"],
                                                                       "bridgeAudio": True}),
    ("update", (), {"call_ids": []}, "", {"callIds": []}),
    ("speak_sentence", ("Hello world", "tag"), {}, "/audio", {"sentence": "Hello world",
                                                               "tag": "tag"}),
    ("play_audio_file", ("http://somewhere/something.mp3",), {}, "/audio",
     {"fileUrl": "http://somewhere/something.mp3"}),
    ("play_audio", ({"sentence": "Hi", "voice": "julie", "locale": "en_US"},), {}, "/audio",
     {"sentence": "Hi", "voice": "julie", "locale": "en_US"}),
    ("play_audio_advanced", ({"fileUrl": "http://x/a.wav", "loopEnabled": True},), {},
     "/audio", {"fileUrl": "http://x/a.wav", "loopEnabled": True}),
    ("stop_speaking", (), {}, "/audio", {"sentence": ""}),
    ("stop_audio_file", (), {}, "/audio", {"fileUrl": ""}),
    ("stop_audio_file_playback", (), {}, "/audio", {"fileUrl": ""}),
]


@pytest.mark.parametrize("way", ["handle", "id-first"])
@pytest.mark.parametrize("name, args, kwargs, suffix, sent", WRITES,
                         ids=[f"{w[0]}{i}" for i, w in enumerate(WRITES)])
def test_each_bridge_write_both_ways(mocked, client, way, name, args, kwargs, suffix, sent):
    mocked.add(responses.POST, f"{BRIDGE}{suffix}")
    target = client.Bridge("brg-1") if way == "handle" else client.Bridge
    method = getattr(target, name)
    method(*args, **kwargs) if way == "handle" else method("brg-1", *args, **kwargs)
    assert body(mocked) == sent


def test_get_calls_and_list_follow_the_api(mocked, client):
    mocked.add(responses.GET, f"{BRIDGE}/calls",
               json=[{"id": "c-1", "bridgeId": "brg-1", "state": "active"}])
    mocked.add(responses.GET, f"{ROOT}/bridges", json=[{"id": "brg-1"}, {"id": "brg-2"}],
               match=[responses.matchers.query_param_matcher({"size": "2"})],
               headers={"Link": f'<{ROOT}/bridges?page=1&size=2>; rel="next"'})
    [call] = client.Bridge.get_calls("brg-1")
    assert (call.id, call["bridgeId"]) == ("c-1", "brg-1")
    assert [b.id for b in client.Bridge.list(size=2, limit=2)] == ["brg-1", "brg-2"]


@pytest.mark.parametrize("bad", ["", ".", ".."])
def test_a_dot_bridge_id_sends_nothing(mocked, client, bad):
    with pytest.raises(catapult.InvalidOptionError, match="bridge_id"):
        client.Bridge.update(bad, call_ids=[])
    assert len(mocked.calls) == 0
