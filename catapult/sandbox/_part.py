"""A part of the simulated world: one resource's state, its rules and its routes, in one
module (``_bridges.py`` holds the bridges, what may be done to them, and ``/bridges...``).

A part subclasses ``Part``; its route handlers are methods marked ``@route(method, path)``
(``{name}`` in the path is one segment, handed over decoded); the world finds every part
of the package by itself, so adding a resource edits no other module. Parts reach each
other through typed properties (``self.calls``), and hear what happens to calls through
the hooks below, which each part may override.
"""

from __future__ import annotations

import re
import secrets
import string
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Literal, Optional, TypeVar

from .._wire import format_time
from ._http import ApiFailure, Reply, Request

if TYPE_CHECKING:
    from ._calls import Calls, SimCall
    from ._delivery import Target
    from ._world import World

__all__ = ["Part", "Route", "new_id", "route"]

Handler = Callable[[Any, Request, dict[str, str]], Reply]
F = TypeVar("F", bound=Callable[..., Reply])

_BYTE_TO_ID = bytes((string.ascii_lowercase + string.digits)[n % 36].encode()[0]
                     for n in range(256))


def new_id(prefix: str) -> str:
    """An id shaped like the API's: ``c-`` plus 25 lowercase letters and digits."""
    # one call for the randomness (a secrets.choice per character was a system call each),
    # each byte mapped onto the alphabet by a table
    return prefix + secrets.token_bytes(25).translate(_BYTE_TO_ID).decode("ascii")


class Route:
    """``method path`` under a root (``user``: ``/v1/users/{userId}/``; ``api``: ``/v1/``),
    answered by a part's method."""

    __slots__ = ("handler", "method", "path", "pattern", "root")

    def __init__(self, method: str, path: str, root: str, handler: str) -> None:
        self.method, self.path, self.root, self.handler = method, path, root, handler
        self.pattern = re.compile(re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path) + "/?")

    def __repr__(self) -> str:
        return f"<Route {self.method} {self.root}:{self.path}>"


def route(method: str, path: str, root: Literal["user", "api"] = "user") -> Callable[[F], F]:
    """Mark a part's method as the answer to ``method path`` (see ``Route``)."""

    def mark(handler: F) -> F:
        marked = getattr(handler, "_routes", ())
        handler._routes = (*marked, (method, path, root))  # type: ignore[attr-defined]
        return handler

    return mark


class Part:
    """The base of every part of the world (see the module's docstring)."""

    #: every part class, as each module of the sandbox is imported
    kinds: ClassVar[list[type[Part]]] = []
    #: the routes the part answers, collected from its ``@route`` methods
    routes: ClassVar[tuple[Route, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.routes = tuple(Route(method, path, root, name)
                           for name, value in vars(cls).items()
                           for method, path, root in getattr(value, "_routes", ()))
        Part.kinds.append(cls)

    def __init__(self, world: World) -> None:
        self.world = world

    # -- what every part uses -------------------------------------------------------------

    @property
    def calls(self) -> Calls:
        from ._calls import Calls

        return self.world.part(Calls)

    @property
    def root(self) -> str:
        """The user's API root as the sandbox is reached: ``http://.../v1/users/{userId}``."""
        return self.world.root

    def now(self) -> str:
        """The clock's time as the API writes times."""
        return format_time(self.world.clock.wall())

    def emit(self, call: SimCall, event_type: str, target: Optional[Target] = None, /,
             **fields: Any) -> None:
        """Send a call's event to ``target`` (default: the call's callback settings)."""
        self.world.emit(call, event_type, target, **fields)

    def created(self, path: str, body: Any = None) -> Reply:
        """201 with the ``Location`` of ``path`` under the user root."""
        return Reply(201, body, {"Location": f"{self.world.root_path}/{path}"})

    # -- what happens to calls, for the parts that care (each does nothing by default) ------

    def call_answered(self, call: SimCall) -> None:
        """``call`` became active."""

    def call_ended(self, call: SimCall) -> None:
        """``call`` ended (its hangup event is already emitted)."""

    def call_forgotten(self, call: SimCall) -> None:
        """``call`` is dropped from memory (see ``Sandbox(retention=...)``)."""

    def caller_spoke(self, call: SimCall, until: float) -> None:
        """The caller of ``call`` speaks from now until ``until`` (the clock's time)."""

    def request_failed(self, request: Request, failure: ApiFailure) -> None:
        """An API request of the user's was refused with ``failure``."""

    def key_pressed(self, call: SimCall, digit: str) -> bool:
        """The caller pressed ``digit`` on ``call`` (its dtmf event is emitted); True when
        this part took the key (a running gather), so no other part should."""
        return False
