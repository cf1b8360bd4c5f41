"""Id-first methods on a collection: ``client.Call.hang_up(call_id)`` is exactly
``client.Call(call_id).hang_up()``, the way node and C# code calls the API.

Each is declared once in the collection's class body (``hang_up = IdFirst(Call.hang_up)``),
from the handle's own method: one implementation, the handle's docstring and signature
(with ``call_id`` in front) for ``help()``, and for type checkers the handle method's
parameters after the id.
"""

from __future__ import annotations

import functools
import inspect
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar, overload

__all__ = ["IdFirst"]

_H = TypeVar("_H")
_R = TypeVar("_R")

if TYPE_CHECKING:
    from typing_extensions import Concatenate, ParamSpec

    _P = ParamSpec("_P")

    class IdFirst(Generic[_H, _P, _R]):
        def __init__(self, method: Callable[Concatenate[_H, _P], _R]) -> None: ...

        def __set_name__(self, owner: type, name: str) -> None: ...

        @overload
        def __get__(self, collection: None, owner: type) -> Callable[..., _R]: ...

        @overload
        def __get__(self, collection: object,
                    owner: type) -> Callable[Concatenate[str, _P], _R]: ...

        def __get__(self, collection: object, owner: type) -> Any: ...

else:

    class IdFirst:
        """A method of the collection that takes the handle's id first."""

        def __init__(self, method: Callable[..., Any]) -> None:
            self.method = method
            self.name = method.__name__
            self.signature: Any = None

        def __set_name__(self, owner: type, name: str) -> None:
            # an alias (complete_gather = stop_gather) keeps the first, canonical name
            self.owner = getattr(self, "owner", owner)

        def _described(self, function: Callable[..., Any], unbound: bool) -> Any:
            if self.signature is None:  # once: what help() and inspect show
                id_name = getattr(self.owner, "id_name", "id")
                params = list(inspect.signature(self.method).parameters.values())[1:]
                self.signature = inspect.Signature([inspect.Parameter(
                    id_name, inspect.Parameter.POSITIONAL_ONLY, annotation="str"), *params])
                handle = getattr(self.owner, "handle_name", "handle")
                self.doc = (f"The same as ``{handle}({id_name}).{self.name}(...)``: the id "
                            f"first.\n\n{inspect.getdoc(self.method) or ''}")
            functools.update_wrapper(function, self.method)
            function.__doc__ = self.doc
            signature = self.signature
            if unbound:
                signature = signature.replace(parameters=[inspect.Parameter(
                    "self", inspect.Parameter.POSITIONAL_ONLY), *signature.parameters.values()])
            function.__signature__ = signature  # type: ignore[attr-defined]
            return function

        def __get__(self, collection: object, owner: type = None) -> Any:
            method = self.method
            if collection is None:
                def unbound(collection: Any, item_id: str, /, *args: Any, **kwargs: Any) -> Any:
                    return method(collection(item_id), *args, **kwargs)

                return self._described(unbound, True)

            def bound(item_id: str, /, *args: Any, **kwargs: Any) -> Any:
                return method(collection(item_id), *args, **kwargs)  # type: ignore[operator]

            return self._described(bound, False)
