"""The sandbox's API surface: calls, audio, DTMF, errors over plain HTTP, delivery, and the
control path."""

from __future__ import annotations

import base64
import threading
from typing import Iterator

import pytest
import requests

import catapult
from catapult.callbacks import make_server
from catapult.sandbox import Sandbox

from ..support import REPO

ROOT = REPO


FROM, TO = "+19195551212", "+19195551213"


# the plugin's own fixtures, with a clock these tests drive
pytestmark = pytest.mark.catapult_sandbox(clock="manual")


@pytest.fixture
def http(sandbox) -> Iterator[requests.Session]:
    with requests.Session() as session:
        session.auth = (sandbox.api_token, sandbox.api_secret)
        yield session


def api_url(sandbox, path: str) -> str:
    return f"{sandbox.base_url}/v1/users/{sandbox.user_id}/{path}"


class Receiver:
    """A CallbackApp on loopback that keeps what it receives, with the request headers."""

    def __init__(self, **options) -> None:
        self.events: list[catapult.Event] = []
        self.headers: list[dict[str, str]] = []
        self.app = catapult.CallbackApp(**options)
        self.app.on_any(self.events.append)

        def wsgi(environ, start_response):
            self.headers.append({k: v for k, v in environ.items() if k.startswith("HTTP_")})
            return self.app(environ, start_response)

        self.server = make_server(wsgi)
        self.url = f"http://127.0.0.1:{self.server.server_port}/events"
        threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    instance = Receiver()
    yield instance
    instance.close()


def test_wrong_credentials_are_401_with_the_api_body(sandbox):
    with catapult.Client(sandbox.user_id, "t-wrong", "nope", base_url=sandbox.base_url) as bad, \
            pytest.raises(catapult.AuthenticationError) as caught:
        bad.Call.get("c-1")
    assert caught.value.category == "authentication"
    assert caught.value.details["requestMethod"] == "GET"


def test_no_credentials_over_plain_http_is_401(sandbox):
    response = requests.get(api_url(sandbox, "calls"), timeout=5)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Basic")
    assert response.json()["code"] == "user-access-denied"


def test_another_users_path_is_403(sandbox):
    with catapult.Client("u-someone-else", sandbox.api_token, sandbox.api_secret,
                         base_url=sandbox.base_url) as other, \
            pytest.raises(catapult.ForbiddenError) as caught:
        other.Call.get("c-1")
    assert "u-someone-else" in caught.value.message


def test_unknown_path_is_404_and_wrong_method_405(sandbox, http):
    assert http.get(api_url(sandbox, "faxes"), timeout=5).status_code == 404
    response = http.delete(api_url(sandbox, "calls"), timeout=5)
    assert response.status_code == 405
    assert response.json()["code"] == "method-not-allowed"


@pytest.mark.parametrize("path, body, code, needle", [
    ("calls", {"to": TO}, "missing-property", "'from' is required but was not specified"),
    ("calls", {"from": FROM, "to": TO, "callTimeout": 301}, "validation-error", "callTimeout"),
    ("calls", {"from": FROM, "to": TO, "call_timeout": 30}, "validation-error",
     "'call_timeout' is not a known property"),
    ("calls", {"from": FROM, "to": TO, "sipHeaders": {"Y-1": "a"}}, "validation-error",
     "sipHeaders"),
])
def test_bad_call_bodies_are_400(sandbox, http, path, body, code, needle):
    response = http.post(api_url(sandbox, path), json=body, timeout=5)
    assert response.status_code == 400
    error = response.json()
    assert (error["category"], error["code"]) == ("bad-request", code)
    assert needle in error["message"]
    assert {"name": "requestMethod", "value": "POST"} in error["details"]


@pytest.mark.parametrize("body, needle", [
    ({"maxDigits": 31}, "'maxDigits' must be a whole number from 1 to 30"),
    ({"maxDigits": "0"}, "maxDigits"),
    ({"interDigitTimeout": 31}, "interDigitTimeout"),
    ({"terminatingDigits": ""}, "terminatingDigits"),
    ({"max_digits": 5}, "'max_digits' is not a known property"),
    ({"prompt": {"sentence": "x" * 1001}}, "'prompt.sentence' must be"),
    ({"prompt": {"gender": "robot"}}, "'prompt.gender'"),
    ({"prompt": "hi"}, "'prompt' must be an object"),
])
def test_bad_gather_bodies_are_400(sandbox, client, http, body, needle):
    call = client.Call.create(from_=FROM, to=TO)
    sandbox.answer(call.id)
    response = http.post(api_url(sandbox, f"calls/{call.id}/gather"), json=body, timeout=5)
    assert response.status_code == 400
    assert response.json()["code"] == "validation-error"
    assert needle in response.json()["message"]


@pytest.mark.parametrize("raw", [b"{not json", b"[1]"])
def test_a_body_that_is_not_a_json_object_is_400(sandbox, http, raw):
    response = http.post(api_url(sandbox, "calls"), data=raw, timeout=5)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid-json"


def test_create_call_answers_201_with_a_relative_location(sandbox, http):
    response = http.post(api_url(sandbox, "calls"), json={"from": FROM, "to": TO}, timeout=5)
    assert response.status_code == 201
    location = response.headers["Location"]
    assert location.startswith(f"/v1/users/{sandbox.user_id}/calls/c-")
    assert response.content == b""
    call = http.get(sandbox.base_url + location, timeout=5)
    assert call.headers["Content-Type"] == "application/json;charset=UTF-8"
    assert call.json()["state"] == "started"


def test_get_call_through_the_sdk(sandbox, client):
    call = client.Call.create(from_=FROM, to=TO, tag="order-7", call_timeout=30,
                              sip_headers={"X-Custom-ID": "a"})
    sandbox.answer(call.id)
    fresh = call.refresh()
    assert (fresh.state, fresh.direction, fresh.from_, fresh.to, fresh.tag) == (
        catapult.CallState.ACTIVE, "out", FROM, TO, "order-7")
    assert fresh.sip_headers == {"X-Custom-ID": "a"}
    assert fresh.raw["callTimeout"] == 30
    assert fresh.start_time is not None and fresh.active_time is not None
    sandbox.advance(61)
    call.hang_up()
    ended = client.Call.get(call.id)
    assert ended.state == "completed" and ended.chargeable_duration == 61


def test_list_calls_follows_next_links(sandbox, client):
    ids = [client.Call.create(from_=FROM, to=TO).id for _ in range(5)]
    listed = [call.id for call in client.Call.list(size=2, sort_order="asc")]
    assert listed == ids
    pages = [r for r in sandbox.requests if r.path.endswith("/calls") and r.method == "GET"]
    assert [dict(p.query) for p in pages] == [
        {"size": "2", "sortOrder": "asc"}, {"page": "1", "size": "2", "sortOrder": "asc"},
        {"page": "2", "size": "2", "sortOrder": "asc"}]
    assert [c.id for c in client.Call.list(to=TO, size=1000)] == list(reversed(ids))


def test_an_unanswered_call_times_out(sandbox, client, receiver):
    call = client.Call.create(from_=FROM, to=TO, callback_url=receiver.url, call_timeout=30,
                              tag="t")
    sandbox.advance(30)
    sandbox.settle()
    assert [type(e) for e in receiver.events] == [catapult.TimeoutEvent]
    assert receiver.events[0].tag == "t"
    assert call.refresh().state == "completed"


def test_incoming_call_answered_by_the_application(sandbox, client, receiver):
    call_id = sandbox.incoming_call(FROM, TO, callback_url=receiver.url)
    sandbox.settle()
    incoming = receiver.events[0]
    assert isinstance(incoming, catapult.IncomingCallEvent)
    assert (incoming.call_id, incoming.from_, incoming.to) == (call_id, FROM, TO)
    client.Call(call_id).answer()
    sandbox.settle()
    assert isinstance(receiver.events[1], catapult.AnswerEvent)
    assert client.Call.get(call_id).direction == "in"


def test_incoming_call_rejected_is_a_rejected_hangup(sandbox, client, receiver):
    call_id = sandbox.incoming_call(FROM, TO, callback_url=receiver.url)
    client.Call(call_id).reject()
    sandbox.settle()
    hangup = receiver.events[-1]
    assert isinstance(hangup, catapult.HangupEvent) and hangup.rejected
    assert client.Call.get(call_id).state == "rejected"


@pytest.mark.parametrize("action", ["answer", "reject"])
def test_answering_or_rejecting_an_outbound_call_is_403(sandbox, client, action):
    call = client.Call.create(from_=FROM, to=TO)
    with pytest.raises(catapult.ForbiddenError, match="call-invalid-state"):
        getattr(call, action)()


def test_updating_a_finished_call_is_403(sandbox, client):
    call = client.Call.create(from_=FROM, to=TO)
    sandbox.answer(call.id)
    call.hang_up()
    with pytest.raises(catapult.ForbiddenError) as caught:
        call.hang_up()
    assert "after being set to completed" in caught.value.message


def test_transfer_creates_a_new_call(sandbox, client, http):
    call = client.Call.create(from_=FROM, to=TO)
    sandbox.answer(call.id)
    new = call.transfer("+19195550000", transfer_caller_id="private")
    assert new.id != call.id and new.id.startswith("c-")
    assert client.Call.get(new.id).to == "+19195550000"
    assert call.refresh().state == "transferring"
    missing = http.post(api_url(sandbox, f"calls/{call.id}"), json={"state": "transferring"},
                        timeout=5)
    assert missing.status_code == 403  # no longer active


def test_transfer_without_transfer_to_is_missing_property(sandbox, client, http):
    call = client.Call.create(from_=FROM, to=TO)
    sandbox.answer(call.id)
    response = http.post(api_url(sandbox, f"calls/{call.id}"), json={"state": "transferring"},
                         timeout=5)
    assert response.status_code == 400
    assert response.json()["message"] == (
        "The 'call' resource property 'transferTo' is required but was not specified")


def test_speak_sends_started_then_done(sandbox, client, receiver):
    call = client.Call.create(from_=FROM, to=TO, callback_url=receiver.url)
    sandbox.answer(call.id)
    call.speak_sentence("Hello there", tag="greeting")
    sandbox.advance(10)
    sandbox.settle()
    speaks = [e for e in receiver.events if isinstance(e, catapult.SpeakEvent)]
    assert [(e.status, e.state, e.tag) for e in speaks] == [
        ("started", "PLAYBACK_START", "greeting"), ("done", "PLAYBACK_STOP", "greeting")]


def test_stopping_a_looping_file_sends_done(sandbox, client, receiver):
    call = client.Call.create(from_=FROM, to=TO, callback_url=receiver.url)
    sandbox.answer(call.id)
    call.play_audio_file("https://example.com/hold.mp3", loop_enabled=True)
    sandbox.advance(3600)
    call.stop_audio_file()
    sandbox.settle()
    playbacks = [e.status for e in receiver.events if isinstance(e, catapult.PlaybackEvent)]
    assert playbacks == ["started", "done"]


def test_stopping_audio_that_is_not_playing_is_403(sandbox, client):
    call = client.Call.create(from_=FROM, to=TO)
    sandbox.answer(call.id)
    with pytest.raises(catapult.ForbiddenError) as caught:
        call.stop_speaking()
    assert caught.value.code == "call-audio-invalid-state"


def test_send_dtmf_is_recorded(sandbox, client):
    call = client.Call.create(from_=FROM, to=TO)
    sandbox.answer(call.id)
    call.send_dtmf("1WWW,59#")
    assert sandbox.dtmf_sent(call.id) == ["1WWW,59#"]


def test_call_event_log(sandbox, client, http):
    call = client.Call.create(from_=FROM, to=TO)
    sandbox.answer(call.id)
    call.create_gather(max_digits=1)
    call.hang_up()
    log = call.get_events()
    assert [e.name for e in log] == ["create", "answer", "gather", "hangup"]
    assert log[-1].data == "NORMAL_CLEARING" and log[0].time is not None
    one = http.get(api_url(sandbox, f"calls/{call.id}/events/{log[1].id}"), timeout=5)
    assert one.json()["name"] == "answer"


def test_events_are_posted_as_json_with_the_api_headers(sandbox, client, receiver):
    call = client.Call.create(from_=FROM, to=TO, callback_url=receiver.url)
    sandbox.answer(call.id)
    sandbox.settle()
    headers = receiver.headers[0]
    assert headers["HTTP_USER_AGENT"].startswith("BandwidthAPI/v1 (")
    answer = receiver.events[0]
    assert isinstance(answer, catapult.AnswerEvent) and answer.call_id == call.id
    assert sandbox.deliveries[0].status == 200 and sandbox.deliveries[0].url == receiver.url


def test_credentials_in_the_callback_url_are_sent_as_basic_auth(sandbox, client):
    guarded = Receiver(username="bw", password="pa:ss")
    try:
        url = guarded.url.replace("http://", "http://bw:pa%3Ass@")
        url = url.replace("pa%3Ass", "pa:ss")
        call = client.Call.create(from_=FROM, to=TO, callback_url=url)
        sandbox.answer(call.id)
        sandbox.settle()
        assert len(guarded.events) == 1
        expected = "Basic " + base64.b64encode(b"bw:pa:ss").decode()
        assert guarded.headers[0]["HTTP_AUTHORIZATION"] == expected
    finally:
        guarded.close()


def test_fallback_url_is_used_when_the_callback_fails(sandbox, client, receiver):
    dead = make_server(lambda environ, start: [])
    dead_url = f"http://127.0.0.1:{dead.server_port}/gone"
    dead.server_close()
    call = client.Call.create(from_=FROM, to=TO, callback_url=dead_url,
                              fallback_url=receiver.url, callback_timeout=500)
    sandbox.answer(call.id)
    sandbox.settle()
    assert [e.event_type for e in receiver.events] == ["answer"]
    assert sandbox.deliveries[-1].url == receiver.url


def test_get_callback_method_sends_a_query(sandbox, client, receiver):
    call = client.Call.create(from_=FROM, to=TO, callback_url=receiver.url,
                              callback_http_method="GET")
    sandbox.answer(call.id)
    call.create_gather(max_digits=2)
    sandbox.press(call.id, "42")
    sandbox.settle()
    gather = receiver.events[-1]
    assert isinstance(gather, catapult.GatherEvent) and gather.digits == "42"


def test_requests_are_recorded_without_credentials(sandbox, client):
    call = client.Call.create(from_=FROM, to=TO, tag="x")
    recorded = sandbox.requests[-1]
    assert (recorded.method, recorded.status) == ("POST", 201)
    assert recorded.body == {"from": FROM, "to": TO, "tag": "x"}
    assert "authorization" not in recorded.headers
    assert recorded.headers["user-agent"].startswith("catapult-sdk/")
    assert sandbox.api_secret not in repr(sandbox.requests) + repr(sandbox)
    assert call.id in repr(client.Call.get(call.id))


def test_the_control_path_drives_a_whole_flow(sandbox):
    plain = requests.Session()
    auth = (sandbox.api_token, sandbox.api_secret)
    created = plain.post(api_url(sandbox, "calls"), json={"from": FROM, "to": TO}, auth=auth,
                         timeout=5)
    call_id = created.headers["Location"].rsplit("/", 1)[-1]
    control = f"{sandbox.base_url}/sandbox/calls/{call_id}"
    assert plain.post(f"{control}/answer", timeout=5).status_code == 200
    gathered = plain.post(api_url(sandbox, f"calls/{call_id}/gather"), auth=auth, timeout=5,
                          json={"maxDigits": "3", "interDigitTimeout": "4"})
    assert gathered.status_code == 201
    assert plain.post(f"{control}/press", json={"digits": "4", "interval": 1},
                      timeout=5).status_code == 200
    assert plain.post(f"{sandbox.base_url}/sandbox/clock/advance", json={"seconds": 4},
                      timeout=5).status_code == 200
    assert plain.post(f"{control}/hangup", timeout=5).status_code == 200
    sandbox.settle()
    events = plain.get(f"{sandbox.base_url}/sandbox/events", timeout=5).json()
    assert [e["eventType"] for e in events] == ["answer", "dtmf", "gather", "hangup"]
    assert (events[2]["reason"], events[2]["digits"]) == ("inter-digit-timeout", "4")
    requests_seen = plain.get(f"{sandbox.base_url}/sandbox/requests", timeout=5).json()
    assert [r["status"] for r in requests_seen] == [201, 201]
    bad = plain.post(f"{control}/press", json={"digits": "x"}, timeout=5)
    assert bad.status_code == 400
    assert plain.post(f"{sandbox.base_url}/sandbox/calls", json={"from": FROM, "to": TO},
                      timeout=5).status_code == 201
    assert plain.post(f"{control}/dance", timeout=5).status_code == 404
    assert plain.get(f"{control}/answer", timeout=5).status_code == 405
    plain.close()


def test_the_real_clock_cannot_be_advanced():
    with Sandbox() as real:
        with pytest.raises(catapult.ConfigurationError, match="manual"):
            real.advance(1)
        response = requests.post(f"{real.base_url}/sandbox/clock/advance", json={"seconds": 1},
                                 timeout=5)
        assert response.status_code == 409


def test_a_bad_clock_setting_and_an_unstarted_sandbox():
    with pytest.raises(catapult.ConfigurationError, match="clock"):
        Sandbox(clock="fast")
    with pytest.raises(catapult.ConfigurationError, match="start the sandbox"):
        Sandbox().client()


def test_wait_for_times_out_with_what_it_saw(sandbox):
    with pytest.raises(TimeoutError, match="no gather #1"):
        sandbox.wait_for("gather", timeout=0.05)


def test_the_docs_curl_style_string_booleans_are_accepted(sandbox, http):
    response = http.post(api_url(sandbox, "calls"), timeout=5, json={
        "from": FROM, "to": TO, "recordingEnabled": "true", "transcriptionEnabled": "false"})
    assert response.status_code == 201
    call = http.get(sandbox.base_url + response.headers["Location"], timeout=5).json()
    assert (call["recordingEnabled"], call["transcriptionEnabled"]) == (True, False)


def test_the_sdk_reuses_one_keep_alive_connection(sandbox, client):
    for _ in range(5):
        client.Call.create(from_=FROM, to=TO)
    pools = client._transport.session.get_adapter(sandbox.base_url).poolmanager.pools
    # urllib3's RecentlyUsedContainer refuses plain iteration; keys() is its way
    counts = [(pools[key].num_connections, pools[key].num_requests)
              for key in pools.keys()]  # noqa: SIM118
    assert counts == [(1, 5)]


def test_at_debug_each_request_is_logged_once():
    """As a user's ``logging.basicConfig(level=logging.DEBUG)`` sees it: a handler on the
    root logger (pytest's caplog also listens on loggers that do not propagate)."""
    import logging

    class Keep(logging.Handler):
        def __init__(self) -> None:
            super().__init__()
            self.records: list[logging.LogRecord] = []

        def emit(self, record: logging.LogRecord) -> None:
            self.records.append(record)

    with Sandbox() as sandbox, catapult.Client(
            sandbox.user_id, sandbox.api_token, sandbox.api_secret,
            base_url=sandbox.base_url) as client:
        call = client.Call.create(from_=FROM, to=TO)
        keep, root = Keep(), logging.getLogger()
        before = root.level
        root.addHandler(keep)
        root.setLevel(logging.DEBUG)
        try:
            client.Call.get(call.id)
        finally:
            root.removeHandler(keep)
            root.setLevel(before)
    lines = [record for record in keep.records if call.id in record.getMessage()
             and record.name.startswith("catapult")]  # urllib3 has its own line
    assert [record.name for record in lines] == ["catapult"], [r.getMessage() for r in lines]
