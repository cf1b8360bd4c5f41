"""Transport failures told in the SDK's words: what happened, and to which host."""

from __future__ import annotations

import socket
from typing import Iterator, Optional
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import NewConnectionError

from ._config import Timeout
from ._wire import redact_userinfo

__all__ = ["what_happened"]


def what_happened(exc: BaseException, base_url: str, timeout: Timeout) -> str:
    """What a failure to reach ``base_url`` was, in the SDK's words (``connection refused
    by 127.0.0.1:8080``), never urllib3's pool names; the exception itself is chained."""
    origin = urlsplit(base_url)
    where = origin.netloc.rsplit("@", 1)[-1]
    for cause in _causes(exc):
        if isinstance(cause, ConnectionRefusedError) or (
                isinstance(cause, NewConnectionError) and "refused" in str(cause).lower()):
            return f"connection refused by {where}"
        if isinstance(cause, socket.gaierror):
            return f"no address for {origin.hostname}"
        if isinstance(cause, ConnectionResetError):
            return f"the connection to {where} was reset"
    if isinstance(exc, requests.ConnectTimeout):
        return f"no connection to {where} within {timeout.connect:g} s"
    if isinstance(exc, requests.ReadTimeout):
        return f"no answer from {where} within {timeout.read:g} s"
    if isinstance(exc, requests.exceptions.SSLError):
        return f"TLS with {where} failed"
    if isinstance(exc, requests.ConnectionError):
        text = str(exc)
        if "Remote end closed" in text or "RemoteDisconnected" in text:
            return f"{where} closed the connection without answering"
        if "NameResolution" in text or "Name or service" in text:
            return f"no address for {origin.hostname}"
        return f"the connection to {where} failed"
    return redact_userinfo(f"{type(exc).__name__}: {exc}")


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and what it wraps: chained exceptions, an exception given as the first
    argument (requests wraps urllib3's that way) and urllib3's ``reason``; at most 8 deep."""
    found: Optional[BaseException] = exc
    for _ in range(8):
        if found is None:
            return
        yield found
        inner = found.args[0] if found.args else None
        reason = getattr(inner, "reason", None) or getattr(found, "reason", None)
        found = (inner if isinstance(inner, BaseException) and inner is not found
                 else reason if isinstance(reason, BaseException) and reason is not found
                 else found.__cause__ or found.__context__)
