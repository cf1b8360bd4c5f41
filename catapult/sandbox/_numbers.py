"""The world's rules for applications, the user's phone numbers, and a deterministic
inventory of numbers to buy; incoming calls reach the application of the number called."""

from __future__ import annotations

import fnmatch
from typing import Any, Mapping, Optional

from ..resources.application import ApplicationOptions
from ..resources.number import PhoneNumberOptions
from ._base import WorldBase
from ._model import ApiFailure, _validation, new_id, validate

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


class NumberRules(WorldBase):
    """Applications, phone numbers, available numbers, and where incoming calls go."""

    # -- applications -------------------------------------------------------------------------

    def create_application(self, body: Mapping[str, Any]) -> str:
        validate(ApplicationOptions, body, "application")
        if not body.get("name"):
            raise ApiFailure(400, "bad-request", "missing-property",
                             "The 'application' resource property 'name' is required but "
                             "was not specified")
        if not (body.get("incomingCallUrl") or body.get("incomingMessageUrl")):
            raise _validation("application", "incomingCallUrl",
                              "must have at least one callback URL")
        with self._lock:
            application_id = new_id("a-")
            self._applications[application_id] = {"autoAnswer": True, **body,
                                                  "id": application_id}
            return application_id

    def application_json(self, application_id: str) -> dict[str, Any]:
        with self._lock:
            return dict(self._application(application_id))

    def list_applications(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(a) for a in self._applications.values()]

    def update_application(self, application_id: str, body: Mapping[str, Any]) -> None:
        validate(ApplicationOptions, body, "application")
        with self._lock:
            self._application(application_id).update(body)

    def delete_application(self, application_id: str) -> None:
        with self._lock:
            self._application(application_id)
            del self._applications[application_id]

    def _application(self, application_id: str) -> dict[str, Any]:
        found = self._applications.get(application_id)
        if found is None:
            raise ApiFailure(404, "not-found", "application-not-found",
                             f"The application {application_id} could not be found")
        return found

    # -- phone numbers --------------------------------------------------------------------------

    def allocate_number(self, body: Mapping[str, Any]) -> str:
        validate(PhoneNumberOptions, body, "phoneNumber")
        number = body.get("number")
        if not number:
            raise ApiFailure(400, "bad-request", "missing-property",
                             "The 'phoneNumber' resource property 'number' is required but "
                             "was not specified")
        with self._lock:
            return self._allocate(str(number), body)

    def _allocate(self, number: str, body: Mapping[str, Any]) -> str:
        if any(n["number"] == number for n in self._numbers.values()):
            raise ApiFailure(409, "conflict", "duplicate-number",
                             f"The number {number} is already allocated")
        if body.get("applicationId"):
            self._application(str(body["applicationId"]))
        place = self._place_of(number)
        number_id = new_id("n-")
        self._numbers[number_id] = {
            "id": number_id, "number": number, "nationalNumber": _national(number),
            "city": place[0] if place else None, "state": place[1] if place else None,
            "price": "2.00" if number[2:5] in TOLL_FREE_PREFIXES else "0.60",
            "createdTime": self._now(), "numberState": "enabled",
            **{k: body[k] for k in ("name", "applicationId", "fallbackNumber") if body.get(k)},
        }
        return number_id

    def number_json(self, number_id: str) -> dict[str, Any]:
        with self._lock:
            return self._number_json(self._number(number_id))

    def list_numbers(self, query: Mapping[str, str]) -> list[dict[str, Any]]:
        with self._lock:
            return [self._number_json(n) for n in self._numbers.values()
                    if all(query.get(k) in (None, n.get(k))
                           for k in ("applicationId", "state", "name", "city", "numberState"))]

    def update_number(self, number_id: str, body: Mapping[str, Any]) -> None:
        validate(PhoneNumberOptions, body, "phoneNumber")
        with self._lock:
            found = self._number(number_id)
            if body.get("applicationId"):
                self._application(str(body["applicationId"]))
            for key in ("name", "applicationId", "fallbackNumber"):
                if key in body:
                    if body[key] == "":
                        found.pop(key, None)  # "" detaches
                    else:
                        found[key] = body[key]

    def delete_number(self, number_id: str) -> None:
        with self._lock:
            del self._numbers[self._number(number_id)["id"]]

    def _number(self, number_id: str) -> dict[str, Any]:
        # by id, or by the E.164 number itself
        found = self._numbers.get(number_id) or next(
            (n for n in self._numbers.values() if n["number"] == number_id), None)
        if found is None:
            raise ApiFailure(404, "not-found", "number-not-found",
                             f"The number {number_id} could not be found")
        return found

    def _number_json(self, found: Mapping[str, Any]) -> dict[str, Any]:
        data = dict(found)
        if found.get("applicationId"):
            data["application"] = f"{self.root}/applications/{found['applicationId']}"
        return {k: v for k, v in data.items() if v is not None}

    def application_for(self, to: str) -> Optional[dict[str, Any]]:
        """The application an incoming call to ``to`` reaches, if the number has one."""
        with self._lock:
            number = next((n for n in self._numbers.values() if n["number"] == to), None)
            if number is None or not number.get("applicationId"):
                return None
            return self._applications.get(str(number["applicationId"]))

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
        with self._lock:
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
        with self._lock:
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
            raise _validation("availableNumber", "quantity", "must be greater than 0")
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
