"""The simulated Catapult world: calls and gathers with the API's rules, the simulated far
end, and (from MediaRules) audio, DTMF, recordings and the event log."""

from __future__ import annotations

import functools
from typing import Any, Mapping, Optional

import attrs

from ..resources.call import CallOptions, CallUpdate
from ..resources.gather import GatherOptions, GatherReason, _GatherUpdate
from ._bridges import BridgeRules
from ._bxml import BxmlRules
from ._conferences import ConferenceRules
from ._delivery import Target
from ._media import MediaRules
from ._model import (
    APPLICATION_ID,
    DEFAULT_CALL_TIMEOUT,
    DEFAULT_INTER_DIGIT_TIMEOUT,
    DEFAULT_MAX_DIGITS,
    DEFAULT_TERMINATING_DIGITS,
    ApiFailure,
    IncomingCallOptions,
    SimCall,
    SimGather,
    _flag,
    _validation,
    _whole_query,
    call_json,
    heard_from,
    new_id,
    validate,
)
from ._numbers import NumberRules
from ._recordings import RecordingRules

__all__ = [
    "DEFAULT_INTER_DIGIT_TIMEOUT",
    "DEFAULT_MAX_DIGITS",
    "DEFAULT_TERMINATING_DIGITS",
    "ApiFailure",
    "World",
]


class World(BxmlRules, ConferenceRules, NumberRules, BridgeRules, RecordingRules,
            MediaRules):
    """The whole simulated world of one sandbox user (see ``WorldBase``)."""

    # -- calls -----------------------------------------------------------------------------

    def create_call(self, body: Mapping[str, Any], *, direction: str = "out") -> str:
        # a call comes in from a number or a SIP address; an outbound one from a number
        validate(CallOptions if direction == "out" else IncomingCallOptions, body, "call")
        with self._lock:
            application = None
            if direction == "in" and not body.get("callbackUrl"):
                # an incoming call reports to the application of the number it called
                application = self.application_for(str(body["to"]))
            if application is not None:
                body = {**body, **{key: application[source] for key, source in (
                    ("callbackUrl", "incomingCallUrl"),
                    ("fallbackUrl", "incomingCallFallbackUrl"),
                    ("callbackTimeout", "incomingCallUrlCallbackTimeout"),
                    ("callbackHttpMethod", "callbackHttpMethod")) if application.get(source)}}
            bridge_id = body.get("bridgeId")
            if bridge_id and len(self._bridge(bridge_id).call_ids) >= 2:
                raise ApiFailure(403, "forbidden", "bridge-callIds-overflow",
                                 f"The bridge {bridge_id} can hold at most two calls")
            target = Target(
                url=body.get("callbackUrl"), fallback_url=body.get("fallbackUrl"),
                method=str(body.get("callbackHttpMethod") or "POST").upper(),
                timeout=int(body.get("callbackTimeout") or 10000) / 1000,
            )
            call = SimCall(id=new_id("c-"), direction=direction, from_=body["from"],
                           to=body["to"], target=target, settings=dict(body),
                           start_time=self._now(), started_at=self.clock.now())
            self._calls[call.id] = call
            self._note(call, "create")
            if bridge_id:
                self._join_bridge(call, bridge_id)
            if direction == "in":
                self._emit(call, "incomingcall", **self._parties(call), callState="active",
                           applicationId=application["id"] if application else APPLICATION_ID)
                if application is not None and _flag(application.get("autoAnswer", True)):
                    self._answer(call)  # the platform answers for the application
            else:
                timeout = float(body.get("callTimeout") or DEFAULT_CALL_TIMEOUT)
                call.ring_timer = self.clock.call_later(
                    timeout, lambda: self._ring_timeout(call.id))
            return call.id

    def _ring_timeout(self, call_id: str) -> None:
        with self._lock:
            call = self._calls.get(call_id)
            if call is None:  # forgotten (see retention) since the timer was set
                return
            if call.state != "started":
                return
            self._end(call, "completed")
            self._note(call, "timeout")
            self._emit(call, "timeout", **self._parties(call), tag=call.settings.get("tag"))

    def call_json(self, call_id: str) -> dict[str, Any]:
        with self._lock:
            call = self._call(call_id)
            return call_json(call, self._uri(call))

    def list_calls(self, query: Mapping[str, str]) -> tuple[list[dict[str, Any]], bool]:
        """One page of calls and whether another follows."""
        page, size = _whole_query(query, "page", 0, 0, None), _whole_query(query, "size", 25, 1,
                                                                          1000)
        order = query.get("sortOrder", "desc")
        if order not in ("asc", "desc"):
            raise _validation("call", "sortOrder", "must be one of the following values: asc, desc")
        with self._lock:
            calls = [c for c in self._calls.values()
                     if all(query.get(k) in (None, v) for k, v in (
                         ("from", c.from_), ("to", c.to),
                         ("bridgeId", c.settings.get("bridgeId")),
                         ("conferenceId", c.settings.get("conferenceId"))))]
            # creation order breaks ties between calls that started at the same instant
            rank = {call_id: index for index, call_id in enumerate(self._calls)}
            calls.sort(key=lambda c: (c.started_at, rank[c.id]), reverse=order == "desc")
            chunk = calls[page * size:(page + 1) * size]
            return [call_json(c, self._uri(c)) for c in chunk], len(calls) > (page + 1) * size

    def update_call(self, call_id: str, body: Mapping[str, Any]) -> Optional[str]:
        """Apply an update; returns the new call's id for a transfer."""
        validate(CallUpdate, body, "call")
        with self._lock:
            call = self._call(call_id)
            state = body.get("state")
            if call.state in ("completed", "rejected"):
                raise ApiFailure(403, "forbidden", "call-invalid-state",
                                 f"You can't update the call's state after being set to "
                                 f"{call.state}")
            for key in ("recordingEnabled", "recordingFileFormat", "recordingMaxDuration",
                        "transcriptionEnabled"):
                if key in body:
                    call.settings[key] = body[key]
            if "recordingEnabled" in body:
                self._set_recording(call, _flag(body["recordingEnabled"]))
            if body.get("callbackUrl") and state != "transferring":
                # an update's callbackUrl re-points the call's later events (on a transfer
                # it is the new call's instead)
                call.target = attrs.evolve(call.target, url=body["callbackUrl"])
                call.settings["callbackUrl"] = body["callbackUrl"]
            if state == "active":
                if call.direction != "in" or call.state != "started":
                    raise self._invalid_state(call)
                self._answer(call)
            elif state == "rejected":
                if call.direction != "in" or call.state != "started":
                    raise self._invalid_state(call)
                self._end(call, "rejected")
                self._note(call, "hangup", "CALL_REJECTED")
                self._emit(call, "hangup", **self._parties(call), callState="completed",
                           cause="CALL_REJECTED")
            elif state == "completed":
                self._hang_up(call)
            elif state == "transferring":
                return self._transfer(call, body)
            return None

    def _answer(self, call: SimCall) -> None:
        if call.ring_timer is not None:
            call.ring_timer.cancel()
        call.state = "active"
        call.active_time, call.active_at = self._now(), self.clock.now()
        self._note(call, "answer")
        # with GET callbacks, the reply to the answer event may be the call's BXML
        target = attrs.evolve(call.target, bxml=True) if call.target.method == "GET" else None
        self._emit(call, "answer", target, **self._parties(call), callState="active",
                   tag=call.settings.get("tag"))
        if _flag(call.settings.get("recordingEnabled")):
            self._set_recording(call, True)
        bridge = self._bridges.get(str(call.settings.get("bridgeId") or ""))
        if bridge is not None:
            self._restate(bridge)

    def _end(self, call: SimCall, state: str) -> None:
        for timer in (call.ring_timer, call.speaking, call.playing):
            if timer is not None:
                timer.cancel()
        call.speaking = call.playing = None
        call.state = state
        call.end_time, call.ended_at = self._now(), self.clock.now()
        self._leave_bridge(call)  # a bridge whose last call left is completed
        self._leave_conference(call)
        self._ended.append(call.id)
        while len(self._ended) > self._retention:
            old = self._ended.popleft()
            gone = self._calls.pop(old, None)
            if gone is not None:
                self._forget_store(gone)
            self._forget(old)

    def _hang_up(self, call: SimCall, cause: str = "NORMAL_CLEARING") -> None:
        if call.state not in ("started", "active", "transferring"):
            raise self._invalid_state(call)
        if call.gather is not None:
            self._finish_gather(call, GatherReason.HUNG_UP.value)
        self._end(call, "completed")
        self._note(call, "hangup", cause)
        self._emit(call, "hangup", **self._parties(call), callState="completed", cause=cause,
                   tag=call.settings.get("tag"))
        self._stop_recording(call)  # saved after the call ends: its event follows the hangup

    def _transfer(self, call: SimCall, body: Mapping[str, Any]) -> str:
        if call.state != "active":
            raise self._invalid_state(call)
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
        new = self.create_call(settings)
        call.state = "transferring"
        self._note(call, "transfer", new)
        return new

    # -- gathers ---------------------------------------------------------------------------

    def create_gather(self, call_id: str, body: Mapping[str, Any]) -> str:
        validate(GatherOptions, body, "gather")
        with self._lock:
            call = self._active_call(call_id)
            if call.gather is not None:
                raise ApiFailure(409, "conflict", "call-duplicate-gather-error",
                                 f"DTMF digits are already being gathered for call {call.id}")
            gather = SimGather(
                id=new_id("gtr-"),
                max_digits=int(body.get("maxDigits") or DEFAULT_MAX_DIGITS),
                terminators=str(body.get("terminatingDigits") or DEFAULT_TERMINATING_DIGITS),
                timeout=float(body.get("interDigitTimeout") or DEFAULT_INTER_DIGIT_TIMEOUT),
                tag=body.get("tag"), created=self._now(),
            )
            call.gather = gather
            call.gathers[gather.id] = gather
            prompt = body.get("prompt")
            if isinstance(prompt, Mapping):
                call.heard.extend(heard_from(prompt))
            self._note(call, "gather", gather.id)
            self._restart_gather_timer(call, gather)
            return gather.id

    def _restart_gather_timer(self, call: SimCall, gather: SimGather) -> None:
        if gather.timer is not None:
            gather.timer.cancel()
        gather.timer = self.clock.call_later(
            gather.timeout, lambda: self._gather_timeout(call.id, gather.id))

    def _gather_timeout(self, call_id: str, gather_id: str) -> None:
        with self._lock:
            call = self._calls.get(call_id)
            if call is None:  # forgotten (see retention) since the timer was set
                return
            if call.gather is not None and call.gather.id == gather_id:
                self._finish_gather(call, GatherReason.INTER_DIGIT_TIMEOUT.value)

    def _finish_gather(self, call: SimCall, reason: Optional[str], emit: bool = True) -> None:
        gather = call.gather
        assert gather is not None
        if gather.timer is not None:
            gather.timer.cancel()
        gather.state, gather.reason, gather.completed = "completed", reason, self._now()
        call.gather = None
        if gather.request_url is not None:
            self._bxml_gathered(call, gather)
        elif emit:
            self._emit(call, "gather", reason=reason, state="completed", digits=gather.digits,
                       callId=call.id, gatherId=gather.id, tag=gather.tag,
                       time=gather.completed)

    def gather_json(self, call_id: str, gather_id: str) -> dict[str, Any]:
        with self._lock:
            call = self._call(call_id)
            gather = self._gather(call, gather_id)
            data = {"id": gather.id, "state": gather.state, "reason": gather.reason,
                    "createdTime": gather.created, "completedTime": gather.completed,
                    "call": self._uri(call), "digits": gather.digits}
            return {k: v for k, v in data.items() if v is not None}

    def _gather(self, call: SimCall, gather_id: str) -> SimGather:
        gather = call.gathers.get(gather_id)
        if gather is None:
            raise ApiFailure(404, "not-found", "resource-not-found",
                             f"The gather {gather_id} could not be found")
        return gather

    def update_gather(self, call_id: str, gather_id: str, body: Mapping[str, Any]) -> None:
        validate(_GatherUpdate, body, "gather")
        with self._lock:
            call = self._call(call_id)
            gather = self._gather(call, gather_id)
            if call.gather is gather:
                # stopping is not documented to send a gather event, so none is sent
                self._finish_gather(call, None, emit=False)

    # -- the simulated far end -------------------------------------------------------------

    def far_end_answers(self, call_id: str) -> None:
        with self._lock:
            call = self._call(call_id)
            if call.direction != "out" or call.state != "started":
                raise self._invalid_state(call)
            self._answer(call)

    def far_end_hangs_up(self, call_id: str) -> None:
        with self._lock:
            self._hang_up(self._call(call_id))

    def far_end_rejects(self, call_id: str) -> None:
        """The far end declines a ringing outbound call (a hangup with cause CALL_REJECTED)."""
        with self._lock:
            call = self._call(call_id)
            if call.direction != "out" or call.state != "started":
                raise self._invalid_state(call)
            self._end(call, "rejected")
            self._note(call, "hangup", "CALL_REJECTED")
            self._emit(call, "hangup", **self._parties(call), callState="completed",
                       cause="CALL_REJECTED", tag=call.settings.get("tag"))

    def far_end_view(self) -> list[dict[str, Any]]:
        """The calls as the far end sees them (the browser phone): newest first."""
        with self._lock:
            return [{"id": c.id, "direction": c.direction, "from": c.from_, "to": c.to,
                     "state": c.state,
                     "heard": [{k: v for k, v in attrs.asdict(h).items() if v is not None}
                               for h in c.heard],
                     **({"gather": {"maxDigits": c.gather.max_digits,
                                    "terminatingDigits": c.gather.terminators,
                                    "digits": c.gather.digits}} if c.gather else {})}
                    for c in reversed(self._calls.values())]

    def press(self, call_id: str, digits: str, interval: float) -> None:
        if not digits or any(d not in "0123456789*#ABCD" for d in digits):
            raise ApiFailure(400, "bad-request", "validation-error",
                             f"digits must be a non-empty string of 0-9 * # A-D, got {digits!r}")
        with self._lock:
            self._active_call(call_id)  # keys on a call that is not active are refused
            if interval <= 0:
                for digit in digits:
                    self._key(call_id, digit)
                return
            self._key(call_id, digits[0])
            for index, digit in enumerate(digits[1:], start=1):
                self.clock.call_later(index * interval,
                                      functools.partial(self._key, call_id, digit))

    def _key(self, call_id: str, digit: str) -> None:
        with self._lock:
            call = self._calls.get(call_id)
            if call is None:  # forgotten (see retention) since the timer was set
                return
            if call.state != "active":
                return
            # one dtmf event per key, also while a gather runs (the official dolphin apps act
            # on it); the gather event follows when the gather ends
            self._note(call, "dtmf", digit)
            self._emit(call, "dtmf", callId=call.id, callUri=self._uri(call),
                       dtmfDigit=digit, dtmfDuration="100")
            gather = call.gather
            if gather is None:
                return
            if digit in gather.terminators:
                # the terminating digit ends the gather and is not part of its digits
                gather.terminator = digit
                self._finish_gather(call, GatherReason.TERMINATING_DIGIT.value)
                return
            gather.digits += digit
            if len(gather.digits) >= gather.max_digits:
                self._finish_gather(call, GatherReason.MAX_DIGITS.value)
            else:
                self._restart_gather_timer(call, gather)


