"""Phone numbers of yours (``client.PhoneNumber``) and the numbers you can buy
(``client.AvailableNumber``, outside ``/users/{userId}``)."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterator, Literal, Mapping, Optional, Union, overload

import attrs

from .. import _kwargs as kw
from .. import _options
from .._checks import BOOLEAN, E164, one_of, text, whole
from .._compat import Unpack
from .._model import Model, field, ident, moment, raw_payload, segment_of
from .._options import PageQuery, option
from .._transport import Transport
from ..errors import InvalidOptionError
from ._base import Collection, Handle, Mirrors, transport_field

if TYPE_CHECKING:
    from .._mirrors import PhoneNumberMirrors
else:
    PhoneNumberMirrors = Mirrors

__all__ = ["AvailableNumber", "OrderedNumber", "PhoneNumber", "PhoneNumberOptions"]


@_options.documented
@attrs.frozen(kw_only=True)
class PhoneNumberOptions:
    """The options of ``client.PhoneNumber.allocate`` and ``number.update``."""

    number: Optional[str] = option(E164, doc="required to allocate")
    name: Optional[str] = option(text(), doc="a name of yours")
    application_id: Optional[str] = option(
        text(), doc='the application whose URLs get its incoming calls ("" detaches it)')
    fallback_number: Optional[str] = option(
        E164, doc="gets the calls when the application's URLs cannot be reached")


@_options.documented
@attrs.frozen(kw_only=True)
class _NumberQuery(PageQuery):
    """What ``client.PhoneNumber.list`` filters by."""

    application_id: Optional[str] = option(text(), doc="the numbers of an application")
    state: Optional[str] = option(text(), doc="a US state, e.g. NC")
    name: Optional[str] = option(text(), doc="the name you gave")
    city: Optional[str] = option(text(), doc="e.g. RALEIGH")
    number_state: Optional[str] = option(one_of("enabled", "released"), doc="in use or not")


@attrs.frozen(kw_only=True, repr=False)
class PhoneNumber(Handle):
    """A number of yours. ``client.PhoneNumber("n-1")`` (or ``("+19195551212")``) is a handle.

    Attributes:
        id: ``"n-..."``; number: E.164; national_number; name; city; state;
        application_id: the application it points at (also read from ``application``);
        application_url; fallback_number; price: monthly, a string such as ``"0.60"``;
        created_time; number_state: ``enabled`` or ``released``; raw.
    """

    id: str = field(ident, required=True)
    number: Optional[str] = field()
    national_number: Optional[str] = field()
    name: Optional[str] = field()
    city: Optional[str] = field()
    state: Optional[str] = field()
    # the API sends applicationId, the examples sometimes only the application's URL
    application_id: Optional[str] = field(segment_of, wire=("applicationId", "application"))
    application_url: Optional[str] = field(wire="application")
    fallback_number: Optional[str] = field()
    price: Optional[str] = field()
    created_time: Optional[_dt.datetime] = field(moment)
    number_state: Optional[str] = field()
    raw: Mapping[str, Any] = raw_payload()
    _transport: Optional[Transport] = transport_field()

    resource_path = "phoneNumbers"
    id_name = "number_id"
    what = "a phone number"

    @_options.shows_options(PhoneNumberOptions)
    def update(self, options: Union[PhoneNumberOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[kw.PhoneNumberKwargs]) -> None:
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


class PhoneNumberCollection(PhoneNumberMirrors, Collection[PhoneNumber]):
    """``client.PhoneNumber``: allocate, get, list; each number method also id first."""

    _handle = PhoneNumber
    client_name = "PhoneNumber"
    client_doc = "your numbers: client.PhoneNumber.allocate(number=...), .get, .list"

    @_options.shows_options(PhoneNumberOptions)
    def allocate(self, options: Union[PhoneNumberOptions, Mapping[str, Any], None] = None, /,
                 **kwargs: Unpack[kw.PhoneNumberKwargs]) -> PhoneNumber:
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
             **query: Unpack[kw.NumberQueryKwargs]) -> Iterator[PhoneNumber]:
        """Iterate over your numbers (``GET /phoneNumbers``): ``application_id``, ``state``,
        ``name``, ``city``, ``number_state``, ``page``, ``size``, and ``limit``."""
        return self._list("phoneNumbers", _NumberQuery, options, query, limit,
                          "phone number list")


# -- available numbers ---------------------------------------------------------------------------


@_options.documented
@attrs.frozen(kw_only=True)
class _LocalSearch:
    """What a search of local numbers takes: exactly one of ``state``, ``zip`` or
    ``area_code``."""

    city: Optional[str] = option(text(), doc="with state only")
    state: Optional[str] = option(text(pattern="[A-Za-z]{2}", what="a two-letter state"),
                                  doc="a US state")
    zip: Optional[str] = option(text(pattern="[0-9]{5}", what="five digits"), doc="a ZIP code")
    area_code: Optional[str] = option(text(pattern="[0-9]{3}", what="three digits"),
                                      doc="an area code")
    local_number: Optional[str] = option(
        text(pattern="[0-9]{3,}", what="three digits or more"),
        doc="the first digits of the number, with area_code only")
    in_local_calling_area: Optional[bool] = option(BOOLEAN, doc="with local_number only")
    quantity: Union[int, str, None] = option(
        whole(1, 5000), doc="how many (default 10; a search-and-order takes at most 10)")
    pattern: Optional[str] = option(
        text(pattern=r"[0-9A-Za-z?*]+", what="digits, letters, ? and *"),
        doc="? is one digit, * any run (not with a search-and-order)")


@_options.documented
@attrs.frozen(kw_only=True)
class _TollFreeSearch:
    """What a search of toll-free numbers takes."""

    quantity: Union[int, str, None] = option(
        whole(1, 5000), doc="how many (a search-and-order takes at most 10)")
    pattern: Optional[str] = option(
        text(pattern=r"[0-9A-Za-z?*]+", what="digits, letters, ? and *"),
        doc="? is one digit, * any run (not with a search-and-order)")


@attrs.frozen(kw_only=True, repr=False)
class AvailableNumber(Model):
    """A number you can buy, as a search returns it.

    Attributes:
        number: E.164; national_number; pattern_match: the matched positions; city, lata,
        rate_center, state (local numbers); price: monthly, a string; raw.
    """

    number: str = field(ident, required=True)
    national_number: Optional[str] = field()
    pattern_match: Optional[str] = field()
    city: Optional[str] = field()
    lata: Optional[str] = field()
    rate_center: Optional[str] = field()
    state: Optional[str] = field()
    price: Optional[str] = field()
    raw: Mapping[str, Any] = raw_payload()


@attrs.frozen(kw_only=True, repr=False)
class OrderedNumber(Model):
    """A number a search-and-order made yours.

    Attributes:
        id: the new phone number's id (the last segment of ``location``); number: E.164;
        national_number; price; location: the phone number's URL; raw.
    """

    id: str = field(lambda value: segment_of(value) or "", wire="location", required=True)
    number: Optional[str] = field()
    national_number: Optional[str] = field()
    price: Optional[str] = field()
    location: Optional[str] = field()
    raw: Mapping[str, Any] = raw_payload()


class AvailableNumberCollection:
    """``client.AvailableNumber``: search numbers to buy, or search and buy at once.

    These endpoints live under ``/v1/availableNumbers``, outside your user root.
    """

    client_name = "AvailableNumber"
    client_doc = "numbers to buy: client.AvailableNumber.search_local(area_code='919')"

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def __repr__(self) -> str:
        return f"<AvailableNumberCollection {self._transport.roots['api']}/availableNumbers>"

    @_options.shows_options(_LocalSearch)
    def search_local(self, options: Optional[Mapping[str, Any]] = None, /,
                     **query: Unpack[kw.LocalSearchKwargs]) -> list[AvailableNumber]:
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
                         **query: Unpack[kw.TollFreeSearchKwargs]) -> list[AvailableNumber]:
        """Search toll-free numbers (``GET /v1/availableNumbers/tollFree``): ``quantity``
        (1..5000) and ``pattern``."""
        params = _options.query(_TollFreeSearch, options, query, "toll-free search")
        return [AvailableNumber.from_api(item) for item in self._get("tollFree", params)]

    @_options.shows_options(_LocalSearch)
    def search_and_order_local(self, options: Optional[Mapping[str, Any]] = None, /,
                               **query: Unpack[kw.LocalSearchKwargs]) -> list[OrderedNumber]:
        """Search local numbers and buy them at once (``POST /v1/availableNumbers/local``):
        the filters of ``search_local`` but no ``pattern``, ``quantity`` 1..10 (default 10).
        """
        params = self._local(options, query, "available number order")
        _order_rules(params)
        return [OrderedNumber.from_api(item) for item in self._post("local", params)]

    @_options.shows_options(_TollFreeSearch)
    def search_and_order_toll_free(self, options: Optional[Mapping[str, Any]] = None, /,
                                   **query: Unpack[kw.TollFreeSearchKwargs]) -> list[OrderedNumber]:
        """Search toll-free numbers and buy them (``POST /v1/availableNumbers/tollFree``):
        ``quantity`` 1..10 (default 1)."""
        params = _options.query(_TollFreeSearch, options, query, "toll-free order")
        _order_rules(params)
        return [OrderedNumber.from_api(item) for item in self._post("tollFree", params)]

    # the names of node (search, searchAndOrder by kind) and Ruby; typed by kind
    @overload
    def search(self, kind: Literal["local"], options: Optional[Mapping[str, Any]] = None, /,
               **query: Unpack[kw.LocalSearchKwargs]) -> list[AvailableNumber]: ...

    @overload
    def search(self, kind: Literal["tollFree", "toll_free"],
               options: Optional[Mapping[str, Any]] = None, /,
               **query: Unpack[kw.TollFreeSearchKwargs]) -> list[AvailableNumber]: ...

    def search(self, kind: str, options: Optional[Mapping[str, Any]] = None, /,
               **query: Any) -> list[AvailableNumber]:
        """node's ``AvailableNumber.search("local" | "tollFree", params)``."""
        found: list[AvailableNumber] = self._by_kind(kind, self.search_local,
                                                     self.search_toll_free)(options, **query)
        return found

    @overload
    def search_and_order(self, kind: Literal["local"],
                         options: Optional[Mapping[str, Any]] = None, /,
                         **query: Unpack[kw.LocalSearchKwargs]) -> list[OrderedNumber]: ...

    @overload
    def search_and_order(self, kind: Literal["tollFree", "toll_free"],
                         options: Optional[Mapping[str, Any]] = None, /,
                         **query: Unpack[kw.TollFreeSearchKwargs]) -> list[OrderedNumber]: ...

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
        params = _options.query(_LocalSearch, options, query, title)
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
        result = self._transport.request("GET", f"availableNumbers/{kind}", params=params,
                                         root="api")
        return [item for item in result.json_list(f"{kind} numbers") if isinstance(item, dict)]

    def _post(self, kind: str, params: Mapping[str, object]) -> list[Any]:
        result = self._transport.request("POST", f"availableNumbers/{kind}", params=params,
                                         root="api")
        return [item for item in result.json_list(f"{kind} order") if isinstance(item, dict)]


def _order_rules(params: Mapping[str, object]) -> None:
    if "pattern" in params:
        raise InvalidOptionError("a search-and-order takes no pattern: search first, then "
                                 "allocate the number you chose")
    quantity = params.get("quantity")
    if quantity is not None and int(str(quantity)) > 10:
        raise InvalidOptionError(f"a search-and-order buys at most 10 numbers, got {quantity}")
