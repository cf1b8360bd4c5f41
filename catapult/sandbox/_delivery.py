"""Callback delivery: POST (or GET) each event to the call's callback URL, in order."""

from __future__ import annotations

import base64
import json
import logging
import queue
import threading
import urllib.error
import urllib.request
from typing import Any, Callable, Optional, Union
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


@attrs.frozen
class Delivery:
    """What happened to one event: the URL tried last and its status (None: not reached)."""

    payload: dict[str, Any]
    url: Optional[str]
    status: Optional[int]


class Courier:
    """One thread that delivers events in the order they were emitted."""

    def __init__(self, record: Callable[[Delivery], None]) -> None:
        self._record = record
        # items: (payload, target) to deliver, a threading.Event to set once all before it
        # are done, or None to stop
        self._queue: queue.Queue[Union[tuple[dict[str, Any], Target], threading.Event, None]]
        self._queue = queue.Queue()
        self._thread: Optional[threading.Thread] = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="catapult-sandbox-courier",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=15)
            self._thread = None

    def send(self, payload: dict[str, Any], target: Target) -> None:
        self._queue.put((payload, target))

    def idle(self, timeout: float) -> bool:
        """Wait until every event sent so far has been delivered (or failed)."""
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout)

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, threading.Event):
                item.set()
                continue
            payload, target = item
            url, status = None, None
            for url in (target.url, target.fallback_url):
                if not url:
                    continue
                status = _deliver(url, payload, target)
                if status is not None and 200 <= status < 300:
                    break
            self._record(Delivery(payload=payload, url=url, status=status))


def _deliver(url: str, payload: dict[str, Any], target: Target) -> Optional[int]:
    parts = urlsplit(url)
    headers = {"User-Agent": USER_AGENT}
    if parts.username is not None:
        # credentials embedded in the callback URL travel as Basic auth, as the API does
        pair = f"{parts.username}:{parts.password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
        url = urlunsplit(parts._replace(netloc=netloc))
    if target.method.upper() == "GET":
        query = urlencode({k: _query_value(v) for k, v in payload.items()})
        sep = "&" if urlsplit(url).query else "?"
        request = urllib.request.Request(url + sep + query, headers=headers, method="GET")
    else:
        headers["Content-Type"] = "application/json; charset=utf-8"
        body = json.dumps(payload, separators=(",", ":")).encode()
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=target.timeout) as response:  # noqa: S310
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as exc:
        exc.close()
        logger.warning("callback %s answered %s", _safe(url), exc.code)
        return int(exc.code)
    except (OSError, ValueError) as exc:
        logger.warning("callback %s failed: %s", _safe(url), exc)
        return None


def _query_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return "" if value is None else str(value)


def _safe(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query="", fragment=""))
