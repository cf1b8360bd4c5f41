"""What every resource shares: a model that is also a handle (its path, its transport), and
the collection on the client that makes handles, fetches snapshots, lists, and offers every
handle method id first.

A resource module declares its model (fields read from the wire), its handle methods and
the official names as aliases in the handle's class body, once; its collection names the
handle (``_handle = Call``) and the client attribute (``client_name = "Call"``), and gets
an id-first mirror of every handle method without writing one: ``client.Call.hang_up(id)``
is ``client.Call(id).hang_up()``. (Type checkers read the same mirrors from the generated
``catapult/_mirrors.py``.)
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Iterator, Mapping, Optional, TypeVar

import attrs

from .. import _options, _wire
from .._compat import Self
from .._idfirst import IdFirst
from .._model import Model
from .._transport import Root, Transport
from ..errors import CatapultError

__all__: list[str] = []  # nothing here is a public name of catapult


def transport_field() -> Any:
    """The ``_transport`` field of a handle (``transport=`` to the constructor): the
    client's transport its requests go through, or None for a model built by hand."""
    return attrs.field(default=None, repr=False, eq=False)


class Handle(Model):
    """Mixin for a resource's frozen model: it knows the resource's path and, when it came
    from a client, the transport its requests go through (the attrs field ``_transport``).

    A subclass sets ``resource_path`` (``"calls"``) and ``id_name`` (``"call_id"``); one
    that lives under another resource (a domain's endpoint) also sets ``parent``: the
    field holding the parent's id and the parent's path (``("domain_id", "domains")``).
    """

    __slots__ = ()
    resource_path: ClassVar[str]
    id_name: ClassVar[str]
    #: (the field of the parent's id, the parent's path), for a resource under another
    parent: ClassVar[Optional[tuple[str, str]]] = None
    #: what the resource is called in messages ("a call")
    what: ClassVar[str] = "a resource"

    if TYPE_CHECKING:  # the attrs fields every handle declares
        id: str
        _transport: Optional[Transport]

    @classmethod
    def id_names(cls) -> tuple[str, ...]:
        """The ids that name one resource, outermost first (``("domain_id", "endpoint_id")``)."""
        return (cls.parent[0], cls.id_name) if cls.parent else (cls.id_name,)

    @classmethod
    def handle(cls, *ids: str, transport: Transport) -> Self:
        """A handle on the resource the ``ids`` name, bound to ``transport``; no request is
        made. Each id is checked here, before anything is sent."""
        names = cls.id_names()
        for item_id, name in zip(ids, names):
            _wire.segment(item_id, name)
        known = {cls.parent[0]: ids[0]} if cls.parent else {}
        made: Self = cls(id=ids[-1], transport=transport, **known)  # type: ignore[call-arg]
        return made

    def refresh(self) -> Self:
        """Fetch the resource again (``GET`` its own URL) and return the new snapshot.

        Raises:
            NotFoundError: no such resource. Other APIError, TransportError as they happen.
        """
        result = self._t.request("GET", self._path())
        return self.from_api(result.json_object(self.what), transport=self._t,
                             **self._context())

    def _context(self) -> dict[str, Any]:
        """The fields a snapshot takes from this handle rather than from the wire: the
        parent's id, for a resource under another."""
        return {self.parent[0]: getattr(self, self.parent[0])} if self.parent else {}

    @property
    def _t(self) -> Transport:
        if self._transport is None:
            name = type(self).__name__
            raise CatapultError(f"{name} {self.id} is not bound to a client; "
                                f"use client.{name}({self.id!r})")
        return self._transport

    def _base(self) -> str:
        if self.parent is None:
            return self.resource_path
        field, path = self.parent
        return f"{path}/{_wire.segment(getattr(self, field), field)}/{self.resource_path}"

    def _path(self, *parts: str) -> str:
        return "/".join((self._base(), _wire.segment(self.id, self.id_name), *parts))


H = TypeVar("H", bound=Handle)


def handle_methods(handle: type) -> dict[str, Any]:
    """The public methods of a handle class and its resource mixins (the audio methods),
    aliases included, by name in declaration order; ``refresh`` from ``Handle`` too."""
    found: dict[str, Any] = {}
    for kind in handle.__mro__:
        if kind is Handle:
            found.setdefault("refresh", Handle.refresh)
            break
        for name, value in vars(kind).items():
            if not name.startswith("_") and inspect.isfunction(value):
                found.setdefault(name, value)
    return found


class Mirrors:
    """At run time, the base in place of a collection's generated typed mirrors."""

    __slots__ = ()


class BaseCollection(Generic[H]):
    """What the collections of one resource on the client share (``client.Call``): the
    handle class, listing, and every method of the handle id first. ``Collection`` names
    a resource by its id, ``NestedCollection`` by its parent's id and its own."""

    _handle: type[H]
    #: the attribute of the client that holds this collection (``client.Call``)
    client_name: ClassVar[str] = ""
    #: the collection in a sentence, for ``help(catapult.Client)``
    client_doc: ClassVar[str] = ""
    #: the ids that name one resource, outermost first, as the id-first methods take them
    id_names: ClassVar[tuple[str, ...]] = ("id",)
    handle_name: ClassVar[str] = "handle"
    #: which of the API's roots the resource's paths start from
    root: ClassVar[Root] = "user"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        handle = cls.__dict__.get("_handle")
        if handle is None:
            return
        cls.id_names = handle.id_names()
        cls.handle_name = f"client.{cls.client_name or handle.__name__}"
        own = {name for kind in cls.__mro__ if kind is not object for name in vars(kind)}
        made: dict[int, IdFirst] = {}  # an alias gets the very mirror of its method
        for name, method in handle_methods(handle).items():
            if name not in own:  # the collection's own create, list, get stay
                mirror = made.setdefault(id(method), IdFirst(method))
                setattr(cls, name, mirror)
                mirror.__set_name__(cls, name)

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._transport.roots[self.root]}/" \
               f"{self._handle.resource_path}>"

    def _made(self, *ids: str) -> H:
        return self._handle.handle(*ids, transport=self._transport)

    def _list(self, path: str, query_kind: type, options: Optional[Mapping[str, Any]],
              query: Mapping[str, Any], limit: Optional[int], title: str,
              **known: Any) -> Iterator[H]:
        """A list endpoint, lazily, following ``next`` links; the query is checked
        (``query_kind``) before anything is sent."""
        params = _options.query(query_kind, options, query, title)
        limit = _options.checked_limit(limit)
        for item in self._transport.paginate(path, params, limit=limit, root=self.root):
            if isinstance(item, Mapping):
                yield self._handle.from_api(item, transport=self._transport, **known)


class Collection(BaseCollection[H]):
    """The collection of a resource named by its id alone: call it with an id for a handle,
    ``get`` a snapshot, and every method of the handle id first."""

    def __call__(self, item_id: str, /) -> H:
        """A handle on the resource ``item_id``; no request is made."""
        return self._made(item_id)

    def get(self, item_id: str, /) -> H:
        """Fetch the resource ``item_id`` (``GET /{resource}/{id}``) and return its snapshot.

        Raises:
            InvalidOptionError: an id that is empty, ``.`` or ``..``; nothing was sent.
            NotFoundError: no such resource. Other APIError, TransportError.
        """
        return self._made(item_id).refresh()


class NestedCollection(BaseCollection[H]):
    """The collection of a resource under another (a domain's endpoints): handles, snapshots
    and every method of the handle take the parent's id, then the resource's."""

    def __repr__(self) -> str:
        field, path = self._handle.parent or ("id", "")
        return f"<{type(self).__name__} {self._transport.roots[self.root]}/{path}/" \
               f"{{{field}}}/{self._handle.resource_path}>"

    def __call__(self, parent_id: str, item_id: str, /) -> H:
        """A handle on the resource ``item_id`` under ``parent_id``; no request is made."""
        return self._made(parent_id, item_id)

    def get(self, parent_id: str, item_id: str, /) -> H:
        """Fetch the resource ``item_id`` under ``parent_id`` and return its snapshot.

        Raises:
            InvalidOptionError: an id that is empty, ``.`` or ``..``; nothing was sent.
            NotFoundError: no such resource. Other APIError, TransportError.
        """
        return self._made(parent_id, item_id).refresh()


class Service:
    """A part of the API on the client that is no collection of resources (the account, the
    CNAM lookup): its methods, over the client's transport."""

    #: the attribute of the client that holds it (``client.Account``)
    client_name: ClassVar[str] = ""
    client_doc: ClassVar[str] = ""
    #: the path it lives at, for its repr
    path: ClassVar[str] = ""
    root: ClassVar[Root] = "user"

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._transport.roots[self.root]}/{self.path}>"
