"""Phone numbers of yours (``client.PhoneNumber``) and the numbers you can buy
(``client.AvailableNumber``, outside ``/users/{userId}``)."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterator, Literal, Mapping, Optional, Union, overload

import attrs

from .. import _options, _wire
from .._idfirst import IdFirst
from .._options import BOOLEAN, E164, one_of, option, text, whole
from .._transport import Transport
from ..errors import InvalidOptionError
from ._base import Collection, Handle

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._kwargs import (
        LocalSearchKwargs,
        NumberQueryKwargs,
        PhoneNumberKwargs,
        TollFreeSearchKwargs,
    )

__all__ = ["AvailableNumber", "AvailableNumberCollection", "OrderedNumber", "PhoneNumber",
           "PhoneNumberCollection", "PhoneNumberOptions"]


@attrs.frozen(kw_only=True)
class PhoneNumberOptions:
    """The options of ``client.PhoneNumber.allocate`` and ``number.update``.

    Attributes:
        number: required to allocate; E.164. name: a name of yours.
        application_id: the application whose URLs get the number's incoming calls
            (``""`` detaches it). fallback_number: E.164, gets the calls when the
            application's URLs cannot be reached.
    """

    number: Optional[str] = option(E164)
    name: Optional[str] = option(text())
    application_id: Optional[str] = option(text())
    fallback_number: Optional[str] = option(E164)


@attrs.frozen(kw_only=True)
class _NumberQuery:
    page: Union[int, str, None] = option(whole(0))
    size: Union[int, str, None] = option(whole(1, 1000))
    application_id: Optional[str] = option(text())
    state: Optional[str] = option(text())
    name: Optional[str] = option(text())
    city: Optional[str] = option(text())
    number_state: Optional[str] = option(one_of("enabled", "released"))


@attrs.frozen(kw_only=True, repr=False)
class PhoneNumber(Handle):
    """A number of yours. ``client.PhoneNumber("n-1")`` (or ``("+19195551212")``) is a handle.

    Attributes:
        id: ``"n-..."``; number: E.164; national_number; name; city; state;
        application_id: the application it points at (also read from ``application``);
        application_url; fallback_number; price: monthly, a string such as ``"0.60"``;
        created_time; number_state: ``enabled`` or ``released``; raw.
    """

    id: str
    number: Optional[str] = None
    national_number: Optional[str] = None
    name: Optional[str] = None
    city: Optional[str] = None
    state: Optional[str] = None
    application_id: Optional[str] = None
    application_url: Optional[str] = attrs.field(default=None,
                                                 metadata={"wire": "application"})
    fallback_number: Optional[str] = None
    price: Optional[str] = None
    created_time: Optional[_dt.datetime] = None
    number_state: Optional[str] = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    _transport: Optional[Transport] = attrs.field(default=None, repr=False, eq=False,
                                                  alias="transport")

    resource_path = "phoneNumbers"
    id_name = "number_id"
    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any], *,
                 transport: Optional[Transport] = None) -> PhoneNumber:
        """Build from the API's JSON; unknown fields stay in ``raw``."""
        text_of = _wire.text_or_none
        application = text_of(payload.get("application"))
        return cls(
            id=text_of(payload.get("id")) or "", number=text_of(payload.get("number")),
            national_number=text_of(payload.get("nationalNumber")),
            name=text_of(payload.get("name")), city=text_of(payload.get("city")),
            state=text_of(payload.get("state")),
            application_id=text_of(payload.get("applicationId"))
            or _wire.last_segment(application),
            application_url=application, fallback_number=text_of(payload.get("fallbackNumber")),
            price=text_of(payload.get("price")),
            created_time=_wire.parse_time(payload.get("createdTime")),
            number_state=text_of(payload.get("numberState")),
            raw=dict(payload), transport=transport,
        )

    def refresh(self) -> PhoneNumber:
        """Fetch the number (``GET /phoneNumbers/{id or E.164 number}``)."""
        result = self._t.request("GET", self._path())
        return PhoneNumber.from_api(result.json_object("a phone number"), transport=self._t)

    @_options.shows_options(PhoneNumberOptions)
    def update(self, options: Union[PhoneNumberOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[PhoneNumberKwargs]) -> None:
        """Change ``name``, ``application_id`` or ``fallback_number``
        (``POST /phoneNumbers/{id}``); fields not sent keep their value."""
        body = _options.to_body(PhoneNumberOptions, _options.items_of(options, "phone number")
                                + list(kwargs.items()), "phone number")
        if "number" in body:
            raise InvalidOptionError("a phone number's number cannot be changed")
        self._t.request("POST", self._path(), body=body)

    def delete(self) -> None:
        """Release the number for good (``DELETE /phoneNumbers/{id}``)."""
        self._t.request("DELETE", self._path())


class PhoneNumberCollection(Collection[PhoneNumber]):
    """``client.PhoneNumber``: allocate, get, list; each number method also id first."""

    _handle = PhoneNumber

    @_options.shows_options(PhoneNumberOptions)
    def allocate(self, options: Union[PhoneNumberOptions, Mapping[str, Any], None] = None, /,
                 **kwargs: Unpack[PhoneNumberKwargs]) -> PhoneNumber:
        """Make an available number yours (``POST /phoneNumbers``); the id comes from
        ``Location`` (no GET). The Ruby, node and C# SDKs called this ``create``.

        Raises:
            InvalidOptionError: no ``number``, or a bad option; nothing was sent.
            ConflictError: duplicate-number. Other APIError, TransportError.
        """
        body = _options.to_body(PhoneNumberOptions, _options.items_of(options, "phone number")
                                + list(kwargs.items()), "phone number")
        if not body.get("number"):
            raise InvalidOptionError("phone number option number is required")
        result = self._transport.request("POST", "phoneNumbers", body=body, created=True)
        return PhoneNumber.from_api({**body, "id": result.created_id()},
                                    transport=self._transport)

    create = allocate

    @_options.shows_options(_NumberQuery)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None,
             **query: Unpack[NumberQueryKwargs]) -> Iterator[PhoneNumber]:
        """Iterate over your numbers (``GET /phoneNumbers``): ``application_id``, ``state``,
        ``name``, ``city``, ``number_state``, ``page``, ``size``, and ``limit``."""
        return self._list(_NumberQuery, options, query, limit, "phone number list")

    refresh = IdFirst(PhoneNumber.refresh)
    update = IdFirst(PhoneNumber.update)
    delete = IdFirst(PhoneNumber.delete)


# -- available numbers ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _LocalSearch:
    city: Optional[str] = option(text())
    state: Optional[str] = option(text(pattern="[A-Za-z]{2}", what="a two-letter state"))
    zip: Optional[str] = option(text(pattern="[0-9]{5}", what="five digits"))
    area_code: Optional[str] = option(text(pattern="[0-9]{3}", what="three digits"))
    local_number: Optional[str] = option(text(pattern="[0-9]{3,}", what="three digits or more"))
    in_local_calling_area: Optional[bool] = option(BOOLEAN)
    quantity: Union[int, str, None] = option(whole(1, 5000))
    pattern: Optional[str] = option(text(pattern=r"[0-9A-Za-z?*]+",
                                         what="digits, letters, ? and *"))


@attrs.frozen(kw_only=True)
class _TollFreeSearch:
    quantity: Union[int, str, None] = option(whole(1, 5000))
    pattern: Optional[str] = option(text(pattern=r"[0-9A-Za-z?*]+",
                                         what="digits, letters, ? and *"))


@attrs.frozen(kw_only=True, repr=False)
class AvailableNumber(_wire.Readable):
    """A number you can buy, as a search returns it.

    Attributes:
        number: E.164; national_number; pattern_match: the matched positions; city, lata,
        rate_center, state (local numbers); price: monthly, a string; raw.
    """

    number: str
    national_number: Optional[str] = None
    pattern_match: Optional[str] = None
    city: Optional[str] = None
    lata: Optional[str] = None
    rate_center: Optional[str] = None
    state: Optional[str] = None
    price: Optional[str] = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any]) -> AvailableNumber:
        """Build from one item of a search."""
        text_of = _wire.text_or_none
        return cls(number=text_of(payload.get("number")) or "",
                   national_number=text_of(payload.get("nationalNumber")),
                   pattern_match=text_of(payload.get("patternMatch")),
                   city=text_of(payload.get("city")), lata=text_of(payload.get("lata")),
                   rate_center=text_of(payload.get("rateCenter")),
                   state=text_of(payload.get("state")), price=text_of(payload.get("price")),
                   raw=dict(payload))


@attrs.frozen(kw_only=True, repr=False)
class OrderedNumber(_wire.Readable):
    """A number a search-and-order made yours.

    Attributes:
        id: the new phone number's id (the last segment of ``location``); number: E.164;
        national_number; price; location: the phone number's URL; raw.
    """

    id: str
    number: Optional[str] = None
    national_number: Optional[str] = None
    price: Optional[str] = None
    location: Optional[str] = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any]) -> OrderedNumber:
        """Build from one item of an order."""
        location = _wire.text_or_none(payload.get("location"))
        return cls(id=_wire.last_segment(location) or "",
                   number=_wire.text_or_none(payload.get("number")),
                   national_number=_wire.text_or_none(payload.get("nationalNumber")),
                   price=_wire.text_or_none(payload.get("price")), location=location,
                   raw=dict(payload))


class AvailableNumberCollection:
    """``client.AvailableNumber``: search numbers to buy, or search and buy at once.

    These endpoints live under ``/v1/availableNumbers``, outside your user root.
    """

    def __init__(self, transport: Transport, api_root: str) -> None:
        self._transport = transport
        self._root = api_root

    def __repr__(self) -> str:
        return f"<AvailableNumberCollection {self._root}/availableNumbers>"

    @_options.shows_options(_LocalSearch)
    def search_local(self, options: Optional[Mapping[str, Any]] = None, /,
                     **query: Unpack[LocalSearchKwargs]) -> list[AvailableNumber]:
        """Search local numbers (``GET /v1/availableNumbers/local``).

        Args:
            **query: exactly one of ``state`` (two letters; ``city`` may go with it),
                ``zip`` (five digits) or ``area_code`` (three digits; ``local_number``,
                three digits or more, and ``in_local_calling_area`` may go with it);
                ``quantity`` (1..5000, default 10); ``pattern`` (digits or letters, ``?``
                one digit, ``*`` any run).

        Raises:
            InvalidOptionError: a filter combination the API refuses; nothing was sent.
        """
        params = self._local(options, query, "available number search")
        return [AvailableNumber.from_api(item) for item in self._get("local", params)]

    @_options.shows_options(_TollFreeSearch)
    def search_toll_free(self, options: Optional[Mapping[str, Any]] = None, /,
                         **query: Unpack[TollFreeSearchKwargs]) -> list[AvailableNumber]:
        """Search toll-free numbers (``GET /v1/availableNumbers/tollFree``): ``quantity``
        (1..5000) and ``pattern``."""
        params = _query(_TollFreeSearch, options, query, "toll-free search")
        return [AvailableNumber.from_api(item) for item in self._get("tollFree", params)]

    @_options.shows_options(_LocalSearch)
    def search_and_order_local(self, options: Optional[Mapping[str, Any]] = None, /,
                               **query: Unpack[LocalSearchKwargs]) -> list[OrderedNumber]:
        """Search local numbers and buy them at once (``POST /v1/availableNumbers/local``):
        the filters of ``search_local`` but no ``pattern``, ``quantity`` 1..10 (default 10).
        """
        params = self._local(options, query, "available number order")
        _order_rules(params)
        return [OrderedNumber.from_api(item) for item in self._post("local", params)]

    @_options.shows_options(_TollFreeSearch)
    def search_and_order_toll_free(self, options: Optional[Mapping[str, Any]] = None, /,
                                   **query: Unpack[TollFreeSearchKwargs]) -> list[OrderedNumber]:
        """Search toll-free numbers and buy them (``POST /v1/availableNumbers/tollFree``):
        ``quantity`` 1..10 (default 1)."""
        params = _query(_TollFreeSearch, options, query, "toll-free order")
        _order_rules(params)
        return [OrderedNumber.from_api(item) for item in self._post("tollFree", params)]

    # the names of node (search, searchAndOrder by kind) and Ruby; typed by kind
    @overload
    def search(self, kind: Literal["local"], options: Optional[Mapping[str, Any]] = None, /,
               **query: Unpack[LocalSearchKwargs]) -> list[AvailableNumber]: ...

    @overload
    def search(self, kind: Literal["tollFree", "toll_free"],
               options: Optional[Mapping[str, Any]] = None, /,
               **query: Unpack[TollFreeSearchKwargs]) -> list[AvailableNumber]: ...

    def search(self, kind: str, options: Optional[Mapping[str, Any]] = None, /,
               **query: Any) -> list[AvailableNumber]:
        """node's ``AvailableNumber.search("local" | "tollFree", params)``."""
        found: list[AvailableNumber] = self._by_kind(kind, self.search_local,
                                                     self.search_toll_free)(options, **query)
        return found

    @overload
    def search_and_order(self, kind: Literal["local"],
                         options: Optional[Mapping[str, Any]] = None, /,
                         **query: Unpack[LocalSearchKwargs]) -> list[OrderedNumber]: ...

    @overload
    def search_and_order(self, kind: Literal["tollFree", "toll_free"],
                         options: Optional[Mapping[str, Any]] = None, /,
                         **query: Unpack[TollFreeSearchKwargs]) -> list[OrderedNumber]: ...

    def search_and_order(self, kind: str, options: Optional[Mapping[str, Any]] = None, /,
                         **query: Any) -> list[OrderedNumber]:
        """node's ``AvailableNumber.searchAndOrder("local" | "tollFree", params)``."""
        ordered: list[OrderedNumber] = self._by_kind(
            kind, self.search_and_order_local, self.search_and_order_toll_free)(options, **query)
        return ordered

    @staticmethod
    def _by_kind(kind: str, local: Any, toll_free: Any) -> Any:
        if kind not in ("local", "tollFree", "toll_free"):
            raise InvalidOptionError(f"kind must be 'local' or 'tollFree', got {kind!r}")
        return local if kind == "local" else toll_free

    def _local(self, options: Optional[Mapping[str, Any]], query: Mapping[str, Any],
               title: str) -> dict[str, object]:
        params = _query(_LocalSearch, options, query, title)
        where = [k for k in ("state", "zip", "areaCode") if k in params]
        problems = [
            (len(where) != 1, "give exactly one of state, zip or area_code"),
            ("city" in params and "state" not in params, "city needs state"),
            ("localNumber" in params and "areaCode" not in params, "local_number needs "
                                                                    "area_code"),
            ("inLocalCallingArea" in params and "localNumber" not in params,
             "in_local_calling_area needs local_number"),
        ]
        for bad, why in problems:
            if bad:
                raise InvalidOptionError(f"{title}: {why}")
        return params

    def _get(self, kind: str, params: Mapping[str, object]) -> list[Any]:
        result = self._transport.request("GET", kind, params=params,
                                         url=f"{self._root}/availableNumbers/{kind}")
        return [item for item in result.json_list(f"{kind} numbers") if isinstance(item, dict)]

    def _post(self, kind: str, params: Mapping[str, object]) -> list[Any]:
        result = self._transport.request("POST", kind, params=params,
                                         url=f"{self._root}/availableNumbers/{kind}")
        return [item for item in result.json_list(f"{kind} order") if isinstance(item, dict)]


def _query(kind: type, options: Optional[Mapping[str, Any]], query: Mapping[str, Any],
           title: str) -> dict[str, object]:
    params = _options.to_body(kind, _options.items_of(options, title) + list(query.items()),
                              title)
    # a query string has no booleans: the API takes true/false
    return {k: ("true" if v is True else "false" if v is False else v) for k, v in
            params.items()}


def _order_rules(params: Mapping[str, object]) -> None:
    if "pattern" in params:
        raise InvalidOptionError("a search-and-order takes no pattern: search first, then "
                                 "allocate the number you chose")
    quantity = params.get("quantity")
    if quantity is not None and int(str(quantity)) > 10:
        raise InvalidOptionError(f"a search-and-order buys at most 10 numbers, got {quantity}")
