"""What every resource shares: a model that is also a handle (its path, its transport), and
the collection on the client that makes handles and fetches snapshots."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, Iterator, Mapping, Optional, TypeVar

from .. import _options, _wire
from .._transport import Transport
from ..errors import CatapultError

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["Collection", "Handle"]


class Handle(_wire.Readable):
    """Mixin for a resource's frozen model: it knows the resource's path and, when it came
    from a client, the transport its requests go through (the attrs field ``_transport``).

    A subclass sets ``resource_path`` (``"calls"``) and ``id_name`` (``"call_id"``).
    """

    __slots__ = ()
    resource_path: ClassVar[str]
    id_name: ClassVar[str]

    if TYPE_CHECKING:  # the attrs fields every handle declares
        id: str
        _transport: Optional[Transport]

    @classmethod
    def handle(cls, item_id: str, transport: Transport) -> Self:
        """A handle on ``item_id``, bound to ``transport``; no request is made."""
        _wire.segment(item_id, cls.id_name)  # refused here, before anything is sent
        made: Self = cls(id=item_id, transport=transport)  # type: ignore[call-arg]
        return made

    @classmethod
    def from_api(cls, payload: Mapping[str, Any], *,
                 transport: Optional[Transport] = None) -> Self:
        """Build the model from the API's JSON."""
        raise NotImplementedError

    def refresh(self) -> Self:
        """Fetch the resource and return the new snapshot."""
        raise NotImplementedError

    @property
    def _t(self) -> Transport:
        if self._transport is None:
            name = type(self).__name__
            raise CatapultError(f"{name} {self.id} is not bound to a client; "
                                f"use client.{name}({self.id!r})")
        return self._transport

    def _path(self, *parts: str) -> str:
        return "/".join((self.resource_path, _wire.segment(self.id, self.id_name), *parts))


H = TypeVar("H", bound=Handle)


class Collection(Generic[H]):
    """The collection of one resource on the client (``client.Call``): call it with an id for
    a handle, ``get`` a snapshot. A subclass sets ``_handle`` to the resource's class; its
    id-first methods (``IdFirst``) read ``id_name`` and ``handle_name`` from here."""

    _handle: type[H]
    id_name: ClassVar[str] = "id"
    handle_name: ClassVar[str] = "handle"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        handle = cls.__dict__.get("_handle")
        if handle is not None:
            cls.id_name = handle.id_name
            cls.handle_name = f"client.{handle.__name__}"

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._transport.root}/{self._handle.resource_path}>"

    def __call__(self, item_id: str, /) -> H:
        """A handle on the resource ``item_id``; no request is made."""
        return self._handle.handle(item_id, self._transport)

    def _list(self, query_kind: type, options: Optional[Mapping[str, Any]],
              query: Mapping[str, Any], limit: Optional[int], title: str) -> Iterator[H]:
        """The resource's list endpoint, lazily, following ``next`` links; the query is
        checked (``query_kind``) before anything is sent."""
        params = _options.to_body(query_kind, _options.items_of(options, title)
                                  + list(query.items()), title)
        limit = _options.checked_limit(limit)
        for item in self._transport.paginate(self._handle.resource_path, params, limit=limit):
            if isinstance(item, Mapping):
                yield self._handle.from_api(item, transport=self._transport)

    def get(self, item_id: str, /) -> H:
        """Fetch the resource ``item_id`` (``GET /{resource}/{id}``) and return its snapshot.

        Raises:
            InvalidOptionError: an id that is empty, ``.`` or ``..``; nothing was sent.
            NotFoundError: no such resource. Other APIError, TransportError.
        """
        return self(item_id).refresh()
