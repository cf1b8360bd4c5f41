"""Id-first methods on a collection: ``client.Call.hang_up(call_id)`` is exactly
``client.Call(call_id).hang_up()``, the way node and C# code calls the API.

``Collection`` makes one for every method of its handle (``resources/_base.py``): one
implementation, the handle's docstring, and its signature with the id in front, for
``help()``, ``inspect`` and ``typing.get_type_hints``. Type checkers read the same methods
as typed stubs from the generated ``catapult/_mirrors.py``.
"""

from __future__ import annotations

import functools
import inspect
import typing
from typing import Any, Callable, Optional

__all__ = ["IdFirst"]


class IdFirst:
    """A method of the collection that takes the handle's id first."""

    def __init__(self, method: Callable[..., Any]) -> None:
        self.method = method
        self.name = method.__name__
        self.owner: Optional[type] = None
        self.signature: Any = None
        self.doc = ""
        self.annotations: dict[str, Any] = {}

    def __set_name__(self, owner: type, name: str) -> None:
        # an alias (complete_gather = stop_gather) keeps the canonical method's name
        self.owner = self.owner or owner

    def _ids(self) -> tuple[str, ...]:
        return tuple(getattr(self.owner, "id_names", ("id",)))

    def _described(self, function: Callable[..., Any], unbound: bool) -> Any:
        if self.signature is None:  # once: what help(), inspect and get_type_hints see
            ids = self._ids()
            handle = getattr(self.owner, "handle_name", "handle")
            shown = inspect.signature(self.method)
            params = list(shown.parameters.values())[1:]
            self.signature = shown.replace(parameters=[
                *(inspect.Parameter(name, inspect.Parameter.POSITIONAL_ONLY, annotation="str")
                  for name in ids), *params])
            self.doc = (f"The same as ``{handle}({', '.join(ids)}).{self.name}(...)``: the "
                        f"{'ids' if len(ids) > 1 else 'id'} first.\n\n"
                        f"{inspect.getdoc(self.method) or ''}")
            self.annotations = {**dict.fromkeys(ids, str), **self._hints()}
        functools.update_wrapper(function, self.method)
        function.__doc__ = self.doc
        function.__annotations__ = dict(self.annotations)
        signature = self.signature
        if unbound:
            signature = signature.replace(parameters=[inspect.Parameter(
                "self", inspect.Parameter.POSITIONAL_ONLY), *signature.parameters.values()])
        function.__signature__ = signature  # type: ignore[attr-defined]
        return function

    def _hints(self) -> dict[str, Any]:
        """The handle method's annotations, resolved where the method is written (its
        ``Self`` is the collection's handle), so that they resolve from here too."""
        handle = getattr(self.owner, "_handle", None)
        try:
            return typing.get_type_hints(self.method, localns={"Self": handle})
        except (NameError, TypeError):  # pragma: no cover (every method resolves: tested)
            return dict(getattr(self.method, "__annotations__", {}))

    def __get__(self, collection: object, owner: Optional[type] = None) -> Any:
        method = self.method
        count = len(self._ids())
        if collection is None:
            def unbound(collection: Any, /, *args: Any, **kwargs: Any) -> Any:
                return method(collection(*args[:count]), *args[count:], **kwargs)

            return self._described(unbound, True)

        def bound(*args: Any, **kwargs: Any) -> Any:
            return method(collection(*args[:count]), *args[count:],  # type: ignore[operator]
                          **kwargs)

        return self._described(bound, False)
