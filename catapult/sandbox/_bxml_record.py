"""The BXML ``<Record>`` verb: a recording with its limits, as the v1 docs describe it.

Outside a ``<Transfer>`` it records the caller and ends at the first of: ``maxDuration``
(default 60 s), ``silenceTimeout`` seconds of silence (default 3; the caller speaks with
``sandbox.say``), one of its ``terminatingDigits`` pressed (the key is not recorded), or the
end of the call. Its ``recording`` event goes to ``requestUrl`` (a GET; no BXML is taken
from the reply), a transcription (``transcribe``) is POSTed as JSON to
``transcribeCallbackUrl``, and the next verb runs. Inside a ``<Transfer>`` it records both
legs until one of them ends, and its limits are ignored, as the docs say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import attrs

from .. import bxml
from ._clock import Timer
from ._part import Part
from ._recordings import RecordSpec

if TYPE_CHECKING:
    from ._calls import SimCall

__all__ = ["BxmlRecords", "spec_of"]

#: the docs' defaults: seconds recorded at most, seconds of silence that end it
DEFAULT_MAX_DURATION = 60.0
DEFAULT_SILENCE_TIMEOUT = 3.0
#: what a verb's ``requestUrlTimeout`` is when it names none (ms)
DEFAULT_REQUEST_TIMEOUT_MS = 30000


def spec_of(verb: bxml.Verb, tag: Optional[str] = None) -> RecordSpec:
    """What a ``<Record>`` asks of its recording."""
    attributes = verb.attributes
    return RecordSpec(
        file_format=str(attributes.get("fileFormat", "wav")),
        request_url=str(attributes["requestUrl"]) if "requestUrl" in attributes else None,
        request_timeout=int(str(attributes.get("requestUrlTimeout",
                                               DEFAULT_REQUEST_TIMEOUT_MS))) / 1000,
        transcribe=attributes.get("transcribe") in (True, "true"),
        transcribe_url=(str(attributes["transcribeCallbackUrl"])
                        if "transcribeCallbackUrl" in attributes else None),
        tag=tag)


@attrs.define
class _Running:
    """A ``<Record>`` verb recording a call (outside a transfer)."""

    run: int
    terminators: str
    silence: float
    until: Optional[Timer] = None      # maxDuration
    quiet: Optional[Timer] = None      # silenceTimeout after the caller last spoke


class BxmlRecords(Part):
    """The ``<Record>`` verbs running on calls."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._running: dict[str, _Running] = {}

    def start(self, call: SimCall, verb: bxml.Verb, run: int) -> None:
        """Record ``call`` until one of the verb's limits; then its BXML goes on."""
        attributes = verb.attributes
        running = _Running(run=run, terminators=str(attributes.get("terminatingDigits", "")),
                           silence=float(str(attributes.get("silenceTimeout",
                                                            DEFAULT_SILENCE_TIMEOUT))))
        self.world.recordings.stop_recording(call)  # a REST recording running ends first
        self.world.recordings.set_recording(call, True, spec_of(verb))
        self._running[call.id] = running
        limit = float(str(attributes.get("maxDuration", DEFAULT_MAX_DURATION)))
        running.until = self.world.clock.call_later(limit, lambda: self._stop(call.id, run))
        speaking_until = max((end for _, end, _ in call.speech), default=0.0)
        self._quiet_after(call, running, max(speaking_until, self.world.clock.now()))

    def _quiet_after(self, call: SimCall, running: _Running, spoken_until: float) -> None:
        if running.quiet is not None:
            running.quiet.cancel()
        wait = spoken_until - self.world.clock.now() + running.silence
        running.quiet = self.world.clock.call_later(
            max(wait, 0.0), lambda: self._stop(call.id, running.run))

    def _stop(self, call_id: str, run: int) -> None:
        """A limit was reached: the recording is saved, and the next verb runs."""
        with self.world.lock:
            call = self.calls.find(call_id)
            running = self._running.get(call_id)
            if call is None or running is None or running.run != run:
                return
            self._end(call, running)
            self.world.bxml.resume(call, run)

    def _end(self, call: SimCall, running: _Running) -> None:
        del self._running[call.id]
        for timer in (running.until, running.quiet):
            if timer is not None:
                timer.cancel()
        self.world.recordings.stop_recording(call)

    # -- what happens to calls --------------------------------------------------------------

    def caller_spoke(self, call: SimCall, until: float) -> None:
        running = self._running.get(call.id)
        if running is not None:
            self._quiet_after(call, running, until)

    def key_pressed(self, call: SimCall, digit: str) -> bool:
        running = self._running.get(call.id)
        if running is None or digit not in running.terminators:
            return False
        self._end(call, running)  # the key ends the recording and is not part of it
        self.world.bxml.resume(call, running.run)
        return True

    def call_ended(self, call: SimCall) -> None:
        running = self._running.pop(call.id, None)
        if running is not None:
            for timer in (running.until, running.quiet):
                if timer is not None:
                    timer.cancel()
