"""The courier's HTTP/1.1 client: one kept-alive connection to a callback host.

``http.client`` parses every answer's headers with the email parser; for a sandbox that
posts seven callbacks per call that was a third of its time. This client writes a request
in one ``sendall`` and reads the answer's status line and headers itself, with the limits
``http.client`` has (a line of 64 KiB, 100 headers), then the body by its length, by its
chunks or to the close, never more than the cap it is given.
"""

from __future__ import annotations

import re
import socket
import ssl
from typing import Any, Optional

__all__ = ["Connection", "Disconnected", "Malformed"]

_MAX_LINE = 65536
_MAX_HEADERS = 100
#: what may not appear in a request line or a header: controls, DEL, and (in a path) space
_UNSAFE = re.compile(r"[\x00-\x20\x7f]")
_TLS: list[ssl.SSLContext] = []  # made on first use: it loads the system's certificates


class Malformed(Exception):
    """The answer was not HTTP/1.x as RFC 9112 frames it."""


class Disconnected(Malformed):
    """The server closed the connection before answering (a kept-alive connection that the
    server closed while it was idle reads this way, and is worth one new connection)."""


class Connection:
    """One connection to ``host:port``, opened on first use and kept while the server keeps
    it; ``sock`` is the socket (None when closed), for a watchdog to shut."""

    def __init__(self, scheme: str, host: str, port: Optional[int]) -> None:
        self.scheme, self.host = scheme, host
        self.port = port or (443 if scheme == "https" else 80)
        self.sock: Optional[socket.socket] = None
        self._file: Any = None  # the socket's buffered reader
        shown = f"[{host}]" if ":" in host else host
        default = self.port == (443 if scheme == "https" else 80)
        self.host_header = shown if default else f"{shown}:{self.port}"

    def exchange(self, method: str, path: str, headers: dict[str, str],
                 body: Optional[bytes], timeout: float, cap: int) -> tuple[int, bytes, bool]:
        """Send one request; return the status, at most ``cap`` bytes of the body, and
        whether the connection can carry another request."""
        if _UNSAFE.search(path) or _UNSAFE.search(self.host_header):
            raise ValueError("the URL holds a space or a control character")
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host_header}",
                 "Accept-Encoding: identity"]
        for name, value in headers.items():
            if "\r" in value or "\n" in value:
                raise ValueError(f"the {name} header holds a line break")
            lines.append(f"{name}: {value}")
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        sock = self._open(timeout)
        sock.settimeout(timeout)
        sock.sendall(head + body if body else head)
        return self._answer(method, cap)

    def close(self) -> None:
        sock, self.sock, self._file = self.sock, None, None
        if sock is not None:
            sock.close()

    def _open(self, timeout: float) -> socket.socket:
        if self.sock is None:
            sock = socket.create_connection((self.host, self.port), timeout=timeout)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self.scheme == "https":
                if not _TLS:
                    _TLS.append(ssl.create_default_context())
                sock = _TLS[0].wrap_socket(sock, server_hostname=self.host)
            self.sock = sock
            self._file = sock.makefile("rb")
        return self.sock

    def _line(self) -> bytes:
        line: bytes = self._file.readline(_MAX_LINE + 1)
        if len(line) > _MAX_LINE:
            raise Malformed("a line of the answer is over 64 KiB")
        return line

    def _answer(self, method: str, cap: int) -> tuple[int, bytes, bool]:
        while True:
            line = self._line()
            if not line:
                raise Disconnected("the server closed the connection without answering")
            version, _, rest = str(line, "latin-1").rstrip("\r\n").partition(" ")
            code = rest[:3]
            if version not in ("HTTP/1.1", "HTTP/1.0") or not code.isdigit() or (
                    rest[3:4] not in ("", " ")):
                raise Malformed(f"not an HTTP status line: {line[:60]!r}")
            status = int(code)
            headers = self._headers()
            if 100 <= status < 200 and status != 101:
                continue  # 100 Continue and the like: the answer follows
            break
        keep = version == "HTTP/1.1" and "close" not in headers.get("connection", "").lower()
        if status in (204, 304) or 100 <= status < 200 or method == "HEAD":
            return status, b"", keep
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body, whole = self._chunks(cap)
            return status, body, keep and whole
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                raise Malformed(f"a Content-Length of {length[:20]!r}")
            size = int(length)
            body = self._read(min(size, cap), exact=True)
            return status, body, keep and size <= cap
        return status, self._read(cap, exact=False), False  # to the close

    def _headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        for _ in range(_MAX_HEADERS + 1):
            line = self._line()
            if line in (b"\r\n", b"\n", b""):
                return headers
            name, colon, value = str(line, "latin-1").partition(":")
            if not colon:
                raise Malformed(f"not a header line: {line[:60]!r}")
            name = name.strip().lower()
            headers[name] = f"{headers[name]}, {value.strip()}" if name in headers \
                else value.strip()
        raise Malformed(f"more than {_MAX_HEADERS} headers")

    def _read(self, size: int, exact: bool = True) -> bytes:
        data: bytes = self._file.read(size)
        if exact and len(data) < size:
            raise Malformed(f"the answer ended {size - len(data)} bytes before its body did")
        return data

    def _chunks(self, cap: int) -> tuple[bytes, bool]:
        parts: list[bytes] = []
        held = 0
        while True:
            size_text = str(self._line(), "latin-1").split(";", 1)[0].strip()
            try:
                size = int(size_text, 16)
            except ValueError:
                raise Malformed(f"a chunk size of {size_text[:20]!r}") from None
            if size == 0:
                self._headers()  # the trailer
                return b"".join(parts), True
            if held + size > cap:
                parts.append(self._read(cap - held))
                return b"".join(parts), False
            parts.append(self._read(size))
            held += size
            self._line()  # the CRLF after the chunk
