"""What the sandbox saw, in order: events with their deliveries, and API requests; indexed
by type and call for ``wait_for``, and rid of the calls the world has forgotten."""

from __future__ import annotations

import threading
import time
from typing import Optional, Union

from ..events import Event
from ._delivery import Delivery
from ._http import RecordedRequest

Key = tuple[Optional[str], Optional[str]]  # (event type, call id); None matches any


#: how many forgotten calls' records wait before the lists are compacted
COMPACT_EVERY = 100


class Records:
    """Thread-safe records; ``changed`` is notified on every new event."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self.changed = threading.Condition(self._lock)
        # a condition per awaited key, on the same lock: a new event wakes only the waits
        # it can end, not every caller waiting on the sandbox
        self._waits: dict[Key, tuple[threading.Condition, list[int]]] = {}
        self.events: list[Event] = []
        self.deliveries: list[Delivery] = []
        self.requests: list[tuple[str, RecordedRequest]] = []  # (call id or "", record)
        self._index: dict[Key, list[Event]] = {}
        self._types: dict[Optional[str], set[str]] = {}  # call id -> its event types
        self._forgotten: set[str] = set()
        self._failures: list[Delivery] = []  # failed deliveries since the last wait

    def add_event(self, event: Event, delivery: Delivery) -> None:
        with self.changed:
            self.events.append(event)
            self.deliveries.append(delivery)
            self._file(event)
            if delivery.failed:
                # rare: wake every wait, one of them may be for this call
                self._failures.append(delivery)
                for condition, _ in self._waits.values():
                    condition.notify_all()

    def current_events(self) -> tuple[list[Event], list[Delivery]]:
        """Events and their deliveries, in order, without those of forgotten calls."""
        with self.changed:
            gone = self._forgotten
            pairs = [(e, d) for e, d in zip(self.events, self.deliveries)
                     if not gone or e.call_id not in gone]
        return [e for e, _ in pairs], [d for _, d in pairs]

    def current_requests(self) -> list[RecordedRequest]:
        """API requests, in order, without those of forgotten calls."""
        with self.changed:
            gone = self._forgotten
            return [r for c, r in self.requests if not gone or c not in gone]

    def add_request(self, call_id: str, record: RecordedRequest) -> None:
        with self.changed:
            self.requests.append((call_id, record))

    def matching(self, event_type: Optional[str], call_id: Optional[str]) -> list[Event]:
        """The events of that type (None: any) on that call (None: any), in order."""
        with self.changed:
            kind = event_type.lower() if event_type is not None else None
            return list(self._index.get((kind, call_id), ()))

    def take_failures(self) -> list[Delivery]:
        """The deliveries that failed since the last call, and forget them."""
        with self.changed:
            failures, self._failures = self._failures, []
            return failures

    def wait(self, event_type: Optional[str], call_id: Optional[str], count: int,
             timeout: float) -> Union[Event, Delivery, None]:
        """The ``count``-th matching event once it is there; the failed delivery of an event
        of ``call_id`` (which ends the wait at once); or None after ``timeout``."""
        key = (event_type.lower() if event_type is not None else None, call_id)
        deadline = time.monotonic() + timeout
        with self.changed:
            waiting = self._waits.get(key)
            if waiting is None:
                waiting = self._waits[key] = (threading.Condition(self._lock), [0])
            waiting[1][0] += 1
            try:
                while True:
                    found = self._index.get(key, ())
                    if len(found) >= count:
                        return found[count - 1]
                    failed = next((d for d in self._failures if call_id is not None
                                   and d.payload.get("callId") == call_id), None)
                    if failed is not None:
                        return failed
                    left = deadline - time.monotonic()
                    if left <= 0:
                        return None
                    waiting[0].wait(left)
            finally:
                waiting[1][0] -= 1
                if not waiting[1][0]:
                    del self._waits[key]

    def forget(self, call_id: str) -> None:
        """Drop what concerns ``call_id``; the lists are compacted once enough calls have
        gone that doing so costs a constant per forgotten call."""
        with self.changed:
            self._forgotten.add(call_id)
            for kind in self._types.pop(call_id, ()):
                self._index.pop((kind, call_id), None)
            self._index.pop((None, call_id), None)
            # compacted every COMPACT_EVERY forgotten calls: often enough that memory stays
            # flat (what was forgotten is freed while it is still little), rarely enough
            # that rebuilding the lists costs a constant per call
            if len(self._forgotten) < COMPACT_EVERY:
                return
            gone = self._forgotten
            kept = [(e, d) for e, d in zip(self.events, self.deliveries)
                    if e.call_id not in gone]
            self.events = [e for e, _ in kept]
            self.deliveries = [d for _, d in kept]
            self.requests = [(c, r) for c, r in self.requests if c not in gone]
            self._index, self._types = {}, {}
            for event in self.events:
                self._file(event)
            self._forgotten = set()

    def _file(self, event: Event) -> None:
        # by eventType without case: the API writes "transferComplete", the names of the
        # event classes are lower case (parse_event reads either)
        kind, call = event.event_type.lower(), event.call_id
        self._types.setdefault(call, set()).add(kind)
        for key in ((kind, call), (kind, None), (None, call), (None, None)):
            self._index.setdefault(key, []).append(event)
            waiting = self._waits.get(key)
            if waiting is not None:
                waiting[0].notify_all()
