"""The simulated far end of every call: it answers, rejects, presses keys and hangs up,
as ``sandbox.answer``/``press``/``hang_up``, the control routes and the browser phone ask."""

from __future__ import annotations

import functools
from typing import Any

import attrs

from ._http import ApiFailure
from ._part import Part

__all__ = ["FarEnd"]

#: what the far end may press
KEYS = "0123456789*#ABCD"


def act(call: Any, kind: str, detail: str = "", seconds: float = 0.0) -> None:
    """Keep what the far end did, after how much it had heard (``sandbox.export_test``)."""
    call.acts.append((len(call.heard), kind, detail, seconds))


class FarEnd(Part):
    """The person at the other end of each call."""

    def far_end_answers(self, call_id: str) -> None:
        with self.world.lock:
            call = self.calls.get(call_id)
            if call.direction != "out" or call.state != "started":
                raise self.calls.invalid_state(call)
            act(call, "answer")
            self.calls.answer(call)

    def far_end_hangs_up(self, call_id: str) -> None:
        with self.world.lock:
            call = self.calls.get(call_id)
            if call.state in ("started", "active", "transferring"):
                act(call, "hang_up")
            self.calls.hang_up(call)

    def far_end_rejects(self, call_id: str) -> None:
        """The far end declines a ringing outbound call (a hangup with cause CALL_REJECTED)."""
        with self.world.lock:
            call = self.calls.get(call_id)
            if call.direction != "out" or call.state != "started":
                raise self.calls.invalid_state(call)
            act(call, "reject")
            self.calls.reject(call)

    def far_end_view(self) -> list[dict[str, Any]]:
        """The calls as the far end sees them (the browser phone): newest first; a call
        whose far end is one of the user's SIP endpoints names it."""
        from ._domains import Domains

        domains = self.world.part(Domains)

        def endpoint(call: Any) -> dict[str, str]:
            address = call.to if call.direction == "out" else call.from_
            found = domains.endpoint_at(address) if address.startswith("sip:") else None
            return {"endpoint": found.name} if found else {}

        with self.world.lock:
            return [{"id": c.id, "direction": c.direction, "from": c.from_, "to": c.to,
                     "state": c.state, **endpoint(c),
                     "heard": [{k: v for k, v in attrs.asdict(h).items() if v is not None}
                               for h in c.heard],
                     **({"gather": {"maxDigits": c.gather.max_digits,
                                    "terminatingDigits": c.gather.terminators,
                                    "digits": c.gather.digits}} if c.gather else {})}
                    for c in reversed(list(self.calls.every()))]

    def press(self, call_id: str, digits: str, interval: float) -> None:
        if not digits or any(d not in KEYS for d in digits):
            raise ApiFailure(400, "bad-request", "validation-error",
                             f"digits must be a non-empty string of 0-9 * # A-D, got {digits!r}")
        with self.world.lock:
            self.calls.active(call_id)  # keys on a call that is not active are refused
            if interval <= 0:
                for digit in digits:
                    self._key(call_id, digit)
                return
            self._key(call_id, digits[0])
            for index, digit in enumerate(digits[1:], start=1):
                self.world.clock.call_later(index * interval,
                                            functools.partial(self._key, call_id, digit))

    def _key(self, call_id: str, digit: str) -> None:
        with self.world.lock:
            call = self.calls.find(call_id)
            if call is None or call.state != "active":  # forgotten, or ended since
                return
            # one dtmf event per key, also while a gather runs (the official dolphin apps
            # act on it); a running gather takes the key too, and its event follows
            self.calls.note(call, "dtmf", digit)
            act(call, "press", digit)
            self.emit(call, "dtmf", callId=call.id, callUri=self.calls.uri(call), dtmfDigit=digit,
                      dtmfDuration="100")
            self.world.tell("key_pressed", call, digit)
