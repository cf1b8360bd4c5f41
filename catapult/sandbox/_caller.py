"""The person at the far end of one call, as a test script plays them: they answer, press
keys, speak and hang up, and they *listen*: ``hears(text)`` waits until the call has
played that sentence or file, so a test reacts to the prompts the way a caller does
instead of guessing how long they take."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Optional

from ..errors import InvalidOptionError
from ._audio import Heard

if TYPE_CHECKING:
    from . import Sandbox

__all__ = ["Caller", "NotHeard"]

#: on the manual clock, how far ``hears`` moves time per step (seconds of sandbox time)
STEP = 0.1
#: on the real clock, how often ``hears`` looks again (seconds)
POLL = 0.005


class NotHeard(AssertionError):
    """``caller.hears(text)`` timed out: the message lists what the caller heard, the call's
    state and the callbacks that failed. An ``AssertionError``, so pytest shows it as a
    failed expectation."""


def folded(text: str) -> str:
    """``text`` with its whitespace runs made single spaces and its case folded."""
    return " ".join(text.split()).casefold()


def shown(item: Heard) -> str:
    if item.kind == "speak":
        return repr(item.text)
    if item.kind == "play":
        return f"the file {item.url}"
    return f"the tones {item.tones}"


class Caller:
    """The far end of ``call_id``: ``sandbox.caller(call_id)`` for a call the app placed,
    ``sandbox.call_in(from_=..., to=...)`` for a call to the app.

    Attributes:
        call_id: the call's id.
    """

    def __init__(self, sandbox: Sandbox, call_id: str) -> None:
        self._sandbox = sandbox
        self.call_id: str = call_id
        self._since = 0  # what ``hears`` has looked at already

    def __repr__(self) -> str:
        return f"<Caller {self.call_id} {self.state}>"

    @property
    def state(self) -> str:
        """The call's state: ``started`` (ringing), ``active``, ``completed``, ``rejected``
        or ``error``."""
        def state() -> str:
            return str(self._sandbox.world.calls.get(self.call_id).state)

        return self._sandbox._do(state)

    @property
    def heard(self) -> list[Heard]:
        """Everything the caller heard on the call, in order."""
        return self._sandbox.heard(self.call_id)

    def answers(self) -> None:
        """Answer the ringing call the app placed."""
        self._sandbox.answer(self.call_id)

    def rejects(self) -> None:
        """Decline the ringing call the app placed."""
        self._sandbox._do(lambda: self._sandbox.world.far_end.far_end_rejects(self.call_id))

    def presses(self, digits: str, interval: float = 0.0) -> None:
        """Press ``digits`` (0-9 * # A-D), ``interval`` seconds apart."""
        self._sandbox.press(self.call_id, digits, interval)

    def says(self, text: str, seconds: Optional[float] = None) -> None:
        """Say ``text`` (into a recording running on the call; see ``Sandbox.say``)."""
        self._sandbox.say(self.call_id, text, seconds)

    def hangs_up(self) -> None:
        """Hang up."""
        self._sandbox.hang_up(self.call_id)

    def hears(self, text: str, timeout: float = 5.0) -> Heard:
        """Wait until the caller hears a sentence that contains ``text`` (whitespace and case
        folded), or a file whose URL contains it, among what was heard since the previous
        ``hears``; return it.

        On the real clock ``timeout`` is real seconds; on the manual clock time is moved
        forward in steps of 0.1 s, up to ``timeout`` seconds of sandbox time, and each step
        lets the callbacks it caused be delivered first. A call that has ended fails at once.

        Raises:
            NotHeard: nothing that matched came within ``timeout``; the message lists what
                was heard, the call's state and the callbacks that failed.
        """
        if not isinstance(text, str) or not text.strip():
            raise InvalidOptionError(f"hears: text must be a non-empty string, got {text!r}")
        wanted = folded(text)
        sandbox = self._sandbox
        if sandbox.clock.manual:
            moved = 0.0
            while True:
                sandbox.settle()
                found = self._match(wanted)
                if found is not None or moved >= timeout or self._over():
                    break
                sandbox.advance(STEP)
                moved += STEP
        else:
            deadline = time.monotonic() + timeout
            found = self._match(wanted)
            while found is None and time.monotonic() < deadline:
                over = self._over()  # an ended call hears nothing more: one last look
                time.sleep(POLL)
                found = self._match(wanted)
                if over:
                    break
        if found is None:
            raise NotHeard(self._why_not(text, timeout))
        return found

    def hears_hang_up(self, timeout: float = 30.0) -> str:
        """Wait until the call ends (the app hung up, or rejected it), on either clock as
        ``hears`` waits; return the call's last state.

        Raises:
            NotHeard: the call was still going after ``timeout``.
        """
        sandbox = self._sandbox
        moved, deadline = 0.0, time.monotonic() + timeout
        while not self._over():
            if sandbox.clock.manual:
                sandbox.settle()  # what the last step caused (the app's hang-up) first
                if self._over() or moved >= timeout:
                    break
                sandbox.advance(STEP)
                moved += STEP
            elif time.monotonic() >= deadline:
                break
            else:
                time.sleep(POLL)
        if not self._over():
            raise NotHeard(self._why_not("the call end", timeout).replace(
                "did not hear 'the call end' within", "was still on the call after"))
        return self.state

    def _over(self) -> bool:
        """The call has ended and its callbacks were delivered: nothing more will be heard."""
        return self.state in ("completed", "rejected", "error") and self._sandbox.settle(0.5)

    def _match(self, wanted: str) -> Optional[Heard]:
        heard = self.heard
        for index in range(self._since, len(heard)):
            item = heard[index]
            spoken = folded(item.text or "") if item.kind == "speak" else ""
            if wanted in spoken or (item.kind == "play" and wanted in folded(item.url or "")):
                self._since = index + 1
                return item
        return None

    def _why_not(self, text: str, timeout: float) -> str:
        heard = self.heard
        since = heard[self._since:]
        clock = "of sandbox time (manual clock)" if self._sandbox.clock.manual else ""
        lines = [f"the caller of {self.call_id} did not hear {text!r} within {timeout:g} s"
                 f"{' ' + clock if clock else ''}; heard since the last hears(): "
                 + (", ".join(shown(item) for item in since) or "nothing")]
        if len(since) < len(heard):
            lines.append("heard before: " + ", ".join(shown(item) for item in
                                                      heard[:self._since]))
        lines.append(f"the call is {self.state}")
        failed = [d for d in self._sandbox.deliveries
                  if d.payload.get("callId") == self.call_id and d.failed]
        if failed:
            lines.append("failed callbacks: " + "; ".join(d.describe() for d in failed))
        return "\n".join(lines)
