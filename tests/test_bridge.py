"""Bridges: the wire of every method both ways, the model, validation, and the sandbox."""

from __future__ import annotations

import json

import pytest
import requests
import responses

import catapult

from .conftest import ROOT

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


# -- the sandbox ------------------------------------------------------------------------------


@pytest.fixture
def world():
    with catapult.sandbox.Sandbox(clock="manual") as sandbox, sandbox.client() as api:
        yield sandbox, api


def two_calls(sandbox, api):
    calls = [api.Call.create(from_="+19195551212", to=f"+1919555100{n}") for n in range(2)]
    for call in calls:
        sandbox.answer(call.id)
    return calls


def test_a_bridge_joins_two_calls_and_completes_when_they_leave(world):
    sandbox, api = world
    first, second = two_calls(sandbox, api)
    bridge = api.Bridge.create(call_ids=[first.id, second.id], bridge_audio=True)
    fresh = bridge.refresh()
    assert (fresh.state, fresh.call_ids) == ("active", (first.id, second.id))
    assert fresh.activated_time is not None
    assert first.refresh()["bridgeId"] == bridge.id
    assert {c.id for c in bridge.get_calls()} == {first.id, second.id}
    bridge.update(bridge_audio=False)
    assert bridge.refresh().state == "hold"
    bridge.update(bridge_audio=True, call_ids=[first.id])
    assert (bridge.refresh().state, bridge.refresh().call_ids) == ("active", (first.id,))
    assert "bridgeId" not in second.refresh().raw
    first.hang_up()
    assert bridge.refresh().state == "completed"
    with pytest.raises(catapult.BadRequestError, match="bridge-invalid-state"):
        bridge.update(call_ids=[second.id])


def test_bridge_audio_reaches_every_call_in_it(world):
    sandbox, api = world
    first, second = two_calls(sandbox, api)
    bridge = api.Bridge.create(call_ids=[first.id, second.id])
    api.Bridge.speak_sentence(bridge.id, "Welcome to the bridge", voice="julie")
    assert [h.text for h in sandbox.heard(first.id)] == ["Welcome to the bridge"]
    assert sandbox.heard(second.id)[0].voice == "julie"


def test_bridge_errors_are_the_apis(world):
    sandbox, api = world
    first, second = two_calls(sandbox, api)
    api.Bridge.create(call_ids=[first.id])
    with pytest.raises(catapult.BadRequestError, match="bridge-bridged-callId"):
        api.Bridge.create(call_ids=[first.id, second.id])
    with pytest.raises(catapult.NotFoundError, match="bridge-not-found"):
        api.Bridge.get("brg-nope")
    empty = api.Bridge.create()
    assert empty.refresh().state == "created"
    with pytest.raises(catapult.BadRequestError, match="bridge-invalid-operation"):
        empty.speak_sentence("nobody hears this")
    response = requests.post(
        f"{sandbox.base_url}/v1/users/{sandbox.user_id}/bridges", timeout=5,
        auth=(sandbox.api_token, sandbox.api_secret),
        json={"callIds": [first.id, second.id, "c-3"]})
    assert (response.status_code, response.json()["code"]) == (403, "bridge-callIds-overflow")


def test_a_call_created_into_a_bridge_joins_it(world):
    sandbox, api = world
    bridge = api.Bridge.create(bridge_audio=True)
    calls = [api.Call.create(from_="+19195551212", to="+19195551000", bridge_id=bridge.id)
             for _ in range(2)]
    for call in calls:
        sandbox.answer(call.id)
    assert bridge.refresh().state == "active"
    with pytest.raises(catapult.ForbiddenError, match="bridge-callIds-overflow"):
        api.Call.create(from_="+19195551212", to="+19195551000", bridge_id=bridge.id)
    assert [b.id for b in api.Bridge.list()] == [bridge.id]
