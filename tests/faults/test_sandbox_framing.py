"""Requests with bad framing get a clear answer: a body over its cap is refused without
being read, a malformed Content-Length is 400, and nothing leaves a traceback."""

from __future__ import annotations

import base64
import json
import logging
import socket
import time
from typing import Iterator

import pytest

from catapult.sandbox import Sandbox
from catapult.sandbox._server import MAX_BODY


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as running:
        yield running


def exchange(sandbox: Sandbox, head: str, body: bytes = b"", wait: float = 5.0) -> bytes:
    """Send a request head (and body) on a raw socket; what the sandbox answered."""
    with socket.create_connection((sandbox.host, sandbox.port), timeout=wait) as sock:
        sock.sendall(head.encode("latin-1") + body)
        got = b""
        try:
            while b"\r\n\r\n" not in got or not _complete(got):
                chunk = sock.recv(65536)
                if not chunk:
                    break
                got += chunk
        except socket.timeout:
            pass
        return got


def _complete(reply: bytes) -> bool:
    head, _, body = reply.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return True


def head(sandbox: Sandbox, method: str, path: str, *lines: str) -> str:
    auth = base64.b64encode(f"{sandbox.api_token}:{sandbox.api_secret}".encode()).decode()
    return (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{sandbox.port}\r\n"
            f"Authorization: Basic {auth}\r\n" + "".join(f"{line}\r\n" for line in lines)
            + "\r\n")


def status(reply: bytes) -> int:
    return int(reply.split(b" ", 2)[1])


def body(reply: bytes) -> dict:
    return json.loads(reply.partition(b"\r\n\r\n")[2])


@pytest.mark.parametrize("length", ["abc", "-1", "1e3", "0x10", "99999999999999999999", " "])
def test_a_malformed_content_length_is_400(sandbox, length, caplog):
    with caplog.at_level(logging.DEBUG, logger="catapult"):
        reply = exchange(sandbox, head(sandbox, "POST", "/sandbox/calls",
                                       "Content-Type: application/json",
                                       f"Content-Length: {length}"))
    assert status(reply) == 400
    assert "Content-Length must be a whole number" in body(reply)["message"]
    assert not [r for r in caplog.records if r.exc_info and r.levelno >= logging.WARNING]


def test_conflicting_content_lengths_are_400(sandbox):
    reply = exchange(sandbox, head(sandbox, "POST", "/sandbox/calls", "Content-Length: 2",
                                   "Content-Length: 5"), b"{}")
    assert status(reply) == 400


def test_a_body_over_the_cap_is_refused_without_being_read(sandbox):
    started = time.monotonic()
    # the head promises 64 MiB and sends none of it: an answer can only come unread
    reply = exchange(sandbox, head(sandbox, "POST", "/sandbox/calls",
                                   "Content-Type: application/json",
                                   f"Content-Length: {64 << 20}"))
    assert status(reply) == 413
    assert f"at most {MAX_BODY} bytes" in body(reply)["message"]
    assert b"Connection: close" in reply
    assert time.monotonic() - started < 2
    assert sandbox.world.far_end.far_end_view() == []


def test_an_api_body_over_the_cap_is_refused_too(sandbox):
    reply = exchange(sandbox, head(sandbox, "POST", f"/v1/users/{sandbox.user_id}/calls",
                                   "Content-Type: application/json",
                                   f"Content-Length: {MAX_BODY + 1}"))
    assert status(reply) == 413


def test_a_media_upload_has_its_own_larger_cap(sandbox):
    media = f"/v1/users/{sandbox.user_id}/media/big.wav"
    reply = exchange(sandbox, head(sandbox, "PUT", media, "Content-Type: audio/wav",
                                   f"Content-Length: {66 * 1024 * 1024}"))
    assert status(reply) == 403
    assert body(reply)["code"] == "media-size-overflow"
    data = b"R" * (MAX_BODY + 10)  # over the JSON cap, well under the media one
    reply = exchange(sandbox, head(sandbox, "PUT", media, "Content-Type: audio/wav",
                                   f"Content-Length: {len(data)}"), data)
    assert status(reply) == 200
    with sandbox.client() as client:
        assert client.Media.download("big.wav") == data


def test_a_chunked_body_is_411(sandbox):
    reply = exchange(sandbox, head(sandbox, "POST", "/sandbox/calls",
                                   "Content-Type: application/json",
                                   "Transfer-Encoding: chunked"), b"2\r\n{}\r\n0\r\n\r\n")
    assert status(reply) == 411


def test_a_body_cut_short_is_answered_and_nothing_breaks(sandbox, caplog):
    with caplog.at_level(logging.DEBUG, logger="catapult"), \
            socket.create_connection((sandbox.host, sandbox.port), timeout=5) as sock:
        sock.sendall(head(sandbox, "POST", "/sandbox/calls", "Content-Type: application/json",
                          "Content-Length: 100").encode() + b'{"from"')
        sock.shutdown(socket.SHUT_WR)  # the sender is gone after 7 of its 100 bytes
        reply = sock.recv(65536)
    assert status(reply) == 400
    assert "ended after 7 of its 100 bytes" in body(reply)["message"]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    # and the sandbox still serves
    assert status(exchange(sandbox, head(sandbox, "GET", "/sandbox/calls"))) == 200


@pytest.mark.parametrize("request_line", [b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n",
                                          b"GET / HTTP/1.1\r\nno colon here\r\n\r\n",
                                          b"\x00\xff\xfe\r\n\r\n"])
def test_garbage_is_answered_with_a_status_and_no_traceback(sandbox, request_line, caplog,
                                                            capfd):
    with caplog.at_level(logging.DEBUG, logger="catapult"), \
            socket.create_connection((sandbox.host, sandbox.port), timeout=5) as sock:
        sock.sendall(request_line)
        reply = sock.recv(65536)
    assert reply.startswith(b"HTTP/1.") and status(reply) >= 400
    assert "Traceback" not in capfd.readouterr().err
    assert not [r for r in caplog.records if r.exc_info and r.levelno >= logging.WARNING]
