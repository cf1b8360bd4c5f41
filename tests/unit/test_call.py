"""The Call resource and the gather lifecycle on the wire."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import responses

import catapult

from ..support import ROOT

UTC = dt.timezone.utc
GATHER = {
    "id": "gtr-1", "state": "completed", "reason": "max-digits",
    "createdTime": "2014-02-12T19:33:56Z", "completedTime": "2014-02-12T19:33:59Z",
    "call": "https://api.catapult.inetwork.com/v1/users/u-user/calls/c-1", "digits": "123",
}
CALL = {
    "activeTime": "2014-12-19T19:13:20Z", "callbackUrl": "https://example.com",
    "chargeableDuration": 60, "direction": "out", "endTime": "2014-12-19T19:13:22Z",
    "from": "+19195551212", "id": "c-1", "recordingEnabled": False,
    "startTime": "2014-12-19T19:13:09Z", "state": "completed", "to": "+19195551213",
    "sipHeaders": {"X-header": "value", "X-Custom-ID": "7"}, "brandNewField": 1,
}


def body_of(mocked, index=0):
    return json.loads(mocked.calls[index].request.body)


def test_handle_makes_no_request(mocked, client):
    call = client.Call("c-1")
    assert call.id == "c-1"
    assert repr(call) == "Call(id='c-1')"
    assert len(mocked.calls) == 0


@pytest.mark.parametrize("bad", ["", ".", "..", None, 5])
def test_handle_needs_an_id(client, bad):
    with pytest.raises(catapult.InvalidOptionError, match="call_id must be a non-empty string"):
        client.Call(bad)


def test_get_call_parses_fields(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/calls/c-1", json=CALL)
    call = client.Call.get("c-1")
    assert call.from_ == "+19195551212" and call.to == "+19195551213"
    assert call.state is catapult.CallState.COMPLETED
    assert call.start_time == dt.datetime(2014, 12, 19, 19, 13, 9, tzinfo=UTC)
    assert call.chargeable_duration == 60
    assert call.sip_headers == {"X-header": "value", "X-Custom-ID": "7"}
    assert call.raw["brandNewField"] == 1
    assert "brandNewField" not in repr(call)


def test_unknown_call_state_stays_a_string(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/calls/c-1", json={"id": "c-1", "state": "error"})
    assert client.Call.get("c-1").state == "error"


def test_create_call_posts_and_takes_id_from_location_without_get(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/calls", status=201,
               headers={"Location": "/v1/users/u-user/calls/c-new"})
    call = client.Call.create(from_="+19195551212", to="+19195551213",
                              callback_url="https://cb.example/events", call_timeout=30,
                              sip_headers={"X-Custom-ID": "a"}, recording_enabled=False)
    assert body_of(mocked) == {"from": "+19195551212", "to": "+19195551213",
                               "callbackUrl": "https://cb.example/events", "callTimeout": 30,
                               "sipHeaders": {"X-Custom-ID": "a"}, "recordingEnabled": False}
    assert (call.id, call.from_, call.callback_url) == ("c-new", "+19195551212",
                                                        "https://cb.example/events")
    assert len(mocked.calls) == 1


def test_create_call_accepts_a_js_style_dict(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/calls", status=201, headers={"Location": "/x/calls/c-2"})
    client.Call.create({"from": "+19195551212", "to": "sip:someone@example.com",
                        "callbackHttpMethod": "GET"})
    assert body_of(mocked) == {"from": "+19195551212", "to": "sip:someone@example.com",
                               "callbackHttpMethod": "GET"}


@pytest.mark.parametrize("options, needle", [
    ({"to": "+19195551213"}, "from_ is required"),
    ({"from_": "+19195551212"}, "to is required"),
    ({"from_": "9195551212", "to": "+19195551213"}, "from_ must be an E.164 number"),
    ({"from_": "+19195551212", "to": "+19195551213", "call_timeout": 301}, "call_timeout"),
    ({"from_": "+19195551212", "to": "+19195551213", "callback_timeout": 10001},
     "from 1 to 10000"),
    ({"from_": "+19195551212", "to": "+19195551213", "callback_http_method": "PUT"}, "'GET'"),
    ({"from_": "+19195551212", "to": "+19195551213", "callback_url": "cb"},
     "an absolute http(s) URL"),
    ({"from_": "+19195551212", "to": "+19195551213", "recording_file_format": "ogg"}, "'mp3'"),
    ({"from_": "+19195551212", "to": "+19195551213", "sip_headers": {"Y-No": "1"}}, "'X-'"),
    ({"from_": "+19195551212", "to": "+19195551213",
      "sip_headers": {f"X-{i}": "v" for i in range(6)}}, "at most 5 headers"),
    ({"from_": "+19195551212", "to": "+19195551213", "calback_url": "x"},
     "did you mean callback_url?"),
    ({"from": "+19195551212", "from_": "+19195551212", "to": "+19195551213"}, "given twice"),
])
def test_bad_call_options_raise_and_send_nothing(mocked, client, options, needle):
    with pytest.raises(catapult.InvalidOptionError) as caught:
        client.Call.create(options)
    assert needle in str(caught.value)
    assert len(mocked.calls) == 0


def test_get_gather_parses_the_documented_object(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/calls/c-1/gather/gtr-1", json=GATHER)
    gather = client.Call("c-1").get_gather("gtr-1")
    assert gather.id == "gtr-1" and gather.call_id == "c-1"
    assert gather.state is catapult.GatherState.COMPLETED and gather.completed
    assert gather.reason is catapult.GatherReason.MAX_DIGITS
    assert gather.reason == "max-digits"
    assert gather.digits == "123"
    assert gather.created_time == dt.datetime(2014, 2, 12, 19, 33, 56, tzinfo=UTC)
    assert gather.completed_time == dt.datetime(2014, 2, 12, 19, 33, 59, tzinfo=UTC)
    assert gather.call_url == GATHER["call"]
    assert gather.raw == GATHER


def test_gather_tolerates_unknown_values_and_missing_fields(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/calls/c-1/gather/gtr-2",
               json={"id": "gtr-2", "state": "paused", "reason": "cosmic-ray", "extra": 1})
    gather = client.Call.get_gather("c-1", "gtr-2")
    assert gather.state == "paused" and gather.reason == "cosmic-ray"
    assert gather.digits is None and gather.created_time is None and not gather.completed


def test_gather_refresh_returns_a_new_snapshot(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/calls/c-1/gather", status=201,
               headers={"Location": "/v1/users/u-user/calls/c-1/gather/gtr-1"})
    mocked.add(responses.GET, f"{ROOT}/calls/c-1/gather/gtr-1", json=GATHER)
    gather = client.Call("c-1").create_gather(max_digits=3)
    assert gather.state is None
    fresh = gather.refresh()
    assert fresh is not gather and fresh.digits == "123" and gather.digits is None
    assert [c.request.method for c in mocked.calls] == ["POST", "GET"]


def test_gather_stop_posts_state_completed(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/calls/c-1/gather/gtr-1", json=GATHER)
    mocked.add(responses.POST, f"{ROOT}/calls/c-1/gather/gtr-1", status=200)
    assert client.Call("c-1").get_gather("gtr-1").stop() is None
    assert mocked.calls[1].request.body == b'{"state":"completed"}'


@pytest.mark.parametrize("how", ["call", "collection", "stop_gather"])
def test_update_gather_posts_state_completed(mocked, client, how):
    mocked.add(responses.POST, f"{ROOT}/calls/c-1/gather/gtr-1", status=201, body="")
    if how == "call":
        client.Call("c-1").update_gather("gtr-1", state="completed")
    elif how == "collection":
        client.Call.update_gather("c-1", "gtr-1", state="completed")
    else:
        client.Call("c-1").stop_gather("gtr-1")
    assert body_of(mocked) == {"state": "completed"}


def test_update_gather_allows_only_completed(mocked, client):
    with pytest.raises(catapult.InvalidOptionError, match="one of 'completed'"):
        client.Call("c-1").update_gather("gtr-1", state="started")
    assert len(mocked.calls) == 0


def test_gather_built_without_a_call_cannot_refresh():
    gather = catapult.Gather.from_api(GATHER)
    assert gather.call_id == "c-1"
    with pytest.raises(catapult.CatapultError, match="not bound"):
        gather.refresh()


def test_conflict_when_a_gather_is_running(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/calls/c-1/gather", status=409, json={
        "category": "conflict", "code": "call-duplicate-gather-error",
        "message": "DTMF digits are already being gathered for call c-1"})
    with pytest.raises(catapult.ConflictError) as caught:
        client.Call("c-1").create_gather(max_digits=1)
    assert caught.value.code == "call-duplicate-gather-error"


@pytest.mark.parametrize("bad", ["", ".", "..", None, 7])
@pytest.mark.parametrize("action", [
    lambda call, gather_id: call.get_gather(gather_id),
    lambda call, gather_id: call.update_gather(gather_id),
    lambda call, gather_id: call.stop_gather(gather_id),
])
def test_a_dot_or_empty_gather_id_is_refused_before_sending(mocked, client, action, bad):
    # "..": requests would drop the dot segment and POST {"state":"completed"} to the call
    with pytest.raises(catapult.InvalidOptionError, match="gather_id must be a non-empty string"):
        action(client.Call("c-1"), bad)
    assert len(mocked.calls) == 0


def test_a_bound_call_with_a_dot_id_sends_nothing(mocked, client):
    call = catapult.Call.from_api({"id": ".."}, transport=client._transport)
    with pytest.raises(catapult.InvalidOptionError, match="call_id"):
        call.hang_up()
    assert len(mocked.calls) == 0


@pytest.mark.parametrize("location", ["/v1/users/u-user/calls/", "/v1/users/u-user/calls/.."])
def test_transfer_refuses_a_location_without_an_id(mocked, client, location):
    mocked.add(responses.POST, f"{ROOT}/calls/c-1", status=201, headers={"Location": location})
    with pytest.raises(catapult.ProtocolError, match="does not end in an id"):
        client.Call("c-1").transfer("+19195551000")


@pytest.mark.parametrize("call_id, gather_id, path", [
    ("c/1", "g?2", "calls/c%2F1/gather/g%3F2"),
    ("c#1", "a/..", "calls/c%231/gather/a%2F.."),
    ("...", "%2E%2E", "calls/.../gather/%252E%252E"),
    ("c 1", "g\u00e9", "calls/c%201/gather/g%C3%A9"),
])
def test_odd_ids_stay_inside_their_segment(mocked, client, call_id, gather_id, path):
    mocked.add(responses.GET, f"{ROOT}/{path}", json={"id": "g"})
    client.Call(call_id).get_gather(gather_id)
    assert mocked.calls[0].request.path_url == f"/v1/users/u-user/{path}"


def test_ids_are_escaped_in_paths(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/calls/c%2F1/gather/g%3F2", json={"id": "g?2"})
    assert client.Call("c/1").get_gather("g?2").id == "g?2"


def test_update_answer_reject_hang_up(mocked, client):
    for _ in range(4):
        mocked.add(responses.POST, f"{ROOT}/calls/c-1", status=200)
    call = client.Call("c-1")
    call.answer()
    call.reject()
    call.hang_up()
    assert call.update(recording_enabled=False) is None
    assert [body_of(mocked, i) for i in range(4)] == [
        {"state": "active"}, {"state": "rejected"}, {"state": "completed"},
        {"recordingEnabled": False}]


def test_transfer_returns_the_new_call(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/calls/c-1", status=201,
               headers={"Location": "/v1/users/u-user/calls/c-new"})
    new = client.Call("c-1").transfer("+19195551299", whisper_audio={"sentence": "Hi"},
                                      transfer_caller_id="private")
    assert new.id == "c-new"
    assert body_of(mocked) == {"state": "transferring", "transferTo": "+19195551299",
                               "whisperAudio": {"sentence": "Hi"}, "transferCallerId": "private"}


def test_transfer_reads_a_lowercase_location_header(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/calls/c-1", status=201,
               headers={"location": "/v1/users/u-user/calls/c-new"})
    assert client.Call("c-1").transfer("+19195551299").id == "c-new"


def test_transfer_without_location_is_protocol_error(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/calls/c-1", status=200)
    with pytest.raises(catapult.ProtocolError):
        client.Call("c-1").transfer("+19195551299")


def test_audio_and_dtmf(mocked, client):
    for path in ("audio", "audio", "audio", "audio", "dtmf"):
        mocked.add(responses.POST, f"{ROOT}/calls/c-1/{path}", status=200)
    call = client.Call("c-1")
    call.speak_sentence("Hello", voice="julie", volume=-2)
    call.play_audio_file("https://x/a.mp3", loop_enabled=True)
    call.stop_speaking()
    call.stop_audio_file()
    call.send_dtmf("1WWW,59#")
    assert [body_of(mocked, i) for i in range(5)] == [
        {"sentence": "Hello", "voice": "julie", "volume": -2},
        {"fileUrl": "https://x/a.mp3", "loopEnabled": True},
        {"sentence": ""}, {"fileUrl": ""}, {"dtmfOut": "1WWW,59#"}]


@pytest.mark.parametrize("call_it, needle", [
    (lambda c: c.send_dtmf("12x"), "dtmf option dtmf_out must be"),
    (lambda c: c.send_dtmf("1" * 93), "dtmf_out must be"),
    (lambda c: c.play_audio(volume=5), "volume must be a whole number from -4 to 4"),
    (lambda c: c.play_audio(sentence="x" * 1001), "at most 1000"),
    (lambda c: c.update(state="ringing"), "state must be one of"),
])
def test_bad_audio_dtmf_update_send_nothing(mocked, client, call_it, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        call_it(client.Call("c-1"))
    assert len(mocked.calls) == 0


def test_get_events_parses_epoch_millis(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/calls/c-1/events", json=[
        {"id": "ce-1", "time": 1419032854964, "name": "hangup", "data": ""},
        {"id": "ce-2", "time": "2014-12-19T19:13:09Z", "name": "create"}])
    events = client.Call("c-1").get_events()
    assert [e.name for e in events] == ["hangup", "create"]
    assert events[0].time == dt.datetime(2014, 12, 19, 23, 47, 34, 964000, tzinfo=UTC)


def test_list_passes_query_in_wire_names(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/calls", json=[])
    assert list(client.Call.list(from_="+19195551212", sort_order="asc")) == []
    assert mocked.calls[0].request.url == f"{ROOT}/calls?from=%2B19195551212&sortOrder=asc"
