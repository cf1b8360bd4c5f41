"""Bridges in the sandbox: states, the two-call limit and its errors, audio to every call."""

from __future__ import annotations

import pytest
import requests

import catapult


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
