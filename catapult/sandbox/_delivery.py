"""Callback delivery: POST (or GET) each event to the call's callback URL, in order per call.

A callback URL is the application's to choose, and may be slow, dead or hostile. So a
delivery is bounded by ``callbackTimeout`` on the wall clock, connect, send and read
together (a reply dripped a byte at a time cannot stretch it); calls are delivered
independently, by a pool of workers that grows when URLs hang, so that no number of dead
callback URLs delays a healthy call's events; and no failure of a delivery, or of what
the sandbox does with its reply, can stop a worker.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import logging
import socket
import threading
import time
from collections import deque
from typing import Any, Callable, Optional
from urllib.parse import urlencode, urlsplit, urlunsplit

import attrs

from .._deadline import WATCHDOG
from .._wire import redact_userinfo
from ._http_client import Connection, Disconnected

logger = logging.getLogger("catapult.sandbox")

USER_AGENT = "BandwidthAPI/v1 (catapult-sandbox)"


@attrs.frozen
class Target:
    """Where and how a call's events go (from the call's callback settings)."""

    url: Optional[str]
    fallback_url: Optional[str] = None
    method: str = "POST"
    #: seconds the whole delivery may take (the API's ``callbackTimeout``, in ms there)
    timeout: float = 10.0
    #: the reply may be the call's next BXML (a GET call's answer, a BXML verb's requestUrl)
    bxml: bool = False


@attrs.frozen
class Delivery:
    """What happened to one event: the URL tried last, its status (None: not reached) and,
    when it was not reached, why."""

    payload: dict[str, Any]
    url: Optional[str]
    status: Optional[int]
    error: Optional[str] = None
    #: the reply body, kept when it is BXML for the call (see ``Target.bxml``), else None
    reply: Optional[bytes] = None
    #: whether the reply was to be the call's next BXML
    bxml: bool = False

    @property
    def failed(self) -> bool:
        """Whether the event was meant for a URL and did not get a 2xx there."""
        return self.url is not None and not (self.status is not None
                                             and 200 <= self.status < 300)

    def describe(self) -> str:
        """``url -> status`` or ``url -> error``, for messages (no credentials or query)."""
        outcome = str(self.status) if self.status is not None else (self.error or "no answer")
        return f"{self.payload.get('eventType')} to {shown(self.url or '')} -> {outcome}"


class Courier:
    """Delivers events in order within a lane (a call), independently across lanes.

    Each lane is served by at most one worker at a time, which keeps a call's events in
    the order they were emitted. Workers are reused, and started (up to ``workers``) only
    where waiting could cost: an event for a callback host that no worker is delivering
    to gets a worker at once, so a callback URL that hangs for its whole timeout holds up
    its own host's events only; events for a host a worker is on wait for it, unless
    every worker has been on its delivery for ``SLOW`` seconds (then each waiting lane
    gets one). Fast deliveries to one host (a test's receiver) so share a worker or two:
    each thread more costs the others their share of the GIL. Workers beyond ``keep``
    that have been idle for ``idle`` seconds end.
    """

    #: a delivery running this long (seconds) is slow: lanes waiting behind it get workers
    SLOW = 0.1

    def __init__(self, record: Callable[[Delivery], None], workers: int = 1024,
                 keep: int = 8, idle: float = 30.0) -> None:
        self._record = record
        self._max_workers = workers
        self._keep = keep
        self._idle = idle
        # one lock, two conditions: a delivery done wakes those waiting for the courier
        # to drain, never every idle worker (with 16 busy callers that herd was most of
        # the sandbox's context switches)
        mutex = threading.RLock()
        self._lock = threading.Condition(mutex)
        self._drained = threading.Condition(mutex)
        self._starved = threading.Condition(mutex)  # the grower waits on it
        self._grower_asleep = False
        self._grower: Optional[threading.Thread] = None
        #: worker thread: when its delivery started
        self._busy: dict[int, float] = {}
        #: worker thread: the host of its delivery, kept between two (it is at work)
        self._hosts: dict[int, str] = {}
        self._lanes: dict[str, deque[tuple[dict[str, Any], Target]]] = {}
        self._ready: deque[str] = deque()  # lanes with events and no worker on them
        self._pending = 0  # events sent and not yet delivered (or failed)
        self._threads: list[threading.Thread] = []
        self._idle_workers = 0
        self._running = False
        self._names = itertools.count()

    def start(self) -> None:
        with self._lock:
            if self._running:
                return
            self._running = True
        self._grower = threading.Thread(target=self._grow, daemon=True,
                                        name="catapult-sandbox-courier-grower")
        self._grower.start()

    def stop(self, timeout: float = 15.0) -> None:
        """Deliver what was sent (up to ``timeout`` seconds), then end the workers."""
        self.idle(timeout)
        with self._lock:
            self._running = False
            self._lock.notify_all()
            self._starved.notify_all()
            threads, self._threads = self._threads, []
            if self._grower is not None:
                threads.append(self._grower)
                self._grower = None
        for thread in threads:
            thread.join(timeout=1)

    def send(self, lane: str, payload: dict[str, Any], target: Target) -> None:
        """Queue ``payload`` behind the events already queued in ``lane``."""
        with self._lock:
            queue = self._lanes.get(lane)
            if queue is None:
                queue = self._lanes[lane] = deque()
                self._ready.append(lane)  # a new lane has no worker on it
            queue.append((payload, target))
            self._pending += 1
            if self._idle_workers >= len(self._ready):
                self._lock.notify()
            elif not self._serve_unserved_hosts() and self._grower_asleep:
                self._starved.notify()  # lanes wait: the grower looks whether workers are slow

    def _serve_unserved_hosts(self) -> bool:
        """Give a worker of its own to each waiting lane that no worker will reach soon,
        and put those lanes first in line (the new workers take them, not a lane of a
        host that is slow): the workers about to take a lane (idle, or just started) take
        the first ones waiting; a lane after those waits for nothing only where a worker
        is, or is about to be, on its host. Whether any was found."""
        spare = len(self._threads) - len(self._hosts)
        if len(self._ready) <= spare:
            return False
        ready = list(self._ready)
        hosts = {*self._hosts.values(), *(self._host_of(lane) for lane in ready[:spare])}
        unserved = [lane for lane in ready[spare:] if self._host_of(lane) not in hosts]
        if not unserved:
            return False
        first = set(unserved)
        self._ready = deque([*ready[:spare], *unserved,
                             *(lane for lane in ready[spare:] if lane not in first)])
        self._spawn(len(unserved))
        return True

    def _host_of(self, lane: str) -> str:
        return _host(self._lanes[lane][0][1].url)

    def _spawn(self, count: int) -> None:
        for _ in range(max(0, min(count, self._max_workers - len(self._threads)))):
            thread = threading.Thread(target=self._work, daemon=True,
                                      name=f"catapult-sandbox-courier-{next(self._names)}")
            self._threads.append(thread)
            thread.start()

    def _grow(self) -> None:
        """While lanes wait for a worker, look every ``SLOW`` seconds whether every worker
        is on a slow delivery; if so, give each waiting lane a worker of its own."""
        with self._lock:
            while self._running:
                if len(self._ready) <= self._idle_workers:
                    self._grower_asleep = True
                    self._starved.wait()
                    self._grower_asleep = False
                    continue
                self._starved.wait(self.SLOW)
                now = time.monotonic()
                waiting = len(self._ready) - self._idle_workers
                if waiting > 0 and all(now - since >= self.SLOW
                                       for since in self._busy.values()):
                    self._spawn(waiting)

    def busy(self, lane: str) -> bool:
        """Whether events of ``lane`` are still queued or being delivered."""
        with self._lock:
            return lane in self._lanes

    def idle(self, timeout: float) -> bool:
        """Wait until every event sent so far has been delivered (or failed)."""
        with self._lock:
            return self._drained.wait_for(lambda: self._pending == 0, timeout)

    def _work(self) -> None:
        try:
            while True:
                with self._lock:
                    self._idle_workers += 1
                    if not self._ready:
                        self._hosts.pop(threading.get_ident(), None)  # idle, on no host
                    self._lock.wait_for(lambda: self._ready or not self._running, self._idle)
                    self._idle_workers -= 1
                    if not self._ready:
                        if not self._running or self._idle_workers >= self._keep:
                            with contextlib.suppress(ValueError):
                                self._threads.remove(threading.current_thread())
                            self._hosts.pop(threading.get_ident(), None)
                            return
                        continue
                    lane = self._ready.popleft()
                    payload, target = self._lanes[lane][0]
                    self._busy[threading.get_ident()] = time.monotonic()
                    self._hosts[threading.get_ident()] = _host(target.url)
                    self._serve_unserved_hosts()
                try:
                    self._record(attempt(payload, target))
                except Exception as exc:  # noqa: BLE001 (a worker must outlive any failure)
                    logger.error("the sandbox failed handling the %s event of %s: %s: %s",
                                 payload.get("eventType"), lane or "no call",
                                 type(exc).__name__, exc)
                    logger.debug("the failure in full", exc_info=True)
                with self._lock:
                    self._busy.pop(threading.get_ident(), None)
                    queue = self._lanes[lane]
                    queue.popleft()
                    if queue:
                        self._ready.append(lane)
                    else:
                        del self._lanes[lane]
                    self._pending -= 1
                    if not self._pending:
                        self._drained.notify_all()
        finally:
            for conn in _local.__dict__.pop("pool", {}).values():
                conn.close()


def _host(url: Optional[str]) -> str:
    """``scheme://host:port`` of a URL, cheaply (what decides whether it shares a worker)."""
    return "/".join((url or "").split("/", 3)[:3])


def attempt(payload: dict[str, Any], target: Target) -> Delivery:
    """Deliver to the callback URL, then to the fallback URL if that failed."""
    tried: Optional[str] = None  # the URL tried last
    status: Optional[int] = None
    error: Optional[str] = None
    reply: Optional[bytes] = None
    for url in (target.url, target.fallback_url):
        if not url:
            continue
        tried = url
        status, error, reply = _deliver(url, payload, target)
        if status is not None and 200 <= status < 300:
            break
    kept = reply if target.bxml and status is not None and 200 <= status < 300 else None
    return Delivery(payload=payload, url=tried, status=status, error=error, reply=kept,
                    bxml=target.bxml)


_local = threading.local()

#: the most of a reply read: a BXML document may be 16 KB, one byte more shows it is over
_MAX_REPLY = 16 * 1024 + 1


class _Deadline:
    """One delivery as the deadline watchdog sees it: the connection to cut off when late."""

    __slots__ = ("conn", "deadline", "expired")

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self.conn: Optional[Connection] = None

    def abort(self) -> None:
        self.expired = True
        sock = getattr(self.conn, "sock", None)
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):  # wakes the worker's blocked read at once
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _connection(scheme: str, host: str, port: Optional[int]) -> Connection:
    """This worker's kept-alive connection to a callback host (one per host and worker)."""
    pool: dict[tuple[str, str, Optional[int]], Connection]
    pool = _local.__dict__.setdefault("pool", {})
    conn = pool.get((scheme, host, port))
    if conn is None:
        conn = pool[(scheme, host, port)] = Connection(scheme, host, port)
    return conn


def _deliver(url: str, payload: dict[str, Any],
             target: Target) -> tuple[Optional[int], Optional[str], Optional[bytes]]:
    """The status the callback URL answered and its body, or None and the reason it was
    not reached, all within ``target.timeout`` seconds of wall-clock time."""
    parts = urlsplit(url)
    headers = {"User-Agent": USER_AGENT}
    if parts.username is not None:
        # credentials embedded in the callback URL travel as Basic auth, as the API does
        pair = f"{parts.username}:{parts.password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
    path = parts.path or "/"
    body: Optional[bytes] = None
    if target.method.upper() == "GET":
        method = "GET"
        query = urlencode({k: _query_value(v) for k, v in payload.items()})
        path += f"?{parts.query}&{query}" if parts.query else f"?{query}"
    else:
        method = "POST"
        if parts.query:
            path += f"?{parts.query}"
        headers["Content-Type"] = "application/json; charset=utf-8"
        body = json.dumps(payload, separators=(",", ":")).encode()
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
        logger.warning("callback %s failed: not an http(s) URL", shown(url))
        return None, "not an http(s) URL", None
    deadline = _Deadline(time.monotonic() + target.timeout)
    WATCHDOG.watch(deadline)
    try:
        return _exchange(parts.scheme, parts.hostname, port, method, path, body, headers,
                         deadline, url, target.timeout)
    finally:
        WATCHDOG.unwatch()


def _exchange(scheme: str, host: str, port: Optional[int], method: str, path: str,
              body: Optional[bytes], headers: dict[str, str], deadline: _Deadline, url: str,
              timeout: float) -> tuple[Optional[int], Optional[str], Optional[bytes]]:
    late = f"no complete answer within the callback timeout of {timeout:g} s"
    for retry in (False, True):
        left = deadline.deadline - time.monotonic()
        if left <= 0:
            break
        conn = _connection(scheme, host, port)
        deadline.conn = conn
        reused = conn.sock is not None
        try:
            status, reply, reusable = conn.exchange(method, path, headers, body, left,
                                                    _MAX_REPLY)
            if not reusable:
                conn.close()
        except Exception as exc:  # noqa: BLE001 (whatever the URL's server does, it is a failure)
            conn.close()
            if deadline.expired or isinstance(exc, (socket.timeout, TimeoutError)):
                break
            if reused and not retry and isinstance(exc, (
                    Disconnected, BrokenPipeError, ConnectionResetError)):
                continue  # the receiver closed the idle kept-alive connection: a new one
            logger.warning("callback %s failed: %s: %s", shown(url), type(exc).__name__,
                           redact_userinfo(str(exc)))
            return None, f"{type(exc).__name__}: {redact_userinfo(str(exc))}", None
        if deadline.expired:  # the answer came whole, but too late
            break
        if status >= 400:
            logger.warning("callback %s answered %s", shown(url), status)
        return status, None, reply
    logger.warning("callback %s failed: %s", shown(url), late)
    return None, late, None


def _query_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return "" if value is None else str(value)


def shown(url: str) -> str:
    """A callback URL as messages and log lines show it: without its ``user:password@``,
    its query and its fragment."""
    try:
        parts = urlsplit(url)
        return redact_userinfo(urlunsplit(parts._replace(query="", fragment="")))
    except ValueError:
        return redact_userinfo(url.split("?", 1)[0])
