"""CNAM lookups: ``/v1/phoneNumbers/numberInfo/{number}`` (and ``/v1/numberInfo/{number}``,
where the official node SDK asks), with a deterministic caller-id name."""

from __future__ import annotations

from typing import Any

from .._checks import E164
from ._http import ApiFailure, Reply, Request
from ._part import Part, route

__all__ = ["NumberInfo"]


class NumberInfo(Part):
    """The caller-id name of a number: one of the user's numbers reads as its ``name``,
    any other as the names a carrier database would give, the same every time."""

    #: what any number not the user's is called, by its last digit
    NAMES = ("WIRELESS CALLER", "CARY NC", "RALEIGH NC", "DURHAM NC", "SAN FRANCISCO CA",
             "LOS ANGELES CA", "NEW YORK NY", "AUSTIN TX", "TOLL FREE", "UNAVAILABLE")

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._first_seen: dict[str, str] = {}

    @route("GET", "phoneNumbers/numberInfo/{number}", root="api")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return Reply(200, self.lookup(ids["number"]))

    @route("GET", "numberInfo/{number}", root="api")
    def node_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return Reply(200, self.lookup(ids["number"]))

    def lookup(self, number: str) -> dict[str, Any]:
        from ._account import Account
        from ._numbers import PhoneNumbers

        if not E164.test(number):
            raise ApiFailure(403, "forbidden", "invalid-cnam-search",
                             f"Invalid number formatting: {number}. Use E.164 formatted "
                             "numbers")
        with self.world.lock:
            mine = self.world.part(PhoneNumbers).named(number)
            name = mine or self.NAMES[int(number[-1])]
            created = self._first_seen.setdefault(number, self.now())
            self.world.part(Account).charge("cnam-search", number)
            return {"number": number, "name": name.upper(), "created": created,
                    "updated": created}
