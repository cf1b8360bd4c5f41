"""The world's rules for bridges: at most two calls that hear each other, or are on hold."""

from __future__ import annotations

from typing import Any, Mapping

from ..resources._audio import AudioOptions
from ..resources.bridge import BridgeOptions
from ._base import WorldBase
from ._model import (
    ApiFailure,
    SimBridge,
    SimCall,
    _flag,
    call_json,
    heard_from,
    new_id,
    validate,
)


class BridgeRules(WorldBase):
    """Create, update, list bridges; their calls; audio to every call of a bridge."""

    def create_bridge(self, body: Mapping[str, Any]) -> str:
        self._check_bridge_body(body)
        with self._lock:
            bridge = SimBridge(id=new_id("brg-"), created=self._now(),
                               bridge_audio=_flag(body.get("bridgeAudio", True)))
            self._bridges[bridge.id] = bridge
            if body.get("callIds"):
                self._set_bridge_calls(bridge, list(body["callIds"]))
            self._restate(bridge)
            return bridge.id

    def update_bridge(self, bridge_id: str, body: Mapping[str, Any]) -> None:
        self._check_bridge_body(body)
        with self._lock:
            bridge = self._bridge(bridge_id)
            if bridge.state == "completed":
                raise ApiFailure(400, "bad-request", "bridge-invalid-state",
                                 f"The bridge {bridge_id} is completed and cannot be updated")
            if "bridgeAudio" in body:
                bridge.bridge_audio = _flag(body["bridgeAudio"])
            if "callIds" in body:
                # the list sent is the complete new list of the bridge's calls
                self._set_bridge_calls(bridge, list(body["callIds"] or []))
                if not bridge.call_ids:
                    self._complete_bridge(bridge)
                    return
            self._restate(bridge)

    def bridge_json(self, bridge_id: str) -> dict[str, Any]:
        with self._lock:
            return self._bridge_json(self._bridge(bridge_id))

    def list_bridges(self) -> list[dict[str, Any]]:
        with self._lock:
            return [self._bridge_json(b) for b in self._bridges.values()]

    def bridge_calls_json(self, bridge_id: str) -> list[dict[str, Any]]:
        """The bridge's calls as ``GET /calls/{id}`` shows them, with the ``bridge`` URL."""
        with self._lock:
            bridge = self._bridge(bridge_id)
            return [{**call_json(call, self._uri(call)),
                     "bridge": f"{self.root}/bridges/{bridge.id}"}
                    for call in (self._calls.get(c) for c in bridge.call_ids) if call]

    def bridge_audio(self, bridge_id: str, body: Mapping[str, Any]) -> None:
        validate(AudioOptions, body, "audio")
        with self._lock:
            bridge = self._bridge(bridge_id)
            if not bridge.call_ids:
                raise ApiFailure(400, "bad-request", "bridge-invalid-operation",
                                 f"The bridge {bridge_id} has no active calls")
            # every call in the bridge hears it; the API documents no event for it
            for call_id in bridge.call_ids:
                call = self._calls.get(call_id)
                if call is not None:
                    call.heard.extend(heard_from(body))

    # -- what calls do to their bridge -------------------------------------------------------

    def _join_bridge(self, call: SimCall, bridge_id: str) -> None:
        bridge = self._bridge(bridge_id)
        if len(bridge.call_ids) >= 2:
            raise _overflow(bridge.id)
        self._set_bridge_calls(bridge, [*bridge.call_ids, call.id])
        self._restate(bridge)

    def _leave_bridge(self, call: SimCall) -> None:
        bridge = self._bridges.get(str(call.settings.get("bridgeId") or ""))
        if bridge is None or call.id not in bridge.call_ids:
            return
        bridge.call_ids.remove(call.id)
        if not bridge.call_ids:
            self._complete_bridge(bridge)

    # -- plumbing ------------------------------------------------------------------------------

    @staticmethod
    def _check_bridge_body(body: Mapping[str, Any]) -> None:
        ids = body.get("callIds")
        if isinstance(ids, list) and len(ids) > 2:
            raise _overflow("new")
        validate(BridgeOptions, body, "bridge")

    def _bridge(self, bridge_id: str) -> SimBridge:
        bridge = self._bridges.get(bridge_id)
        if bridge is None:
            raise ApiFailure(404, "not-found", "bridge-not-found",
                             f"The bridge {bridge_id} could not be found")
        return bridge

    def _set_bridge_calls(self, bridge: SimBridge, call_ids: list[str]) -> None:
        for call_id in call_ids:
            call = self._call(call_id)
            other = call.settings.get("bridgeId")
            if other and other != bridge.id and other in self._bridges and \
                    self._bridges[other].state != "completed":
                raise ApiFailure(400, "bad-request", "bridge-bridged-callId",
                                 f"The call {call_id} is already in the bridge {other}")
        for gone in set(bridge.call_ids) - set(call_ids):
            if gone in self._calls:
                self._calls[gone].settings.pop("bridgeId", None)
        for call_id in call_ids:
            self._calls[call_id].settings["bridgeId"] = bridge.id
        bridge.call_ids = list(dict.fromkeys(call_ids))

    def _restate(self, bridge: SimBridge) -> None:
        active = [c for c in bridge.call_ids if self._calls.get(c) and
                  self._calls[c].state == "active"]
        if not bridge.bridge_audio and bridge.call_ids:
            bridge.state = "hold"
        elif bridge.bridge_audio and len(active) == 2:
            bridge.state = "active"
            bridge.activated = bridge.activated or self._now()
        elif bridge.state == "hold":
            bridge.state = "active" if bridge.activated else "created"

    def _complete_bridge(self, bridge: SimBridge) -> None:
        bridge.state, bridge.completed = "completed", self._now()

    def _bridge_json(self, bridge: SimBridge) -> dict[str, Any]:
        data = {"id": bridge.id, "state": bridge.state, "bridgeAudio": bridge.bridge_audio,
                "callIds": list(bridge.call_ids),
                "calls": f"{self.root}/bridges/{bridge.id}/calls",
                "createdTime": bridge.created, "activatedTime": bridge.activated,
                "completedTime": bridge.completed}
        return {k: v for k, v in data.items() if v is not None}


def _overflow(bridge_id: str) -> ApiFailure:
    return ApiFailure(403, "forbidden", "bridge-callIds-overflow",
                      f"The bridge {bridge_id} can hold at most two calls")
