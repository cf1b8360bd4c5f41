"""Applications: where the events of incoming calls (and messages) to the user's numbers go,
and ``/applications...``."""

from __future__ import annotations

from typing import Any, Mapping, Optional

from ..resources.application import ApplicationOptions
from ._http import ApiFailure, Reply, Request, not_found, paged, validate, validation
from ._part import Part, new_id, route

__all__ = ["Applications"]


class Applications(Part):
    """Create, get, list, update and delete applications; the application of a number."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._applications: dict[str, dict[str, Any]] = {}

    @route("GET", "applications")
    def list_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            items = [dict(a) for a in self._applications.values()]
        return paged(items, request, f"{self.root}/applications", "application")

    @route("POST", "applications")
    def create_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return self.created(f"applications/{self.create_application(request.json())}")

    @route("GET", "applications/{app}")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, dict(self.get(ids["app"])))

    @route("POST", "applications/{app}")
    def update_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json()
        validate(ApplicationOptions, body, "application")
        with self.world.lock:
            self.get(ids["app"]).update(body)
        return Reply(200)

    @route("DELETE", "applications/{app}")
    def delete_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            self.get(ids["app"])
            del self._applications[ids["app"]]
        return Reply(200)

    def create_application(self, body: Mapping[str, Any]) -> str:
        validate(ApplicationOptions, body, "application")
        if not body.get("name"):
            raise ApiFailure(400, "bad-request", "missing-property",
                             "The 'application' resource property 'name' is required but "
                             "was not specified")
        if not (body.get("incomingCallUrl") or body.get("incomingMessageUrl")):
            raise validation("application", "incomingCallUrl",
                             "must have at least one callback URL")
        with self.world.lock:
            application_id = new_id("a-")
            self._applications[application_id] = {"autoAnswer": True, **body,
                                                  "id": application_id}
            return application_id

    def get(self, application_id: str) -> dict[str, Any]:
        found = self._applications.get(application_id)
        if found is None:
            raise not_found(f"application {application_id}", "application-not-found")
        return found

    def for_call(self, from_: str, to: str) -> Optional[dict[str, Any]]:
        """The application an incoming call reaches: its endpoint's, when it comes from one
        of the user's SIP endpoints (the docs: the endpoint's application "is used to
        determine the callback URL to be used when a client associated with the endpoint
        attempts to make a call"); otherwise the application of the number it called."""
        from ._domains import Domains

        with self.world.lock:
            endpoint = self.world.part(Domains).endpoint_at(from_)
            if endpoint is not None:
                if not endpoint.enabled:
                    raise ApiFailure(403, "forbidden", "endpoint-disabled",
                                     f"The endpoint {endpoint.id} ({endpoint.sip_uri}) is "
                                     "disabled: it can neither place nor take calls")
                if endpoint.application_id:
                    return self._applications.get(endpoint.application_id)
            return self.for_number(to)

    def for_number(self, to: str) -> Optional[dict[str, Any]]:
        """The application an incoming call to ``to`` reaches, if the number has one."""
        from ._numbers import PhoneNumbers

        with self.world.lock:
            application_id = self.world.part(PhoneNumbers).application_of(to)
            return self._applications.get(application_id) if application_id else None
