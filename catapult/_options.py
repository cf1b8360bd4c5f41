"""Declared options: the field helper, what ``help()`` shows of them, and the conversion of
the caller's keywords or dict (either spelling) into the JSON body, before anything is sent
(each value checked by its rule from ``_checks``)."""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable, Iterable, Mapping, Optional, TypeVar, Union

import attrs

from ._checks import Check, whole
from ._wire import show, wire_name
from .errors import InvalidOptionError

_F = TypeVar("_F", bound=Callable[..., Any])


def option(
    check: Optional[Check] = None,
    *,
    nested: Optional[type] = None,
    wire: Optional[str] = None,
    required: bool = False,
    secret: bool = False,
    doc: str = "",
) -> Any:
    """Declare an option field: its rule (or the options class nested under it), and what
    it is for in a few words; the rule's own words state the limit (see ``describe``).
    A ``secret`` (a password) is never shown: not in the options' repr, not in an error."""
    metadata: dict[str, object] = {"check": check, "nested": nested, "required": required,
                                   "secret": secret, "doc": doc}
    if wire:
        metadata["wire"] = wire
    return attrs.field(default=None, metadata=metadata, repr=not secret)


def allowed(field: attrs.Attribute) -> str:  # type: ignore[type-arg]
    """What an option takes, in words: its check's, or the options class nested under it."""
    nested = field.metadata.get("nested")
    if nested is not None:
        return f"a {nested.__name__} or a dict of its fields"
    check = field.metadata.get("check")
    return check.allowed if check is not None else "anything"


def describe(kind: type, but: Iterable[str] = (), prefix: str = "") -> list[str]:
    """One line per option of ``kind``: its name, what it is for, and what it takes
    (``max_digits: digits to collect ...; a whole number from 1 to 30 ...``); the options
    of a nested class follow it (``prompt.sentence: ...``)."""
    skip = set(but)
    lines = []
    for item in attrs.fields(kind):
        if item.name in skip:
            continue
        doc = str(item.metadata.get("doc") or "")
        required = "required; " if item.metadata.get("required") else ""
        lines.append(f"{prefix}{item.name}: {required}{doc + '; ' if doc else ''}"
                     f"{allowed(item)}")
        nested = item.metadata.get("nested")
        if nested is not None:
            lines += describe(nested, prefix=f"{prefix}{item.name}.")
    return lines


def _indented(lines: list[str], indent: str) -> str:
    import textwrap  # only when a docstring is assembled

    return "\n".join(textwrap.fill(line, 92, initial_indent=indent,
                                   subsequent_indent=indent + "    ") for line in lines)


_C = TypeVar("_C", bound=type)


def documented(cls: _C) -> _C:
    """Finish an options class's docstring with an ``Attributes`` section written from its
    declared options, so that each limit is stated once: in its check."""
    cls.__doc__ = ((cls.__doc__ or "").rstrip() + "\n\n    Attributes:\n"
                   + _indented(describe(cls), " " * 8) + "\n")
    return cls


class _Spec:
    """Everything about an options class that encoding needs, computed once per class."""

    __slots__ = ("by_key", "by_wire", "checks", "names", "nested", "required", "secret",
                 "wire")

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
        self.secret = frozenset(f.name for f in fields if f.metadata.get("secret"))


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
    items = list(items)
    for key, value in items:
        field = spec.by_key.get(key) if isinstance(key, str) else None
        if field is None:
            given = {spec.by_key[k].name for k, _ in items if isinstance(k, str)
                     and k in spec.by_key}
            raise InvalidOptionError(_unknown(spec, key, title, prefix, given))
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
                got = (f"a {type(value).__name__} of {len(value)} characters"
                       if name in spec.secret and isinstance(value, str)
                       else f"a {type(value).__name__}" if name in spec.secret else show(value))
                raise InvalidOptionError(
                    f"{title} option {prefix}{name} must be {check.allowed}, got {got}")
        body[spec.wire[name]] = value
    for name, wire in spec.required:
        if wire not in body:
            raise InvalidOptionError(f"{title} option {prefix}{name} is required")
    return body


def to_body(kind: type, items: Iterable[tuple[object, object]], title: str) -> dict[str, object]:
    """``collect`` then ``encode``: the JSON body for a request, or an InvalidOptionError."""
    return encode(kind, collect(kind, items, title), title)


def _unknown(spec: _Spec, key: object, title: str, prefix: str, given: set[str]) -> str:
    shown = f"{prefix}{key}" if isinstance(key, str) else f"{prefix}{key!r}"
    message = f"unknown {title} option {shown!r}"
    if isinstance(key, str):
        import difflib  # only for this message: it costs a few ms to import

        # an option the caller already gave is never the one they meant
        candidates = [k for k, field in spec.by_key.items() if field.name not in given]
        close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.6)
        if not close:
            close = difflib.get_close_matches(key.lower(), [k.lower() for k in candidates],
                                              n=1, cutoff=0.6)
            close = [k for k in candidates if k.lower() in close][:1]
        if close:
            message += f": did you mean {prefix}{close[0]}?"
    return message + f" (known: {', '.join(spec.names)})"


def checked_limit(limit: object) -> Optional[int]:
    """A list's ``limit=``: None (every item) or a whole number >= 0."""
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise InvalidOptionError(f"limit must be None or an int >= 0, got {limit!r}")
    return limit


def shows_options(kind: type, but: tuple[str, ...] = ()) -> Callable[[_F], _F]:
    """Show ``kind``'s option names in the signature that ``help()``, ``inspect`` and the
    REPL print, in place of ``**options``: each as a keyword with its declared type and a
    default of None (not sent). The function itself is unchanged; type checkers read its
    ``Unpack[...]`` annotation. ``but``: options the method sets itself."""

    def show_on(func: _F) -> _F:
        signature = inspect.signature(func)
        params = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
        own = {p.name for p in params}.union(but)
        params += keyword_parameters(kind, own)
        func.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        func.__options__ = (kind, frozenset(own))  # type: ignore[attr-defined]
        # the signature as written, for the generated typed mirrors (tools/generate.py)
        func.__typed_signature__ = signature  # type: ignore[attr-defined]
        doc = (func.__doc__ or "").rstrip()
        title = kind.__name__.lstrip("_")
        func.__doc__ = (f"{doc}\n\n        Options (``{title}``; keywords, or one dict in "
                        "either spelling):\n" + _indented(describe(kind, but), " " * 12) + "\n")
        return func

    return show_on


def keyword_parameters(kind: type, but: Iterable[str] = ()) -> list[inspect.Parameter]:
    """``kind``'s options as keyword-only parameters (default None), for a signature."""
    skip = set(but)
    return [inspect.Parameter(field.name, inspect.Parameter.KEYWORD_ONLY, default=None,
                              annotation=str(field.type))
            for field in attrs.fields(kind) if field.name not in skip]


def query(kind: type, options: Optional[Mapping[str, Any]], keywords: Mapping[str, Any],
          title: str) -> dict[str, object]:
    """The query string of a list or search: checked as ``kind`` declares it, booleans
    written ``true``/``false`` (a query string has no booleans)."""
    params = to_body(kind, items_of(options, title) + list(keywords.items()), title)
    return {k: ("true" if v is True else "false" if v is False else v) for k, v in
            params.items()}


@documented
@attrs.frozen(kw_only=True)
class PageQuery:
    """The paging of a list that the API pages with ``page`` and ``size``."""

    page: Union[int, str, None] = option(
        whole(0), doc="the first page to read, from 0 (the API's next links lead on)")
    size: Union[int, str, None] = option(whole(1, 1000), doc="items per page")
