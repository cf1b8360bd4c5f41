"""A misbehaving server on loopback: the client gives the documented exception, never hangs."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

import catapult

from ..support import SECRET, TOKEN

CREATED = "/v1/users/u-1/calls/c-1/gather"


class Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        call = self.path.rsplit("/", 1)[-1]
        if call == "no-message":
            self.reply(404, b'{"category":"not-found","code":"call-not-found"}',
                       {"Content-Type": "application/json"})
        elif call == "empty":
            self.reply(401)
        elif call == "html":
            self.reply(502, b"<html><body><h1>502 Bad Gateway</h1></body></html>",
                       {"Content-Type": "text/html"})
        elif call == "hang-up":
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == CREATED:
            self.reply(201)  # no Location


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def api(hostile: str) -> Iterator[catapult.Client]:
    with catapult.Client("u-1", TOKEN, SECRET, base_url=hostile, timeout=(1, 0.3),
                         max_retries=2) as client:
        yield client


def test_error_without_message(api):
    with pytest.raises(catapult.NotFoundError) as caught:
        api.Call.get("no-message")
    assert caught.value.code == "call-not-found"
    assert caught.value.message == "Not Found"


def test_empty_401(api):
    with pytest.raises(catapult.AuthenticationError) as caught:
        api.Call.get("empty")
    assert (caught.value.status, caught.value.body, caught.value.code) == (401, "", "")
    assert TOKEN not in str(caught.value) and SECRET not in repr(caught.value)


def test_html_502(api):
    with pytest.raises(catapult.ServerError) as caught:
        api.Call.get("html")
    assert caught.value.status == 502
    assert "502 Bad Gateway" in caught.value.body


def test_201_without_location(api):
    with pytest.raises(catapult.ProtocolError, match="no Location"):
        api.Call("c-1").create_gather(max_digits=1)


def test_connection_closed_without_answer_is_transport_error(api):
    # (timeouts, retries and refused connections: tests/faults/test_transport_faults.py)
    with pytest.raises(catapult.TransportError) as caught:
        api.Call.get("hang-up")
    assert caught.value.attempts == 3
