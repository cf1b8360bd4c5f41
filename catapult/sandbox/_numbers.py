"""The user's phone numbers (``/phoneNumbers...``), and a deterministic inventory of numbers
to buy (``/v1/availableNumbers/...``, outside the user root)."""

from __future__ import annotations

import fnmatch
from typing import TYPE_CHECKING, Any, Mapping, Optional

from ..resources.number import PhoneNumberOptions
from ._http import ApiFailure, Reply, Request, not_found, paged, validate, validation
from ._part import Part, new_id, route

if TYPE_CHECKING:
    from ._applications import Applications

__all__ = ["PhoneNumbers"]

#: the simulated inventory: (city, state, zip, area code, LATA, rate center)
PLACES = (
    ("CARY", "NC", "27511", "919", "426", "CARY"),
    ("RALEIGH", "NC", "27601", "919", "426", "RALEIGH"),
    ("DURHAM", "NC", "27701", "984", "426", "DURHAM"),
    ("SAN FRANCISCO", "CA", "94103", "415", "722", "SNFC CNTRL"),
    ("LOS ANGELES", "CA", "90012", "213", "730", "LOS ANGELES"),
    ("NEW YORK", "NY", "10001", "212", "132", "NWYRCYZN01"),
    ("AUSTIN", "TX", "78701", "512", "558", "AUSTIN"),
)
NUMBERS_PER_PLACE = 200
TOLL_FREE_PREFIXES = ("800", "888", "877")
_KEYPAD = {c: d for d, letters in {"2": "ABC", "3": "DEF", "4": "GHI", "5": "JKL",
                                   "6": "MNO", "7": "PQRS", "8": "TUV", "9": "WXYZ"}.items()
           for c in letters}


def _national(number: str) -> str:
    digits = number[2:]
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


def _matches(national_digits: str, pattern: Optional[str]) -> bool:
    if not pattern:
        return True
    wanted = "".join(_KEYPAD.get(c.upper(), c) for c in pattern)
    return fnmatch.fnmatchcase(national_digits, f"*{wanted}*")


class PhoneNumbers(Part):
    """The user's numbers, and the numbers to buy."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._numbers: dict[str, dict[str, Any]] = {}  # phone numbers of the user, by id

    @property
    def applications(self) -> Applications:
        from ._applications import Applications

        return self.world.part(Applications)

    # -- the routes ------------------------------------------------------------------------

    @route("GET", "phoneNumbers")
    def list_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return paged(self.list_numbers(request.query), request, f"{self.root}/phoneNumbers",
                     "phoneNumber")

    @route("POST", "phoneNumbers")
    def allocate_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return self.created(f"phoneNumbers/{self.allocate_number(request.json())}")

    @route("GET", "phoneNumbers/{number}")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return Reply(200, self.number_json(ids["number"]))

    @route("POST", "phoneNumbers/{number}")
    def update_route(self, request: Request, ids: dict[str, str]) -> Reply:
        self.update_number(ids["number"], request.json())
        return Reply(200)

    @route("DELETE", "phoneNumbers/{number}")
    def delete_route(self, request: Request, ids: dict[str, str]) -> Reply:
        self.delete_number(ids["number"])
        return Reply(200)

    @route("GET", "availableNumbers/local", root="api")
    def search_local_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return Reply(200, self.search_local(request.query, order=False))

    @route("POST", "availableNumbers/local", root="api")
    def order_local_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return Reply(201, self.search_local(request.query, order=True))

    @route("GET", "availableNumbers/tollFree", root="api")
    def search_toll_free_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return Reply(200, self.search_toll_free(request.query, order=False))

    @route("POST", "availableNumbers/tollFree", root="api")
    def order_toll_free_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return Reply(201, self.search_toll_free(request.query, order=True))

    # -- phone numbers --------------------------------------------------------------------------

    def allocate_number(self, body: Mapping[str, Any]) -> str:
        validate(PhoneNumberOptions, body, "phoneNumber")
        number = body.get("number")
        if not number:
            raise ApiFailure(400, "bad-request", "missing-property",
                             "The 'phoneNumber' resource property 'number' is required but "
                             "was not specified")
        with self.world.lock:
            return self._allocate(str(number), body)

    def _allocate(self, number: str, body: Mapping[str, Any]) -> str:
        if any(n["number"] == number for n in self._numbers.values()):
            raise ApiFailure(409, "conflict", "duplicate-number",
                             f"The number {number} is already allocated")
        if body.get("applicationId"):
            self.applications.get(str(body["applicationId"]))
        place = self._place_of(number)
        number_id = new_id("n-")
        self._numbers[number_id] = {
            "id": number_id, "number": number, "nationalNumber": _national(number),
            "city": place[0] if place else None, "state": place[1] if place else None,
            "price": "2.00" if number[2:5] in TOLL_FREE_PREFIXES else "0.60",
            "createdTime": self.now(), "numberState": "enabled",
            **{k: body[k] for k in ("name", "applicationId", "fallbackNumber") if body.get(k)},
        }
        from ._account import Account

        toll_free = number[2:5] in TOLL_FREE_PREFIXES
        self.world.part(Account).charge(
            "toll-free-number-per-month" if toll_free else "local-number-per-month", number)
        return number_id

    def number_json(self, number_id: str) -> dict[str, Any]:
        with self.world.lock:
            return self._number_json(self._number(number_id))

    def list_numbers(self, query: Mapping[str, str]) -> list[dict[str, Any]]:
        with self.world.lock:
            return [self._number_json(n) for n in self._numbers.values()
                    if all(query.get(k) in (None, n.get(k))
                           for k in ("applicationId", "state", "name", "city", "numberState"))]

    def update_number(self, number_id: str, body: Mapping[str, Any]) -> None:
        validate(PhoneNumberOptions, body, "phoneNumber")
        with self.world.lock:
            found = self._number(number_id)
            if body.get("applicationId"):
                self.applications.get(str(body["applicationId"]))
            for key in ("name", "applicationId", "fallbackNumber"):
                if key in body:
                    if body[key] == "":
                        found.pop(key, None)  # "" detaches
                    else:
                        found[key] = body[key]

    def delete_number(self, number_id: str) -> None:
        with self.world.lock:
            del self._numbers[self._number(number_id)["id"]]

    def _number(self, number_id: str) -> dict[str, Any]:
        # by id, or by the E.164 number itself
        found = self._numbers.get(number_id) or next(
            (n for n in self._numbers.values() if n["number"] == number_id), None)
        if found is None:
            raise not_found(f"number {number_id}", "number-not-found")
        return found

    def _number_json(self, found: Mapping[str, Any]) -> dict[str, Any]:
        data = dict(found)
        if found.get("applicationId"):
            data["application"] = f"{self.root}/applications/{found['applicationId']}"
        return {k: v for k, v in data.items() if v is not None}

    def named(self, number: str) -> Optional[str]:
        """The name the user gave ``number``, if it is the user's and has one."""
        with self.world.lock:
            found = next((n for n in self._numbers.values() if n["number"] == number), None)
            return str(found["name"]) if found and found.get("name") else None

    def application_of(self, number: str) -> Optional[str]:
        """The id of the application that the user's ``number`` points at, if any."""
        with self.world.lock:
            found = next((n for n in self._numbers.values() if n["number"] == number), None)
            return str(found["applicationId"]) if found and found.get("applicationId") else None

    # -- available numbers ----------------------------------------------------------------------

    def search_local(self, query: Mapping[str, str], order: bool) -> list[dict[str, Any]]:
        where = [k for k in ("state", "zip", "areaCode") if query.get(k)]
        if len(where) != 1 or (query.get("city") and not query.get("state")) or (
                query.get("localNumber") and not query.get("areaCode")):
            raise ApiFailure(400, "bad-request", "invalid-available-number-search",
                             "Give exactly one of state, zip or areaCode; city needs state; "
                             "localNumber needs areaCode")
        quantity = self._quantity(query, default=10, most=10 if order else 5000, order=order)
        found = []
        with self.world.lock:
            for place, (city, state, zip_code, area, lata, center) in enumerate(PLACES):
                if (query.get("state", state).upper() != state
                        or query.get("city", city).upper() != city
                        or query.get("zip", zip_code) != zip_code
                        or query.get("areaCode", area) != area):
                    continue
                for index in range(NUMBERS_PER_PLACE):
                    number = f"+1{area}{555 + place:03d}{index:04d}"
                    local = number[5:]
                    if (query.get("localNumber") and not local.startswith(query["localNumber"])
                            or not _matches(number[2:], query.get("pattern"))
                            or self._allocated(number)):
                        continue
                    found.append({"number": number, "nationalNumber": _national(number),
                                  "patternMatch": number[2:], "city": city, "lata": lata,
                                  "rateCenter": center, "state": state, "price": "0.60"})
                    if len(found) == quantity:
                        break
                if len(found) == quantity:
                    break
            return self._ordered(found, quantity) if order else found

    def search_toll_free(self, query: Mapping[str, str], order: bool) -> list[dict[str, Any]]:
        quantity = self._quantity(query, default=1 if order else 10,
                                  most=10 if order else 5000, order=order)
        found = []
        with self.world.lock:
            for prefix in TOLL_FREE_PREFIXES:
                for index in range(NUMBERS_PER_PLACE):
                    number = f"+1{prefix}555{index:04d}"
                    if _matches(number[2:], query.get("pattern")) and not self._allocated(number):
                        found.append({"number": number, "nationalNumber": _national(number),
                                      "patternMatch": number[2:], "price": "2.00"})
                    if len(found) == quantity:
                        return self._ordered(found, quantity) if order else found
            return self._ordered(found, quantity) if order else found

    def _quantity(self, query: Mapping[str, str], *, default: int, most: int,
                  order: bool) -> int:
        if order and query.get("pattern"):
            raise ApiFailure(400, "bad-request", "invalid-available-number-search-order",
                             "A pattern is not allowed when searching and ordering")
        raw = query.get("quantity", str(default))
        if not raw.isdigit() or int(raw) < 1:
            raise validation("availableNumber", "quantity", "must be greater than 0")
        if int(raw) > most:
            code = "invalid-available-number-search-order" if order else \
                "invalid-available-number-search"
            raise ApiFailure(400, "bad-request", code, f"The quantity must be at most {most}")
        return int(raw)

    def _ordered(self, found: list[dict[str, Any]], quantity: int) -> list[dict[str, Any]]:
        if len(found) < quantity:
            raise ApiFailure(404, "not-found", "order-number-quantity-unavailable",
                             f"Only {len(found)} of the {quantity} numbers could be ordered")
        ordered = []
        for item in found:
            number_id = self._allocate(item["number"], {})
            ordered.append({"number": item["number"], "nationalNumber": item["nationalNumber"],
                            "price": item["price"],
                            "location": f"{self.root}/phoneNumbers/{number_id}"})
        return ordered

    def _allocated(self, number: str) -> bool:
        return any(n["number"] == number for n in self._numbers.values())

    @staticmethod
    def _place_of(number: str) -> Optional[tuple[str, ...]]:
        return next((p for i, p in enumerate(PLACES)
                     if number[2:8] == f"{p[3]}{555 + i:03d}"), None)
