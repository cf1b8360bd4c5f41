"""The world's state and the helpers every part of its rules uses."""

from __future__ import annotations

import threading
from collections import deque
from typing import Any, Callable, Mapping, Optional

from .. import _wire
from ._clock import Clock
from ._delivery import Target
from ._model import ApiFailure, SimBridge, SimCall, SimGather, new_id

Emit = Callable[[dict[str, Any], Target], None]


class WorldBase:
    """All calls of one sandbox user, and the helpers of the rules (``World`` has them all).

    Every public method takes the lock; timers call back in. Ended calls are kept for
    ``retention`` more ended calls, then forgotten (``forget`` is told their ids, so that
    the records of them go too): memory stays flat however long the sandbox runs.
    """

    def __init__(self, clock: Clock, emit: Emit, *, retention: int = 2000,
                 forget: Callable[[str], None] = lambda call_id: None) -> None:
        self.clock = clock
        self.root = ""  # set by the server once it knows its port: .../v1/users/{userId}
        self._emit_to = emit
        self._lock = threading.RLock()
        self._calls: dict[str, SimCall] = {}
        self._bridges: dict[str, SimBridge] = {}
        self._applications: dict[str, dict[str, Any]] = {}
        self._conferences: dict[str, Any] = {}  # id: SimConference (see _conferences)
        self._numbers: dict[str, dict[str, Any]] = {}  # phone numbers of the user, by id
        self._media: dict[str, tuple[bytes, str]] = {}  # name: (bytes, content type)
        self._recordings: dict[str, tuple[str, dict[str, Any]]] = {}  # id: (call id, json)
        self._transcripts: dict[str, list[dict[str, Any]]] = {}  # by recording id
        self._transcribe_as: dict[Optional[str], str] = {}  # by recording id; None: any
        self._ended: deque[str] = deque()
        self._retention = retention
        self._forget = forget

    # -- helpers ---------------------------------------------------------------------------

    def _now(self) -> str:
        return _wire.format_time(self.clock.wall())

    def _call(self, call_id: str) -> SimCall:
        call = self._calls.get(call_id)
        if call is None:
            raise ApiFailure(404, "not-found", "call-not-found",
                             f"The call {call_id} could not be found")
        return call

    def _uri(self, call: SimCall) -> str:
        return f"{self.root}/calls/{call.id}"

    def _emit(self, call: SimCall, event_type: str, target: Optional[Target] = None, /,
              **fields: Any) -> None:
        """Send an event to ``target`` (default: the call's callback settings)."""
        payload: dict[str, Any] = {"eventType": event_type}
        payload.update({k: v for k, v in fields.items() if v is not None})
        payload.setdefault("time", self._now())
        self._emit_to(payload, target or call.target)

    def _parties(self, call: SimCall) -> dict[str, Any]:
        return {"from": call.from_, "to": call.to, "callId": call.id, "callUri": self._uri(call)}

    def _note(self, call: SimCall, name: str, data: str = "") -> None:
        call.log.append({"id": new_id("ce-"), "time": self._now(), "name": name, "data": data})

    def _active_call(self, call_id: str) -> SimCall:
        call = self._call(call_id)
        if call.state != "active":
            raise self._invalid_state(call)
        return call

    def _invalid_state(self, call: SimCall) -> ApiFailure:
        # the API's words, then what would make the request valid (the sandbox's own hint)
        hints = {
            ("started", "out"): "the far end has not answered yet: in the sandbox, "
                                "sandbox.answer(call_id)",
            ("started", "in"): "the call is ringing: answer it first "
                               "(client.Call(call_id).answer())",
            ("completed", "in"): "the call has ended", ("completed", "out"): "the call has ended",
            ("rejected", "in"): "the call was rejected",
            ("transferring", "in"): "the call is being transferred",
            ("transferring", "out"): "the call is being transferred",
        }
        hint = hints.get((call.state, call.direction), "")
        return ApiFailure(403, "forbidden", "call-invalid-state",
                          f"Unable to update call {call.id}. Invalid call state {call.state}"
                          + (f" ({hint})" if hint else ""))

    # -- what the parts of the rules ask of each other ---------------------------------

    def _finish_gather(self, call: SimCall, reason: Optional[str], emit: bool = True) -> None:
        raise NotImplementedError  # World's gathers

    def _stop_recording(self, call: SimCall) -> None:
        raise NotImplementedError  # RecordingRules

    def _forget_store(self, call: SimCall) -> None:
        raise NotImplementedError  # RecordingRules

    def _set_recording(self, call: SimCall, enabled: bool) -> None:
        raise NotImplementedError  # RecordingRules

    def _restart_gather_timer(self, call: SimCall, gather: SimGather) -> None:
        raise NotImplementedError  # World's gathers

    def _transfer(self, call: SimCall, body: Mapping[str, Any]) -> str:
        raise NotImplementedError  # World's transfers

    def _hang_up(self, call: SimCall, cause: str = "NORMAL_CLEARING") -> None:
        raise NotImplementedError  # World's calls

    def _bxml_gathered(self, call: SimCall, gather: SimGather) -> None:
        raise NotImplementedError  # BxmlRules
