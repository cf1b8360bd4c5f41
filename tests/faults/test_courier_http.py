"""The courier's own HTTP/1.1 client against servers that answer in every framing a real
callback server may use, and in some no server should: what it sends, what it reads, when
it keeps the connection, and what it refuses."""

from __future__ import annotations

import socket
import threading
from typing import Iterator

import pytest

from catapult.sandbox._http_client import Connection, Disconnected, Malformed


class Scripted:
    """A server that reads one request at a time and answers each with the next reply
    (bytes), on one connection; ``requests`` holds what it read."""

    def __init__(self, *replies: bytes, close_after: bool = False) -> None:
        self.replies = list(replies)
        self.requests: list[bytes] = []
        self.connections = 0
        self.close_after = close_after
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while self.replies:
            try:
                sock, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            with sock:
                while self.replies:
                    data = sock.recv(65536)
                    if not data:
                        break
                    self.requests.append(data)
                    sock.sendall(self.replies.pop(0))
                    if self.close_after:
                        break

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def serve() -> Iterator[type[Scripted]]:
    made: list[Scripted] = []

    class Made(Scripted):
        def __init__(self, *replies: bytes, close_after: bool = False) -> None:
            super().__init__(*replies, close_after=close_after)
            made.append(self)

    yield Made
    for server in made:
        server.close()


def post(conn: Connection, cap: int = 1000) -> tuple[int, bytes, bool]:
    return conn.exchange("POST", "/cb?x=1", {"User-Agent": "ua", "Content-Type": "json"},
                         b'{"a":1}', 5.0, cap)


def test_the_request_is_one_http_1_1_message_with_host_and_length(serve):
    server = serve(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    conn = Connection("http", "127.0.0.1", server.port)
    assert post(conn) == (200, b"ok", True)
    assert server.requests == [
        b"POST /cb?x=1 HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAccept-Encoding: identity\r\n"
        b"User-Agent: ua\r\nContent-Type: json\r\nContent-Length: 7\r\n\r\n{\"a\":1}"
        % server.port]
    conn.close()


def test_a_kept_alive_connection_carries_the_next_request(serve):
    server = serve(b"HTTP/1.1 204 No Content\r\n\r\n",
                   b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    conn = Connection("http", "127.0.0.1", server.port)
    assert post(conn) == (204, b"", True)
    assert post(conn) == (200, b"", True)
    assert server.connections == 1
    conn.close()


@pytest.mark.parametrize("reply, body, keep", [
    (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\n"
     b"Trailer: 1\r\n\r\n", b"abcde", True),
    (b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", b"x", True),
    (b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx", b"x", False),
    (b"HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx", b"x", False),
    (b"HTTP/1.1 200\r\nContent-Length: 1\r\n\r\nx", b"x", True),  # no reason phrase
])
def test_each_framing_is_read_whole(serve, reply, body, keep):
    server = serve(reply)
    conn = Connection("http", "127.0.0.1", server.port)
    assert post(conn) == (200, body, keep)
    conn.close()


def test_a_body_to_the_close_is_read_up_to_the_cap_and_not_kept(serve):
    server = serve(b"HTTP/1.1 200 OK\r\n\r\n" + b"x" * 50, close_after=True)
    conn = Connection("http", "127.0.0.1", server.port)
    assert post(conn, cap=10) == (200, b"x" * 10, False)
    conn.close()


@pytest.mark.parametrize("reply", [
    b"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n" + b"x" * 50,
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n32\r\n" + b"x" * 50 + b"\r\n0\r\n\r\n",
])
def test_a_body_over_the_cap_is_cut_there_and_the_connection_dropped(serve, reply):
    server = serve(reply)
    conn = Connection("http", "127.0.0.1", server.port)
    status, body, keep = post(conn, cap=10)
    assert (status, len(body), keep) == (200, 10, False)
    conn.close()


@pytest.mark.parametrize("reply, words", [
    (b"SMTP ready\r\n\r\n", "not an HTTP status line"),
    (b"HTTP/1.1 2000 OK\r\n\r\n", "not an HTTP status line"),
    (b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "not a header line"),
    (b"HTTP/1.1 200 OK\r\nX: " + b"y" * 70000 + b"\r\n\r\n", "over 64 KiB"),
    (b"HTTP/1.1 200 OK\r\n" + b"X: y\r\n" * 101 + b"\r\n", "more than 100 headers"),
    (b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length"),
    (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size"),
])
def test_a_malformed_answer_is_refused_with_what_was_wrong(serve, reply, words):
    server = serve(reply)
    conn = Connection("http", "127.0.0.1", server.port)
    with pytest.raises(Malformed, match=words):
        post(conn)
    conn.close()


def test_an_answer_cut_short_is_refused(serve):
    server = serve(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", close_after=True)
    conn = Connection("http", "127.0.0.1", server.port)
    with pytest.raises(Malformed, match="7 bytes before its body"):
        post(conn)
    conn.close()


def test_a_close_without_an_answer_is_a_disconnect(serve):
    server = serve(b"", close_after=True)
    conn = Connection("http", "127.0.0.1", server.port)
    with pytest.raises(Disconnected):
        post(conn)
    conn.close()


@pytest.mark.parametrize("path", ["/a b", "/a\r\nX: 1", "/\x00"])
def test_a_path_with_a_space_or_a_control_character_sends_nothing(serve, path):
    server = serve(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    conn = Connection("http", "127.0.0.1", server.port)
    with pytest.raises(ValueError, match="space or a control character"):
        conn.exchange("GET", path, {}, None, 5.0, 100)
    assert conn.sock is None and server.requests == []


def test_the_host_header_leaves_out_a_default_port_and_brackets_ipv6():
    assert Connection("http", "example.com", None).host_header == "example.com"
    assert Connection("https", "example.com", 443).host_header == "example.com"
    assert Connection("http", "::1", 8080).host_header == "[::1]:8080"
