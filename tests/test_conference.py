"""Conferences and members: the wire of each method, and the sandbox end to end."""

from __future__ import annotations

import json
import threading

import pytest
import responses

import catapult
from catapult.callbacks import make_server
from catapult.sandbox import Sandbox

from .conftest import ROOT

CONF = f"{ROOT}/conferences/conf-1"


def test_create_and_the_conference_calls(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/conferences", status=201,
               headers={"Location": "/v1/users/u-user/conferences/conf-1"})
    mocked.add(responses.GET, CONF, json={"activeMembers": 0, "id": "conf-1",
                                          "createdTime": "2013-07-12T15:22:47-02",
                                          "from": "+19703255647", "hold": False,
                                          "profile": "interpret_digits", "state": "created"})
    conference = client.Conference.create(from_="+19703255647", profile="passthru_digits")
    assert conference.id == "conf-1"
    assert json.loads(mocked.calls[0].request.body) == {"from": "+19703255647",
                                                        "profile": "passthru_digits"}
    fetched = client.Conference.get("conf-1")
    assert (fetched.active_members, fetched.held, fetched["hold"]) == (0, False, False)
    assert fetched.created_time.hour == 17  # -02, in UTC


WRITES = [
    ("complete", (), "", {"state": "completed"}),
    ("terminate", (), "", {"state": "completed"}),
    ("mute", (), "", {"mute": True}),
    ("mute", (False,), "", {"mute": False}),
    ("hold", (True,), "", {"hold": True}),
    ("speak_sentence", ("Welcome",), "/audio", {"sentence": "Welcome"}),
    ("play_recording", ("http://x/a.wav", "t"), "/audio", {"fileUrl": "http://x/a.wav",
                                                           "tag": "t"}),
    ("stop_audio_file_playback", (), "/audio", {"fileUrl": ""}),
    ("update_member", ("member-1", {"mute": False}), "/members/member-1", {"mute": False}),
    ("remove_member", ("member-1",), "/members/member-1", {"state": "completed"}),
    ("delete_member", ("member-1",), "/members/member-1", {"state": "completed"}),
    ("hold_member", ("member-1", False), "/members/member-1", {"hold": False}),
    ("speak_sentence_to_member", ("member-1", "Hi"), "/members/member-1/audio",
     {"sentence": "Hi"}),
    ("play_audio_advanced_to_member", ("member-1", {"fileUrl": "http://x/a.mp3"}),
     "/members/member-1/audio", {"fileUrl": "http://x/a.mp3"}),
]


@pytest.mark.parametrize("way", ["handle", "id-first"])
@pytest.mark.parametrize("name, args, suffix, sent", WRITES,
                         ids=[f"{w[0]}{i}" for i, w in enumerate(WRITES)])
def test_each_conference_write_both_ways(mocked, client, way, name, args, suffix, sent):
    mocked.add(responses.POST, f"{CONF}{suffix}")
    if way == "handle":
        getattr(client.Conference("conf-1"), name)(*args)
    else:
        getattr(client.Conference, name)("conf-1", *args)
    assert json.loads(mocked.calls[0].request.body) == sent


def test_add_member_returns_the_member_id(mocked, client):
    mocked.add(responses.POST, f"{CONF}/members", status=201,
               headers={"Location": f"{CONF}/members/member-1"})
    assert client.Conference.create_member("conf-1", "c-1", join_tone=False) == "member-1"
    assert json.loads(mocked.calls[0].request.body) == {"callId": "c-1", "joinTone": False}
    with pytest.raises(catapult.InvalidOptionError, match="call_id"):
        client.Conference("conf-1").add_member({"mute": True})


@pytest.fixture
def receiver():
    seen: list[catapult.Event] = []
    app = catapult.CallbackApp()
    app.on_any(seen.append)
    server = make_server(app)
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/conf", seen
    server.shutdown()
    server.server_close()


def test_a_conference_in_the_sandbox_from_creation_to_completion(receiver):
    url, seen = receiver
    with Sandbox(clock="manual") as sandbox, sandbox.client() as api:
        conference = api.Conference.create(from_="+19195551212", callback_url=url, tag="t")
        calls = [api.Call.create(from_="+19195551212", to=f"+1919555100{n}",
                                 conference_id=conference.id) for n in range(2)]
        for call in calls:
            sandbox.answer(call.id)
        members = [conference.add_member(call.id) for call in calls]
        assert conference.refresh().state == "active"
        assert conference.refresh().active_members == 2
        conference.speak_sentence("Welcome to the conference")
        assert [h.text for h in sandbox.heard(calls[1].id)] == ["Welcome to the conference"]
        conference.speak_sentence_to_member(members[0], "Only you hear this")
        assert len(sandbox.heard(calls[0].id)) == 2 and len(sandbox.heard(calls[1].id)) == 1
        conference.mute_member(members[1])
        assert api.Conference.get_member(conference.id, members[1]).mute is True
        calls[0].hang_up()
        conference.remove_member(members[1])
        assert conference.refresh().state == "completed"
        assert [m.state for m in conference.get_members()] == ["completed", "completed"]
        with pytest.raises(catapult.ForbiddenError, match="conference-error"):
            conference.speak_sentence("too late")
        assert sandbox.settle(5)
    kinds = [(e.event_type, e.get("status") or e.get("state")) for e in seen]
    assert kinds == [("conference", "created"), ("conference-member", "active"),
                     ("conference-member", "active"), ("conference-speak", "started"),
                     ("conference-speak", "done"), ("conference-member", "active"),
                     ("conference-member", "completed"), ("conference-member", "completed"),
                     ("conference", "completed")]
    assert isinstance(seen[1], catapult.ConferenceMemberEvent) and seen[0].tag == "t"


def test_conference_errors_are_the_apis():
    with Sandbox(clock="manual") as sandbox, sandbox.client() as api:
        conference = api.Conference.create(from_="+19195551212")
        stranger = api.Call.create(from_="+19195551212", to="+19195551000")
        sandbox.answer(stranger.id)
        with pytest.raises(catapult.ForbiddenError, match="invalid-call-conference-id"):
            conference.add_member(stranger.id)
        with pytest.raises(catapult.NotFoundError, match="conference-not-found"):
            api.Conference.get("conf-nope")
        with pytest.raises(catapult.NotFoundError, match="conference-member-not-found"):
            conference.get_member("member-nope")
        conference.complete()
        assert conference.refresh().state == "completed"
