"""Wire conventions: snake_case <-> camelCase names, times, enums, ids in paths and Locations."""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import enum
import hmac
import math
import re
from typing import Any, Optional, TypeVar, Union
from urllib.parse import quote, unquote

import attrs

from .errors import InvalidOptionError, ProtocolError

E = TypeVar("E", bound=enum.Enum)

# ---------------------------------------------------------------------------------------------
# names


def camel(name: str) -> str:
    """``max_digits`` -> ``maxDigits``; a trailing underscore (``from_``) is dropped."""
    head, *rest = name.rstrip("_").split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def wire_name(field: attrs.Attribute) -> str:  # type: ignore[type-arg]
    """The JSON name of a declared field: ``metadata["wire"]`` or the camelCase of its name."""
    return str(field.metadata.get("wire") or camel(field.name))


# ---------------------------------------------------------------------------------------------
# values read from the wire

_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$"
)


def parse_time(value: object) -> Optional[_dt.datetime]:
    """A timezone-aware UTC datetime from the API's time formats, or None if unreadable.

    Accepts ISO 8601 with or without ``Z``, with or without fractional seconds, with an
    offset such as ``-03`` or ``+05:30`` (no offset means UTC, as the API documents), and
    epoch milliseconds as a number or a string of digits (GET callbacks send strings).
    """
    if type(value) is str and len(value) in (20, 24) and value[10] == "T" \
            and value[19] in "Z." and value[-1] == "Z":
        # the API's usual form (2014-07-31T01:01:27Z, or with .636 millis): the C parser
        try:
            # (naming the offset is ten times faster than .replace(tzinfo=...) after)
            return _dt.datetime.fromisoformat(value[:-1] + "+00:00")
        except ValueError:
            pass  # not a real date after all: the general path decides
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return _from_millis(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"-?\d{9,}(\.\d+)?", text):
        return _from_millis(float(text))
    match = _ISO.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micros = int((fraction or "0")[:6].ljust(6, "0"))
    offset = _dt.timedelta(0)
    if zone and zone not in ("Z", "z"):
        digits = zone[1:].replace(":", "")
        offset = _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        if zone[0] == "-":
            offset = -offset
    try:
        moment = _dt.datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micros,
            tzinfo=_dt.timezone(offset),
        )
        return moment.astimezone(_dt.timezone.utc)
    except (ValueError, OverflowError):
        return None


def _from_millis(millis: float) -> Optional[_dt.datetime]:
    try:
        if not math.isfinite(millis):
            return None
        return _dt.datetime.fromtimestamp(millis / 1000, tz=_dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None


def format_time(moment: _dt.datetime) -> str:
    """ISO 8601 in UTC with a ``Z``, as the API writes times (``2014-07-31T01:01:27Z``)."""
    utc = moment if moment.tzinfo is _dt.timezone.utc else moment.astimezone(_dt.timezone.utc)
    text = utc.replace(tzinfo=None).isoformat(timespec="seconds")
    if utc.microsecond:
        text += f".{utc.microsecond // 1000:03d}"
    return text + "Z"


class StrEnum(str, enum.Enum):
    """A str enum that prints as its wire value (``str(GatherReason.HUNG_UP) == "hung-up"``)."""

    def __str__(self) -> str:
        return str(self.value)


def to_enum(kind: type[E], value: object) -> Union[E, str, None]:
    """The enum member for a wire value; an unknown value stays a plain string."""
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        return str(value)


def text_or_none(value: object) -> Optional[str]:
    """A wire value as a string (numbers from a careless server included), None if absent."""
    if type(value) is str:
        return value
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def compact_repr(self: object) -> str:
    """``Name(field=value, ...)`` of an attrs model, leaving out unset (None) fields."""
    shown = ", ".join(
        f"{field.name}={getattr(self, field.name)!r}"
        for field in attrs.fields(type(self))  # type: ignore[arg-type]
        if field.repr and getattr(self, field.name) is not None
    )
    return f"{type(self).__name__}({shown})"


class Readable:
    """Mixin for frozen models: ``model["digits"]``, ``model["createdTime"]`` or
    ``model["from"]`` read a field the way ported Ruby and JS code reads a response.

    A key is a field name, the field's wire name, or else any key of the payload as
    received (``raw``); anything else is a KeyError. Models stay read-only.
    """

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        fields = _readable_fields(type(self))
        name = fields.get(key)
        if name is not None:
            return getattr(self, name)
        raw = getattr(self, "raw", None) or {}
        if key in raw:
            return raw[key]
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        """``model[key]``, or ``default`` when the model has no such field."""
        try:
            return self[key]
        except KeyError:
            return default


_READABLE: dict[type, dict[str, str]] = {}


def _readable_fields(kind: type) -> dict[str, str]:
    """Field name by each key that reads it, once per class."""
    names = _READABLE.get(kind)
    if names is not None:
        return names
    names = _READABLE[kind] = {}
    fields = [f for f in attrs.fields(kind) if not f.name.startswith("_") and f.name != "raw"]
    wires = [wire_name(f) for f in fields]
    for field, wire in zip(fields, wires):
        names[field.name] = field.name
        if wires.count(wire) == 1:  # a key several fields read from (credentials) is raw's
            names.setdefault(wire, field.name)
        names.setdefault(field.name.rstrip("_"), field.name)  # from_ is also "from"
    return names


def basic_auth_matches(header: str, expected: bytes) -> bool:
    """Whether an ``Authorization`` header carries Basic credentials equal to ``expected``
    (``b"user:pass"``), compared in constant time."""
    scheme, _, encoded = header.partition(" ")
    try:
        given = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        return False
    # compare_digest keeps the time independent of where the first difference is
    return scheme.lower() == "basic" and hmac.compare_digest(given, expected)


def last_segment(url: object) -> Optional[str]:
    """The last non-empty path segment of a URL or path, for reading ids out of models
    (a gather's call URL). Ids that go back into a path pass through ``segment`` first."""
    if not isinstance(url, str):
        return None
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    segment = path.rsplit("/", 1)[-1]
    return segment or None


_USERINFO = re.compile(r"(?:(?<=//)|^)[^/?#\s]*@")


def redact_userinfo(text_value: str) -> str:
    """``text`` with any ``user:password@`` of a URL in it masked, malformed URLs included
    (``https//t-1:secret@host`` becomes ``https//***@host``)."""
    return _USERINFO.sub("***@", text_value)


_DOT_SEGMENTS = ("", ".", "..")


def segment(value: object, what: str) -> str:
    """``value`` as exactly one percent-encoded path segment, or an InvalidOptionError.

    Every id placed in a request path goes through here. ``quote`` alone is not enough:
    it leaves ``.`` and ``..`` as they are, and requests/urllib3 then remove such dot
    segments, so ``..`` would send the request to the parent resource (and ``%2E%2E`` is
    decoded back to ``..`` by requests). So empty, ``.`` and ``..`` are refused, and
    everything else, ``/ ? # %`` included, is encoded to stay inside its segment.
    """
    if not isinstance(value, str) or value in _DOT_SEGMENTS:
        raise InvalidOptionError(
            f"{what} must be a non-empty string other than '.' and '..', got {value!r}"
        )
    try:
        return quote(value, safe="")
    except UnicodeEncodeError:
        raise InvalidOptionError(f"{what} must be valid Unicode text, got {value!r}") from None


def location_id(location: object, context: str) -> Optional[str]:
    """The id a ``Location`` header names (its last path segment, relative or absolute URL);
    None when there is no header, a ProtocolError when the last segment is empty, ``.`` or
    ``..`` (an id that would point a later request at another resource)."""
    if location is None:
        return None
    text_value = str(location).split("?", 1)[0].split("#", 1)[0]
    found = unquote(text_value.rsplit("/", 1)[-1])
    if found in _DOT_SEGMENTS:
        raise ProtocolError(
            f"{context}: the Location header {show(text_value)} does not end in an id"
        )
    return found


def show(value: object) -> str:
    """A value as an error message shows it: its repr, cut at 80 characters."""
    shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."
