"""SIP domains and endpoints: the SIP addresses of the user's clients, ``/domains...``, and
which endpoint a SIP address names (a call from an endpoint reports to its application;
a call to one rings it)."""

from __future__ import annotations

import secrets
from typing import Any, Mapping, Optional

import attrs

from ..resources.domain import (
    MAX_DOMAINS,
    AuthTokenOptions,
    DomainOptions,
    EndpointOptions,
    EndpointUpdate,
)
from ._http import ApiFailure, Reply, Request, flag, paged, validate
from ._part import Part, new_id, route

__all__ = ["Domains", "SimEndpoint"]

#: the SIP host of a domain's endpoints: ``sip:{endpoint}@{domain}.bwapp.bwsip.io``
SIP_HOST = "bwapp.bwsip.io"
#: how long an auth token lasts when the request names no ``expires`` (seconds)
DEFAULT_TOKEN_LIFETIME = 3600


@attrs.define
class SimEndpoint:
    id: str
    domain_id: str
    name: str
    realm: str
    description: Optional[str] = None
    application_id: Optional[str] = None
    enabled: bool = True
    tokens: dict[str, int] = attrs.field(factory=dict)

    @property
    def sip_uri(self) -> str:
        return f"sip:{self.name}@{self.realm}"

    def json(self) -> dict[str, Any]:
        # the password is write-only: it is checked, then kept nowhere
        found = {"id": self.id, "name": self.name, "domainId": self.domain_id,
                 "enabled": self.enabled, "sipUri": self.sip_uri,
                 "credentials": {"realm": self.realm, "username": self.name}}
        found.update({key: value for key, value in (("description", self.description),
                                                    ("applicationId", self.application_id))
                      if value is not None})
        return found


class Domains(Part):
    """Create, list and delete domains (100 at most); their endpoints and auth tokens."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._domains: dict[str, dict[str, Any]] = {}
        self._endpoints: dict[str, SimEndpoint] = {}

    # -- domains -----------------------------------------------------------------------------

    @route("GET", "domains")
    def list_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            items = [dict(d) for d in self._domains.values()]
        return paged(items, request, f"{self.root}/domains", "domain")

    @route("POST", "domains")
    def create_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json()
        validate(DomainOptions, body, "domain")
        with self.world.lock:
            if len(self._domains) >= MAX_DOMAINS:
                raise ApiFailure(403, "limit", "domain-limit-reached",
                                 f"A user may have at most {MAX_DOMAINS} domains")
            if any(d["name"] == body["name"] for d in self._domains.values()):
                raise ApiFailure(409, "conflict", "duplicate-domain",
                                 f"Cannot create another instance of domain {body['name']}")
            domain_id = new_id("rd-")
            self._domains[domain_id] = {
                "id": domain_id, "name": body["name"],
                **({"description": body["description"]} if "description" in body else {}),
                "endpoints": f"{self.world.root_path}/domains/{domain_id}/endpoints"}
        return self.created(f"domains/{domain_id}")

    @route("GET", "domains/{domain}")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, dict(self._domain(ids["domain"])))

    @route("DELETE", "domains/{domain}")
    def delete_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            self._domain(ids["domain"])
            del self._domains[ids["domain"]]
            for endpoint in self._in(ids["domain"]):
                del self._endpoints[endpoint.id]
        return Reply(200)

    # -- endpoints ---------------------------------------------------------------------------

    @route("GET", "domains/{domain}/endpoints")
    def endpoints_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            self._domain(ids["domain"])
            items = [e.json() for e in self._in(ids["domain"])]
        return paged(items, request, f"{self.root}/domains/{ids['domain']}/endpoints",
                     "endpoint")

    @route("POST", "domains/{domain}/endpoints")
    def create_endpoint_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json()
        validate(EndpointOptions, body, "endpoint")
        with self.world.lock:
            domain = self._domain(ids["domain"])
            if body.get("domainId", domain["id"]) != domain["id"]:
                raise ApiFailure(400, "bad-request", "validation-error",
                                 "The 'endpoint' resource property 'domainId' must be the "
                                 "domain of the request's path")
            if any(e.name == body["name"] for e in self._in(domain["id"])):
                raise ApiFailure(409, "conflict", "duplicate-endpoint",
                                 f"Cannot create another instance of endpoint {body['name']}")
            self._check_application(body)
            endpoint = SimEndpoint(
                id=new_id("re-"), domain_id=domain["id"], name=body["name"],
                realm=f"{domain['name']}.{SIP_HOST}", description=body.get("description"),
                application_id=body.get("applicationId"),
                enabled=flag(body.get("enabled", True)))
            self._endpoints[endpoint.id] = endpoint
        return self.created(f"domains/{domain['id']}/endpoints/{endpoint.id}")

    @route("GET", "domains/{domain}/endpoints/{endpoint}")
    def get_endpoint_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, self._endpoint(ids).json())

    @route("POST", "domains/{domain}/endpoints/{endpoint}")
    def update_endpoint_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json()
        validate(EndpointUpdate, body, "endpoint")
        with self.world.lock:
            endpoint = self._endpoint(ids)
            self._check_application(body)
            if "description" in body:
                endpoint.description = body["description"]
            if "applicationId" in body:
                endpoint.application_id = body["applicationId"]
            if "enabled" in body:
                endpoint.enabled = flag(body["enabled"])
        return Reply(200)

    @route("DELETE", "domains/{domain}/endpoints/{endpoint}")
    def delete_endpoint_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            del self._endpoints[self._endpoint(ids).id]
        return Reply(200)

    @route("POST", "domains/{domain}/endpoints/{endpoint}/tokens")
    def create_token_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json()
        validate(AuthTokenOptions, body, "token")
        with self.world.lock:
            endpoint = self._endpoint(ids)
            token = secrets.token_urlsafe(24)
            lifetime = int(body.get("expires") or DEFAULT_TOKEN_LIFETIME)
            endpoint.tokens[token] = lifetime
        return Reply(201, {"token": token, "expires": lifetime})

    @route("DELETE", "domains/{domain}/endpoints/{endpoint}/tokens/{token}")
    def delete_token_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            if self._endpoint(ids).tokens.pop(ids["token"], None) is None:
                raise ApiFailure(404, "not-found", "resource-not-found",
                                 "The requested resource could not be found.")
        return Reply(200)

    # -- what other parts ask ------------------------------------------------------------------

    def endpoint_at(self, address: str) -> Optional[SimEndpoint]:
        """The endpoint whose SIP address ``address`` is (its host compared without case, as
        SIP compares hosts), or None."""
        user, _, host = address.partition("@")
        with self.world.lock:
            return next((e for e in self._endpoints.values()
                         if f"sip:{e.name}" == user and e.realm.lower() == host.lower()), None)

    # -- helpers -----------------------------------------------------------------------------

    def _domain(self, domain_id: str) -> dict[str, Any]:
        found = self._domains.get(domain_id)
        if found is None:
            raise ApiFailure(404, "not-found", "resource-not-found",
                             f"The domain {domain_id} could not be found")
        return found

    def _endpoint(self, ids: Mapping[str, str]) -> SimEndpoint:
        self._domain(ids["domain"])
        found = self._endpoints.get(ids["endpoint"])
        if found is None or found.domain_id != ids["domain"]:
            raise ApiFailure(404, "not-found", "resource-not-found",
                             f"The endpoint {ids['endpoint']} could not be found")
        return found

    def _in(self, domain_id: str) -> list[SimEndpoint]:
        return [e for e in self._endpoints.values() if e.domain_id == domain_id]

    def _check_application(self, body: Mapping[str, Any]) -> None:
        if body.get("applicationId"):
            from ._applications import Applications

            self.world.part(Applications).get(body["applicationId"])
