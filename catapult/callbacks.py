"""CallbackApp: a WSGI application that receives callback events and hands them to handlers."""

from __future__ import annotations

import difflib
import importlib
import logging
import os
import sys
import threading
from typing import IO, Any, Callable, Iterable, Optional, TypeVar, Union
from urllib.parse import parse_qsl

from ._devserver import make_server
from ._wire import basic_auth_matches
from .errors import ConfigurationError, EventParseError, InvalidOptionError
from .events import Event, event_types, parse_event

__all__ = ["CallbackApp", "Handler", "Receiver", "load_app", "make_server"]

logger: logging.Logger = logging.getLogger("catapult.callbacks")

Handler = Callable[[Any], object]
H = TypeVar("H", bound=Handler)
StartResponse = Callable[..., Any]

#: the Content-Type of a BXML answer (the v1 docs do not state one; XML's is the plausible)
BXML_CONTENT_TYPE = "application/xml; charset=utf-8"

_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 405: "Method Not Allowed",
            411: "Length Required", 413: "Payload Too Large", 500: "Internal Server Error"}


class _BadBody(Exception):
    """A body that cannot be read whole: answered with ``status`` and never dispatched."""

    def __init__(self, status: int, text: str) -> None:
        super().__init__(text)
        self.status = status


class CallbackApp:
    """A WSGI application for your callback URL: each event goes, typed, to your handlers.

    Runs under any WSGI server: ``wsgiref`` or ``python -m catapult listen`` to explore,
    gunicorn or uWSGI in production (``gunicorn 'myapp:app'``). Handlers may run
    concurrently (threads or processes); the app keeps no state per request.

    Replies: 200 once handled (also when no handler matched; that is logged), 400 for a
    body that is not an event or that ended before its ``Content-Length``, 401 when
    credentials are set and do not match, 405 for a method other than POST or GET, 411
    for a chunked body that the WSGI server does not de-chunk (it does not set
    ``wsgi.input_terminated``), 413 for a body above ``max_body``, 500 when a handler
    raised (logged with its traceback; the app keeps serving). Only a body read whole is
    ever dispatched.

    BXML: a handler that returns a ``catapult.bxml.Response`` (or BXML text) answers the
    callback with it: 200, ``Content-Type: application/xml; charset=utf-8`` (the v1 docs
    name none). Text is checked first (well-formed, 16 KB, every verb's rules); BXML that
    fails is a 500 with the reason logged. Other return values are not answers.

    Args:
        username: with ``password``, the Basic credentials you embedded in the callback URL
            (``https://user:pass@host/path``); compared in constant time.
        password: see ``username``.
        max_body: the largest body accepted, in bytes (default 1 MiB).

    Example:
        >>> app = catapult.CallbackApp()
        >>> @app.on("gather")
        ... def gathered(event):
        ...     print(event.digits, event.reason)
    """

    def __init__(self, *, username: Optional[str] = None, password: Optional[str] = None,
                 max_body: int = 1 << 20) -> None:
        if (username is None) != (password is None):
            raise ConfigurationError("username and password go together: give both or neither")
        if not isinstance(max_body, int) or isinstance(max_body, bool) or max_body < 1:
            raise ConfigurationError(f"max_body must be a positive int, got {max_body!r}")
        self.max_body = max_body
        self._credentials = (
            f"{username}:{password}".encode() if username is not None else None
        )
        self._lock = threading.Lock()
        self._handlers: tuple[tuple[Union[str, type[Event], None], Handler], ...] = ()

    def __repr__(self) -> str:
        auth = ", basic auth" if self._credentials else ""
        return f"<CallbackApp {len(self._handlers)} handlers{auth}>"

    # -- registration ---------------------------------------------------------------------

    def on(self, kind: Union[str, type[Event]]) -> Callable[[H], H]:
        """Register the decorated function for one event type.

        Args:
            kind: an ``eventType`` string (``"gather"``, ``"hangup"``, ...) or an event class
                (``catapult.GatherEvent``; subclasses match too).

        Raises:
            InvalidOptionError: an unknown type name (with a did-you-mean).
        """
        if isinstance(kind, str):
            known = sorted(event_types())
            if kind not in known:
                close = difflib.get_close_matches(kind, known, n=1)
                hint = f": did you mean {close[0]!r}?" if close else ""
                raise InvalidOptionError(
                    f"unknown event type {kind!r}{hint} (known: {', '.join(known)})"
                )
        elif not (isinstance(kind, type) and issubclass(kind, Event)):
            raise InvalidOptionError(f"on() takes an event type name or class, got {kind!r}")

        def register(handler: H) -> H:
            self._add(kind, handler)
            return handler

        return register

    def on_any(self, handler: H) -> H:
        """Register the decorated function for every event, whatever its type."""
        self._add(None, handler)
        return handler

    def _add(self, kind: Union[str, type[Event], None], handler: Handler) -> None:
        if not callable(handler):
            raise InvalidOptionError(f"a handler must be callable, got {handler!r}")
        with self._lock:  # a new tuple each time: dispatch reads it without a lock
            self._handlers = (*self._handlers, (kind, handler))

    # -- dispatch -------------------------------------------------------------------------

    def dispatch(self, event: Event) -> int:
        """Run the handlers that match ``event``; returns how many ran.

        Raises:
            Exception: the first exception a handler raised, after all handlers have run.
        """
        return self._run(event)[0]

    def _run(self, event: Event) -> tuple[int, object]:
        """``dispatch``, also returning the first BXML answer a handler gave (or None)."""
        failure: Optional[BaseException] = None
        ran = 0
        answer: object = None
        for kind, handler in self._handlers:
            if not _matches(kind, event):
                continue
            ran += 1
            try:
                result = handler(event)
            except Exception as exc:  # one failing handler must not starve the others
                logger.exception("callback handler %r failed on %s event",
                                 getattr(handler, "__name__", handler), event.event_type)
                failure = failure or exc
                continue
            if _is_answer(result):
                if answer is None:
                    answer = result
                else:
                    logger.warning("two handlers answered the %s event with BXML; the "
                                   "first answer is sent", event.event_type)
        if failure is not None:
            raise failure
        return ran, answer

    # -- WSGI -----------------------------------------------------------------------------

    def __call__(self, environ: dict[str, Any],
                 start_response: StartResponse) -> Iterable[bytes]:
        """The WSGI entry point: read one callback, dispatch it, and reply (see the class)."""
        method = environ.get("REQUEST_METHOD", "GET").upper()
        if method not in ("POST", "GET"):
            return _reply(start_response, 405, "only POST and GET callbacks are accepted",
                          [("Allow", "GET, POST")])
        if self._credentials is not None and not self._authorized(environ):
            return _reply(start_response, 401, "credentials required",
                          [("WWW-Authenticate", 'Basic realm="catapult callbacks"')])
        try:
            if method == "GET":
                event = parse_event(dict(parse_qsl(environ.get("QUERY_STRING", ""),
                                                   keep_blank_values=True)))
            else:
                event = self._parse_post(environ, self._read(environ))
        except _BadBody as exc:
            logger.warning("rejected callback: %s", exc)
            return _reply(start_response, exc.status, str(exc))
        except EventParseError as exc:
            logger.warning("rejected callback: %s", exc)
            return _reply(start_response, 400, str(exc))
        try:
            ran, answer = self._run(event)
        except Exception:
            return _reply(start_response, 500, "handler failed")
        if not ran:
            logger.info("no handler for %s event (call %s)", event.event_type, event.call_id)
        if answer is not None:
            return _answer(start_response, answer, event)
        return _reply(start_response, 200, "ok")

    def _authorized(self, environ: dict[str, Any]) -> bool:
        assert self._credentials is not None
        return basic_auth_matches(str(environ.get("HTTP_AUTHORIZATION", "")), self._credentials)

    def _read(self, environ: dict[str, Any]) -> bytes:
        """The whole body, or a _BadBody saying why not (too large, cut short, unframed)."""
        stream = environ.get("wsgi.input")
        length_text = str(environ.get("CONTENT_LENGTH") or "").strip()
        chunked = "chunked" in str(environ.get("HTTP_TRANSFER_ENCODING", "")).lower()
        if length_text:
            try:
                length = int(length_text)
            except ValueError:
                raise _BadBody(400, f"Content-Length is not a number: {length_text[:20]!r}") \
                    from None
            if length > self.max_body:
                raise _BadBody(413, f"body larger than {self.max_body} bytes")
            body = _read_from(stream, length) if length > 0 else b""
            if len(body) < length:
                raise _BadBody(400, f"body ended after {len(body)} of its {length} bytes")
            return body
        if chunked:
            if not environ.get("wsgi.input_terminated"):
                # the server hands over the raw chunked stream, with no end that a read
                # could stop at: waiting would hang until the sender gives up
                raise _BadBody(411, "a chunked body needs a server that de-chunks it "
                                    "(gunicorn, or catapult's make_server); send Content-Length")
            body = _read_from(stream, self.max_body + 1)
            if len(body) > self.max_body:
                raise _BadBody(413, f"body larger than {self.max_body} bytes")
            return body
        return b""

    @staticmethod
    def _parse_post(environ: dict[str, Any], body: bytes) -> Event:
        content_type = str(environ.get("CONTENT_TYPE", "")).lower()
        if content_type.startswith("application/x-www-form-urlencoded"):
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise EventParseError("not a callback event: the form is not UTF-8") from exc
            return parse_event(dict(parse_qsl(text, keep_blank_values=True)))
        return parse_event(body)


def _read_from(stream: Optional[IO[bytes]], limit: int) -> bytes:
    """Up to ``limit`` bytes, stopping early only at the end of the stream."""
    if stream is None:
        return b""
    parts: list[bytes] = []
    got = 0
    try:
        while got < limit:
            part = stream.read(limit - got)
            if not part:
                break
            parts.append(part)
            got += len(part)
    except Exception as exc:  # a socket timeout, or the WSGI server's own "no more data"
        raise _BadBody(400, f"body could not be read whole: {type(exc).__name__}") from exc
    return b"".join(parts)


def _matches(kind: Union[str, type[Event], None], event: Event) -> bool:
    if kind is None:
        return True
    if isinstance(kind, str):
        return kind == event.event_type.strip().lower()
    return isinstance(event, kind)


def _is_answer(result: object) -> bool:
    """A handler answers with BXML by returning a ``bxml.Response`` or its text (a string
    that starts with ``<``); any other return value (``"ok"``, a Gather from
    ``create_gather``) is not an answer."""
    if isinstance(result, str):
        return result.lstrip().startswith("<")
    if isinstance(result, bytes):
        return result.lstrip().startswith(b"<")
    bxml = sys.modules.get("catapult.bxml")  # not loaded: the result cannot be a Response
    return bxml is not None and isinstance(result, bxml.Response)


def _answer(start_response: StartResponse, answer: object, event: Event) -> list[bytes]:
    """Reply 200 with the BXML document, checked first: text is parsed (the 16 KB limit,
    well-formed, every verb's rules); a handler's bad BXML is a 500, logged."""
    from . import bxml  # only apps that answer with BXML load it

    try:
        if isinstance(answer, (str, bytes)):
            bxml.parse(answer)
            body = answer.encode("utf-8") if isinstance(answer, str) else answer
        else:
            body = str(answer).encode("utf-8")
    except InvalidOptionError as exc:
        logger.error("the BXML answer to the %s event (call %s) is not valid: %s",
                     event.event_type, event.call_id, exc)
        return _reply(start_response, 500, "handler answered with invalid BXML")
    except Exception as exc:  # whatever else fails here must not escape the WSGI app
        logger.error("the BXML answer to the %s event (call %s) could not be sent: %s: %s",
                     event.event_type, event.call_id, type(exc).__name__, exc)
        return _reply(start_response, 500, "handler answered with BXML that cannot be sent")
    start_response("200 OK", [("Content-Type", BXML_CONTENT_TYPE),
                              ("Content-Length", str(len(body)))])
    return [body]


def _reply(start_response: StartResponse, status: int, text: str,
           headers: Optional[list[tuple[str, str]]] = None) -> list[bytes]:
    body = (text + "\n").encode("utf-8")
    start_response(f"{status} {_REASONS[status]}", [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
        *(headers or []),
    ])
    return [body]


class Receiver:
    """A ``CallbackApp`` served on a free loopback port in a thread: give ``url`` as a
    callback URL, read ``events`` (every event received, in order), register handlers on
    ``app``. A context manager; ``close()`` stops it. The pytest plugin's
    ``catapult_callbacks`` fixture is one.

    Args:
        app: the app to serve (default: a new ``CallbackApp``).
        path: the path part of ``url`` (any path reaches the app).
    """

    def __init__(self, app: Optional[CallbackApp] = None, *, path: str = "/callbacks") -> None:
        self.app: CallbackApp = app if app is not None else CallbackApp()
        self.events: list[Event] = []
        self.app.on_any(self.events.append)
        self._server = make_server(self.app, "127.0.0.1", 0)
        self.url: str = f"http://127.0.0.1:{self._server.server_port}{path}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        name="catapult-receiver", daemon=True)
        self._thread.start()

    def __repr__(self) -> str:
        return f"<Receiver {self.url} {len(self.events)} events>"

    def serve(self, app: CallbackApp) -> None:
        """Serve ``app`` (your application's own ``CallbackApp``) from now on, at the same
        ``url``; its events are kept in ``events`` too (a handler is added to it)."""
        if not isinstance(app, CallbackApp):
            raise ConfigurationError(
                f"Receiver.serve takes a catapult.CallbackApp, got {type(app).__name__}")
        app.on_any(self.events.append)
        self.app = app
        self._server.set_app(app)

    def close(self) -> None:
        """Stop serving and release the port."""
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Receiver:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def load_app(spec: str) -> CallbackApp:
    """The ``CallbackApp`` that ``spec`` names, ``"module:attribute"`` as gunicorn takes it
    (``"ivr:app"``), imported from the current directory too. A module already imported
    is imported again, so that what it reads from the environment at import time (a
    ``Client.from_env()``) is read now.

    Raises:
        ConfigurationError: ``spec`` is malformed, its module cannot be imported, or what it
            names is not a ``CallbackApp``.
    """
    module_name, colon, attribute = spec.partition(":") if isinstance(spec, str) else ("", "", "")
    if not colon or not module_name or not attribute.isidentifier():
        raise ConfigurationError(
            f"an app is given as 'module:attribute' (e.g. 'ivr:app'), got {spec!r}")
    if os.getcwd() not in sys.path and "" not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = sys.modules.get(module_name)
        module = importlib.reload(module) if module else importlib.import_module(module_name)
    except ImportError as exc:
        raise ConfigurationError(f"cannot import the app's module {module_name!r}: {exc}") \
            from exc
    app = getattr(module, attribute, None)
    if not isinstance(app, CallbackApp):
        raise ConfigurationError(
            f"{spec} is {type(app).__name__ if app is not None else 'missing'}, not a "
            "catapult.CallbackApp")
    return app
