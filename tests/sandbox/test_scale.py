"""What keeps the sandbox fast over long runs: one write per answer, kept-alive callback
connections, forgotten ended calls, an event index, and a plain HTTP/1.1 reader."""

from __future__ import annotations

import json
import socket
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

import catapult
from catapult.sandbox import Sandbox

PARTIES = {"from_": "+19195551212", "to": "+19195551213"}


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(retention=3) as running:
        yield running


def test_each_answer_with_a_body_goes_out_in_one_write(sandbox, monkeypatch):
    # a second small write waited for the client's delayed ACK: 40 ms per answer
    writes: list[bytes] = []
    original = socketserver._SocketWriter.write

    def counting(self, data):  # type: ignore[no-untyped-def]
        writes.append(bytes(data))
        return original(self, data)

    with sandbox.client() as client:
        call = client.Call.create(**PARTIES)
        monkeypatch.setattr(socketserver._SocketWriter, "write", counting)
        assert client.Call.get(call.id).id == call.id
    assert len(writes) == 1
    head, _, body = writes[0].partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200") and json.loads(body)["id"] == call.id


def test_ended_calls_beyond_the_retention_are_forgotten_with_their_records(sandbox):
    with sandbox.client() as client:
        calls = [client.Call.create(**PARTIES) for _ in range(5)]
        for call in calls:
            sandbox.answer(call.id)
            call.hang_up()
        with pytest.raises(catapult.NotFoundError):
            client.Call.get(calls[0].id)
        assert client.Call.get(calls[2].id).state == "completed"
        remembered = {event.call_id for event in sandbox.events}
        assert remembered == {call.id for call in calls[2:]}
        assert all(calls[0].id not in request.path and calls[1].id not in request.path
                   for request in sandbox.requests)
        assert sandbox.wait_for("hangup", call_id=calls[4].id).call_id == calls[4].id
        with pytest.raises(TimeoutError):
            sandbox.wait_for("hangup", call_id=calls[0].id, timeout=0.1)


def test_a_live_call_is_never_forgotten(sandbox):
    with sandbox.client() as client:
        live = client.Call.create(**PARTIES)
        sandbox.answer(live.id)
        for _ in range(6):
            ended = client.Call.create(**PARTIES)
            sandbox.answer(ended.id)
            ended.hang_up()
        assert client.Call.get(live.id).state == "active"


def test_retention_must_be_a_count():
    with pytest.raises(catapult.ConfigurationError, match="retention"):
        Sandbox(retention=-1)


def test_wait_for_counts_by_type_and_by_call():
    with Sandbox(clock="manual") as sandbox, sandbox.client() as client:
        first, second = client.Call.create(**PARTIES), client.Call.create(**PARTIES)
        for call in (first, second):
            sandbox.answer(call.id)
            call.create_gather(max_digits=1)
            sandbox.press(call.id, "7")
        assert sandbox.wait_for("gather", count=2).call_id == second.id
        assert sandbox.wait_for(call_id=first.id, count=3).event_type == "gather"
        assert sandbox.wait_for(count=6).event_type == "gather"


class _KeepAlive(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    ports: list[int] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.ports.append(self.client_address[1])
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_callbacks_reuse_a_kept_alive_connection():
    _KeepAlive.ports = []
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), _KeepAlive)
    receiver.daemon_threads = True
    threading.Thread(target=receiver.serve_forever, args=(0.02,), daemon=True).start()
    url = f"http://127.0.0.1:{receiver.server_port}/events"
    try:
        with Sandbox() as sandbox, sandbox.client() as client:
            call = client.Call.create(**PARTIES, callback_url=url)
            sandbox.answer(call.id)
            for _ in range(8):
                call.create_gather(max_digits=1)
                sandbox.press(call.id, "1")
            call.hang_up()
            assert sandbox.settle(timeout=5)
            statuses = [d.status for d in sandbox.deliveries]
    finally:
        receiver.shutdown()
        receiver.server_close()
    assert statuses == [200] * 18  # answer, 8 x (dtmf, gather), hangup
    assert len(_KeepAlive.ports) == 18
    assert len(set(_KeepAlive.ports)) < 18  # one connection per courier worker, not per event


def test_a_request_with_expect_100_continue_is_answered_like_curl_expects(sandbox):
    body = json.dumps({"from": "+19195551212", "to": "+19195551213"}).encode()
    import base64
    auth = base64.b64encode(f"{sandbox.api_token}:{sandbox.api_secret}".encode()).decode()
    with socket.create_connection((sandbox.host, sandbox.port), timeout=5) as sock:
        sock.sendall(
            f"POST /v1/users/{sandbox.user_id}/calls HTTP/1.1\r\n"
            f"Host: {sandbox.host}:{sandbox.port}\r\n"
            f"Authorization: Basic {auth}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nExpect: 100-continue\r\n\r\n".encode())
        assert sock.recv(100).startswith(b"HTTP/1.1 100 Continue")
        sock.sendall(body)
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 201") and b"\r\nLocation: " in answer


@pytest.mark.parametrize("request_line", [b"GARBAGE\r\n\r\n", b"GET / HTTP/2.0\r\n\r\n"])
def test_a_malformed_request_line_is_refused(sandbox, request_line):
    with socket.create_connection((sandbox.host, sandbox.port), timeout=5) as sock:
        sock.sendall(request_line)
        answer = sock.recv(4096)
    assert answer.split(b" ")[1] in (b"400", b"505")
