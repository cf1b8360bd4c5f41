"""Conferences and members on the wire: every method."""

from __future__ import annotations

import json

import pytest
import responses

import catapult

from ..support import ROOT

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
