"""An embedded Catapult v1 sandbox: a local server that behaves like the API, with a
simulated caller, real callback delivery, and a clock that tests can drive."""

from __future__ import annotations

import re
import secrets
import threading
from types import TracebackType
from typing import Any, Callable, Iterable, Optional, TypeVar, Union

from ..client import Client
from ..errors import CatapultError, ConfigurationError, InvalidOptionError
from ..events import Event, event_types, parse_event
from ._audio import Heard
from ._caller import Caller, NotHeard
from ._clock import Clock
from ._delivery import Courier, Delivery, Target
from ._far_end import act
from ._gathers import DEFAULT_INTER_DIGIT_TIMEOUT, DEFAULT_MAX_DIGITS, DEFAULT_TERMINATING_DIGITS
from ._http import ApiFailure, RecordedRequest, Reply, Request, recorded
from ._records import Records
from ._server import Server
from ._waits import Waits
from ._world import World

__all__ = [
    "DEFAULT_INTER_DIGIT_TIMEOUT",
    "DEFAULT_MAX_DIGITS",
    "DEFAULT_TERMINATING_DIGITS",
    "CallbackFailed",
    "Caller",
    "Heard",
    "NotHeard",
    "RecordedRequest",
    "Sandbox",
    "SandboxError",
    "WaitTimeout",
]


T = TypeVar("T")
E = TypeVar("E", bound=Event)
_CALL_IN_PATH = re.compile(r"/calls/([^/?]+)")


class WaitTimeout(CatapultError, TimeoutError):
    """``sandbox.wait_for`` saw no matching event in time; the message says what was
    awaited, what arrived, the clock mode and the callbacks that failed."""


class CallbackFailed(CatapultError):
    """An awaited call's event could not be delivered to its callback URL.

    Attributes:
        delivery: the ``Delivery``: the payload, the URL, the status or the error.
    """

    def __init__(self, message: str, delivery: Delivery) -> None:
        super().__init__(message)
        self.delivery = delivery


class SandboxError(CatapultError):
    """A control call on the sandbox failed (unknown call, wrong state, bad digits).

    Attributes:
        status, code: what the HTTP control path answers for the same failure.
    """

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class Sandbox(Waits):
    """A local server that speaks the Catapult v1 API for calls, gathers, audio and DTMF.

    It checks Basic auth (401) and the user id in the path (403), validates bodies as the
    API does (400 validation-error), and answers with the API's status codes, Location
    headers and error bodies. A simulated far end answers, presses keys and hangs up;
    every event is POSTed to the call's ``callbackUrl`` (``fallbackUrl`` on failure) and
    recorded on ``events``; every API request is recorded on ``requests``.

    Gather rules: ``maxDigits`` ends it (default 128, the BXML default, as REST documents
    none); any of ``terminatingDigits`` (default ``#``) ends it at once and is **not**
    included in ``digits``; ``interDigitTimeout`` (default 5 s) counts from the start and
    again after each digit; a hang-up ends it with ``hung-up``; stopping it through the
    API ends it without a gather event (the API documents none). Each key the caller
    presses sends a ``dtmf`` event, also while a gather runs (the official dolphin apps act
    on it); the ``gather`` event follows when the gather ends.

    BXML replies are read with limits (16 KB, 8 levels, declared attributes only) and any
    failure while running one ends that call with an ``error`` event, never the sandbox;
    a call that runs more than 10 ``<Redirect>`` in a row with nothing heard or gathered
    in between is ended the same way. A delivery takes at most the call's
    ``callbackTimeout`` on the wall clock.

    Args:
        host: address to bind (default 127.0.0.1).
        port: port to bind (default 0: a free one).
        clock: ``"real"`` (default) or ``"manual"``: time stands still until ``advance()``.
        user_id: the user id to accept (default: a random one).
        api_token: the token to accept (default: a random one).
        api_secret: the secret to accept (default: a random one).
        retention: how many ended calls are kept (default 2000); older ended calls, and
            their events, deliveries and requests, are forgotten, so that memory and time
            per call stay flat over long runs (the account keeps as many of its most recent
            transactions). A forgotten call answers 404.
        allow_hosts: more names (``"myhost"`` or ``"myhost:8080"``) under which the sandbox
            may be reached. It answers only requests whose ``Host`` is its own address
            (127.0.0.1, localhost or [::1] at its port, or the address it is bound to) or
            one of these, and refuses requests that a browser sends from another origin,
            so that a web page open in your browser can neither drive it nor read it.

    Example:
        >>> with Sandbox() as sandbox:
        ...     client = sandbox.client()
        ...     call = client.Call.create(from_="+19195551212", to="+19195551213")
        ...     sandbox.answer(call.id)
        ...     gather = call.create_gather(max_digits=5)
        ...     sandbox.press(call.id, "12345")
        ...     sandbox.wait_for("gather", call_id=call.id).digits
        '12345'
    """

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, clock: str = "real",
                 user_id: Optional[str] = None, api_token: Optional[str] = None,
                 api_secret: Optional[str] = None, retention: int = 2000,
                 allow_hosts: Iterable[str] = ()) -> None:
        if clock not in ("real", "manual"):
            raise ConfigurationError(f"clock must be 'real' or 'manual', got {clock!r}")
        if isinstance(retention, bool) or not isinstance(retention, int) or retention < 0:
            raise ConfigurationError(f"retention must be an int >= 0, got {retention!r}")
        if isinstance(allow_hosts, str) or not all(
                isinstance(name, str) and name.strip() for name in allow_hosts):
            raise ConfigurationError("allow_hosts must be a list of host names, got "
                                     f"{allow_hosts!r}")
        self.host: str = host
        self.port: int = port
        self.allow_hosts: tuple[str, ...] = tuple(allow_hosts)
        self.user_id: str = user_id or "u-sandbox" + secrets.token_hex(6)
        self.api_token: str = api_token or "t-sandbox" + secrets.token_hex(6)
        self.api_secret: str = api_secret or secrets.token_urlsafe(18)
        self.clock: Clock = Clock(manual=clock == "manual")
        self._records = Records()
        self.world = World(self.clock, self._emit, retention=retention,
                           forget=self._records.forget)
        self.base_url: str = ""
        #: the CallbackApp (``"module:attr"``) that ``python -m catapult sandbox --app``
        #: serves: what the phone's "Save as test" writes a test for
        self.served_app: Optional[str] = None
        self._courier = Courier(self._delivered)
        self._server: Optional[Server] = None
        self._thread: Optional[threading.Thread] = None

    def __repr__(self) -> str:
        where = self.base_url or "not started"
        return f"<Sandbox {where} user_id={self.user_id!r}>"

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> Sandbox:
        """Bind the server and start serving in background threads; returns self."""
        if self._server is not None:
            return self
        self._server = Server((self.host, self.port), self, self.allow_hosts)
        self.port = int(self._server.server_address[1])
        self.base_url = f"http://{self.host}:{self.port}"
        self.world.root = f"{self.base_url}/v1/users/{self.user_id}"
        self.clock.start()
        self._courier.start()
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        name="catapult-sandbox", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; events already emitted are delivered first."""
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self.clock.stop()
        self._courier.stop()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, kind: Optional[type[BaseException]], error: Optional[BaseException],
                 trace: Optional[TracebackType]) -> None:
        self.stop()

    def client(self, **options: Any) -> Client:
        """A ``catapult.Client`` bound to this sandbox (options as for ``Client``)."""
        if not self.base_url:
            raise ConfigurationError("start the sandbox first: with Sandbox() as sandbox: ...")
        return Client(self.user_id, self.api_token, self.api_secret, base_url=self.base_url,
                      **options)

    # -- the simulated far end -------------------------------------------------------------

    def answer(self, call_id: str) -> None:
        """The called party answers an outbound call: it becomes active, ``answer`` is sent."""
        self._do(lambda: self.world.far_end.far_end_answers(call_id))

    def press(self, call_id: str, digits: str, interval: float = 0.0) -> None:
        """The caller presses ``digits`` (0-9 * # A-D), ``interval`` seconds apart.

        The first key is pressed at once; with an interval the rest follow on the clock
        (``advance()`` them with a manual clock). Returns without waiting for the rest.
        """
        if isinstance(interval, bool) or not isinstance(interval, (int, float)) or \
                not 0 <= interval <= 60:
            raise InvalidOptionError(f"interval must be a number of seconds from 0 to 60, "
                                     f"got {interval!r}")
        self._do(lambda: self.world.far_end.press(call_id, digits, float(interval)))

    def hang_up(self, call_id: str) -> None:
        """The caller hangs up: a running gather ends ``hung-up``, then ``hangup`` is sent."""
        self._do(lambda: self.world.far_end.far_end_hangs_up(call_id))

    def incoming_call(self, from_: str, to: str, callback_url: Optional[str] = None,
                      **settings: Any) -> str:
        """A call from ``from_`` arrives for ``to``: ``incomingcall`` is sent; returns its id.

        With no ``callback_url``, the call reports to the application of the number ``to``
        (its ``incomingCallUrl``, fallback, timeout and HTTP method), and when that
        application auto-answers (the API's default) an ``answer`` event follows. Otherwise,
        answer it through the API (``client.Call(id).answer()``) as a real application would.
        """
        body = {"from": from_, "to": to, **({"callbackUrl": callback_url} if callback_url
                                               else {}), **settings}
        return self._do(lambda: self.world.calls.create(body, direction="in"))

    def say(self, call_id: str, text: str, seconds: Optional[float] = None) -> None:
        """The caller says ``text`` for ``seconds`` (default: the time the sandbox takes to
        speak it): a recording running on the call holds that speech, a BXML ``<Record>``
        ends ``silenceTimeout`` after it, and the recording's transcription is the text."""
        from ._audio import speaking_time

        if seconds is not None and (isinstance(seconds, bool) or not isinstance(
                seconds, (int, float)) or not 0 < seconds <= 3600):
            raise InvalidOptionError(f"say: seconds must be a number from 0 to 3600, got "
                                     f"{seconds!r}")
        if not isinstance(text, str) or not text.strip():
            raise InvalidOptionError(f"say: text must be a non-empty string, got {text!r}")

        def speak() -> None:
            with self.world.lock:
                call = self.world.calls.active(call_id)
                spoken = float(seconds or speaking_time(text))
                self.world.recordings.say(call, text, spoken)
                act(call, "say", text, spoken)

        self._do(speak)

    def send_message(self, from_: str, to: str, text: str,
                     media: Optional[list[str]] = None) -> str:
        """A message from ``from_`` arrives for ``to``: an ``sms`` (``mms`` with ``media``)
        event goes to the ``incomingMessageUrl`` of the application of the number ``to``
        (with no application, it is only recorded, and the error log says so); returns
        the message's id."""
        from ._messages import Messages

        return self._do(lambda: self.world.part(Messages).receive(from_, to, text, media))

    def advance(self, seconds: float) -> None:
        """Manual clock: move time forward, firing timeouts and delayed keys that fall due."""
        if not self.clock.manual:
            raise ConfigurationError("advance() needs Sandbox(clock='manual')")
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or \
                not 0 <= seconds < float("inf"):
            raise InvalidOptionError(f"seconds must be a finite number >= 0, got {seconds!r}")
        self.clock.advance(seconds)

    def dtmf_sent(self, call_id: str) -> list[str]:
        """What the application sent with ``send_dtmf`` on the call, in order."""
        return self._do(lambda: self.world.audio.dtmf_sent(call_id))

    def transcribe_as(self, text: str, recording_id: Optional[str] = None) -> None:
        """What transcriptions say from now on: of ``recording_id``, or of every recording
        when None. Unset, a transcription says "This is a sandbox transcription."."""
        self.world.recordings.transcribe_as(text, recording_id)

    def caller(self, call_id: str) -> Caller:
        """The person at the far end of ``call_id`` (a call the app placed, or one that
        came in), to script: ``answers()``, ``hears(text)``, ``presses(keys)``, ..."""
        self._do(lambda: self.world.calls.get(call_id))
        return Caller(self, call_id)

    def call_in(self, from_: str, to: str, **settings: Any) -> Caller:
        """A person calls ``to`` from ``from_`` (as ``incoming_call``); returns them."""
        return Caller(self, self.incoming_call(from_, to, **settings))

    def export_test(self, call_id: str, app: str) -> str:
        """The call as a pytest module (the browser phone's "Save as test"): it serves the
        CallbackApp ``app`` (``"module:attr"``), makes the same call, replays the caller's
        part with ``hears`` before each key, and checks the events the app received."""
        from ._export import call_as_test

        return self._do(lambda: call_as_test(self, call_id, app))

    def environment(self) -> dict[str, str]:
        """The ``BANDWIDTH_*`` variables that point ``Client.from_env()`` at this sandbox."""
        return {"BANDWIDTH_USER_ID": self.user_id, "BANDWIDTH_API_TOKEN": self.api_token,
                "BANDWIDTH_API_SECRET": self.api_secret,
                "BANDWIDTH_API_ENDPOINT": self.base_url}

    def heard(self, call_id: str) -> list[Heard]:
        """What the caller heard on ``call_id``, in order: each sentence spoken (a gather's
        prompt included) with its voice, gender and locale, each file played, each DTMF
        tone sent (see ``Heard``)."""
        return self._do(lambda: self.world.audio.heard(call_id))

    def _do(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except ApiFailure as failure:
            raise SandboxError(failure.status, failure.code, failure.message) from None

    # -- what happened ---------------------------------------------------------------------

    @property
    def events(self) -> list[Event]:
        """Every event emitted so far, typed, in order (after its delivery was tried)."""
        return self._records.current_events()[0]

    @property
    def deliveries(self) -> list[Delivery]:
        """Each event's payload with the URL it went to last and the status (None: failed)."""
        return self._records.current_events()[1]

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every API request received, in order, without its credentials."""
        return self._records.current_requests()

    def _wait(self, event_type: Union[str, type[Event], None], call_id: Optional[str],
              count: int, timeout: float) -> Event:
        """``wait_for`` (typed in ``_waits.Waits``): the waiting itself."""
        name = _event_name(event_type)
        found = self._records.wait(name, call_id, count, timeout)
        if isinstance(found, Delivery):
            self._records.take_failures()
            raise CallbackFailed(f"the callback for call {call_id} failed: {found.describe()}",
                                 found)
        if found is None:
            raise WaitTimeout(self._why_not(name, call_id, count, timeout))
        return found

    def _why_not(self, name: Optional[str], call_id: Optional[str], count: int,
                 timeout: float) -> str:
        arrived = [e.event_type for e in self.events if call_id in (None, e.call_id)]
        text = (f"no {name or 'event'} #{count} for call {call_id or 'any'} within "
                f"{timeout} s; events so far{'' if call_id is None else ' of that call'}: "
                f"{', '.join(arrived) or 'none'}")
        if self.clock.manual:
            text += ("; the clock is manual: timeouts fire only when the test calls "
                     "sandbox.advance(seconds)")
        failures = self._records.take_failures()
        if failures:
            text += "; failed callbacks: " + "; ".join(f.describe() for f in failures)
        return text

    def settle(self, timeout: float = 5.0) -> bool:
        """Wait until every event emitted so far has been delivered; False on timeout."""
        return self._courier.idle(timeout)

    # -- plumbing --------------------------------------------------------------------------

    def _emit(self, payload: dict[str, Any], target: Target) -> None:
        # one lane per call: in order within a call, a slow callback URL delays no other call
        # a conference's events share its lane (member events name their call too)
        lane = str(payload.get("conferenceId") or payload.get("callId")
                   or payload.get("messageId") or "")
        if target.url is None and target.fallback_url is None and not self._courier.busy(lane):
            # nowhere to deliver it, and nothing of this call still queued (its callback URL
            # may have changed): recorded at once, without a trip through the courier
            self._delivered(Delivery(payload=payload, url=None, status=None))
            return
        self._courier.send(lane, payload, target)

    def _delivered(self, delivery: Delivery) -> None:
        self._records.add_event(parse_event(delivery.payload), delivery)
        call_id = str(delivery.payload.get("callId"))
        if delivery.reply is not None:  # a BXML callback answered: run what it says
            self.world.bxml.run_bxml(call_id, delivery.reply)
        elif delivery.bxml and delivery.failed and \
                delivery.payload.get("eventType") in ("gather", "redirect"):
            # a verb's requestUrl gave no BXML in time: the call cannot go on
            self.world.bxml.fetch_failed(call_id, str(delivery.url), delivery.describe())

    def _record_request(self, request: Request, reply: Reply) -> None:
        # the call a request concerns: in its path, or, for a create, in its Location
        where = _CALL_IN_PATH.search(request.path) or _CALL_IN_PATH.search(
            str(reply.headers.get("Location", "")))
        self._records.add_request(where.group(1) if where else "",
                                  recorded(request, reply.status))


def _event_name(kind: Union[str, type[Event], None]) -> Optional[str]:
    """The ``eventType`` to wait for: a class's own, or a name that an event has."""
    names = event_types()
    if kind is None or kind is Event:
        return None
    if isinstance(kind, type):
        for name, cls in names.items():
            if cls is kind:
                return name
        raise InvalidOptionError(f"{kind.__name__} is not an event class of catapult")
    known = sorted(names)
    if kind.lower() not in known:
        import difflib

        close = difflib.get_close_matches(kind, known, n=1)
        hint = f": did you mean {close[0]!r}?" if close else ""
        raise InvalidOptionError(f"unknown event type {kind!r}{hint} (known: "
                                 f"{', '.join(known)})")
    return kind
