"""The sandbox's clock: timers that fire in real time, or when a test advances time."""

from __future__ import annotations

import datetime as _dt
import heapq
import itertools
import logging
import threading
import time
from typing import Callable, Optional

Action = Callable[[], None]

logger = logging.getLogger("catapult.sandbox")


def _fire(action: Action) -> None:
    """Run a timer's action; a failure is logged, and the clock goes on."""
    try:
        action()
    except Exception as exc:  # noqa: BLE001 (one failed timer must not stop the clock)
        logger.error("a sandbox timer failed: %s: %s", type(exc).__name__, exc)
        logger.debug("the failure in full", exc_info=True)


class Timer:
    """A scheduled action; ``cancel()`` stops it from firing."""

    __slots__ = ("cancelled", "clock", "due")

    def __init__(self, due: float, clock: Optional[Clock] = None) -> None:
        self.due: float = due
        self.cancelled: bool = False
        self.clock: Optional[Clock] = clock

    def cancel(self) -> None:
        if not self.cancelled:
            self.cancelled = True
            if self.clock is not None:
                self.clock._cancelled += 1  # approximate across threads; only a hint


class Clock:
    """Monotonic seconds since start plus timers.

    In ``real`` mode a thread fires each timer when its time comes. In ``manual`` mode time
    stands still until ``advance(seconds)``, which fires the due timers in order, in the
    calling thread, so a test of a 5 s timeout takes microseconds and never flakes.
    """

    def __init__(self, manual: bool = False) -> None:
        self.manual = manual
        self._started = time.monotonic()
        self._wall = _dt.datetime.now(_dt.timezone.utc)
        self._offset = 0.0
        self._heap: list[tuple[float, int, Timer, Action]] = []
        self._cancelled = 0  # cancelled timers still in the heap
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._running = False
        self._thread: Optional[threading.Thread] = None

    def now(self) -> float:
        """Seconds since the clock started (virtual in manual mode)."""
        if self.manual:
            return self._offset
        return time.monotonic() - self._started

    def wall(self) -> _dt.datetime:
        """The current time as an aware UTC datetime, following ``now()``."""
        return self._wall + _dt.timedelta(seconds=self.now())

    def call_later(self, delay: float, action: Action) -> Timer:
        """Run ``action`` after ``delay`` seconds of this clock."""
        with self._wake:
            if self._cancelled > 256 and self._cancelled * 2 > len(self._heap):
                # cancelled timers (a call's ring timer once answered, a gather's timeout
                # once it ended) would otherwise stay until due: drop them all at once
                self._heap = [entry for entry in self._heap if not entry[2].cancelled]
                heapq.heapify(self._heap)
                self._cancelled = 0
            timer = Timer(self.now() + max(delay, 0.0), self)
            heapq.heappush(self._heap, (timer.due, next(self._order), timer, action))
            if self._heap[0][2] is timer:
                self._wake.notify()  # the loop sleeps until the earliest timer: this one now
        return timer

    def advance(self, seconds: float) -> None:
        """Manual mode: move time forward, firing every timer that falls due, in order."""
        if not self.manual:
            raise RuntimeError("advance() needs a manual clock: Sandbox(clock='manual')")
        target = self._offset + max(seconds, 0.0)
        while True:
            with self._wake:
                if not self._heap or self._heap[0][0] > target:
                    self._offset = target
                    return
                due, _, timer, action = heapq.heappop(self._heap)
                self._offset = max(self._offset, due)
            if timer.cancelled:
                self._cancelled -= 1
            else:
                _fire(action)

    def start(self) -> None:
        if self.manual or self._running:
            return
        self._running = True
        self._thread = threading.Thread(target=self._loop, name="catapult-sandbox-clock",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        with self._wake:
            self._running = False
            self._wake.notify()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _loop(self) -> None:
        while True:
            with self._wake:
                if not self._running:
                    return
                wait = self._heap[0][0] - self.now() if self._heap else None
                if wait is None or wait > 0:
                    self._wake.wait(timeout=wait)
                    continue
            self._run_due()

    def _run_due(self) -> None:
        while True:
            with self._wake:
                if not self._heap or self._heap[0][0] > self.now():
                    return
                _, _, timer, action = heapq.heappop(self._heap)
            if timer.cancelled:
                self._cancelled -= 1
            else:
                _fire(action)
