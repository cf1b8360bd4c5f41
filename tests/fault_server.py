"""A scripted HTTP/1.1 server on loopback for fault-injection tests.

Each request it receives is answered by the next behaviour in its plan (a reply, a reset, a
trickle, silence, ...), and logged, so that a test can assert what reached the server: which
paths, and how many times each POST arrived and was processed.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
from typing import Callable, Optional

import attrs


@attrs.frozen
class Seen:
    """One request as the server read it."""

    method: str
    path: str
    body: bytes
    connection: int
    processed: bool  # the behaviour acted on it (a 2xx/4xx/5xx reply, not a refusal or fault)
    raw: bytes = b""  # the request exactly as it arrived: request line, headers and body


Behaviour = Callable[["Conn", "Seen"], bool]  # returns: keep the connection open


class Conn:
    """One accepted connection."""

    def __init__(self, sock: socket.socket, number: int) -> None:
        self.sock = sock
        self.number = number
        self.buffer = b""

    def read_request(self) -> Optional[tuple[str, str, dict[str, str], bytes, bytes]]:
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buffer += chunk
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, path, _ = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(self.buffer) < length:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buffer += chunk
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return method, path, headers, body, head + b"\r\n\r\n" + body


def response(status: int, body: bytes = b"", headers: Optional[dict[str, str]] = None) -> bytes:
    lines = [f"HTTP/1.1 {status} X"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


# -- behaviours ----------------------------------------------------------------------------


def reply(status: int = 200, body: object = None, headers: Optional[dict[str, str]] = None,
          close_after: bool = False) -> Behaviour:
    """Answer; with close_after, close the connection without saying so (no Connection: close)."""
    data = b"" if body is None else json.dumps(body).encode()
    head = dict(headers or {})
    if body is not None:
        head["Content-Type"] = "application/json"

    def act(conn: Conn, seen: Seen) -> bool:
        conn.sock.sendall(response(status, data, head))
        return not close_after

    return act


def reset() -> Behaviour:
    """Read the request, then reset the connection before any response byte."""
    def act(conn: Conn, seen: Seen) -> bool:
        conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return False
    return act


def reset_mid_response() -> Behaviour:
    """Send the status line and part of the headers, then reset."""
    def act(conn: Conn, seen: Seen) -> bool:
        conn.sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"id\":")
        time.sleep(0.05)
        conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return False
    return act


def trickle(every: float, headers_too: bool = True) -> Behaviour:
    """Send the answer one byte every ``every`` seconds, for as long as the client listens."""
    def act(conn: Conn, seen: Seen) -> bool:
        if headers_too:
            data = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"x" * 10_000 + b"\r\n\r\n"
        else:
            conn.sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n")
            data = b"x" * 10_000
        for byte in data:
            try:
                conn.sock.sendall(bytes([byte]))
            except OSError:
                break
            time.sleep(every)
        return False
    return act


def silent(up_to: float = 10.0) -> Behaviour:
    """Never answer; wait until the client goes away."""
    def act(conn: Conn, seen: Seen) -> bool:
        conn.sock.settimeout(up_to)
        with contextlib.suppress(OSError):
            conn.sock.recv(1)
        return False
    return act


class FaultServer:
    """The server: ``plan(...)`` the next behaviours, read ``seen`` afterwards."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.seen: list[Seen] = []
        self._plan: list[tuple[Behaviour, bool]] = []
        self._lock = threading.Lock()
        self._connections = 0
        self._open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def plan(self, *behaviours: Behaviour, refused: tuple[int, ...] = ()) -> None:
        """Answer the next requests with these behaviours, in order (then plain 200s).

        ``refused`` lists the positions of behaviours that refuse without acting (a 429)."""
        with self._lock:
            self._plan = [(b, i in refused) for i, b in enumerate(behaviours)]

    def received(self, method: str, path: Optional[str] = None) -> list[Seen]:
        return [s for s in self.seen if s.method == method and (path is None or s.path == path)]

    def processed(self, method: str) -> list[Seen]:
        return [s for s in self.received(method) if s.processed]

    def close(self) -> None:
        self._listener.close()
        for sock in list(self._open):
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while True:
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self._connections += 1
                number = self._connections
            self._open.append(sock)
            threading.Thread(target=self._serve, args=(Conn(sock, number),), daemon=True).start()

    def _serve(self, conn: Conn) -> None:
        try:
            while True:
                request = conn.read_request()
                if request is None:
                    return
                method, path, _, body, raw = request
                with self._lock:
                    behaviour, refusal = self._plan.pop(0) if self._plan else (reply(), False)
                    seen = Seen(method, path, body, conn.number, processed=not refusal, raw=raw)
                    self.seen.append(seen)
                if not behaviour(conn, seen):
                    return
        except OSError:
            return
        finally:
            with contextlib.suppress(OSError):
                conn.sock.close()
