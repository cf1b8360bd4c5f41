"""CallbackApp over real HTTP on loopback: dispatch, every status, auth, concurrency."""

from __future__ import annotations

import base64
import io
import json
import logging
import socket
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator
from urllib.parse import urlencode

import pytest
import requests

import catapult
from catapult.callbacks import make_server

GATHER = {"eventType": "gather", "reason": "max-digits", "state": "completed", "digits": "25",
          "time": "2014-07-31T01:01:27Z", "callId": "c-1", "gatherId": "g-1", "tag": "t"}


class Served:
    def __init__(self, app: catapult.CallbackApp) -> None:
        self.app = app
        self.server = make_server(app)
        self.url = f"http://127.0.0.1:{self.server.server_port}/callback"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,),
                                       daemon=True)
        self.thread.start()
        self.http = requests.Session()

    def post(self, payload: object, **kwargs: object) -> requests.Response:
        data = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
        headers = {"Content-Type": "application/json; charset=utf-8",
                   "User-Agent": "BandwidthAPI/v1 (test)"}
        return self.http.post(self.url, data=data, headers=headers, timeout=5,
                              **kwargs)  # type: ignore[arg-type]

    def close(self) -> None:
        self.http.close()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def received() -> list[catapult.Event]:
    return []


@pytest.fixture
def served(received) -> Iterator[Served]:
    app = catapult.CallbackApp(max_body=4096)
    lock = threading.Lock()

    @app.on("gather")
    def gathered(event):
        if event.tag == "explode":
            raise RuntimeError("handler bug")
        with lock:
            received.append(event)

    instance = Served(app)
    yield instance
    instance.close()


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


def raw_exchange(served: Served, head: bytes, body_parts: list[bytes],
                 close_after: bool = True) -> tuple[bytes, float]:
    """Send a request by hand over a socket; return the answer and how long it took."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", served.server.server_port), timeout=5) as sock:
        sock.sendall(head)
        for part in body_parts:
            sock.sendall(part)
        if close_after:
            sock.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer, time.monotonic() - started


def chunked(body: bytes, size: int = 7) -> list[bytes]:
    parts = [b"%x;ext=1\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size])
             for i in range(0, len(body), size)]
    return [*parts, b"0\r\nX-Trailer: t\r\n\r\n"]


HEAD = (b"POST /callback HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\n")


def test_a_chunked_callback_is_read_whole_under_make_server(served, received):
    body = json.dumps(GATHER).encode()
    answer, took = raw_exchange(served, HEAD + b"Transfer-Encoding: chunked\r\n\r\n",
                                chunked(body), close_after=False)
    assert answer.startswith(b"HTTP/1.0 200") or answer.startswith(b"HTTP/1.1 200")
    assert took < 2
    assert [event.gather_id for event in received] == ["g-1"]


def test_a_chunked_body_above_the_limit_is_413_under_make_server(served, received):
    body = json.dumps(dict(GATHER, padding="x" * 5000)).encode()
    answer, _ = raw_exchange(served, HEAD + b"Transfer-Encoding: chunked\r\n\r\n",
                             chunked(body, 1000), close_after=False)
    assert b" 413 " in answer.split(b"\r\n", 1)[0]
    assert received == []


def test_a_malformed_chunked_body_is_400(served, received):
    answer, _ = raw_exchange(served, HEAD + b"Transfer-Encoding: chunked\r\n\r\n",
                             [b"zz\r\n{}\r\n0\r\n\r\n"])
    assert b" 400 " in answer.split(b"\r\n", 1)[0]
    assert received == []


def test_a_body_shorter_than_its_content_length_is_400_and_not_dispatched(served, received):
    body = json.dumps(GATHER).encode()
    answer, took = raw_exchange(
        served, HEAD + b"Content-Length: %d\r\n\r\n" % (len(body) + 10), [body])
    assert b" 400 " in answer.split(b"\r\n", 1)[0]
    assert b"ended after" in answer
    assert received == []
    assert took < 2


@pytest.mark.parametrize("terminated, status", [(False, "411 Length Required"),
                                                (True, "200 OK")])
def test_a_chunked_body_is_refused_at_once_where_the_server_does_not_dechunk(
        received, terminated, status):
    app = catapult.CallbackApp()
    app.on_any(received.append)
    environ = {"REQUEST_METHOD": "POST", "HTTP_TRANSFER_ENCODING": "chunked",
               "wsgi.input": io.BytesIO(json.dumps(GATHER).encode())}
    if terminated:
        environ["wsgi.input_terminated"] = True
    statuses: list[str] = []
    app(environ, lambda given, headers: statuses.append(given))
    assert statuses == [status]
    assert len(received) == (1 if terminated else 0)


def test_a_stalled_sender_is_dropped_and_other_callbacks_keep_flowing(served, received,
                                                                      monkeypatch):
    monkeypatch.setattr("catapult._devserver._Handler.timeout", 0.5)
    with socket.create_connection(("127.0.0.1", served.server.server_port)) as stalled:
        stalled.sendall(HEAD + b"Content-Length: 500\r\n\r\n{\"eventType\"")
        assert served.post(GATHER).status_code == 200  # another callback meanwhile
        stalled.settimeout(3)
        answer = stalled.recv(65536)  # dropped after the handler's timeout, not dispatched
    assert answer == b"" or b" 400 " in answer.split(b"\r\n", 1)[0]
    assert len(received) == 1


def test_a_failing_handler_is_500_logged_and_the_app_keeps_serving(served, received, caplog):
    with caplog.at_level(logging.ERROR, logger="catapult.callbacks"):
        response = served.post(dict(GATHER, tag="explode"))
    assert response.status_code == 500
    assert "RuntimeError: handler bug" in caplog.text  # the traceback is logged
    assert served.post(GATHER).status_code == 200
    assert len(received) == 1


def test_other_handlers_still_run_when_one_fails():
    app = catapult.CallbackApp()
    seen = []

    @app.on_any
    def broken(event):
        raise ValueError("no")

    @app.on(catapult.GatherEvent)
    def fine(event):
        seen.append(event)

    with pytest.raises(ValueError):
        app.dispatch(catapult.parse_event(GATHER))
    assert len(seen) == 1


def test_handlers_by_name_class_and_any():
    app = catapult.CallbackApp()
    calls = []
    app.on("gather")(lambda e: calls.append("name"))
    app.on(catapult.GatherEvent)(lambda e: calls.append("class"))
    app.on(catapult.Event)(lambda e: calls.append("base class"))
    app.on("hangup")(lambda e: calls.append("hangup"))
    app.on_any(lambda e: calls.append("any"))
    assert app.dispatch(catapult.parse_event(GATHER)) == 4
    assert calls == ["name", "class", "base class", "any"]


@pytest.mark.parametrize("kind, needle", [
    ("gathr", "did you mean 'gather'?"), ("Gather", "unknown event type"), (dict, "takes"),
])
def test_on_rejects_unknown_types(kind, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        catapult.CallbackApp().on(kind)


def test_settings_are_checked():
    with pytest.raises(catapult.ConfigurationError, match="go together"):
        catapult.CallbackApp(username="u")
    with pytest.raises(catapult.ConfigurationError, match="max_body"):
        catapult.CallbackApp(max_body=0)


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


def test_100_concurrent_posts_are_each_delivered_exactly_once(served, received):
    start = threading.Barrier(100)

    def post(number: int) -> int:
        with requests.Session() as http:
            start.wait(timeout=10)
            body = json.dumps(dict(GATHER, tag=f"t-{number}", digits=str(number)))
            return http.post(served.url, data=body, timeout=10).status_code

    with ThreadPoolExecutor(max_workers=100) as pool:
        statuses = list(pool.map(post, range(100)))
    assert statuses == [200] * 100
    tags = Counter(event.tag for event in received)
    assert tags == Counter(f"t-{n}" for n in range(100))
