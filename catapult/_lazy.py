"""``Lazy``: a client attribute whose collection is built, and its module imported, on first
use; ``client.Bridge`` loads ``catapult.resources.bridge`` then, and never before."""

from __future__ import annotations

import importlib
from typing import Any, Generic, Optional, TypeVar, overload

__all__ = ["Lazy"]

C = TypeVar("C")


class Lazy(Generic[C]):
    """The collection class ``name`` of ``catapult.{module}``, built with the client's
    transport the first time the attribute is read, then kept on the client."""

    def __init__(self, module: str, name: str, doc: str) -> None:
        self.module: str = module
        self.name: str = name
        self.__doc__ = doc
        self.attribute: str = ""

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute

    def __repr__(self) -> str:
        return f"<collection {self.attribute}: catapult.{self.module}.{self.name}>"

    @overload
    def __get__(self, client: None, owner: Optional[type] = None) -> Lazy[C]: ...

    @overload
    def __get__(self, client: object, owner: Optional[type] = None) -> C: ...

    def __get__(self, client: Any, owner: Optional[type] = None) -> Any:
        if client is None:
            return self
        kind = getattr(importlib.import_module(f"catapult.{self.module}"), self.name)
        made = kind(client._transport)
        # the instance's own attribute now: the next read is a plain lookup
        client.__dict__[self.attribute] = made
        return made
