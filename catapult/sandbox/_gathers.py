"""Gathers: the API's rules for collecting a caller's keys (REST gathers, and the gathers of
BXML, which send their result to ``requestUrl``), and ``/calls/{id}/gather...``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Optional

import attrs

from ..resources.gather import GatherOptions, _GatherUpdate
from ._clock import Timer
from ._http import ApiFailure, Reply, Request, not_found, validate
from ._part import Part, new_id, route

if TYPE_CHECKING:
    from ._calls import SimCall

__all__ = ["DEFAULT_INTER_DIGIT_TIMEOUT", "DEFAULT_MAX_DIGITS", "DEFAULT_TERMINATING_DIGITS",
           "Gathers", "SimGather"]

#: a gather without maxDigits collects up to this many (the BXML default; REST documents none)
DEFAULT_MAX_DIGITS = 128
DEFAULT_INTER_DIGIT_TIMEOUT = 5.0
DEFAULT_TERMINATING_DIGITS = "#"


@attrs.define
class SimGather:
    id: str
    max_digits: int
    terminators: str
    timeout: float
    tag: Optional[str]
    created: str
    digits: str = ""
    state: str = "started"
    reason: Optional[str] = None
    completed: Optional[str] = None
    timer: Optional[Timer] = None
    request_url: Optional[str] = None  # a BXML <Gather>: where its result goes
    request_timeout: float = 30.0  # ... and how long the application has to answer it
    terminator: Optional[str] = None  # the key that ended it


class Gathers(Part):
    """The gathers of the calls: one running at a time per call.

    Rules: ``maxDigits`` ends it (default 128); any of ``terminatingDigits`` (default
    ``#``) ends it at once and is not part of ``digits``; ``interDigitTimeout`` (default
    5 s) counts from the start and again after each digit; a hang-up ends it ``hung-up``;
    stopping it through the API sends no gather event (the API documents none).
    """

    @route("POST", "calls/{call}/gather")
    def create_route(self, request: Request, ids: dict[str, str]) -> Reply:
        gather_id = self.create(ids["call"], request.json())
        return self.created(f"calls/{ids['call']}/gather/{gather_id}")

    @route("GET", "calls/{call}/gather/{gather}")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            call = self.calls.get(ids["call"])
            gather = self._gather(call, ids["gather"])
            data = {"id": gather.id, "state": gather.state, "reason": gather.reason,
                    "createdTime": gather.created, "completedTime": gather.completed,
                    "call": self.calls.uri(call), "digits": gather.digits}
            return Reply(200, {k: v for k, v in data.items() if v is not None})

    @route("POST", "calls/{call}/gather/{gather}")
    def update_route(self, request: Request, ids: dict[str, str]) -> Reply:
        validate(_GatherUpdate, request.json(), "gather")
        with self.world.lock:
            call = self.calls.get(ids["call"])
            gather = self._gather(call, ids["gather"])
            if call.gather is gather:
                # stopping is not documented to send a gather event, so none is sent
                self.finish(call, None, emit=False)
        return Reply(200)

    def create(self, call_id: str, body: Mapping[str, Any]) -> str:
        validate(GatherOptions, body, "gather")
        with self.world.lock:
            call = self.calls.active(call_id)
            if call.gather is not None:
                raise ApiFailure(409, "conflict", "call-duplicate-gather-error",
                                 f"DTMF digits are already being gathered for call {call.id}")
            gather = SimGather(
                id=new_id("gtr-"),
                max_digits=int(body.get("maxDigits") or DEFAULT_MAX_DIGITS),
                terminators=str(body.get("terminatingDigits") or DEFAULT_TERMINATING_DIGITS),
                timeout=float(body.get("interDigitTimeout") or DEFAULT_INTER_DIGIT_TIMEOUT),
                tag=body.get("tag"), created=self.now(),
            )
            prompt = body.get("prompt")
            if isinstance(prompt, Mapping):
                self.world.audio.hear_options(call, prompt)
            self.start(call, gather)
            return gather.id

    def start(self, call: SimCall, gather: SimGather, prompt: float = 0.0) -> None:
        """``gather`` runs on ``call`` from now (a REST one, or a BXML verb's); its timeout
        first counts from the end of a ``prompt`` of that many seconds (a BXML one)."""
        call.gather = gather
        call.gathers[gather.id] = gather
        self.calls.note(call, "gather", gather.id)
        self._restart_timer(call, gather, prompt)

    def _gather(self, call: SimCall, gather_id: str) -> SimGather:
        gather = call.gathers.get(gather_id)
        if gather is None:
            raise not_found(f"gather {gather_id}")
        return gather

    def _restart_timer(self, call: SimCall, gather: SimGather, after: float = 0.0) -> None:
        if gather.timer is not None:
            gather.timer.cancel()
        gather.timer = self.world.clock.call_later(
            after + gather.timeout, lambda: self._timed_out(call.id, gather.id))

    def _timed_out(self, call_id: str, gather_id: str) -> None:
        with self.world.lock:
            call = self.calls.find(call_id)
            if call is not None and call.gather is not None and call.gather.id == gather_id:
                self.finish(call, "inter-digit-timeout")

    def finish(self, call: SimCall, reason: Optional[str], emit: bool = True) -> None:
        """End the call's running gather for ``reason``; its event goes to the call, or its
        result to a BXML gather's ``requestUrl``."""
        gather = call.gather
        assert gather is not None
        if gather.timer is not None:
            gather.timer.cancel()
        gather.state, gather.reason, gather.completed = "completed", reason, self.now()
        call.gather = None
        if gather.request_url is not None:
            self.world.bxml.gathered(call, gather)
        elif emit:
            self.emit(call, "gather", reason=reason, state="completed", digits=gather.digits,
                      callId=call.id, gatherId=gather.id, tag=gather.tag,
                      time=gather.completed)

    def key_pressed(self, call: SimCall, digit: str) -> bool:
        gather = call.gather
        if gather is None:
            return False
        if digit in gather.terminators:
            # the terminating digit ends the gather and is not part of its digits
            gather.terminator = digit
            self.finish(call, "terminating-digit")
            return True
        gather.digits += digit
        if len(gather.digits) >= gather.max_digits:
            self.finish(call, "max-digits")
        else:
            self._restart_timer(call, gather)
        return True
