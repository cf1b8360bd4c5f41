"""CallbackApp over real HTTP on loopback: dispatch, every status, auth."""

from __future__ import annotations

import base64
import json
import logging
from typing import Iterator
from urllib.parse import urlencode

import pytest

import catapult
from catapult.callbacks import Receiver

from ..support import GATHER, Served


def test_post_json_reaches_the_handler_typed(served, received):
    response = served.post(GATHER)
    assert response.status_code == 200
    assert len(received) == 1
    event = received[0]
    assert isinstance(event, catapult.GatherEvent)
    assert (event.digits, event.reason, event.gather_id) == ("25", "max-digits", "g-1")


def test_get_query_callback_reaches_the_handler(served, received):
    response = served.http.get(served.url + "?" + urlencode(GATHER), timeout=5)
    assert response.status_code == 200
    assert received[0].digits == "25" and received[0].call_id == "c-1"


def test_form_encoded_post_is_read_as_a_query(served, received):
    response = served.http.post(served.url, data=GATHER, timeout=5)
    assert response.status_code == 200
    assert received[0].gather_id == "g-1"


def test_no_matching_handler_is_200_and_logged(served, received, caplog):
    with caplog.at_level(logging.INFO, logger="catapult.callbacks"):
        response = served.post({"eventType": "answer", "callId": "c-7"})
    assert response.status_code == 200
    assert received == []
    assert "no handler for answer event (call c-7)" in caplog.text


@pytest.mark.parametrize("body", [b"", b"not json", b"[]", b'{"digits": "1"}', b"\xff\xfe"])
def test_a_body_that_is_not_an_event_is_400(served, received, body):
    response = served.post(body)
    assert response.status_code == 400
    assert "not a callback event" in response.text
    assert received == []


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405(served, method):
    response = served.http.request(method, served.url, data=json.dumps(GATHER), timeout=5)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, POST"


def test_a_body_above_the_limit_is_413(served, received):
    response = served.post(dict(GATHER, padding="x" * 5000))
    assert response.status_code == 413
    assert received == []


def test_a_failing_handler_is_500_logged_and_the_app_keeps_serving(served, received, caplog):
    with caplog.at_level(logging.ERROR, logger="catapult.callbacks"):
        response = served.post(dict(GATHER, tag="explode"))
    assert response.status_code == 500
    assert "RuntimeError: handler bug" in caplog.text  # the traceback is logged
    assert served.post(GATHER).status_code == 200
    assert len(received) == 1


@pytest.fixture
def guarded(received) -> Iterator[Served]:
    app = catapult.CallbackApp(username="bw", password="s3cret:pass")
    app.on_any(received.append)
    instance = Served(app)
    yield instance
    instance.close()


def test_matching_basic_credentials_are_accepted(guarded, received):
    response = guarded.post(GATHER, auth=("bw", "s3cret:pass"))
    assert response.status_code == 200
    assert len(received) == 1


@pytest.mark.parametrize("header", [
    None,
    "Basic " + base64.b64encode(b"bw:wrong").decode(),
    "Basic " + base64.b64encode(b"bw:s3cret:pass ").decode(),
    "Bearer " + base64.b64encode(b"bw:s3cret:pass").decode(),
    "Basic !!!not-base64",
])
def test_missing_or_wrong_credentials_are_401(guarded, received, header):
    headers = {"Authorization": header} if header else {}
    response = guarded.http.post(guarded.url, data=json.dumps(GATHER), headers=headers,
                                 timeout=5)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Basic")
    assert received == []
    assert "s3cret" not in repr(guarded.app)


def test_a_calls_callbacks_reach_the_receiver_over_one_kept_alive_connection(world):
    sandbox, api = world
    with Receiver() as receiver:
        accepted = []
        server = receiver._server
        process = server.process_request

        def counted(request, client_address):
            accepted.append(client_address)
            return process(request, client_address)

        server.process_request = counted  # type: ignore[method-assign]
        call = api.Call.create(from_="+19195551212", to="+19195551213",
                               callback_url=receiver.url)
        sandbox.answer(call.id)
        call.create_gather(max_digits=5)
        sandbox.press(call.id, "12345")
        sandbox.wait_for(catapult.GatherEvent, call_id=call.id)
        sandbox.settle()
        assert len(receiver.events) == 7          # answer, 5 dtmf, gather
        assert len(accepted) == 1                 # one connection carried them all
