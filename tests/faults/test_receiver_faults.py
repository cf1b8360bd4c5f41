"""CallbackApp against senders that misbehave: chunked bodies, bodies cut short, stalled
senders, a hundred at once."""

from __future__ import annotations

import io
import json
import re
import socket
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

import catapult

from ..support import GATHER, Served


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
        while chunk := sock.recv(65536):  # until the answer is whole: the server keeps
            answer += chunk               # an HTTP/1.1 connection open for the next one
            head, _, rest = answer.partition(b"\r\n\r\n")
            length = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
            if _ and length and len(rest) >= int(length.group(1)):
                break
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


def test_callbacks_share_one_kept_alive_connection_under_make_server(served, received):
    body = json.dumps(GATHER).encode()
    request = HEAD + b"Content-Length: %d\r\n\r\n" % len(body) + body
    with socket.create_connection(("127.0.0.1", served.server.server_port), timeout=5) as sock:
        answers = []
        for _ in range(3):                       # three callbacks, one connection
            sock.sendall(request)
            answer = b""
            while not answer.endswith(b"\r\n\r\nok\n"):
                chunk = sock.recv(65536)
                assert chunk, "the server closed a kept-alive connection"
                answer += chunk
            answers.append(answer)
    assert all(a.startswith(b"HTTP/1.1 200") for a in answers)
    assert all(b"\r\nContent-Length: 3\r\n" in a for a in answers)
    assert len(received) == 3


def test_a_body_left_unread_closes_the_connection_after_its_answer(served, received):
    big = json.dumps(dict(GATHER, padding="x" * 5000)).encode()   # over max_body (4096)
    request = HEAD + b"Content-Length: %d\r\n\r\n" % len(big) + big
    answer, took = raw_exchange(served, request, [], close_after=False)
    assert b" 413 " in answer.split(b"\r\n", 1)[0] and took < 2
    assert received == []
