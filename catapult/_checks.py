"""The checks of option values: each rule once, with its limit in words (``allowed``), for
the options of every resource and BXML verb, and for the sandbox that enforces the same
limits. Several resources share the ones below (E.164 and SIP addresses, URLs, callback
methods, digits)."""

from __future__ import annotations

import math
import re
from typing import Callable, Mapping, Optional


class Check:
    """A rule for one option value: ``allowed`` says in words what passes ``test``.

    (A plain class, as are the other internal ones here: an attrs class costs about half a
    millisecond of import time to build, and these need nothing it generates.)"""

    __slots__ = ("allowed", "test")

    def __init__(self, allowed: str, test: Callable[[object], bool]) -> None:
        self.allowed: str = allowed
        self.test: Callable[[object], bool] = test


def _is_int_text(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"-?[0-9]+", value) is not None


def whole(low: int, high: Optional[int] = None) -> Check:
    """A whole number (int or string of digits) in ``low..high``."""

    def test(value: object) -> bool:
        if isinstance(value, bool):
            return False
        if isinstance(value, int):
            number = value
        elif _is_int_text(value):
            number = int(str(value))
        else:
            return False
        return number >= low and (high is None or number <= high)

    limit = f"from {low} to {high}" if high is not None else f"of at least {low}"
    return Check(f"a whole number {limit} (int or numeric string)", test)


def number(above: float, at_most: float) -> Check:
    """A number (int, float or numeric string) with ``above < n <= at_most``."""

    def test(value: object) -> bool:
        if isinstance(value, bool):
            return False
        numeric_text = isinstance(value, str) and re.fullmatch(r"[0-9]+(\.[0-9]+)?|\.[0-9]+", value)
        if not (isinstance(value, (int, float)) or numeric_text):
            return False
        amount = float(value)  # type: ignore[arg-type]
        return math.isfinite(amount) and above < amount <= at_most

    return Check(
        f"a number greater than {above:g} and at most {at_most:g} (int, float or numeric string)",
        test,
    )


def text(max_length: Optional[int] = None, pattern: Optional[str] = None, what: str = "") -> Check:
    """A string, optionally bounded in length and matching a regular expression."""
    def test(value: object) -> bool:
        if not isinstance(value, str):
            return False
        if max_length is not None and len(value) > max_length:
            return False
        # re caches compiled patterns: compiling here, not at import, keeps import cheap
        return pattern is None or re.fullmatch(pattern, value) is not None

    allowed = what or "a string"
    if max_length is not None:
        allowed += f" of at most {max_length} characters"
    return Check(allowed, test)


def one_of(*values: str) -> Check:
    """One of the given strings, exactly."""
    return Check("one of " + ", ".join(repr(v) for v in values), lambda value: value in values)


BOOLEAN = Check("a bool (True or False)", lambda value: isinstance(value, bool))

# checks that several resources (and BXML verbs) share: each rule is written here once

#: an E.164 number: ``+``, a country code that does not start with 0, 15 digits at most
E164_PATTERN = r"\+[1-9][0-9]{1,14}"

# a SIP address as RFC 3261 writes one, ``sip:user@host[:port][;param=value]``, with the
# characters it allows and no others (no spaces, quotes, angle brackets or headers part)
_UNRESERVED = r"A-Za-z0-9\-_.!~*'()"
_ESCAPED = r"%[0-9A-Fa-f]{2}"
#: the user part of a SIP address (RFC 3261 section 19.1.1), also an endpoint's name
SIP_USER_PATTERN = rf"(?:[{_UNRESERVED}&=+$,;?/]|{_ESCAPED})+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_SIP_HOST = rf"(?:{_LABEL}(?:\.{_LABEL})*\.?|\[[0-9A-Fa-f:.]{{2,45}}\])"
_SIP_PARAM = rf"(?:[{_UNRESERVED}\[\]/:&+$]|{_ESCAPED})+"
SIP_PATTERN = (rf"sip:{SIP_USER_PATTERN}@{_SIP_HOST}(?::[0-9]{{1,5}})?"
               rf"(?:;{_SIP_PARAM}(?:={_SIP_PARAM})?)*")
#: the longest SIP address taken (RFC 3261 sets none; 256 is the API's limit on header values)
MAX_SIP_LENGTH = 256

_SIP_WORDS = ("a SIP address sip:user@host (RFC 3261: the user part of letters, digits, "
              "-_.!~*'()&=+$,;?/ and %XX escapes; a host name or IP address; an optional "
              ":port and ;parameters)")
E164 = text(pattern=E164_PATTERN, what="an E.164 number such as '+19195551212'")
SIP_URI = text(max_length=MAX_SIP_LENGTH, pattern=SIP_PATTERN, what=_SIP_WORDS)
E164_OR_SIP = text(max_length=MAX_SIP_LENGTH, pattern=f"{E164_PATTERN}|{SIP_PATTERN}",
                   what=f"an E.164 number such as '+19195551212' or {_SIP_WORDS}")
#: who a transferred call is shown as coming from
CALLER_ID = text(max_length=MAX_SIP_LENGTH,
                 pattern=f"private|{E164_PATTERN}|{SIP_PATTERN}",
                 what=f"'private', an E.164 number such as '+19195551212' or {_SIP_WORDS}")
HTTP_URL = text(pattern=r"https?://\S+", what="an absolute http(s) URL")
#: how callbacks are sent
CALLBACK_METHOD = one_of("POST", "GET", "post", "get")
DTMF_OUT = text(max_length=92, pattern=r"[A-D0-9#*,wW]+",
                what="a string of 0-9 A-D * # and pauses , w W")
DIGIT_KEYS = text(pattern=r"[0-9*#]+", what="a non-empty string of the digits 0-9, * and #")
DIVERSION_TREATMENT = one_of("none", "propagate", "stack")
DIVERSION_REASON = one_of(
    "unknown", "user-busy", "no-answer", "unavailable", "unconditional", "time-of-day",
    "do-not-disturb", "deflection", "follow-me", "out-of-service", "away",
)


def id_list(max_items: int, what: str = "ids") -> Check:
    """A list (or tuple) of at most ``max_items`` non-empty id strings; sent as a list."""

    def test(value: object) -> bool:
        return (isinstance(value, (list, tuple)) and len(value) <= max_items
                and all(isinstance(item, str) and item for item in value))

    return Check(f"a list of at most {max_items} {what} (non-empty strings)", test)


def header_map(max_items: int, max_length: int) -> Check:
    """A dict of ``X-`` header names to string values; names are sent exactly as given."""

    def test(value: object) -> bool:
        if not isinstance(value, Mapping) or len(value) > max_items:
            return False
        return all(
            isinstance(name, str) and name[:2].upper() == "X-" and len(name) <= max_length
            and isinstance(item, str) and len(item) <= max_length
            for name, item in value.items()
        )

    return Check(
        f"a dict of at most {max_items} headers whose names start with 'X-', names and values "
        f"strings of at most {max_length} characters",
        test,
    )
