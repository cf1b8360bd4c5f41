"""The sandbox's HTTP/1.1 server, which a browser on the same machine also reaches, so it
defends itself as a local server must: who may talk to it (``Host``, ``Origin``,
``Sec-Fetch-Site``), how much it reads (body caps, framing), the headers that keep its
page safe, then dispatch to the page, the control routes or the API.

What it refuses, and why:
- a ``Host`` that is not the sandbox's own address (127.0.0.1, localhost or [::1] at its
  port, the address it was bound to, and the names given with ``allow_hosts``): 403, which
  ends DNS rebinding, where another site's name is pointed at 127.0.0.1;
- a request a browser sends from another origin (an ``Origin`` other than the sandbox's,
  or ``Sec-Fetch-Site: cross-site`` / ``same-site``): 403 before anything changes, so a web
  page open in the developer's browser can neither drive the sandbox nor read from it;
- a body over ``MAX_BODY`` (media uploads: the API's own 65 MB): answered without being
  read; a malformed or repeated ``Content-Length``: 400; ``Transfer-Encoding``: 411.
curl and every SDK send no ``Origin``, so they keep working.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union
from urllib.parse import parse_qsl, urlsplit

from .._http1 import LeanRequestHead
from ._api import handle_api
from ._control import handle_control
from ._http import ApiFailure, Reply, Request, error_reply
from ._media import MAX_MEDIA

if TYPE_CHECKING:
    from . import Sandbox

logger = logging.getLogger("catapult.sandbox")
#: one INFO line per request (``python -m catapult sandbox`` prints them); it does not
#: propagate, so that a test process logging ``catapult`` at DEBUG sees each request once
#: (the client's own line), not three times
request_log = logging.getLogger("catapult.sandbox.requests")
request_log.propagate = False

JSON_TYPE = "application/json;charset=UTF-8"  # what the API sends since 2019

#: the largest request body read, in bytes (a media upload may be up to ``MAX_MEDIA``)
MAX_BODY = 1 << 20

#: what the page and its files may load and where they may be shown: from the sandbox only,
#: no inline script or handler attributes, never inside another site's frame
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; "
    "frame-ancestors 'none'")
#: on every answer: no type sniffing, no Referer sent on, not readable by other sites'
#: pages through <img>/<script> tags
SAFETY_HEADERS = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
                  ("Cross-Origin-Resource-Policy", "same-origin"))

#: the files of the phone page, by path: (file in static/, content type)
STATIC = {
    "/": ("phone.html", "text/html; charset=utf-8"),
    "/index.html": ("phone.html", "text/html; charset=utf-8"),
    "/static/phone.js": ("phone.js", "text/javascript; charset=utf-8"),
    "/static/phone.css": ("phone.css", "text/css; charset=utf-8"),
}

_LOOPBACK = ("127.0.0.1", "localhost", "[::1]")


class Guard:
    """Which ``Host`` values and origins the sandbox answers."""

    def __init__(self, bound: str, port: int, allow_hosts: Iterable[str] = ()) -> None:
        names = [*_LOOPBACK, *([_bracketed(bound)] if bound not in ("", "0.0.0.0") else [])]
        hosts = {f"{name}:{port}".lower() for name in names}
        for extra in allow_hosts:
            extra = extra.strip().lower()
            hosts.add(extra if _has_port(extra) else f"{extra}:{port}")
        if port == 80:  # the default port is left out of Host
            hosts |= {host[:-3] for host in hosts if host.endswith(":80")}
        self.hosts = frozenset(hosts)
        self.port = port

    def refusal(self, headers: dict[str, str], path: str) -> Optional[ApiFailure]:
        """Why this request is refused (403), or None when the sandbox may answer it."""
        host = headers.get("host", "").strip().lower()
        if host not in self.hosts:
            return ApiFailure(
                403, "authorization", "host-not-allowed",
                f"This sandbox answers requests for {', '.join(sorted(self.hosts))} only, "
                f"not for Host {host[:100]!r}; to reach it by another name, start it with "
                "--allow-host NAME (Sandbox(allow_hosts=[...]))")
        origin = headers.get("origin")
        if origin is not None and origin.strip().lower() != f"http://{host}":
            return _cross_origin(f"Origin {origin[:100]!r}")
        site = headers.get("sec-fetch-site", "").strip().lower()
        if site in ("cross-site", "same-site"):
            return _cross_origin(f"a {site} request (Sec-Fetch-Site)")
        return None


def _cross_origin(what: str) -> ApiFailure:
    return ApiFailure(403, "authorization", "cross-origin-refused",
                      f"{what} is refused: only the sandbox's own pages and clients that are "
                      "not browsers (curl, the SDKs) may use it; open the phone page at the "
                      "sandbox's own address")


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _has_port(host: str) -> bool:
    return host.rsplit("]", 1)[-1].count(":") == 1


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], sandbox: Sandbox,
                 allow_hosts: Iterable[str] = ()) -> None:
        self.sandbox = sandbox
        super().__init__(address, Handler)
        self.guard = Guard(address[0], int(self.server_address[1]), allow_hosts)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # a peer that vanished mid-request is not worth a traceback on the developer's screen
        logger.debug("connection from %s ended with an error", client_address, exc_info=True)


class Handler(LeanRequestHead, BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: every reply has a Content-Length
    timeout = 30  # an idle keep-alive connection is closed after this many seconds
    server: Server
    _unread = False  # the answer went out with a body left unread (see finish)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s %s", self.address_string(), format % args)

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        pass  # the request log (``request_log``) has its line already

    def do_GET(self) -> None:
        self._handle()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET

    def _handle(self) -> None:
        started = time.perf_counter()
        parts = urlsplit(self.path)
        headers: dict[str, str] = dict(self.headers)
        try:
            reply = self._answer(parts.path, parts.query, headers)
        except Exception as exc:  # a bug of the sandbox's own: one 500, and it keeps serving
            logger.error("the sandbox failed answering %s %s: %s: %s", self.command,
                         parts.path, type(exc).__name__, exc)
            logger.debug("the failure in full", exc_info=True)
            reply = Reply(500, {"category": "unavailable", "code": "sandbox-error",
                                "message": f"the sandbox failed: {type(exc).__name__}"})
        if request_log.isEnabledFor(logging.INFO):  # logged before the answer leaves
            request_log.info("%s %s %d %.1f ms", self.command, parts.path, reply.status,
                             (time.perf_counter() - started) * 1000)
        self._send(reply)

    def _answer(self, path: str, query: str, headers: dict[str, str]) -> Reply:
        request = Request(method=self.command, path=path,
                          query=dict(parse_qsl(query, keep_blank_values=True)),
                          headers=headers, raw=b"", remote=self.client_address[0])
        length = self._length(request)
        if isinstance(length, ApiFailure):
            # a body that is not read cannot be skipped: the connection ends after the answer
            self.close_connection = self._unread = True
            return error_reply(length, request)
        refused = self.server.guard.refusal(headers, path)
        body = self._read(length)  # within the cap: read, so the answer is not lost
        if isinstance(body, ApiFailure):
            return error_reply(body, request)
        if refused is not None:
            return error_reply(refused, request)
        request = Request(method=request.method, path=path, query=request.query,
                          headers=headers, raw=body, remote=request.remote)
        sandbox = self.server.sandbox
        if path in STATIC and request.method in ("GET", "HEAD"):
            return _static(path)
        if path.startswith("/sandbox/") or path == "/sandbox":
            return handle_control(sandbox, request)
        reply = handle_api(sandbox, request)
        sandbox._record_request(request, reply)
        return reply

    def _length(self, request: Request) -> Union[int, ApiFailure]:
        """How many body bytes to read, or why the body is not read at all."""
        headers = request.headers
        if "transfer-encoding" in headers:
            return ApiFailure(411, "bad-request", "length-required",
                              "The sandbox takes bodies with a Content-Length only, not "
                              f"Transfer-Encoding {headers['transfer-encoding'][:40]!r}")
        length_text = headers.get("content-length")
        if length_text is None:
            return 0
        if not (length_text.isascii() and length_text.isdigit()) or len(length_text) > 15:
            return ApiFailure(400, "bad-request", "invalid-content-length",
                              "Content-Length must be a whole number of bytes, got "
                              f"{length_text[:40]!r}")
        length = int(length_text)
        media = request.method == "PUT" and "/media/" in request.path
        if media and length > MAX_MEDIA:
            return ApiFailure(403, "forbidden", "media-size-overflow",
                              f"The media is {length} bytes; the most the media store "
                              f"takes is {MAX_MEDIA} bytes (65 MB)")
        if not media and length > MAX_BODY:
            return ApiFailure(413, "bad-request", "request-too-large",
                              f"The body is {length} bytes; the sandbox reads at most "
                              f"{MAX_BODY} bytes (1 MiB; media uploads: 65 MB)")
        return length

    def _read(self, length: int) -> Union[bytes, ApiFailure]:
        if not length:
            return b""
        if self.headers.get("expect", "").lower() == "100-continue" \
                and self.request_version == "HTTP/1.1":
            self.send_response_only(100)
            self.end_headers()
        body: bytes = self.rfile.read(length)
        if len(body) < length:
            self.close_connection = True
            return ApiFailure(400, "bad-request", "incomplete-body",
                              f"The body ended after {len(body)} of its {length} bytes")
        return body

    def finish(self) -> None:
        super().finish()
        if self._unread:
            # a lingering close: the client may still be sending the body that was refused
            # unread; closing now would reset the connection and lose the answer it needs
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_WR)
                self.connection.settimeout(1.0)
                drained = 0
                while drained < (4 << 20):
                    chunk = self.connection.recv(65536)
                    if not chunk:
                        break
                    drained += len(chunk)

    def setup(self) -> None:
        super().setup()
        # each answer goes out in one write; without NODELAY a second small write would
        # wait for the client's delayed ACK (about 40 ms)
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _send(self, reply: Reply) -> None:
        if reply.raw is not None:
            body = reply.raw
        else:
            body = b"" if reply.body is None else json.dumps(reply.body).encode()
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        for name, value in SAFETY_HEADERS:
            self.send_header(name, value)
        if body and reply.raw is None:
            self.send_header("Content-Type", JSON_TYPE)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        if self.command != "HEAD":
            # the body joins the buffered status line and headers: one write for all
            self._headers_buffer.append(b"\r\n" + body)  # type: ignore[attr-defined]
            self.flush_headers()
        else:
            self.end_headers()


def _static(path: str) -> Reply:
    """A file of the page where a person is the far end of the sandbox's calls."""
    name, content_type = STATIC[path]
    data = resources.files("catapult.sandbox").joinpath(f"static/{name}").read_bytes()
    return Reply(200, headers={"Content-Type": content_type, "Cache-Control": "no-store",
                               "Content-Security-Policy": CONTENT_SECURITY_POLICY,
                               "X-Frame-Options": "DENY"}, raw=data)
