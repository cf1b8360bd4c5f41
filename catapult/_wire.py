"""Wire conventions: snake_case <-> camelCase from declared fields, option checks, times, enums."""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import enum
import functools
import hmac
import math
import re
from typing import Any, Callable, Iterable, Mapping, Optional, TypeVar, Union
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
            return _dt.datetime.fromisoformat(value[:-1]).replace(tzinfo=_dt.timezone.utc)
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
            f"{context}: the Location header {_show(text_value)} does not end in an id"
        )
    return found


# ---------------------------------------------------------------------------------------------
# declared options: checks, field helper, and the mapping -> wire body conversion


class Check:
    """A rule for one option value: ``allowed`` says in words what passes ``test``.

    (A plain class, as are the other internal ones here: an attrs class costs about half a
    millisecond of import time to build, and these need nothing it generates.)"""

    __slots__ = ("allowed", "test")

    def __init__(self, allowed: str, test: Callable[[object], bool]) -> None:
        self.allowed = allowed
        self.test = test


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


def option(
    check: Optional[Check] = None,
    *,
    nested: Optional[type] = None,
    wire: Optional[str] = None,
    required: bool = False,
) -> Any:
    """Declare an option field: its rule, or the options class nested under it."""
    metadata: dict[str, object] = {"check": check, "nested": nested, "required": required}
    if wire:
        metadata["wire"] = wire
    return attrs.field(default=None, metadata=metadata)


class _Spec:
    """Everything about an options class that encoding needs, computed once per class."""

    __slots__ = ("by_key", "by_wire", "checks", "names", "nested", "required", "wire")

    def __init__(self, fields: tuple[attrs.Attribute, ...]) -> None:  # type: ignore[type-arg]
        wire = {f.name: wire_name(f) for f in fields}
        self.by_key: Mapping[str, attrs.Attribute] = {  # type: ignore[type-arg]
            **{f.name: f for f in fields}, **{wire[f.name]: f for f in fields}}
        self.by_wire: Mapping[str, attrs.Attribute] = {  # type: ignore[type-arg]
            wire[f.name]: f for f in fields}
        self.names = tuple(f.name for f in fields)
        self.wire: Mapping[str, str] = wire  # field name -> JSON name
        self.checks: Mapping[str, Optional[Check]] = {
            f.name: f.metadata.get("check") for f in fields}
        self.nested: Mapping[str, Optional[type]] = {
            f.name: f.metadata.get("nested") for f in fields}
        self.required = tuple((f.name, wire[f.name]) for f in fields
                              if f.metadata.get("required"))


@functools.cache
def _spec(kind: type) -> _Spec:
    return _Spec(attrs.fields(kind))


def wire_fields(kind: type) -> Mapping[str, attrs.Attribute]:  # type: ignore[type-arg]
    """The declared fields of an options class by JSON name, in declaration order."""
    return _spec(kind).by_wire


def option_names(kind: type) -> tuple[str, ...]:
    """The snake_case names of an options class, in declaration order."""
    return _spec(kind).names


def items_of(options: object, title: str) -> list[tuple[str, object]]:
    """The (key, value) pairs of a dict or an options instance, or an InvalidOptionError."""
    if options is None:
        return []
    if type(options) is dict:
        return list(options.items())
    if attrs.has(type(options)):
        return [(f.name, getattr(options, f.name)) for f in attrs.fields(type(options))  # type: ignore[arg-type]
                if getattr(options, f.name) is not None]
    if isinstance(options, Mapping):
        return list(options.items())
    raise InvalidOptionError(
        f"{title} options must be a dict or keyword arguments, got {type(options).__name__}"
    )


def collect(kind: type, items: Iterable[tuple[object, object]], title: str,
            prefix: str = "") -> dict[str, object]:
    """Resolve each key to its declared field; reject unknown keys and a key given twice.

    Returns ``{field name: value}`` in the caller's order, None values included.
    """
    spec = _spec(kind)
    chosen: dict[str, object] = {}
    spelled: dict[str, str] = {}
    for key, value in items:
        field = spec.by_key.get(key) if isinstance(key, str) else None
        if field is None:
            raise InvalidOptionError(_unknown(spec, key, title, prefix))
        if field.name in spelled:
            first = spelled[field.name]
            twice = (f"is given twice ({prefix}{first!r} and {prefix}{key!r})" if first != key
                     else "is given twice")
            raise InvalidOptionError(f"{title} option {prefix}{field.name} {twice}; give it once")
        spelled[field.name] = str(key)
        chosen[field.name] = value
    return chosen


def encode(kind: type, chosen: Mapping[str, object], title: str,
           prefix: str = "") -> dict[str, object]:
    """Check each value and build the wire body: camelCase keys, values as given, None omitted."""
    spec = _spec(kind)
    body: dict[str, object] = {}
    for name, value in chosen.items():
        if value is None:
            continue
        nested = spec.nested[name]
        if nested is not None:
            value = encode(nested, collect(nested, items_of(value, f"{title} {prefix}{name}"),
                                           title, prefix=f"{prefix}{name}."),
                           title, prefix=f"{prefix}{name}.")
        else:
            check = spec.checks[name]
            assert check is not None
            if not check.test(value):
                raise InvalidOptionError(
                    f"{title} option {prefix}{name} must be {check.allowed}, got {_show(value)}"
                )
        body[spec.wire[name]] = value
    for name, wire in spec.required:
        if wire not in body:
            raise InvalidOptionError(f"{title} option {prefix}{name} is required")
    return body


def to_body(kind: type, items: Iterable[tuple[object, object]], title: str) -> dict[str, object]:
    """``collect`` then ``encode``: the JSON body for a request, or an InvalidOptionError."""
    return encode(kind, collect(kind, items, title), title)


def _unknown(spec: _Spec, key: object, title: str, prefix: str) -> str:
    shown = f"{prefix}{key}" if isinstance(key, str) else f"{prefix}{key!r}"
    message = f"unknown {title} option {shown!r}"
    if isinstance(key, str):
        import difflib  # only for this message: it costs a few ms to import

        close = difflib.get_close_matches(key, list(spec.by_key), n=1, cutoff=0.6)
        if not close:
            close = difflib.get_close_matches(key.lower(), [k.lower() for k in spec.by_key],
                                              n=1, cutoff=0.6)
            close = [k for k in spec.by_key if k.lower() in close][:1]
        if close:
            message += f": did you mean {prefix}{close[0]}?"
    return message + f" (known: {', '.join(spec.names)})"


def _show(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."
