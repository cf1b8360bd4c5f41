"""The hard deadline of one SDK call: a shared watchdog closes a request's socket when it
outlives its deadline, and guarded urllib3 connections report what they managed to send.

requests' read timeout bounds each socket read, not the whole answer: a server that sends a
byte every half second keeps a request alive forever. So each attempt is *armed* with its
deadline; one watchdog thread per process (never one per call) looks at the armed attempts a
few times a second and shuts down the socket of any that is late, which ends the blocked read
at once. The same connection classes note whether a request failed while it was being
written: such a request never reached the server whole, so retrying it is safe even for a POST.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from typing import Any, Optional, Protocol

from urllib3 import connection, connectionpool

__all__ = ["POOL_CLASSES", "Abortable", "Attempt", "WATCHDOG"]

_local = threading.local()


class Abortable(Protocol):
    """What the watchdog can cut off: anything with a deadline and a way to abort."""

    deadline: float
    expired: bool

    def abort(self) -> None: ...


class Attempt:
    """One try of one request on this thread.

    Attributes:
        deadline: ``time.monotonic()`` value after which the socket is shut down.
        conn: the urllib3 connection the request went out on, once it did.
        unsent: the request failed while being written, so the server never had all of it.
        expired: the watchdog shut the socket down.
    """

    __slots__ = ("conn", "deadline", "expired", "unsent")

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.conn: Any = None
        self.unsent = False
        self.expired = False

    def abort(self) -> None:
        """Shut the attempt's socket down, unless the connection has moved on to another."""
        self.expired = True
        conn = self.conn
        if conn is None or getattr(conn, "_catapult_attempt", None) is not self:
            return
        sock = getattr(conn, "sock", None)
        if isinstance(sock, socket.socket):
            # the plain socket's shutdown, also for TLS: it wakes a read blocked in another
            # thread without touching the SSL object that read is using
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Watchdog:
    """One daemon thread that aborts armed attempts once their deadline has passed."""

    #: how often armed attempts are looked at, in seconds
    TICK = 0.05

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._armed: dict[int, Abortable] = {}
        self._wake = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self._pid = 0

    def arm(self, attempt: Attempt) -> None:
        """Watch ``attempt`` until ``disarm()``; the connection it uses finds it here."""
        _local.attempt = attempt
        self.watch(attempt)

    def disarm(self) -> None:
        """Stop watching this thread's attempt."""
        _local.attempt = None
        self.unwatch()

    def watch(self, work: Abortable) -> None:
        """Abort ``work`` once its deadline passes, until this thread calls ``unwatch()``
        (one piece of work per thread at a time)."""
        with self._lock:
            self._armed[threading.get_ident()] = work
            if self._thread is None or self._pid != os.getpid():
                self._start()
            if not self._wake.is_set():
                self._wake.set()

    def unwatch(self) -> None:
        """Stop watching this thread's work."""
        with self._lock:
            self._armed.pop(threading.get_ident(), None)

    def _start(self) -> None:
        # also after a fork: the child has the parent's state but not its thread
        self._pid = os.getpid()
        self._thread = threading.Thread(target=self._run, name="catapult-deadline",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            now = time.monotonic()
            with self._lock:
                if not self._armed:
                    self._wake.clear()
                    continue
                late = [a for a in self._armed.values() if a.deadline <= now and not a.expired]
            for attempt in late:
                attempt.abort()
            time.sleep(self.TICK)


WATCHDOG = Watchdog()


def current() -> Optional[Attempt]:
    """The attempt armed on this thread, if any."""
    return getattr(_local, "attempt", None)


class _Guarded:
    """Mixin for urllib3 connections: tie the connection to the thread's armed attempt."""

    def request(self, method: str, url: str, body: Any = None, headers: Any = None,
                **options: Any) -> None:
        attempt = current()
        if attempt is not None:
            self._catapult_attempt = attempt
            attempt.conn = self
        try:
            super().request(method, url, body=body, headers=headers, **options)  # type: ignore[misc]
        except OSError:
            # the request (urllib3 writes its head, then its body) did not leave whole: a
            # server does not act on a request it has not fully received
            if attempt is not None:
                attempt.unsent = True
            raise


class GuardedHTTPConnection(_Guarded, connection.HTTPConnection):
    """urllib3's HTTPConnection, watched by the deadline."""


class GuardedHTTPSConnection(_Guarded, connection.HTTPSConnection):
    """urllib3's HTTPSConnection, watched by the deadline."""


class GuardedHTTPConnectionPool(connectionpool.HTTPConnectionPool):
    """A pool of GuardedHTTPConnection."""

    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSConnectionPool(connectionpool.HTTPSConnectionPool):
    """A pool of GuardedHTTPSConnection."""

    ConnectionCls = GuardedHTTPSConnection


#: for ``PoolManager.pool_classes_by_scheme``
POOL_CLASSES: dict[str, type[connectionpool.HTTPConnectionPool]] = {
    "http": GuardedHTTPConnectionPool,
    "https": GuardedHTTPSConnectionPool,
}
