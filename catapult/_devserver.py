"""The development WSGI server behind ``make_server`` and ``python -m catapult listen``:
threaded (a thread per connection), HTTP/1.1 with keep-alive, de-chunking chunked bodies,
dropping a sender silent for 10 s."""

from __future__ import annotations

import io
import logging
import socket
import socketserver
from typing import IO, Any, Callable, Iterable
from urllib.parse import unquote
from wsgiref import simple_server

from ._http1 import LeanRequestHead

logger = logging.getLogger("catapult.callbacks")


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, simple_server.WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default of 5 drops bursts of concurrent callbacks


class _Body:
    """A request's body as the app reads it: at most ``Content-Length`` bytes, so that an
    app that reads on cannot eat the next request of the connection; how much is left
    says whether the connection can carry another request."""

    def __init__(self, stream: IO[bytes], length: int) -> None:
        self._stream, self.left = stream, length

    def read(self, size: int = -1) -> bytes:
        size = self.left if size is None or size < 0 else min(size, self.left)
        data = self._stream.read(size) if size else b""
        self.left -= len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        size = self.left if size is None or size < 0 else min(size, self.left)
        data = self._stream.readline(size) if size else b""
        self.left -= len(data)
        return data

    def readlines(self, hint: int = -1) -> list[bytes]:
        return list(iter(self.readline, b""))

    def __iter__(self) -> Any:
        return iter(self.readline, b"")


#: what every request's environ starts from (wsgiref copies the process environment in;
#: a callback app needs none of it)
_WSGI_BASE = {"wsgi.version": (1, 0), "wsgi.url_scheme": "http", "wsgi.multithread": True,
              "wsgi.multiprocess": False, "wsgi.run_once": False}


def _run_app(app: Callable[..., Iterable[bytes]],
             environ: dict[str, Any]) -> tuple[str, list[tuple[str, str]], bytes]:
    """Run the WSGI ``app`` on one request: its status, headers and whole body (so that
    the answer leaves in one write, with its length, and the connection can carry
    another). An app that fails answers 500 (logged); one that never calls
    ``start_response``, too."""
    started: list[Any] = []

    def start_response(status: str, headers: list[tuple[str, str]],
                       exc_info: Any = None) -> Callable[[bytes], None]:
        if started and exc_info is None:
            raise AssertionError("start_response was called twice without exc_info")
        started[:] = [status, headers]
        return chunks.append

    chunks: list[bytes] = []
    try:
        result = app(environ, start_response)
        try:
            chunks.extend(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        if not started:
            raise AssertionError("the app returned without calling start_response")
    except Exception:  # noqa: BLE001 (an app's bug: one 500, and the server goes on)
        logger.exception("the WSGI app failed on %s %s", environ.get("REQUEST_METHOD"),
                         environ.get("PATH_INFO"))
        started[:] = ["500 Internal Server Error", [("Content-Type", "text/plain")]]
        chunks[:] = [b"the application failed; its log says why"]
    return started[0], started[1], b"".join(chunks)


def _answer(status: str, headers: list[tuple[str, str]], body: bytes, head_only: bool,
            keep_alive: bool) -> bytes:
    """The HTTP/1.1 answer, framed by its ``Content-Length``."""
    lines = [f"HTTP/1.1 {status}", *(f"{name}: {value}" for name, value in headers
                                     if name.lower() not in ("content-length", "connection"))]
    lines.append(f"Content-Length: {len(body)}")
    if not keep_alive:
        lines.append("Connection: close")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head if head_only else head + body


class _Handler(LeanRequestHead, simple_server.WSGIRequestHandler):
    """wsgiref's handler, plus what a callback receiver needs from it: HTTP/1.1 with
    keep-alive (the sandbox, and the API, send a call's callbacks over one connection),
    chunked bodies de-chunked (wsgiref passes them through raw, so a read would wait for
    the sender to give up), and a client that stalls dropped after ``timeout`` seconds
    instead of holding its thread forever."""

    protocol_version = "HTTP/1.1"
    #: the answer is buffered and sent in one write (wsgiref writes it piece by piece)
    wbufsize = 1 << 16
    #: seconds a read from the client may block (StreamRequestHandler applies it): a
    #: stalled sender, or a kept-alive connection left idle, lets its thread go then
    timeout = 10
    #: the largest de-chunked body accepted
    max_chunked = 8 << 20

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.address_string(), format % args)

    def setup(self) -> None:
        super().setup()
        # an answer goes out in two writes (its head, then its body): on a kept-alive
        # connection Nagle's algorithm would hold the second until the client's delayed
        # ACK, some 40 ms per callback
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def get_environ(self) -> dict[str, Any]:
        """The CGI variables of the request, from the headers as ``LeanRequestHead`` read
        them (wsgiref's own asks the email parser's message)."""
        path, _, query = self.path.partition("?")
        env: dict[str, Any] = {
            **self.server.base_environ,  # type: ignore[attr-defined]
            "SERVER_PROTOCOL": self.request_version, "SERVER_SOFTWARE": self.server_version,
            "REQUEST_METHOD": self.command, "PATH_INFO": unquote(path, "iso-8859-1"),
            "QUERY_STRING": query, "REMOTE_ADDR": self.client_address[0],
            "CONTENT_TYPE": self.headers.get("content-type", "text/plain")}
        if self.headers.get("content-length"):
            env["CONTENT_LENGTH"] = self.headers["content-length"]
        for name, value in self.headers.items():
            key = name.replace("-", "_").upper()
            if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
                env[f"HTTP_{key}"] = value
        return env

    def handle(self) -> None:
        self.close_connection = True
        self._handle_one()
        while not self.close_connection:
            self._handle_one()

    def _handle_one(self) -> None:
        try:
            self.raw_requestline = self.rfile.readline(65537)
        except OSError:  # the idle timeout, or the client went away
            self.close_connection = True
            return
        if not self.raw_requestline:
            self.close_connection = True
            return
        if len(self.raw_requestline) > 65536:
            self.requestline = self.request_version = self.command = ""
            self.send_error(414)
            return
        if not self.parse_request():  # sets close_connection from the version and header
            return
        environ = self.get_environ()
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            try:
                data = _dechunk(self.rfile, self.max_chunked)
            except (ValueError, OSError) as exc:
                self.send_error(400, f"bad chunked body: {exc}")
                self.close_connection = True
                return
            body = _Body(io.BytesIO(data), len(data))
            environ["CONTENT_LENGTH"] = str(len(data))
            environ.pop("HTTP_TRANSFER_ENCODING", None)
        else:
            length = self.headers.get("Content-Length", "0").strip() or "0"
            body = _Body(self.rfile, int(length) if length.isdigit() else 0)
            if not length.isdigit():
                self.close_connection = True  # the app answers 400; the framing is lost
        environ.update(_WSGI_BASE, **{"wsgi.input": body, "wsgi.errors": self.get_stderr()})
        status, headers, content = _run_app(self.server.get_app(),  # type: ignore[attr-defined]
                                            environ)
        if body.left:  # the app left some of the body unread: the framing is lost
            self.close_connection = True
        answer = _answer(status, headers, content, self.command == "HEAD",
                         not self.close_connection)
        try:
            self.wfile.write(answer)
            self.wfile.flush()
        except OSError:  # the client went away
            self.close_connection = True
        code = answer[9:12].decode("latin-1")
        self.log_request(code, len(answer))


def _dechunk(stream: IO[bytes], limit: int) -> bytes:
    """The body of a ``Transfer-Encoding: chunked`` message; ValueError if malformed."""
    parts: list[bytes] = []
    total = 0
    while True:
        line = stream.readline(1026)
        if not line.endswith(b"\n"):
            raise ValueError("chunk size line cut short")
        size = int(line.split(b";", 1)[0].strip() or b"x", 16)
        if size == 0:
            break
        total += size
        if total > limit:
            raise ValueError(f"larger than {limit} bytes")
        data = stream.read(size)
        if len(data) < size or stream.read(2) != b"\r\n":
            raise ValueError("chunk cut short")
        parts.append(data)
    while stream.readline(1026) not in (b"\r\n", b"\n", b""):
        pass  # trailer fields: not used
    return b"".join(parts)


def make_server(app: Callable[..., Iterable[bytes]], host: str = "127.0.0.1",
                port: int = 0) -> simple_server.WSGIServer:
    """A threaded ``wsgiref`` server for ``app``, for development, tests and samples.

    Call ``serve_forever()`` on it (in a thread if need be), and ``shutdown()`` then
    ``server_close()`` to stop. Port 0 picks a free port (``server.server_port``).
    Chunked bodies are de-chunked; a client that sends nothing for 10 s is dropped.
    In production run the app under gunicorn or uWSGI instead.
    """
    return simple_server.make_server(host, port, app, server_class=_ThreadingWSGIServer,
                                     handler_class=_Handler)
