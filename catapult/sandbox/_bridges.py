"""Bridges: at most two calls that hear each other or are on hold, and ``/bridges...``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Optional

import attrs

from ..resources._audio import AudioOptions
from ..resources.bridge import BridgeOptions
from ._http import ApiFailure, Reply, Request, flag, not_found, paged, validate
from ._part import Part, new_id, route

if TYPE_CHECKING:
    from ._calls import SimCall

__all__ = ["Bridges", "SimBridge"]

#: the most calls a bridge holds
MAX_CALLS = 2


@attrs.define
class SimBridge:
    id: str
    created: str
    bridge_audio: bool = True
    call_ids: list[str] = attrs.field(factory=list)
    state: str = "created"
    activated: Optional[str] = None
    completed: Optional[str] = None


class Bridges(Part):
    """Create, update and list bridges; their calls; audio to every call of a bridge."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._bridges: dict[str, SimBridge] = {}

    # -- the routes ------------------------------------------------------------------------

    @route("GET", "bridges")
    def list_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            items = [self._json(b) for b in self._bridges.values()]
        return paged(items, request, f"{self.root}/bridges", "bridge")

    @route("POST", "bridges")
    def create_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json()
        self._check_body(body)
        with self.world.lock:
            bridge = SimBridge(id=new_id("brg-"), created=self.now(),
                               bridge_audio=flag(body.get("bridgeAudio", True)))
            self._bridges[bridge.id] = bridge
            if body.get("callIds"):
                self._set_calls(bridge, list(body["callIds"]))
            self._restate(bridge)
        return self.created(f"bridges/{bridge.id}")

    @route("GET", "bridges/{bridge}")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, self._json(self._bridge(ids["bridge"])))

    @route("POST", "bridges/{bridge}")
    def update_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json()
        self._check_body(body)
        with self.world.lock:
            bridge = self._bridge(ids["bridge"])
            if bridge.state == "completed":
                raise ApiFailure(400, "bad-request", "bridge-invalid-state",
                                 f"The bridge {bridge.id} is completed and cannot be updated")
            if "bridgeAudio" in body:
                bridge.bridge_audio = flag(body["bridgeAudio"])
            if "callIds" in body:
                # the list sent is the complete new list of the bridge's calls
                self._set_calls(bridge, list(body["callIds"] or []))
                if not bridge.call_ids:
                    self._complete(bridge)
                    return Reply(200)
            self._restate(bridge)
        return Reply(200)

    @route("GET", "bridges/{bridge}/calls")
    def calls_route(self, request: Request, ids: dict[str, str]) -> Reply:
        """The bridge's calls as ``GET /calls/{id}`` shows them, with the ``bridge`` URL."""
        with self.world.lock:
            bridge = self._bridge(ids["bridge"])
            return Reply(200, [{**self.calls.call_json(call),
                                "bridge": f"{self.root}/bridges/{bridge.id}"}
                               for call in map(self.calls.find, bridge.call_ids) if call])

    @route("POST", "bridges/{bridge}/audio")
    def audio_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json()
        validate(AudioOptions, body, "audio")
        with self.world.lock:
            bridge = self._bridge(ids["bridge"])
            if not bridge.call_ids:
                raise ApiFailure(400, "bad-request", "bridge-invalid-operation",
                                 f"The bridge {bridge.id} has no active calls")
            # every call in the bridge hears it; the API documents no event for it
            for call in map(self.calls.find, bridge.call_ids):
                if call is not None:
                    self.world.audio.hear_options(call, body)
        return Reply(200)

    # -- what calls do to their bridge -------------------------------------------------------

    def check_room(self, bridge_id: str) -> None:
        """A call may be created into the bridge: it exists and has room."""
        if len(self._bridge(bridge_id).call_ids) >= MAX_CALLS:
            raise _overflow(bridge_id)

    def join(self, call: SimCall, bridge_id: str) -> None:
        bridge = self._bridge(bridge_id)
        if len(bridge.call_ids) >= MAX_CALLS:
            raise _overflow(bridge.id)
        self._set_calls(bridge, [*bridge.call_ids, call.id])
        self._restate(bridge)

    def call_answered(self, call: SimCall) -> None:
        bridge = self._bridges.get(str(call.settings.get("bridgeId") or ""))
        if bridge is not None:
            self._restate(bridge)

    def call_ended(self, call: SimCall) -> None:
        """A call that ends leaves its bridge; a bridge whose last call left is completed."""
        bridge = self._bridges.get(str(call.settings.get("bridgeId") or ""))
        if bridge is None or call.id not in bridge.call_ids:
            return
        bridge.call_ids.remove(call.id)
        if not bridge.call_ids:
            self._complete(bridge)

    # -- plumbing ------------------------------------------------------------------------------

    @staticmethod
    def _check_body(body: Mapping[str, Any]) -> None:
        ids = body.get("callIds")
        if isinstance(ids, list) and len(ids) > MAX_CALLS:
            raise _overflow("new")
        validate(BridgeOptions, body, "bridge")

    def _bridge(self, bridge_id: str) -> SimBridge:
        bridge = self._bridges.get(bridge_id)
        if bridge is None:
            raise not_found(f"bridge {bridge_id}", "bridge-not-found")
        return bridge

    def _set_calls(self, bridge: SimBridge, call_ids: list[str]) -> None:
        for call_id in call_ids:
            call = self.calls.get(call_id)
            other = call.settings.get("bridgeId")
            if other and other != bridge.id and other in self._bridges and \
                    self._bridges[other].state != "completed":
                raise ApiFailure(400, "bad-request", "bridge-bridged-callId",
                                 f"The call {call_id} is already in the bridge {other}")
        for gone in set(bridge.call_ids) - set(call_ids):
            left = self.calls.find(gone)
            if left is not None:
                left.settings.pop("bridgeId", None)
        for call_id in call_ids:
            self.calls.get(call_id).settings["bridgeId"] = bridge.id
        bridge.call_ids = list(dict.fromkeys(call_ids))

    def _restate(self, bridge: SimBridge) -> None:
        active = [c for c in map(self.calls.find, bridge.call_ids) if c and c.state == "active"]
        if not bridge.bridge_audio and bridge.call_ids:
            bridge.state = "hold"
        elif bridge.bridge_audio and len(active) == MAX_CALLS:
            bridge.state = "active"
            bridge.activated = bridge.activated or self.now()
        elif bridge.state == "hold":
            bridge.state = "active" if bridge.activated else "created"

    def _complete(self, bridge: SimBridge) -> None:
        bridge.state, bridge.completed = "completed", self.now()

    def _json(self, bridge: SimBridge) -> dict[str, Any]:
        data = {"id": bridge.id, "state": bridge.state, "bridgeAudio": bridge.bridge_audio,
                "callIds": list(bridge.call_ids),
                "calls": f"{self.root}/bridges/{bridge.id}/calls",
                "createdTime": bridge.created, "activatedTime": bridge.activated,
                "completedTime": bridge.completed}
        return {k: v for k, v in data.items() if v is not None}


def _overflow(bridge_id: str) -> ApiFailure:
    return ApiFailure(403, "forbidden", "bridge-callIds-overflow",
                      f"The bridge {bridge_id} can hold at most {MAX_CALLS} calls")
