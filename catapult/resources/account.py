"""The account: its balance and type, and the transactions charged or credited to it;
``client.Account``."""

from __future__ import annotations

import datetime as _dt
import decimal
from typing import Any, Iterator, Mapping, Optional, Union

import attrs

from .. import _kwargs as kw
from .. import _options
from .._checks import E164, Check, one_of, text, whole
from .._compat import Unpack
from .._model import Model, field, ident, integer, moment, money, raw_payload
from .._options import PageQuery, option
from ._base import Service

__all__ = ["Account", "Transaction"]

#: the kinds of transaction (AP getAccountTransactions.md)
TRANSACTION_TYPES = ("charge", "payment", "credit", "auto-recharge")
#: a date filter: the docs' ``yyyy-MM-dd'T'HH:mm:ssZ`` (their examples leave out the zone),
#: or a datetime
DATE = Check("a datetime or a string yyyy-MM-ddTHH:mm:ss[Z]",
             lambda value: isinstance(value, _dt.datetime) or text(
                 pattern=r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})?").test(value))


@attrs.frozen(kw_only=True, repr=False)
class Account(Model):
    """The account's balance (``GET /account``).

    Attributes:
        balance: in dollars, exactly (a ``Decimal``).
        account_type: ``pre-pay`` or ``post-pay``.
        raw: the payload as received.
    """

    balance: Optional[decimal.Decimal] = field(money)
    account_type: Optional[str] = field()
    raw: Mapping[str, Any] = raw_payload()


@attrs.frozen(kw_only=True, repr=False)
class Transaction(Model):
    """One transaction of the account.

    Attributes:
        id: the transaction's id.
        time: when it was made.
        amount: dollars, exactly (a ``Decimal``).
        type: ``charge``, ``payment``, ``credit`` or ``auto-recharge``.
        units: how many of the product.
        product_type: e.g. ``sms-out``, ``call-in``, ``local-number-per-month``,
            ``transcription``.
        number: the phone number it concerns, or None.
        raw: the payload as received.
    """

    id: str = field(ident, default="")
    time: Optional[_dt.datetime] = field(moment)
    amount: Optional[decimal.Decimal] = field(money)
    type: Optional[str] = field()
    units: Optional[int] = field(integer)
    product_type: Optional[str] = field()
    number: Optional[str] = field()
    raw: Mapping[str, Any] = raw_payload()


@_options.documented
@attrs.frozen(kw_only=True)
class _TransactionQuery(PageQuery):
    """The filters and paging of ``client.Account.get_transactions``."""

    max_items: Union[int, str, None] = option(whole(1), doc="at most this many transactions")
    from_date: Union[str, _dt.datetime, None] = option(DATE, doc="transactions at or after")
    to_date: Union[str, _dt.datetime, None] = option(DATE, doc="transactions at or before")
    type: Optional[str] = option(one_of(*TRANSACTION_TYPES), doc="one kind of transaction")
    number: Optional[str] = option(E164, doc="transactions of this phone number")


def _dated(chosen: dict[Any, Any]) -> dict[Any, Any]:
    """Datetimes of a transaction query as the API writes them (a naive one is UTC)."""
    for key in ("from_date", "fromDate", "to_date", "toDate"):
        given = chosen.get(key)
        if isinstance(given, _dt.datetime):
            utc = (given.replace(tzinfo=_dt.timezone.utc) if given.tzinfo is None
                   else given.astimezone(_dt.timezone.utc))
            chosen[key] = utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    return chosen


class AccountCollection(Service):
    """``client.Account``: the account of this user (``get``) and its transactions."""

    client_name = "Account"
    client_doc = "the account: client.Account.get().balance, .get_transactions()"
    path = "account"

    def get(self) -> Account:
        """The balance and type of the account (``GET /account``)."""
        result = self._transport.request("GET", "account")
        return Account.from_api(result.json_object("the account"))

    @_options.shows_options(_TransactionQuery)
    def get_transactions(self, options: Optional[Mapping[str, Any]] = None, /, *,
                         limit: Optional[int] = None,
                         **query: Unpack[kw.TransactionQueryKwargs]) -> Iterator[Transaction]:
        """Iterate over the account's transactions (``GET /account/transactions``), newest
        first, following ``next`` links; ``page``, ``size`` (1..1000) and ``limit`` as in
        ``client.Call.list``."""
        chosen = _dated({**dict(_options.items_of(options, "transaction list")), **query})
        params = _options.query(_TransactionQuery, chosen, {}, "transaction list")
        for item in self._transport.paginate("account/transactions", params,
                                             limit=_options.checked_limit(limit)):
            if isinstance(item, Mapping):
                yield Transaction.from_api(item)
