"""The error log: every API error the sandbox answered the user with, and what went wrong
where no request was there to answer (an inbound message to a number with no
application); ``/errors`` and ``/errors/{id}``, most recent first."""

from __future__ import annotations

from collections import deque
from typing import Any, Mapping

from ._http import ApiFailure, Reply, Request, paged
from ._part import Part, new_id, route

__all__ = ["Errors"]

#: how many entries the log keeps (the oldest go first), so that it stays flat in long runs
KEPT = 2000


class Errors(Part):
    """The user's error log."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._log: deque[dict[str, Any]] = deque(maxlen=KEPT)

    @route("GET", "errors")
    def list_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            items = [dict(entry) for entry in reversed(self._log)]
        return paged(items, request, f"{self.root}/errors", "error")

    @route("GET", "errors/{error}")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            for entry in self._log:
                if entry["id"] == ids["error"]:
                    return Reply(200, dict(entry))
        raise ApiFailure(404, "not-found", "user-error-not-found",
                         f"The user error {ids['error']} could not be found")

    def request_failed(self, request: Request, failure: ApiFailure) -> None:
        if "/errors" in request.path:  # reading the log adds nothing to it
            return
        self.log(failure.category, failure.code, failure.message,
                 {"requestMethod": request.method, "requestPath": request.path})

    def log(self, category: str, code: str, message: str, details: Mapping[str, str]) -> str:
        """Add an entry; returns its id."""
        with self.world.lock:
            entry = {"id": new_id("ue-"), "time": self.now(), "category": category,
                     "code": code, "message": message,
                     "details": [{"id": new_id("ued-"), "name": name, "value": value}
                                 for name, value in details.items()]}
            self._log.append(entry)
            return str(entry["id"])
