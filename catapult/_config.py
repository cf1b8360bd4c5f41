"""Settings and their defaults: the host, the Timeout of one SDK call, the retries.

Below the transport that uses them, so that the transport and the client read them from
one place and nothing here knows about HTTP.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Union

import attrs

from .errors import ConfigurationError

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "Timeout"]

DEFAULT_BASE_URL = "https://api.catapult.inetwork.com"
DEFAULT_MAX_RETRIES = 2
#: the most ``max_retries`` may be
MAX_RETRIES = 10
_TOTAL = 60.0


def _seconds(name: str) -> Callable[[Any, Any, float], None]:
    def check(instance: Any, attribute: Any, value: float) -> None:
        if not math.isfinite(value) or value <= 0:
            raise ConfigurationError(
                f"timeout must be a finite number of seconds > 0 for {name}, got {value!r}; "
                "waiting forever is not an option"
            )
    return check


def _to_float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigurationError(f"timeout must be given in seconds (int or float), got {value!r}")
    return float(value)


@attrs.frozen
class Timeout:
    """How long one SDK call may take, in seconds.

    Attributes:
        connect: to open a connection (each attempt).
        read: to wait for each read of the answer (each attempt), as in requests.
        total: a hard wall-clock deadline for the whole call, every retry and wait
            included, kept even against a server that trickles its answer byte by byte.
            The call raises ``RequestTimeout`` at most about half a second after it.
            (Resolving the host name is the one step that the operating system does not
            let it cut short.)

    Example:
        >>> client = catapult.Client(..., timeout=catapult.Timeout(connect=2, read=10, total=20))
    """

    connect: float = attrs.field(default=5.0, converter=_to_float, validator=_seconds("connect"))
    read: float = attrs.field(default=30.0, converter=_to_float, validator=_seconds("read"))
    total: float = attrs.field(default=_TOTAL, converter=_to_float, validator=_seconds("total"))


#: 5 s to connect, 30 s for each read, 60 s in all
DEFAULT_TIMEOUT = Timeout()

#: what ``timeout=`` takes
TimeoutLike = Union[Timeout, float, tuple[float, float]]


def checked_timeout(timeout: object) -> Timeout:
    """A ``Timeout`` from what ``timeout=`` was given: a number or a (connect, read) pair
    keep a total of 60 s, or connect + read if that is longer."""
    if isinstance(timeout, Timeout):
        return timeout
    if isinstance(timeout, tuple) and len(timeout) == 2:
        connect, read = timeout
    elif isinstance(timeout, (int, float)) and not isinstance(timeout, bool):
        connect = read = timeout
    else:
        raise ConfigurationError(
            "timeout must be a catapult.Timeout, a number of seconds > 0 or a (connect, read) "
            f"tuple of them, got {timeout!r}; waiting forever is not an option"
        )
    connect, read = _to_float(connect), _to_float(read)
    total = max(_TOTAL, connect + read) if math.isfinite(connect + read) else _TOTAL
    return Timeout(connect, read, total)


def checked_retries(max_retries: object) -> int:
    """``max_retries`` when it is an int from 0 to ``MAX_RETRIES``."""
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or not (
            0 <= max_retries <= MAX_RETRIES):
        raise ConfigurationError(
            f"max_retries must be an int from 0 to {MAX_RETRIES}, got {max_retries!r}")
    return max_retries
