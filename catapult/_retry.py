"""When a failed request may be sent again, and how long to wait first.

The rule that matters most: a POST is sent again only when the API provably did not act on
it (the connection was never made, the request never left whole, or the API refused it
with a rate limit). Idempotent methods may also be retried after a lost answer or a 502,
503 or 504. Every wait fits inside the call's deadline, or there is no retry.
"""

from __future__ import annotations

import random
import time
from typing import Optional

from .errors import APIError, RateLimitError

#: methods that may be repeated without changing the outcome (RFC 9110 section 9.2.2)
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

#: gateway and availability errors: the request may or may not have been processed
_GATEWAY = frozenset({502, 503, 504})

#: the first backoff is up to BASE seconds, doubling each retry up to CAP (full jitter)
BASE = 0.5
CAP = 8.0


def backoff(retry: int) -> float:
    """Seconds to wait before retry number ``retry`` (1, 2, ...): exponential with full
    jitter, so that many clients refused at once do not come back at once."""
    return random.uniform(0.0, min(CAP, BASE * 2 ** (retry - 1)))  # noqa: S311 (not crypto)


def after_status(method: str, error: APIError, retry: int) -> Optional[tuple[float, str]]:
    """``(wait, why)`` when a request answered with ``error`` may be retried, else None."""
    if isinstance(error, RateLimitError):
        # the API refused without acting: any method, after the reset it names
        if error.reset_at is not None:
            wait = max(0.0, error.reset_at.timestamp() - time.time())
            return wait, f"{error.status} {error.code or 'rate limited'}, until the reset"
        return backoff(retry), f"{error.status} {error.code or 'rate limited'}"
    if error.status in _GATEWAY and method in IDEMPOTENT:
        return backoff(retry), f"{error.status} {error.code or error.message}".rstrip()
    return None
