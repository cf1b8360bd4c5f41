"""Every Call and Gather method of the official Ruby, node and C# SDKs, both ways (on a
handle and id-first on client.Call), in each argument shape their docs use."""

from __future__ import annotations

import inspect
import json
import re

import pytest
import responses

import catapult
from catapult.resources.call import CallCollection

from ..support import BASE, ROOT

CALL = f"{ROOT}/calls/c-1"

# (method, args, kwargs) -> (HTTP method, path under the user root, exact JSON body)
WRITES = [
    ("answer", (), {}, "calls/c-1", {"state": "active"}),
    ("answer_on_incoming", (), {}, "calls/c-1", {"state": "active"}),
    ("reject", (), {}, "calls/c-1", {"state": "rejected"}),
    ("reject_incoming", (), {}, "calls/c-1", {"state": "rejected"}),
    ("hang_up", (), {}, "calls/c-1", {"state": "completed"}),
    ("hangup", (), {}, "calls/c-1", {"state": "completed"}),
    ("enable_recording", (), {}, "calls/c-1", {"recordingEnabled": True}),
    ("recording_on", (), {}, "calls/c-1", {"recordingEnabled": True}),
    ("disable_recording", (), {}, "calls/c-1", {"recordingEnabled": False}),
    ("recording_off", (), {}, "calls/c-1", {"recordingEnabled": False}),
    ("set_recording", (False,), {}, "calls/c-1", {"recordingEnabled": False}),
    ("turn_call_recording", (True,), {}, "calls/c-1", {"recordingEnabled": True}),
    ("set_max_recording_duration", (90,), {}, "calls/c-1", {"recordingMaxDuration": 90}),
    ("update", ({"transcriptionEnabled": True, "recordingEnabled": True},), {}, "calls/c-1",
     {"transcriptionEnabled": True, "recordingEnabled": True}),
    ("update", (), {"transcription_enabled": True, "callback_url": "https://e.example/cb"},
     "calls/c-1", {"transcriptionEnabled": True, "callbackUrl": "https://e.example/cb"}),
    ("speak_sentence", ("Hello", "greeting"), {}, "calls/c-1/audio",
     {"sentence": "Hello", "tag": "greeting"}),
    ("speak_sentence", ("Hello", "t", "male", "paul"), {}, "calls/c-1/audio",
     {"sentence": "Hello", "tag": "t", "gender": "male", "voice": "paul"}),
    ("speak_sentence", ("Hi",), {"locale": "en_US"}, "calls/c-1/audio",
     {"sentence": "Hi", "locale": "en_US"}),
    ("play_audio_file", ("https://e.example/a.wav",), {}, "calls/c-1/audio",
     {"fileUrl": "https://e.example/a.wav"}),
    ("play_recording", ("https://e.example/a.wav", "t"), {}, "calls/c-1/audio",
     {"fileUrl": "https://e.example/a.wav", "tag": "t"}),
    ("play_audio", ({"sentence": "Hi", "voice": "kate"},), {}, "calls/c-1/audio",
     {"sentence": "Hi", "voice": "kate"}),
    ("play_audio_advanced", ({"fileUrl": "https://e.example/a.mp3", "loopEnabled": True},), {},
     "calls/c-1/audio", {"fileUrl": "https://e.example/a.mp3", "loopEnabled": True}),
    ("stop_speaking", (), {}, "calls/c-1/audio", {"sentence": ""}),
    ("stop_audio_file", (), {}, "calls/c-1/audio", {"fileUrl": ""}),
    ("stop_audio_file_playback", (), {}, "calls/c-1/audio", {"fileUrl": ""}),
    ("send_dtmf", ("12#",), {}, "calls/c-1/dtmf", {"dtmfOut": "12#"}),
    ("set_dtmf", ("0",), {}, "calls/c-1/dtmf", {"dtmfOut": "0"}),
    ("update_gather", ("gtr-1", {"state": "completed"}), {}, "calls/c-1/gather/gtr-1",
     {"state": "completed"}),
    ("update_gather", ("gtr-1",), {"state": "completed"}, "calls/c-1/gather/gtr-1",
     {"state": "completed"}),
    ("update_gather", ("gtr-1",), {}, "calls/c-1/gather/gtr-1", {"state": "completed"}),
    ("stop_gather", ("gtr-1",), {}, "calls/c-1/gather/gtr-1", {"state": "completed"}),
    ("complete_gather", ("gtr-1",), {}, "calls/c-1/gather/gtr-1", {"state": "completed"}),
]


@pytest.mark.parametrize("way", ["handle", "id-first"])
@pytest.mark.parametrize("name, args, kwargs, path, body", WRITES,
                         ids=[f"{w[0]}{i}" for i, w in enumerate(WRITES)])
def test_each_write_sends_its_request_both_ways(mocked, client, way, name, args, kwargs,
                                                 path, body):
    mocked.add(responses.POST, f"{ROOT}/{path}")
    if way == "handle":
        returned = getattr(client.Call("c-1"), name)(*args, **kwargs)
    else:
        returned = getattr(client.Call, name)("c-1", *args, **kwargs)
    assert returned is None
    [sent] = mocked.calls
    assert sent.request.method == "POST"
    assert json.loads(sent.request.body) == body
    assert list(json.loads(sent.request.body)) == list(body)  # in the order given


READS = [
    ("refresh", (), "calls/c-1", {"id": "c-1", "state": "active"}, catapult.Call),
    ("reload", (), "calls/c-1", {"id": "c-1", "state": "active"}, catapult.Call),
    ("get_event", ("ce-1",), "calls/c-1/events/ce-1",
     {"id": "ce-1", "time": 1419032854964, "name": "hangup", "data": ""}, catapult.CallLogEvent),
    ("get_gather", ("gtr-1",), "calls/c-1/gather/gtr-1",
     {"id": "gtr-1", "state": "completed", "digits": "5"}, catapult.Gather),
]


@pytest.mark.parametrize("way", ["handle", "id-first"])
@pytest.mark.parametrize("name, args, path, payload, kind", READS)
def test_each_read_returns_its_model_both_ways(mocked, client, way, name, args, path, payload,
                                               kind):
    mocked.add(responses.GET, f"{ROOT}/{path}", json=payload)
    target = client.Call("c-1") if way == "handle" else client.Call
    found = getattr(target, name)(*args) if way == "handle" else getattr(target, name)(
        "c-1", *args)
    assert isinstance(found, kind)
    assert found.id == payload["id"]


def test_get_event_reads_epoch_millisecond_times(mocked, client):
    mocked.add(responses.GET, f"{CALL}/events/ce-1",
               json={"id": "ce-1", "time": 1419032854964, "name": "hangup", "data": ""})
    event = client.Call.get_event("c-1", "ce-1")
    assert (event.name, event.time.year, event.data) == ("hangup", 2014, "")


@pytest.mark.parametrize("name, path, payload, kind", [
    ("get_recordings", "recordings",
     [{"id": "rec-1", "state": "complete", "call": f"{CALL}",
       "media": f"{ROOT}/media/c-1-1.wav", "startTime": "2013-02-08T13:15:47.587Z",
       "endTime": "2013-02-08T13:17:12.181Z"}], catapult.Recording),
    ("get_transcriptions", "transcriptions",
     [{"id": "tr-1", "state": "completed", "text": "Hey there", "textSize": 9,
       "textUrl": f"{ROOT}/media/tr-1", "time": "2014-12-23T23:08:59Z",
       "chargeableDuration": 11}], catapult.Transcription),
    ("get_events", "events", [{"id": "ce-1", "time": "2012-09-19T13:55:41.343Z",
                               "name": "create"}], catapult.CallLogEvent),
])
def test_lists_of_a_call_are_typed(mocked, client, name, path, payload, kind):
    mocked.add(responses.GET, f"{CALL}/{path}", json=payload)
    mocked.add(responses.GET, f"{CALL}/{path}", json=payload)
    for found in (getattr(client.Call("c-1"), name)(), getattr(client.Call, name)("c-1")):
        assert [type(item) for item in found] == [kind]
        assert found[0].id == payload[0]["id"]


def test_a_recording_knows_its_call_and_media_name(mocked, client):
    mocked.add(responses.GET, f"{CALL}/recordings",
               json=[{"id": "rec-1", "call": CALL, "media": f"{ROOT}/media/c-1-2.mp3",
                      "state": "saving"}])
    [recording] = client.Call("c-1").get_recordings()
    assert (recording.call_id, recording.media_name, recording["state"]) == (
        "c-1", "c-1-2.mp3", "saving")


@pytest.mark.parametrize("args, kwargs, body", [
    (("+19195551000",), {}, {"state": "transferring", "transferTo": "+19195551000"}),
    (("+19195551000", "private", {"sentence": "Transferring"}, "https://e.example/new"), {},
     {"state": "transferring", "transferTo": "+19195551000", "transferCallerId": "private",
      "whisperAudio": {"sentence": "Transferring"}, "callbackUrl": "https://e.example/new"}),
    (({"transferTo": "+19195551000", "transferCallerId": "+19195551212"},), {},
     {"state": "transferring", "transferTo": "+19195551000",
      "transferCallerId": "+19195551212"}),
    (("+19195551000",), {"diversion_treatment": "stack", "diversion_reason": "user-busy"},
     {"state": "transferring", "transferTo": "+19195551000", "diversionTreatment": "stack",
      "diversionReason": "user-busy"}),
])
@pytest.mark.parametrize("way", ["handle", "id-first"])
def test_transfer_in_each_official_shape_returns_the_new_call(mocked, client, way, args,
                                                              kwargs, body):
    mocked.add(responses.POST, CALL, status=201,
               headers={"Location": "/v1/users/u-user/calls/c-new"})
    new = (client.Call("c-1").transfer(*args, **kwargs) if way == "handle"
           else client.Call.transfer("c-1", *args, **kwargs))
    assert new.id == "c-new"
    assert json.loads(mocked.calls[0].request.body) == body


def test_a_state_given_twice_in_a_transfer_is_refused(mocked, client):
    with pytest.raises(catapult.InvalidOptionError, match="given twice"):
        client.Call("c-1").transfer({"transferTo": "+19195551000", "state": "active"})
    assert len(mocked.calls) == 0


def test_list_takes_the_query_as_a_dict_and_stops_at_the_limit(mocked, client):
    page = [{"id": f"c-{n}"} for n in range(3)]
    mocked.add(responses.GET, f"{ROOT}/calls", json=page,
               match=[responses.matchers.query_param_matcher({"page": "1", "size": "3"})],
               headers={"Link": f'<{ROOT}/calls?page=2&size=3>; rel="next"'})
    mocked.add(responses.GET, f"{ROOT}/calls", json=page,
               match=[responses.matchers.query_param_matcher({"page": "2", "size": "3"})])
    assert [c.id for c in client.Call.list({"page": 1, "size": 3}, limit=4)] == [
        "c-0", "c-1", "c-2", "c-0"]
    assert len(mocked.calls) == 2


def test_list_with_a_limit_reached_on_the_first_page_fetches_no_other(client):
    with responses.RequestsMock() as mock:
        mock.add(responses.GET, f"{ROOT}/calls", json=[{"id": "c-1"}, {"id": "c-2"}],
                 headers={"Link": f'<{ROOT}/calls?page=1>; rel="next"'})
        assert [c.id for c in client.Call.list(limit=2)] == ["c-1", "c-2"]
        assert len(mock.calls) == 1
        assert list(client.Call.list(limit=0)) == []
        assert len(mock.calls) == 1


@pytest.mark.parametrize("limit", [-1, 1.5, "2", True])
def test_a_bad_limit_is_refused(client, limit):
    with pytest.raises(catapult.InvalidOptionError, match="limit"):
        list(client.Call.list(limit=limit))


def test_a_did_you_mean_never_suggests_an_option_already_given(mocked, client):
    with pytest.raises(catapult.InvalidOptionError) as caught:
        client.Call("c-1").update(recording_enabled=True, recordingEnable=False)
    assert "did you mean recordingEnabled" not in str(caught.value)
    assert "did you mean recording_enabled" not in str(caught.value)
    with pytest.raises(catapult.InvalidOptionError, match="did you mean recordingEnabled"):
        client.Call("c-1").update(recordingEnable=False)
    assert len(mocked.calls) == 0


def test_models_read_like_the_official_sdks_responses(mocked, client):
    mocked.add(responses.GET, f"{CALL}/gather/gtr-1",
               json={"id": "gtr-1", "digits": "25", "createdTime": "2014-07-31T01:01:20Z",
                     "call": CALL, "extra": 1})
    mocked.add(responses.GET, CALL, json={"id": "c-1", "from": "+19195551212"})
    gather = client.Call("c-1").get_gather("gtr-1")
    assert gather["digits"] == "25" and gather["id"] == "gtr-1"
    assert gather["createdTime"] == gather["created_time"] == gather.created_time
    assert gather["extra"] == 1 and gather.get("missing") is None
    call = client.Call.get("c-1")
    assert call["id"] == "c-1" and call["from"] == call["from_"] == "+19195551212"
    with pytest.raises(KeyError):
        call["nope"]
    event = catapult.parse_event({"eventType": "gather", "gatherId": "g-1", "digits": "1"})
    assert event["gatherId"] == event["gather_id"] == "g-1"
    with pytest.raises(attrs_frozen_error()):
        call.id = "c-2"  # type: ignore[misc]


def attrs_frozen_error() -> type[Exception]:
    import attrs
    return attrs.exceptions.FrozenInstanceError


# -- the escape hatch ---------------------------------------------------------------------------


def test_request_reaches_an_unwrapped_endpoint_under_the_user_root(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/account", json={"balance": "1.00"},
               match=[responses.matchers.header_matcher({"Accept": "application/json"})])
    result = client.request("GET", "account")
    assert (result.status, result.data, result.location_id) == (200, {"balance": "1.00"}, None)
    assert mocked.calls[0].request.headers["Authorization"].startswith("Basic ")


def test_request_reaches_an_endpoint_outside_the_user_root(mocked, client):
    mocked.add(responses.GET, f"{BASE}/v1/availableNumbers/local", json=[],
               match=[responses.matchers.query_param_matcher({"city": "Cary", "state": "NC"})])
    assert client.request("GET", "/v1/availableNumbers/local",
                          params={"city": "Cary", "state": "NC"}).data == []


def test_request_posts_a_body_as_given_and_returns_the_location_id(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/messages", status=201,
               headers={"Location": f"{ROOT}/messages/m-1"})
    result = client.request("post", "messages", body={"from": "+1", "to": "+2", "text": "hi"})
    assert (result.status, result.location_id) == (201, "m-1")
    assert mocked.calls[0].request.body == b'{"from":"+1","to":"+2","text":"hi"}'


def test_request_errors_are_the_usual_exceptions(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/domains/d-9", status=404,
               json={"code": "domain-not-found", "message": "no such domain"})
    with pytest.raises(catapult.NotFoundError, match="domain-not-found"):
        client.request("GET", "domains/d-9")


@pytest.mark.parametrize("method, path", [
    ("GET", "../v2/x"), ("GET", "calls/../account"), ("GET", "/v2/users"), ("GET", ""),
    ("GET", "calls?page=1"), ("GET", "calls#x"), ("GET", "calls//c-1"), ("FOO", "account"),
    ("GET", "./account"), (None, "account"),
])
def test_request_refuses_a_path_or_method_that_could_go_astray(mocked, client, method, path):
    with pytest.raises(catapult.InvalidOptionError):
        client.request(method, path)
    assert len(mocked.calls) == 0


# -- the official tables, name by name ------------------------------------------------------------

RUBY = ["update", "play_audio", "speak_sentence", "play_recording", "set_dtmf", "create_gather",
        "get_gather", "update_gather", "get_event", "get_events", "get_recordings", "hangup",
        "answer_on_incoming", "reject_incoming", "recording_on", "recording_off", "reload",
        "__getitem__"]
NODE = ["update", "answer", "reject", "hangup", "transfer", "speak_sentence", "play_audio_file",
        "play_audio_advanced", "stop_speaking", "stop_audio_file_playback", "enable_recording",
        "disable_recording", "set_max_recording_duration", "get_events", "get_event",
        "get_recordings", "get_transcriptions", "send_dtmf", "create_gather", "get_gather",
        "complete_gather"]
CSHARP = ["update", "send_dtmf", "get_events", "get_event", "get_recordings",
          "get_transcriptions", "play_audio", "create_gather", "get_gather", "update_gather",
          "answer", "reject", "hangup", "turn_call_recording", "transfer", "speak_sentence",
          "play_audio_file"]


@pytest.mark.parametrize("name", sorted(set(RUBY + NODE + CSHARP)))
def test_every_official_call_method_has_a_counterpart_both_ways(client, name):
    assert callable(getattr(client.Call("c-1"), name))
    if name != "__getitem__":
        assert callable(getattr(client.Call, name))


@pytest.mark.parametrize("name", ["create", "get", "list"])
def test_the_class_level_methods_are_on_the_collection(client, name):
    assert callable(getattr(client.Call, name))


def test_aliases_are_the_same_function_not_a_copy():
    call = catapult.Call
    for alias, canonical in [("hangup", "hang_up"), ("complete_gather", "stop_gather"),
                             ("recording_on", "enable_recording"), ("set_dtmf", "send_dtmf"),
                             ("play_audio_advanced", "play_audio"), ("reload", "refresh")]:
        assert getattr(call, alias) is getattr(call, canonical)
        assert CallCollection.__dict__[alias] is \
            CallCollection.__dict__[canonical]


def test_id_first_methods_show_their_signature_and_docs(client):
    signature = inspect.signature(client.Call.speak_sentence)
    assert list(signature.parameters)[:3] == ["call_id", "sentence", "tag"]
    assert "client.Call(call_id).speak_sentence" in client.Call.speak_sentence.__doc__
    assert "Ruby's shape" in client.Call.speak_sentence.__doc__
    assert re.search(r"hang_up\(call_id", str(inspect.signature(
        CallCollection.hang_up)).replace("self, ", "hang_up("))


def test_an_id_first_call_checks_the_id_before_sending(mocked, client):
    with pytest.raises(catapult.InvalidOptionError, match="call_id"):
        client.Call.hang_up("..")
    assert len(mocked.calls) == 0
