"""The sandbox runs BXML: the document a GET callback answers with, verb by verb, on the
clock, as the v1 BXML docs describe (docs/bxml.md has the table of every verb and
attribute). ``<Transfer>`` and ``<Record>`` have their own modules (``_bxml_transfer``,
``_bxml_record``).

A callback's reply is the application's, and may be anything: any failure while reading or
running it ends that call (an ``error`` event that names the cause, then the hang-up), never
the sandbox; so does an application that does not answer a ``<Gather>``'s or a
``<Redirect>``'s ``requestUrl`` within its ``requestUrlTimeout``; and a call that redirects
more than ``MAX_REDIRECTS`` times in a row with nothing heard or gathered in between ends
the same way, instead of looping for ever.

Where the docs leave it open: a spoken sentence takes the time the REST speak takes, a
file the REST playback's; a ``<Gather>`` that got no key at all sends nothing and the next
verb runs (the docs: "the verb fails"), while one ended by its terminating digit alone
sends ``digits=""``; a reply that is not XML (empty, ``ok``) is no BXML: the verbs left run
on, and a REST-driven call with GET callbacks is left alone.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from .. import bxml
from ..errors import InvalidOptionError
from ._audio import PLAYBACK_SECONDS, heard_from, speaking_time
from ._delivery import Target
from ._gathers import Gathers, SimGather
from ._part import Part, new_id

if TYPE_CHECKING:
    from ._calls import SimCall

logger = logging.getLogger("catapult.sandbox")

#: the call is dropped this long after a last speak, play or tones with nothing after
DROP_AFTER = 30.0
#: the most ``<Redirect>`` verbs a call may run in a row with nothing heard or gathered in
#: between; one more ends the call with an ``error`` event
MAX_REDIRECTS = 10
_DEFAULTS = {"maxDigits": 128, "interDigitTimeout": 5.0, "terminatingDigits": "#"}
#: what a ``<Gather>`` waits for its ``requestUrl`` when it names no ``requestUrlTimeout``
DEFAULT_REQUEST_TIMEOUT = 30.0
#: a tone of ``<SendDtmf>`` takes this long; ``,`` and ``w`` pause 0.5 s, ``W`` 1 s
TONE_SECONDS = 0.1
PAUSES = {",": 0.5, "w": 0.5, "W": 1.0}

_Step = TypeVar("_Step", bound=Callable[..., None])


def _guarded(step: _Step) -> _Step:
    """Run a step of a call's BXML so that whatever goes wrong ends that call only."""

    @functools.wraps(step)
    def run(self: Bxml, call_or_id: Any, *args: Any) -> None:
        try:
            step(self, call_or_id, *args)
        except Exception as exc:  # noqa: BLE001 (a bad document must not stop the sandbox)
            call = call_or_id if not isinstance(call_or_id, str) else \
                self.calls.find(call_or_id)
            logger.warning("the BXML of call %s failed: %s: %s",
                           getattr(call, "id", call_or_id), type(exc).__name__, exc)
            if call is not None:
                self._bxml_failed(call, f"the sandbox could not run this BXML: "
                                        f"{type(exc).__name__}: {exc}", "BXML_FAILED")

    return run  # type: ignore[return-value]


class Bxml(Part):
    """Run a call's BXML, one verb at a time."""

    @property
    def gathers(self) -> Gathers:
        return self.world.part(Gathers)

    @_guarded
    def run_bxml(self, call_id: str, reply: bytes) -> None:
        """A callback answered with ``reply``: run it. A reply that is not XML (empty, or
        ``ok``) is no BXML: a call already running BXML carries on with what is left, a
        call driven by REST is left alone."""
        with self.world.lock:
            call = self.calls.find(call_id)
            if call is None or call.state not in ("active", "transferring"):
                return
            if not reply.lstrip().startswith(b"<"):
                if call.bxml_run:
                    self._bxml_next(call, call.bxml_run)
                return
            try:
                document = bxml.parse(reply)
            except InvalidOptionError as exc:
                self._bxml_failed(call, f"invalid BXML: {exc}")
                return
            call.bxml = list(document.children)
            call.bxml_run += 1
            if call.bxml_timer is not None:
                call.bxml_timer.cancel()
                call.bxml_timer = None
            self._bxml_next(call, call.bxml_run)

    def _bxml_failed(self, call: SimCall, why: str, cause: str = "INVALID_BXML") -> None:
        """End the call: an ``error`` event that says ``why``, then the hang-up."""
        call.bxml = []
        call.bxml_run += 1  # timers of what ran so far do nothing now
        if call.state not in ("started", "active", "transferring"):
            return
        self.calls.note(call, "error", why)
        self.emit(call, "error", **self.calls.parties(call), callState="error", cause=cause,
                   message=why)
        self.calls.hang_up(call)

    def _bxml_later(self, call: SimCall, run: int, seconds: float) -> None:
        call.bxml_timer = self.world.clock.call_later(
            seconds, lambda: self._bxml_resume(call.id, run))

    @_guarded
    def _bxml_resume(self, call_id: str, run: int) -> None:
        with self.world.lock:
            call = self.calls.find(call_id)
            if call is not None and call.state == "active":
                self._bxml_next(call, run)

    @_guarded
    def resume(self, call: SimCall, run: int) -> None:
        """A verb that waited (a ``<Record>``, a ``<Transfer>`` nobody answered) is done:
        the call's next verb runs."""
        if call.state == "active":
            self._bxml_next(call, run)

    def _bxml_next(self, call: SimCall, run: int) -> None:
        """Run verbs until one must wait (a timer or a callback), or none is left."""
        if run != call.bxml_run or call.state != "active" or call.gather is not None:
            return
        call.bxml_timer = None
        if not call.bxml:
            self._bxml_last(call, run)
            return
        verb = call.bxml.pop(0)
        attributes: dict[str, Any] = verb.attributes
        if verb.tag in ("SpeakSentence", "PlayAudio", "SendDtmf"):
            call.bxml_redirects = 0  # something was heard: not a loop
        if verb.tag == "SpeakSentence":
            call.heard.extend(heard_from({"sentence": verb.content, **attributes}))
            self._bxml_later(call, run, speaking_time(verb.content or ""))
        elif verb.tag == "PlayAudio":
            call.heard.extend(heard_from({"fileUrl": verb.content}))
            self._bxml_later(call, run, PLAYBACK_SECONDS * int(attributes.get("repeatCount", 1)))
        elif verb.tag == "SendDtmf":
            tones = str(verb.content)
            self.world.audio.send_tones(call, tones)
            self._bxml_later(call, run, sum(PAUSES.get(key, TONE_SECONDS) for key in tones))
        elif verb.tag == "Pause":
            self._bxml_later(call, run, float(attributes.get("length", 1)))
        elif verb.tag == "Gather":
            self._bxml_gather(call, verb)
        elif verb.tag == "Redirect":
            call.bxml = []  # verbs after a Redirect never run
            call.bxml_redirects += 1
            if call.bxml_redirects > MAX_REDIRECTS:
                self._bxml_failed(
                    call, f"redirect loop: {call.bxml_redirects} <Redirect> in a row with "
                          f"nothing heard or gathered in between (the sandbox allows "
                          f"{MAX_REDIRECTS})", "REDIRECT_LOOP")
                return
            self._bxml_fetch(call, str(attributes["requestUrl"]), "redirect",
                             int(str(attributes["requestUrlTimeout"])) / 1000,
                             **self.calls.parties(call), callState="active")
        elif verb.tag == "Hangup":
            call.bxml = []
            self.calls.hang_up(call)
        elif verb.tag == "Record":
            from ._bxml_record import BxmlRecords

            self.world.part(BxmlRecords).start(call, verb, run)  # the next verb waits
        elif verb.tag == "Transfer":
            from ._bxml_transfer import BxmlTransfers

            self.world.part(BxmlTransfers).start(call, verb, run)
        else:  # SendMessage: nothing to simulate on a call
            self._bxml_next(call, run)

    def _bxml_last(self, call: SimCall, run: int) -> None:
        """No verb left: the call is dropped 30 s later unless new BXML comes."""
        call.bxml_timer = self.world.clock.call_later(
            DROP_AFTER, lambda: self._bxml_drop(call.id, run))

    @_guarded
    def _bxml_drop(self, call_id: str, run: int) -> None:
        with self.world.lock:
            call = self.calls.find(call_id)
            if call is not None and call.state == "active" and run == call.bxml_run \
                    and not call.bxml and call.gather is None:
                self.calls.hang_up(call)

    def _bxml_gather(self, call: SimCall, verb: bxml.Verb) -> None:
        options = {**_DEFAULTS, **verb.attributes}
        gather = SimGather(
            id=new_id("gtr-"), max_digits=int(str(options["maxDigits"])),
            terminators=str(options["terminatingDigits"]),
            timeout=float(str(options["interDigitTimeout"])),
            tag=str(verb.attributes["tag"]) if "tag" in verb.attributes else None,
            created=self.now(),
            request_url=str(verb.attributes["requestUrl"]),
            request_timeout=int(str(options.get("requestUrlTimeout", 0))) / 1000
            or DEFAULT_REQUEST_TIMEOUT)
        # the prompt: a first key may come while it plays, in any repetition or the pause
        # between them; interDigitTimeout starts when it is over (or with the first key)
        prompt = 0.0
        for child in verb.children:
            if child.tag == "SpeakSentence":
                call.heard.extend(heard_from({"sentence": child.content, **child.attributes}))
                prompt += speaking_time(child.content or "")
            else:
                repeats = int(str(child.attributes.get("repeatCount", 1)))
                call.heard.extend(heard_from({"fileUrl": child.content}) * repeats)
                prompt += PLAYBACK_SECONDS * repeats + float(str(child.attributes.get(
                    "delayBeforeRepeat", 0))) * (repeats - 1)
        self.gathers.start(call, gather, prompt)

    @_guarded
    def gathered(self, call: SimCall, gather: SimGather) -> None:
        """A BXML gather ended: its result goes to ``requestUrl`` (none without digits)."""
        if gather.digits or gather.terminator:
            call.bxml_redirects = 0  # something was gathered: not a loop
        if not gather.digits and gather.reason not in ("hung-up", "terminating-digit"):
            self._bxml_next(call, call.bxml_run)  # no key at all: the verb failed, go on
            return
        self._bxml_fetch(call, str(gather.request_url), "gather", gather.request_timeout,
                         state="completed", digits=gather.digits, reason=gather.reason,
                         callId=call.id, callUri=self.calls.uri(call), gatherId=gather.id,
                         terminatingDigit=gather.terminator, tag=gather.tag,
                         time=gather.completed)

    def _bxml_fetch(self, call: SimCall, url: str, event_type: str, timeout: float,
                    **fields: Any) -> None:
        """GET ``url`` with the event; its reply is the call's next BXML. An application
        that does not answer it in ``timeout`` seconds ends the call (``fetch_failed``)."""
        self.emit(call, event_type, Target(url=url, method="GET", bxml=True, timeout=timeout),
                  **fields)

    @_guarded
    def fetch_failed(self, call_id: str, url: str, outcome: str) -> None:
        """A ``<Gather>``'s or ``<Redirect>``'s ``requestUrl`` gave no BXML: the call ends
        with an ``error`` event that names the URL and what happened."""
        with self.world.lock:
            call = self.calls.find(call_id)
            if call is not None:
                self._bxml_failed(call, f"the application did not answer {url} in time with "
                                        f"BXML: {outcome}", "REQUEST_URL_FAILED")
