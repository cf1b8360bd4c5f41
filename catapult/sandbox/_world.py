"""The simulated world of one sandbox user, by composition: every part of the package (one
per resource) built once, its routes gathered into one table, and what the parts share:
the clock, one lock, the way events leave, and the user's root URL.

Every public method of a part takes the lock; timers call back in. Ended calls are kept for
``retention`` more ended calls, then forgotten (``forget`` is told their ids, so that the
records of them go too): memory stays flat however long the sandbox runs.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar
from urllib.parse import urlsplit

from ._clock import Clock
from ._delivery import Target
from ._part import Part, Route

if TYPE_CHECKING:
    from ._audio import CallAudio
    from ._bxml import Bxml
    from ._calls import Calls, SimCall
    from ._far_end import FarEnd
    from ._recordings import Recordings

__all__ = ["World"]

P = TypeVar("P", bound=Part)
Emit = Callable[[dict[str, Any], Target], None]

_loaded = False


def _load_parts() -> list[type[Part]]:
    """Every part class of the package: each module of it, imported once."""
    global _loaded
    if not _loaded:
        from . import __name__ as package
        from . import __path__ as here

        for info in sorted(pkgutil.iter_modules(here), key=lambda info: info.name):
            importlib.import_module(f"{package}.{info.name}")
        _loaded = True
    return list(Part.kinds)


class World:
    """All parts of one user's simulated world (see the module's docstring)."""

    def __init__(self, clock: Clock, emit: Emit, *, retention: int = 2000,
                 forget: Callable[[str], None] = lambda call_id: None) -> None:
        self.clock = clock
        self.lock: threading.RLock = threading.RLock()
        self.root = ""  # set by the server once it knows its port: .../v1/users/{userId}
        self.retention = retention
        self.forget = forget
        self._emit_to = emit
        self._parts: dict[type[Part], Part] = {kind: kind(self) for kind in _load_parts()}
        #: every route of every part, with the part that answers it
        self.routes: list[tuple[Route, Part]] = [
            (route, part) for part in self._parts.values() for route in part.routes]

    def part(self, kind: type[P]) -> P:
        """The part of this world that ``kind`` is."""
        found = self._parts[kind]
        assert isinstance(found, kind)
        return found

    def tell(self, hook: str, *args: Any) -> bool:
        """Run ``hook`` (``call_ended``, ...) on every part; True if one of them returned
        True, which ends the round (``key_pressed``: the part took the key)."""
        return any(getattr(part, hook)(*args) for part in self._parts.values())

    @property
    def root_path(self) -> str:
        """The path of the user root, ``/v1/users/{userId}``."""
        return urlsplit(self.root).path

    @property
    def api_root(self) -> str:
        """The API's root as the sandbox is reached: ``http://.../v1``."""
        return self.root.rsplit("/users/", 1)[0]

    # -- events -----------------------------------------------------------------------------

    def emit(self, call: SimCall, event_type: str, target: Optional[Target] = None,
             **fields: Any) -> None:
        """Send an event of ``call`` to ``target`` (default: the call's callback settings)."""
        payload: dict[str, Any] = {"eventType": event_type}
        payload.update({k: v for k, v in fields.items() if v is not None})
        self.send(payload, target or call.target)

    def send(self, payload: dict[str, Any], target: Target) -> None:
        """Send an event that concerns no call of its own (a conference's)."""
        payload.setdefault("time", _now(self.clock))
        self._emit_to(payload, target)

    # -- the parts the sandbox's own methods drive ---------------------------------------------

    @property
    def calls(self) -> Calls:
        from ._calls import Calls

        return self.part(Calls)

    @property
    def far_end(self) -> FarEnd:
        from ._far_end import FarEnd

        return self.part(FarEnd)

    @property
    def audio(self) -> CallAudio:
        from ._audio import CallAudio

        return self.part(CallAudio)

    @property
    def recordings(self) -> Recordings:
        from ._recordings import Recordings

        return self.part(Recordings)

    @property
    def bxml(self) -> Bxml:
        from ._bxml import Bxml

        return self.part(Bxml)


def _now(clock: Clock) -> str:
    from .._wire import format_time

    return format_time(clock.wall())
