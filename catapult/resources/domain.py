"""SIP domains and their endpoints: the SIP addresses your clients register as, and place
and take calls from; ``client.Domain`` and ``client.Endpoint``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional, Union

import attrs

from .. import _kwargs as kw
from .. import _options, _wire
from .._checks import BOOLEAN, SIP_USER_PATTERN, Check, text, whole
from .._compat import Self, Unpack
from .._model import Model, boolean, field, ident, integer, raw_payload
from .._options import PageQuery, option
from .._transport import Transport
from ..errors import InvalidOptionError
from ._base import Collection, Handle, Mirrors, NestedCollection, transport_field

if TYPE_CHECKING:
    from .._mirrors import DomainMirrors, EndpointMirrors
else:
    DomainMirrors = EndpointMirrors = Mirrors

__all__ = ["Domain", "DomainOptions", "Endpoint", "EndpointOptions", "EndpointToken"]

#: the most domains one user may have (the API's documented limit)
MAX_DOMAINS = 100
#: the shortest endpoint password the API takes
MIN_PASSWORD = 6


def _latin1_password(value: object) -> bool:
    if not isinstance(value, str) or len(value) < MIN_PASSWORD:
        return False
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


PASSWORD = Check(f"a string of at least {MIN_PASSWORD} Latin-1 (ISO 8859-1) characters",
                 _latin1_password)
#: a domain's name becomes part of a DNS name: a DNS label's characters and length (the
#: docs' own examples also use ``_``)
DOMAIN_NAME = text(max_length=63, pattern=r"[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?",
                   what="a name of letters, digits, - and _ (not starting or ending with -)")
#: an endpoint's name is the user part of its SIP address (RFC 3261 section 19.1.1)
ENDPOINT_NAME = text(max_length=256, pattern=SIP_USER_PATTERN,
                     what="a SIP user name (RFC 3261: letters, digits, -_.!~*'()&=+$,;?/ "
                          "and %XX escapes)")


@_options.documented
@attrs.frozen(kw_only=True)
class DomainOptions:
    """The options of ``client.Domain.create``."""

    name: Optional[str] = option(DOMAIN_NAME, required=True,
                                 doc="unique among your domains; part of its SIP addresses")
    description: Optional[str] = option(text(), doc="a description of yours")


@_options.documented
@attrs.frozen(kw_only=True)
class Credentials:
    """What a SIP client authenticates with; the password is written, never read back."""

    password: Optional[str] = option(PASSWORD, required=True, secret=True,
                                     doc="what the SIP client authenticates with")


@_options.documented
@attrs.frozen(kw_only=True)
class EndpointOptions:
    """The options of ``domain.create_endpoint`` and ``client.Endpoint.create``."""

    name: Optional[str] = option(ENDPOINT_NAME, required=True,
                                 doc="the user part of its SIP address; cannot be changed")
    description: Optional[str] = option(text(), doc="a description of yours")
    domain_id: Optional[str] = option(text(), doc="the domain (taken from the path when "
                                                  "left out, as the official SDKs send it)")
    application_id: Optional[str] = option(
        text(), doc="the application whose URL gets the events of the endpoint's calls")
    enabled: Optional[bool] = option(
        BOOLEAN, doc="False refuses its registrations and calls (the API's default True)")
    credentials: Union[Credentials, Mapping[str, Any], None] = option(
        nested=Credentials, required=True, secret=True, doc="its SIP password")


@_options.documented
@attrs.frozen(kw_only=True)
class EndpointUpdate:
    """The options of ``endpoint.update``: what may change after it is created."""

    description: Optional[str] = option(text(), doc="a description of yours")
    application_id: Optional[str] = option(
        text(), doc="the application whose URL gets the events of the endpoint's calls")
    enabled: Optional[bool] = option(
        BOOLEAN, doc="False refuses its registrations and calls")
    credentials: Union[Credentials, Mapping[str, Any], None] = option(
        nested=Credentials, secret=True, doc="a new SIP password")


@_options.documented
@attrs.frozen(kw_only=True)
class AuthTokenOptions:
    """The options of ``endpoint.create_auth_token``."""

    expires: Union[int, str, None] = option(
        whole(1), doc="seconds until the token expires (the API's default when left out)")


@_options.documented
@attrs.frozen(kw_only=True)
class _DomainQuery(PageQuery):
    """The paging of ``client.Domain.list``."""


@_options.documented
@attrs.frozen(kw_only=True)
class _EndpointQuery(PageQuery):
    """The paging of ``client.Endpoint.list`` and ``domain.get_endpoints``."""


def _without_password(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The payload with any ``credentials.password`` taken out: it is write-only."""
    found = dict(payload)
    credentials = found.get("credentials")
    if isinstance(credentials, Mapping) and "password" in credentials:
        found["credentials"] = {k: v for k, v in credentials.items() if k != "password"}
    return found


def _credential(key: str) -> Any:
    def read(value: object) -> Optional[str]:
        return _wire.text_or_none(value.get(key)) if isinstance(value, Mapping) else None

    return read


@attrs.frozen(kw_only=True, repr=False)
class Endpoint(Handle):
    """A SIP endpoint of a domain. ``client.Endpoint(domain_id, endpoint_id)`` or
    ``domain.endpoint(endpoint_id)`` is a handle that made no request.

    Attributes:
        id: ``"re-..."``; domain_id; name; description; application_id; enabled;
        sip_uri: where it is called (``sip:name@domain.bwapp.bwsip.io``), from the API;
        realm, username: what its SIP client registers with (the password is never kept);
        raw: the payload as received, without any password.
    """

    id: str = field(ident, required=True)
    domain_id: Optional[str] = field()
    name: Optional[str] = field()
    description: Optional[str] = field()
    application_id: Optional[str] = field()
    enabled: Optional[bool] = field(boolean)
    sip_uri: Optional[str] = field()
    realm: Optional[str] = field(_credential("realm"), wire="credentials")
    username: Optional[str] = field(_credential("username"), wire="credentials")
    raw: Mapping[str, Any] = raw_payload()
    _transport: Optional[Transport] = transport_field()

    resource_path = "endpoints"
    id_name = "endpoint_id"
    parent = ("domain_id", "domains")
    what = "an endpoint"

    @classmethod
    def from_api(cls, payload: Mapping[str, Any], **known: Any) -> Self:
        """Build the model from the API's JSON, without any password in it."""
        return super().from_api(_without_password(payload), **known)

    @_options.shows_options(EndpointUpdate)
    def update(self, options: Union[EndpointUpdate, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[kw.EndpointUpdateKwargs]) -> None:
        """Change the endpoint (``POST /domains/{d}/endpoints/{id}``); its name cannot change.

        Raises:
            InvalidOptionError: an unknown option or a bad value; nothing was sent.
        """
        body = _options.to_body(EndpointUpdate, _options.items_of(options, "endpoint")
                                + list(kwargs.items()), "endpoint")
        self._t.request("POST", self._path(), body=body)

    def delete(self) -> None:
        """Delete the endpoint (``DELETE /domains/{d}/endpoints/{id}``)."""
        self._t.request("DELETE", self._path())

    @_options.shows_options(AuthTokenOptions)
    def create_auth_token(self, options: Optional[Mapping[str, Any]] = None, /,
                          **kwargs: Unpack[kw.TokenKwargs]) -> EndpointToken:
        """A token its SIP client may authenticate with instead of the password
        (``POST .../endpoints/{id}/tokens``)."""
        body = _options.to_body(AuthTokenOptions, _options.items_of(options, "auth token")
                                + list(kwargs.items()), "auth token")
        result = self._t.request("POST", self._path("tokens"), body=body or None)
        return EndpointToken.from_api(result.json_object("an auth token"))

    def delete_auth_token(self, token: str) -> None:
        """Revoke a token (``DELETE .../endpoints/{id}/tokens/{token}``)."""
        self._t.request("DELETE", self._path("tokens", _wire.segment(token, "token")))


@attrs.frozen(kw_only=True, repr=False)
class EndpointToken(Model):
    """An endpoint's auth token. The token is a secret: ``repr`` never shows it.

    Attributes:
        token: the value the SIP client authenticates with.
        expires: seconds until it expires, or None.
    """

    token: str = field(ident, required=True)
    expires: Optional[int] = field(integer)
    raw: Mapping[str, Any] = raw_payload()

    def __repr__(self) -> str:
        return f"EndpointToken(token=<hidden>, expires={self.expires!r})"


@attrs.frozen(kw_only=True, repr=False)
class Domain(Handle):
    """A SIP domain. ``client.Domain("rd-1")`` is a handle that made no request.

    Attributes:
        id: ``"rd-..."``; name; description; endpoints_url: the URL of its endpoints; raw.
    """

    id: str = field(ident, required=True)
    name: Optional[str] = field()
    description: Optional[str] = field()
    endpoints_url: Optional[str] = field(wire="endpoints")
    raw: Mapping[str, Any] = raw_payload()
    _transport: Optional[Transport] = transport_field()

    resource_path = "domains"
    id_name = "domain_id"
    what = "a domain"

    def delete(self) -> None:
        """Delete the domain (``DELETE /domains/{id}``)."""
        self._t.request("DELETE", self._path())

    def endpoint(self, endpoint_id: str) -> Endpoint:
        """A handle on one of its endpoints; no request is made."""
        return Endpoint.handle(self.id, endpoint_id, transport=self._t)

    @_options.shows_options(EndpointOptions, but=("domain_id",))
    def create_endpoint(self, options: Union[EndpointOptions, Mapping[str, Any], None] = None,
                        /, **kwargs: Unpack[kw.DomainEndpointKwargs]) -> Endpoint:
        """Create an endpoint in this domain (``POST /domains/{id}/endpoints``); the id
        comes from ``Location`` (no GET: ``refresh()`` reads its ``sip_uri``)."""
        return _create_endpoint(self._t, self.id, _options.items_of(options, "endpoint")
                                + list(kwargs.items()))

    def get_endpoint(self, endpoint_id: str) -> Endpoint:
        """Fetch one endpoint (``GET /domains/{id}/endpoints/{endpoint_id}``)."""
        return self.endpoint(endpoint_id).refresh()

    @_options.shows_options(_EndpointQuery)
    def get_endpoints(self, options: Optional[Mapping[str, Any]] = None, /, *,
                      limit: Optional[int] = None,
                      **query: Unpack[kw.EndpointQueryKwargs]) -> Iterator[Endpoint]:
        """Iterate over its endpoints (``GET /domains/{id}/endpoints``), following ``next``
        links; ``page``, ``size`` (1..1000) and ``limit`` as in ``client.Call.list``."""
        return EndpointCollection(self._t).list(self.id, options, limit=limit, **query)

    def delete_endpoint(self, endpoint_id: str) -> None:
        """Delete one of its endpoints."""
        self.endpoint(endpoint_id).delete()


def _create_endpoint(transport: Transport, domain_id: str,
                     items: list[tuple[str, object]]) -> Endpoint:
    domain = _wire.segment(domain_id, "domain_id")
    body = _options.to_body(EndpointOptions, items, "endpoint")
    if body.setdefault("domainId", domain_id) != domain_id:
        raise InvalidOptionError(f"endpoint option domain_id {body['domainId']!r} is not the "
                                 f"domain it is created in ({domain_id!r})")
    result = transport.request("POST", f"domains/{domain}/endpoints", body=body, created=True)
    return Endpoint.from_api({**body, "id": result.created_id()}, transport=transport)


class DomainCollection(DomainMirrors, Collection[Domain]):
    """``client.Domain``: create and list SIP domains; each domain method also id first."""

    _handle = Domain
    client_name = "Domain"
    client_doc = f"SIP domains (at most {MAX_DOMAINS}): client.Domain.create(name=...), .list"

    @_options.shows_options(DomainOptions)
    def create(self, options: Union[DomainOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[kw.DomainKwargs]) -> Domain:
        """Create a domain (``POST /domains``; at most 100); the id comes from ``Location``
        (no GET): the Domain returned holds the id and what was sent.

        Raises:
            InvalidOptionError: no ``name``, an unknown option or a bad value.
            ForbiddenError: the user already has 100 domains. ConflictError: the name is taken.
        """
        body = _options.to_body(DomainOptions, _options.items_of(options, "domain")
                                + list(kwargs.items()), "domain")
        result = self._transport.request("POST", "domains", body=body, created=True)
        return Domain.from_api({**body, "id": result.created_id()}, transport=self._transport)

    @_options.shows_options(_DomainQuery)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None,
             **query: Unpack[kw.DomainQueryKwargs]) -> Iterator[Domain]:
        """Iterate over domains (``GET /domains``), following ``next`` links."""
        return self._list("domains", _DomainQuery, options, query, limit, "domain list")


class EndpointCollection(EndpointMirrors, NestedCollection[Endpoint]):
    """``client.Endpoint``: the endpoints of a domain, the domain's id first, as node and C#
    call them (``client.Endpoint.update(domain_id, endpoint_id, enabled=False)``)."""

    _handle = Endpoint
    client_name = "Endpoint"
    client_doc = "SIP endpoints, by domain: client.Endpoint.create(domain_id, ...), .list"

    @_options.shows_options(EndpointOptions)
    def create(self, domain_id: str, options: Union[EndpointOptions, Mapping[str, Any], None]
               = None, /, **kwargs: Unpack[kw.EndpointKwargs]) -> Endpoint:
        """Create an endpoint (``POST /domains/{domain_id}/endpoints``); the id comes from
        ``Location`` (no GET: ``refresh()`` reads its ``sip_uri``, ``realm`` and
        ``username``). The password is sent, and kept nowhere.

        Raises:
            InvalidOptionError: no ``name`` or ``credentials``, a password shorter than 6
                characters or not Latin-1, a ``domain_id`` other than the path's.
            ConflictError: the name is taken in the domain.
        """
        return _create_endpoint(self._transport, domain_id, _options.items_of(
            options, "endpoint") + list(kwargs.items()))

    @_options.shows_options(_EndpointQuery)
    def list(self, domain_id: str, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None,
             **query: Unpack[kw.EndpointQueryKwargs]) -> Iterator[Endpoint]:
        """Iterate over a domain's endpoints (``GET /domains/{domain_id}/endpoints``),
        following ``next`` links."""
        path = f"domains/{_wire.segment(domain_id, 'domain_id')}/endpoints"
        return self._list(path, _EndpointQuery, options, query, limit, "endpoint list",
                          domain_id=domain_id)
