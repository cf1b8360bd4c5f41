"""The account: a balance, and a transaction for each chargeable action of the user (calls,
messages, numbers, transcriptions, CNAM lookups), with the documented product types;
``/account`` and ``/account/transactions``."""

from __future__ import annotations

import decimal
import math
from collections import deque
from typing import TYPE_CHECKING, Any, Optional

from ._http import ApiFailure, Reply, Request, paged
from ._part import Part, new_id, route

if TYPE_CHECKING:
    from ._calls import SimCall

__all__ = ["Account", "PRICES"]

#: what the sandbox charges per unit of each product, in dollars: illustrative prices, so
#: that a balance moves as a real one would (the API's own prices were per account)
PRICES = {
    "local-number-per-month": decimal.Decimal("0.35"),
    "toll-free-number-per-month": decimal.Decimal("2.00"),
    "sms-in": decimal.Decimal("0.0075"), "sms-out": decimal.Decimal("0.0075"),
    "mms-in": decimal.Decimal("0.015"), "mms-out": decimal.Decimal("0.015"),
    "call-in": decimal.Decimal("0.01"), "call-out": decimal.Decimal("0.02"),
    "sip-call-in": decimal.Decimal("0.005"), "sip-call-out": decimal.Decimal("0.005"),
    "transcription": decimal.Decimal("0.05"), "cnam-search": decimal.Decimal("0.004"),
}
#: the credit a new sandbox account starts with
STARTING_CREDIT = decimal.Decimal("100.00000")
_CENTS = decimal.Decimal("0.00001")


def _amount(value: decimal.Decimal) -> str:
    return str(value.quantize(_CENTS))


class Account(Part):
    """The user's balance and transactions, newest first."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self.balance = STARTING_CREDIT
        # the most recent ``retention`` transactions are kept, as the world keeps its most
        # recent ended calls: memory stays flat however long the sandbox runs
        self._transactions: deque[dict[str, Any]] = deque(maxlen=max(world.retention, 100))
        self._transactions.append({
            "id": new_id("tx-"), "time": self.now(), "amount": _amount(STARTING_CREDIT),
            "type": "credit", "units": "0"})

    @route("GET", "account")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, {"balance": _amount(self.balance), "accountType": "pre-pay"})

    @route("GET", "account/transactions")
    def transactions_route(self, request: Request, ids: dict[str, str]) -> Reply:
        query = request.query
        kind = query.get("type", "").lower()
        bounds = [self._date(query, "fromDate", "0"), self._date(query, "toDate", "9")]
        with self.world.lock:
            found = [dict(t) for t in reversed(self._transactions)
                     if (not kind or t["type"] == kind)
                     and query.get("number", t.get("number")) == t.get("number")
                     and bounds[0] <= t["time"][:19] <= bounds[1]]
        if "maxItems" in query:
            if not query["maxItems"].isdigit():
                raise ApiFailure(400, "bad-request", "validation-error",
                                 "maxItems must be a whole number")
            found = found[:int(query["maxItems"])]
        return paged(found, request, f"{self.root}/account/transactions", "transaction")

    # -- what other parts do ---------------------------------------------------------------

    def charge(self, product: str, number: Optional[str], units: int = 1) -> None:
        """Charge ``units`` of ``product`` (a documented product type) to the account."""
        amount = PRICES[product] * units
        with self.world.lock:
            self.balance -= amount
            self._transactions.append({
                "id": new_id("tx-"), "time": self.now(), "amount": _amount(amount),
                "type": "charge", "units": str(units), "productType": product,
                **({"number": number} if number else {})})

    def call_ended(self, call: SimCall) -> None:
        """A call that was answered is charged by the minute, started minutes included."""
        if call.active_at is None:
            return
        ended = call.ended_at if call.ended_at is not None else self.world.clock.now()
        minutes = max(1, math.ceil((ended - call.active_at) / 60))
        sip = (call.to if call.direction == "out" else call.from_).startswith("sip:")
        product = f"{'sip-' if sip else ''}call-{call.direction}"
        number = call.from_ if call.direction == "out" else call.to
        self.charge(product, None if number.startswith("sip:") else number, minutes)

    @staticmethod
    def _date(query: dict[str, str], name: str, default: str) -> str:
        raw = query.get(name)
        if raw is None:
            return default
        if len(raw) < 19 or raw[4] != "-" or raw[10] != "T":
            raise ApiFailure(400, "bad-request", "validation-error",
                             f"{name} must be yyyy-MM-dd'T'HH:mm:ssZ")
        return raw[:19]
