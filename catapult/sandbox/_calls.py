"""Calls: created, answered, rejected, transferred and hung up with the API's rules, the
call's event log, and ``/calls...``."""

from __future__ import annotations

import math
from collections import deque
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional

import attrs

from .. import _checks, _options
from ..resources.call import CallOptions, CallUpdate
from ._clock import Timer
from ._delivery import Target
from ._http import ApiFailure, Reply, Request, flag, not_found, paged, validate, validation
from ._part import Part, new_id, route

if TYPE_CHECKING:
    from ._applications import Applications
    from ._audio import Heard
    from ._bridges import Bridges
    from ._gathers import SimGather

__all__ = ["Calls", "SimCall"]

#: how long an outbound call rings before its timeout event (the API's default callTimeout)
DEFAULT_CALL_TIMEOUT = 60.0
#: the application an incoming call names when no number of the user's was called
APPLICATION_ID = "a-sandbox"


@attrs.frozen(kw_only=True)
class IncomingCallOptions(CallOptions):
    """What a call coming in may carry: the options of a call, from a number or a SIP
    address (a call from a SIP endpoint)."""

    from_: Optional[str] = _options.option(_checks.E164_OR_SIP, required=True)


@attrs.define
class SimCall:
    """One call as the world keeps it. The parts keep what is theirs of it here: the
    gathers (``_gathers``), what the caller hears and the tones sent (``_audio``), its
    recordings (``_recordings``), and the BXML it runs (``_bxml``)."""

    id: str
    direction: str
    from_: str
    to: str
    target: Target
    settings: dict[str, Any]
    state: str = "started"
    start_time: str = ""
    started_at: float = 0.0
    active_time: Optional[str] = None
    active_at: Optional[float] = None
    end_time: Optional[str] = None
    ended_at: Optional[float] = None
    log: list[dict[str, Any]] = attrs.field(factory=list)
    ring_timer: Optional[Timer] = None
    gather: Optional[SimGather] = None
    gathers: dict[str, SimGather] = attrs.field(factory=dict)
    heard: list[Heard] = attrs.field(factory=list)
    speaking: Optional[Timer] = None
    speak_tag: Optional[str] = None
    playing: Optional[Timer] = None
    play_tag: Optional[str] = None
    dtmf_sent: list[str] = attrs.field(factory=list)
    recording_since: Optional[tuple[str, float]] = None  # (start time, clock) while recording
    recording_limit: Optional[Timer] = None  # ends a REST recording at recordingMaxDuration
    recording_spec: Optional[Any] = None  # a BXML <Record>'s settings while it records
    speech: list[tuple[float, float, str]] = attrs.field(factory=list)  # what the caller said
    recordings: list[dict[str, Any]] = attrs.field(factory=list)
    transcriptions: list[dict[str, Any]] = attrs.field(factory=list)
    bxml: list[Any] = attrs.field(factory=list)  # the BXML verbs still to run, in order
    bxml_run: int = 0  # bumped by each new document: timers of an older one do nothing
    bxml_timer: Optional[Timer] = None
    bxml_redirects: int = 0  # <Redirect> run in a row with nothing heard or gathered
    #: what the person at the far end did, in order: (how much they had heard by then,
    #: "answer" / "reject" / "press" / "say" / "hang_up", the key or the words, seconds),
    #: for ``sandbox.export_test``
    acts: list[tuple[int, str, str, float]] = attrs.field(factory=list)


class Calls(Part):
    """The calls of the user, and the far end of each."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._calls: dict[str, SimCall] = {}
        self._ended: deque[str] = deque()

    @property
    def bridges(self) -> Bridges:
        from ._bridges import Bridges

        return self.world.part(Bridges)

    @property
    def applications(self) -> Applications:
        from ._applications import Applications

        return self.world.part(Applications)

    # -- what the other parts ask of calls ------------------------------------------------

    def find(self, call_id: str) -> Optional[SimCall]:
        """The call, or None once it is forgotten (a timer set before may ask)."""
        return self._calls.get(call_id)

    def get(self, call_id: str) -> SimCall:
        call = self._calls.get(call_id)
        if call is None:
            raise not_found(f"call {call_id}", "call-not-found")
        return call

    def every(self) -> Iterator[SimCall]:
        return iter(list(self._calls.values()))

    def active(self, call_id: str) -> SimCall:
        call = self.get(call_id)
        if call.state != "active":
            raise self.invalid_state(call)
        return call

    def uri(self, call: SimCall) -> str:
        return f"{self.root}/calls/{call.id}"

    def parties(self, call: SimCall) -> dict[str, Any]:
        return {"from": call.from_, "to": call.to, "callId": call.id, "callUri": self.uri(call)}

    def note(self, call: SimCall, name: str, data: str = "") -> None:
        """An entry of the call's event log (``GET /calls/{id}/events``)."""
        call.log.append({"id": new_id("ce-"), "time": self.now(), "name": name, "data": data})

    def invalid_state(self, call: SimCall) -> ApiFailure:
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

    # -- the routes ------------------------------------------------------------------------

    @route("GET", "calls")
    def list_route(self, request: Request, ids: dict[str, str]) -> Reply:
        query = request.query
        order = query.get("sortOrder", "desc")
        if order not in ("asc", "desc"):
            raise validation("call", "sortOrder", "must be one of the following values: "
                             "asc, desc")
        with self.world.lock:
            calls = [c for c in self._calls.values()
                     if all(query.get(k) in (None, v) for k, v in (
                         ("from", c.from_), ("to", c.to),
                         ("bridgeId", c.settings.get("bridgeId")),
                         ("conferenceId", c.settings.get("conferenceId"))))]
            # creation order breaks ties between calls that started at the same instant
            rank = {call_id: index for index, call_id in enumerate(self._calls)}
            calls.sort(key=lambda c: (c.started_at, rank[c.id]), reverse=order == "desc")
            items = [self.call_json(c) for c in calls]
        return paged(items, request, f"{self.root}/calls", "call")

    @route("POST", "calls")
    def create_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return self.created(f"calls/{self.create(request.json())}")

    @route("GET", "calls/{call}")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, self.call_json(self.get(ids["call"])))

    @route("POST", "calls/{call}")
    def update_route(self, request: Request, ids: dict[str, str]) -> Reply:
        new_id_ = self.update(ids["call"], request.json())
        return Reply(200) if new_id_ is None else self.created(f"calls/{new_id_}")

    @route("GET", "calls/{call}/events")
    def log_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, [dict(entry) for entry in self.get(ids["call"]).log])

    @route("GET", "calls/{call}/events/{event}")
    def log_entry_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            for entry in self.get(ids["call"]).log:
                if entry["id"] == ids["event"]:
                    return Reply(200, dict(entry))
        raise not_found(f"call event {ids['event']}")

    # -- the rules ---------------------------------------------------------------------------

    def create(self, body: Mapping[str, Any], *, direction: str = "out",
               options: Optional[type] = None) -> str:
        """A new call; ``options``: what its body is checked as (a call comes in from a
        number or a SIP address, the API places one from a number)."""
        validate(options or (CallOptions if direction == "out" else IncomingCallOptions),
                 body, "call")
        with self.world.lock:
            application = None
            if direction == "in" and not body.get("callbackUrl"):
                # an incoming call reports to its endpoint's application, or to the
                # application of the number it called
                application = self.applications.for_call(str(body["from"]), str(body["to"]))
            elif direction == "out":
                self._check_endpoint(str(body["to"]))
            if application is not None:
                body = {**body, **{key: application[source] for key, source in (
                    ("callbackUrl", "incomingCallUrl"),
                    ("fallbackUrl", "incomingCallFallbackUrl"),
                    ("callbackTimeout", "incomingCallUrlCallbackTimeout"),
                    ("callbackHttpMethod", "callbackHttpMethod")) if application.get(source)}}
            bridge_id = body.get("bridgeId")
            if bridge_id:
                self.bridges.check_room(bridge_id)
            target = Target(
                url=body.get("callbackUrl"), fallback_url=body.get("fallbackUrl"),
                method=str(body.get("callbackHttpMethod") or "POST").upper(),
                timeout=int(body.get("callbackTimeout") or 10000) / 1000,
            )
            call = SimCall(id=new_id("c-"), direction=direction, from_=body["from"],
                           to=body["to"], target=target, settings=dict(body),
                           start_time=self.now(), started_at=self.world.clock.now())
            self._calls[call.id] = call
            self.note(call, "create")
            if bridge_id:
                self.bridges.join(call, bridge_id)
            if direction == "in":
                self.emit(call, "incomingcall", **self.parties(call), callState="active",
                          applicationId=application["id"] if application else APPLICATION_ID)
                if application is not None and flag(application.get("autoAnswer", True)):
                    self.answer(call)  # the platform answers for the application
            else:
                timeout = float(body.get("callTimeout") or DEFAULT_CALL_TIMEOUT)
                call.ring_timer = self.world.clock.call_later(
                    timeout, lambda: self._ring_timeout(call.id))
            return call.id

    def _check_endpoint(self, to: str) -> None:
        """A call to one of the user's SIP endpoints rings it, unless it is disabled."""
        from ._domains import Domains

        endpoint = self.world.part(Domains).endpoint_at(to) if to.startswith("sip:") else None
        if endpoint is not None and not endpoint.enabled:
            raise ApiFailure(403, "forbidden", "endpoint-disabled",
                             f"The endpoint {endpoint.id} ({endpoint.sip_uri}) is disabled: "
                             "it can neither place nor take calls")

    def _ring_timeout(self, call_id: str) -> None:
        with self.world.lock:
            call = self.find(call_id)
            if call is None or call.state != "started":  # forgotten, or answered since
                return
            self._finish(call, "completed", "timeout", **self.parties(call),
                         tag=call.settings.get("tag"))

    def update(self, call_id: str, body: Mapping[str, Any]) -> Optional[str]:
        """Apply an update; returns the new call's id for a transfer."""
        validate(CallUpdate, body, "call")
        with self.world.lock:
            call = self.get(call_id)
            state = body.get("state")
            if call.state in ("completed", "rejected"):
                raise ApiFailure(403, "forbidden", "call-invalid-state",
                                 f"You can't update the call's state after being set to "
                                 f"{call.state}")
            if "recordingMaxDuration" in body and call.recording_since is not None and \
                    _whole(body["recordingMaxDuration"]) != _whole(
                        call.settings.get("recordingMaxDuration")):
                raise ApiFailure(409, "conflict", "conflicted-recording-values-request",
                                 "Call recording maximum duration time cannot be changed while "
                                 "recording is been executed!")
            for key in ("recordingEnabled", "recordingFileFormat", "recordingMaxDuration",
                        "transcriptionEnabled"):
                if key in body:
                    call.settings[key] = body[key]
            if "recordingEnabled" in body:
                self.world.recordings.set_recording(call, flag(body["recordingEnabled"]))
            if body.get("callbackUrl") and state != "transferring":
                # an update's callbackUrl re-points the call's later events (on a transfer
                # it is the new call's instead)
                call.target = attrs.evolve(call.target, url=body["callbackUrl"])
                call.settings["callbackUrl"] = body["callbackUrl"]
            if state == "active":
                if call.direction != "in" or call.state != "started":
                    raise self.invalid_state(call)
                self.answer(call)
            elif state == "rejected":
                if call.direction != "in" or call.state != "started":
                    raise self.invalid_state(call)
                self.reject(call)
            elif state == "completed":
                self.hang_up(call)
            elif state == "transferring":
                return self.transfer(call, body)
            return None

    def answer(self, call: SimCall) -> None:
        if call.ring_timer is not None:
            call.ring_timer.cancel()
        call.state = "active"
        call.active_time, call.active_at = self.now(), self.world.clock.now()
        self.note(call, "answer")
        # with GET callbacks, the reply to the answer event may be the call's BXML
        target = attrs.evolve(call.target, bxml=True) if call.target.method == "GET" else None
        self.emit(call, "answer", target, **self.parties(call), callState="active",
                  tag=call.settings.get("tag"))
        self.world.tell("call_answered", call)

    def reject(self, call: SimCall) -> None:
        self._finish(call, "rejected", "hangup", **self.parties(call), callState="completed",
                     cause="CALL_REJECTED", tag=call.settings.get("tag"), note="CALL_REJECTED")

    def hang_up(self, call: SimCall, cause: str = "NORMAL_CLEARING") -> None:
        if call.state not in ("started", "active", "transferring"):
            raise self.invalid_state(call)
        if call.gather is not None:
            from ._gathers import Gathers

            self.world.part(Gathers).finish(call, "hung-up")
        self._finish(call, "completed", "hangup", **self.parties(call), callState="completed",
                     cause=cause, tag=call.settings.get("tag"), note=cause)

    def _finish(self, call: SimCall, state: str, event_type: str, note: str = "",
                **fields: Any) -> None:
        """End the call: its state and times, its event, then every part hears of it (a
        recording is saved after the hangup: its event follows), then retention."""
        if call.ring_timer is not None:
            call.ring_timer.cancel()
        call.state = state
        call.end_time, call.ended_at = self.now(), self.world.clock.now()
        self.note(call, "timeout" if event_type == "timeout" else "hangup", note)
        self.emit(call, event_type, **fields)
        self.world.tell("call_ended", call)
        self._ended.append(call.id)
        while len(self._ended) > self.world.retention:
            gone = self._calls.pop(self._ended.popleft(), None)
            if gone is not None:
                self.world.tell("call_forgotten", gone)
                self.world.forget(gone.id)

    def transfer(self, call: SimCall, body: Mapping[str, Any]) -> str:
        if call.state != "active":
            raise self.invalid_state(call)
        if not body.get("transferTo"):
            raise ApiFailure(400, "bad-request", "missing-property",
                             "The 'call' resource property 'transferTo' is required but was "
                             "not specified")
        caller = body.get("transferCallerId")
        settings = {"from": caller if caller and caller != "private" else call.from_,
                    "to": body["transferTo"]}
        callback_url = body.get("callbackUrl") or call.settings.get("callbackUrl")
        if callback_url:
            settings["callbackUrl"] = callback_url
        # the new leg shows the original caller, who may be a SIP address
        new = self.create(settings, options=IncomingCallOptions)
        call.state = "transferring"
        self.note(call, "transfer", new)
        return new

    # -- what GET /calls/{id} shows ----------------------------------------------------------------

    def call_json(self, call: SimCall) -> dict[str, Any]:
        settings = call.settings
        uri = self.uri(call)
        data: dict[str, Any] = {
            "id": call.id, "direction": call.direction, "from": call.from_, "to": call.to,
            "state": call.state, "startTime": call.start_time,
            "activeTime": call.active_time, "endTime": call.end_time,
            "callTimeout": int(float(settings.get("callTimeout") or DEFAULT_CALL_TIMEOUT)),
            "callbackUrl": settings.get("callbackUrl"),
            "callbackHttpMethod": call.target.method if call.target.url else None,
            "callbackTimeout": int(call.target.timeout * 1000) if call.target.url else None,
            "fallbackUrl": settings.get("fallbackUrl"),
            "bridgeId": settings.get("bridgeId"), "conferenceId": settings.get("conferenceId"),
            "events": f"{uri}/events",
            "recordings": f"{uri}/recordings",
            "transcriptions": f"{uri}/transcriptions",
            "recordingEnabled": flag(settings.get("recordingEnabled")),
            "recordingFileFormat": settings.get("recordingFileFormat", "wav"),
            "recordingMaxDuration": _whole(settings.get("recordingMaxDuration")),
            "transcriptionEnabled": flag(settings.get("transcriptionEnabled")),
            "tag": settings.get("tag"), "sipHeaders": settings.get("sipHeaders"),
        }
        if call.active_at is not None and call.ended_at is not None:
            data["chargeableDuration"] = math.ceil(call.ended_at - call.active_at)
        return {k: v for k, v in data.items() if v is not None}


def _whole(value: object) -> Optional[int]:
    return int(str(value)) if value is not None and str(value).isdigit() else None
