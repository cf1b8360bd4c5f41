"""Callback delivery: POST (or GET) each event to the call's callback URL, in order per call."""

from __future__ import annotations

import base64
import http.client
import json
import logging
import threading
from collections import deque
from typing import Any, Callable, Optional
from urllib.parse import urlencode, urlsplit, urlunsplit

import attrs

logger = logging.getLogger("catapult.sandbox")

USER_AGENT = "BandwidthAPI/v1 (catapult-sandbox)"


@attrs.frozen
class Target:
    """Where and how a call's events go (from the call's callback settings)."""

    url: Optional[str]
    fallback_url: Optional[str] = None
    method: str = "POST"
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

    @property
    def failed(self) -> bool:
        """Whether the event was meant for a URL and did not get a 2xx there."""
        return self.url is not None and not (self.status is not None
                                             and 200 <= self.status < 300)

    def describe(self) -> str:
        """``url -> status`` or ``url -> error``, for messages."""
        outcome = str(self.status) if self.status is not None else (self.error or "no answer")
        return f"{self.payload.get('eventType')} to {_safe(self.url or '')} -> {outcome}"


class Courier:
    """Delivers events in order within a lane (a call), independently across lanes.

    Each lane is served by at most one worker at a time, which keeps a call's events in
    the order they were emitted; a pool of up to ``workers`` threads, started as needed and
    reused, serves the lanes, so a callback URL that hangs for its whole timeout delays its
    own call's events only.
    """

    def __init__(self, record: Callable[[Delivery], None], workers: int = 32) -> None:
        self._record = record
        self._max_workers = workers
        self._lock = threading.Condition()
        self._lanes: dict[str, deque[tuple[dict[str, Any], Target]]] = {}
        self._ready: deque[str] = deque()  # lanes with events and no worker on them
        self._pending = 0  # events sent and not yet delivered (or failed)
        self._threads: list[threading.Thread] = []
        self._idle_workers = 0
        self._running = False

    def start(self) -> None:
        with self._lock:
            self._running = True

    def stop(self) -> None:
        """Deliver what was sent (up to 15 s), then end the workers."""
        self.idle(15)
        with self._lock:
            self._running = False
            self._lock.notify_all()
            threads, self._threads = self._threads, []
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
            if self._idle_workers:
                self._lock.notify()
            elif len(self._threads) < self._max_workers:
                thread = threading.Thread(target=self._work, daemon=True,
                                          name=f"catapult-sandbox-courier-{len(self._threads)}")
                self._threads.append(thread)
                thread.start()

    def busy(self, lane: str) -> bool:
        """Whether events of ``lane`` are still queued or being delivered."""
        with self._lock:
            return lane in self._lanes

    def idle(self, timeout: float) -> bool:
        """Wait until every event sent so far has been delivered (or failed)."""
        with self._lock:
            return self._lock.wait_for(lambda: self._pending == 0, timeout)

    def _work(self) -> None:
        while True:
            with self._lock:
                self._idle_workers += 1
                self._lock.wait_for(lambda: self._ready or not self._running)
                self._idle_workers -= 1
                if not self._ready:
                    for conn in _local.__dict__.pop("pool", {}).values():
                        conn.close()
                    return
                lane = self._ready.popleft()
                payload, target = self._lanes[lane][0]
            self._record(_attempt(payload, target))
            with self._lock:
                queue = self._lanes[lane]
                queue.popleft()
                if queue:
                    self._ready.append(lane)
                else:
                    del self._lanes[lane]
                self._pending -= 1
                self._lock.notify_all()


def _attempt(payload: dict[str, Any], target: Target) -> Delivery:
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
    return Delivery(payload=payload, url=tried, status=status, error=error, reply=kept)


_local = threading.local()

#: the most of a reply read: a BXML document may be 16 KB, one byte more shows it is over
_MAX_REPLY = 16 * 1024 + 1


def _connection(scheme: str, host: str, port: Optional[int],
                timeout: float) -> http.client.HTTPConnection:
    """This worker's kept-alive connection to a callback host (one per host and worker)."""
    pool: dict[tuple[str, str, Optional[int]], http.client.HTTPConnection]
    pool = _local.__dict__.setdefault("pool", {})
    conn = pool.get((scheme, host, port))
    if conn is None:
        kind = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        conn = pool[(scheme, host, port)] = kind(host, port, timeout=timeout)
    conn.timeout = timeout
    if conn.sock is not None:
        conn.sock.settimeout(timeout)
    return conn


def _deliver(url: str, payload: dict[str, Any],
             target: Target) -> tuple[Optional[int], Optional[str], Optional[bytes]]:
    """The status the callback URL answered and its body, or None and the reason it was
    not reached."""
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
    if parts.scheme not in ("http", "https") or not parts.hostname:
        logger.warning("callback %s failed: not an http(s) URL", _safe(url))
        return None, "not an http(s) URL", None
    conn: Optional[http.client.HTTPConnection] = None
    for retry in (False, True):
        try:
            conn = _connection(parts.scheme, parts.hostname, parts.port, target.timeout)
            reused = conn.sock is not None
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            reply = response.read(_MAX_REPLY)
            if response.will_close or not response.isclosed():  # not read whole: not reusable
                conn.close()
            break
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
            assert conn is not None
            conn.close()
            if reused and not retry:
                continue  # the receiver closed the idle kept-alive connection: a new one
            logger.warning("callback %s failed: %s", _safe(url), exc)
            return None, f"{type(exc).__name__}: {exc}", None
        except (OSError, ValueError, http.client.HTTPException) as exc:
            if conn is not None:
                conn.close()
            logger.warning("callback %s failed: %s", _safe(url), exc)
            return None, f"{type(exc).__name__}: {exc}", None
    if response.status >= 400:
        logger.warning("callback %s answered %s", _safe(url), response.status)
    return int(response.status), None, reply


def _query_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return "" if value is None else str(value)


def _safe(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query="", fragment=""))
