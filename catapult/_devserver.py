"""The development WSGI server behind ``make_server`` and ``python -m catapult listen``:
threaded, de-chunking chunked bodies, dropping a sender silent for 10 s."""

from __future__ import annotations

import io
import logging
import socketserver
from typing import IO, Any, Callable, Iterable
from wsgiref import simple_server

logger = logging.getLogger("catapult.callbacks")


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, simple_server.WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default of 5 drops bursts of concurrent callbacks


class _Handler(simple_server.WSGIRequestHandler):
    """wsgiref's handler, plus what a callback receiver needs from it: chunked bodies are
    de-chunked (wsgiref passes them through raw, so a read would wait for the sender to
    give up), and a client that stalls is dropped after ``timeout`` seconds instead of
    holding its thread forever."""

    #: seconds a read from the client may block (StreamRequestHandler applies it)
    timeout = 10
    #: the largest de-chunked body accepted
    max_chunked = 8 << 20

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.address_string(), format % args)

    def handle(self) -> None:
        self.raw_requestline = self.rfile.readline(65537)
        if len(self.raw_requestline) > 65536:
            self.requestline = self.request_version = self.command = ""
            self.send_error(414)
            return
        if not self.parse_request():
            return
        environ = self.get_environ()
        stdin: Any = self.rfile
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            try:
                body = _dechunk(stdin, self.max_chunked)
            except (ValueError, OSError) as exc:
                self.send_error(400, f"bad chunked body: {exc}")
                return
            stdin = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            environ.pop("HTTP_TRANSFER_ENCODING", None)
        handler = simple_server.ServerHandler(stdin, self.wfile, self.get_stderr(),  # type: ignore[arg-type]
                                              environ, multithread=False)
        handler.request_handler = self  # type: ignore[attr-defined]
        handler.run(self.server.get_app())  # type: ignore[attr-defined]


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
