"""The BXML ``<Transfer>`` verb, as the v1 docs describe it: every target rings at once
(``transferTo`` and each ``<PhoneNumber>``, 7 at most), the first to answer wins and the
others stop ringing; the callee hears the nested ``<SpeakSentence>``/``<PlayAudio>``
before the legs are joined; a nested ``<Record>`` records both legs. When one leg ends the
other is hung up, and ``transferComplete`` goes to the A leg's URL (or the verb's
``requestUrl``) when the B leg ends. Nobody answering within ``callTimeout`` (default 60 s)
fails the transfer: the A leg's next verb runs, and no ``transferComplete`` is sent.

Where the docs leave it open: ``transferComplete`` names the A leg (``callId``,
``callUri``: the event is the A leg's) and the B leg's ``from`` and ``to``; the legs
that lose are hung up with cause ``ORIGINATOR_CANCEL``; ``transferCallerId="private"``
shows the B legs a ``private`` caller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import attrs

from .. import bxml
from ._audio import PLAYBACK_SECONDS, heard_from, speaking_time
from ._bxml_record import DEFAULT_REQUEST_TIMEOUT_MS, spec_of
from ._delivery import Target
from ._http import ApiFailure
from ._part import Part

if TYPE_CHECKING:
    from ._calls import SimCall

__all__ = ["BxmlTransfers"]

#: how long the targets ring when the verb names no ``callTimeout`` (seconds)
DEFAULT_CALL_TIMEOUT = 60


@attrs.define
class _Transfer:
    a_leg: str
    run: int
    legs: list[str]
    verb: bxml.Verb
    winner: Optional[str] = None
    joined: bool = False


class BxmlTransfers(Part):
    """The ``<Transfer>`` verbs in progress, by the A leg and by each B leg."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._by_leg: dict[str, _Transfer] = {}

    def start(self, call: SimCall, verb: bxml.Verb, run: int) -> None:
        """Ring every target of ``verb`` for the A leg ``call``."""
        from ._calls import IncomingCallOptions

        attributes = verb.attributes
        targets = ([str(attributes["transferTo"])] if "transferTo" in attributes else []) + [
            str(child.content) for child in verb.children if child.tag == "PhoneNumber"]
        caller = str(attributes.get("transferCallerId") or call.from_)
        timeout = int(str(attributes.get("callTimeout", DEFAULT_CALL_TIMEOUT)))
        transfer = _Transfer(a_leg=call.id, run=run, legs=[], verb=verb)
        call.state = "transferring"
        self.calls.note(call, "transfer", ", ".join(targets))
        self._by_leg[call.id] = transfer
        for target in targets:
            try:  # the B legs show the original caller, who may be a SIP address
                leg = self.calls.create({"from": caller, "to": target, "callTimeout": timeout,
                                         **({"tag": attributes["tag"]} if "tag" in attributes
                                            else {})}, options=IncomingCallOptions)
            except ApiFailure:  # a target that cannot be called (a disabled endpoint)
                continue
            transfer.legs.append(leg)
            self._by_leg[leg] = transfer
        if not transfer.legs:
            self._failed(call, transfer)

    # -- what happens to the legs ------------------------------------------------------------

    def call_answered(self, call: SimCall) -> None:
        transfer = self._by_leg.get(call.id)
        if transfer is None or call.id == transfer.a_leg or transfer.winner is not None:
            return
        a_leg = self.calls.find(transfer.a_leg)
        if a_leg is None or a_leg.state != "transferring":
            return
        transfer.winner = call.id
        a_leg.bxml = []  # a transfer that connects is the call's last verb
        for other in transfer.legs:
            leg = self.calls.find(other)
            if other != call.id and leg is not None and leg.state == "started":
                self.calls.hang_up(leg, "ORIGINATOR_CANCEL")
        # the callee hears the nested audio, then the legs are joined
        seconds = 0.0
        for child in transfer.verb.children:
            if child.tag == "SpeakSentence":
                call.heard.extend(heard_from({"sentence": child.content, **child.attributes}))
                seconds += speaking_time(child.content or "")
            elif child.tag == "PlayAudio":
                call.heard.extend(heard_from({"fileUrl": child.content}))
                seconds += PLAYBACK_SECONDS * int(str(child.attributes.get("repeatCount", 1)))
        self.world.clock.call_later(seconds, lambda: self._join(transfer))

    def _join(self, transfer: _Transfer) -> None:
        with self.world.lock:
            a_leg, b_leg = self.calls.find(transfer.a_leg), self.calls.find(str(transfer.winner))
            if a_leg is None or b_leg is None or a_leg.state != "transferring" or \
                    b_leg.state != "active":
                return
            transfer.joined = True
            a_leg.state = "active"
            self.calls.note(a_leg, "transfer", f"joined {b_leg.id}")
            record = next((c for c in transfer.verb.children if c.tag == "Record"), None)
            if record is not None:  # both legs, until one of them ends
                tag = transfer.verb.attributes.get("tag")
                self.world.recordings.set_recording(a_leg, True, spec_of(
                    record, tag=None if tag is None else str(tag)))

    def call_ended(self, call: SimCall) -> None:
        transfer = self._by_leg.get(call.id)
        if transfer is None:
            return
        if call.id == transfer.a_leg:
            self._a_leg_ended(transfer)
        elif call.id == transfer.winner:
            self._b_leg_ended(call, transfer)
        else:
            del self._by_leg[call.id]
            transfer.legs.remove(call.id)
            a_leg = self.calls.find(transfer.a_leg)
            if not transfer.legs and transfer.winner is None and a_leg is not None:
                self._failed(a_leg, transfer)

    def _a_leg_ended(self, transfer: _Transfer) -> None:
        """The caller hung up: every B leg still ringing, or the one connected, ends too."""
        for leg_id in list(transfer.legs):
            leg = self.calls.find(leg_id)
            if leg is not None and leg.state in ("started", "active"):
                self.calls.hang_up(leg, "NORMAL_CLEARING" if leg_id == transfer.winner
                                   else "ORIGINATOR_CANCEL")
        self._forget(transfer)

    def _b_leg_ended(self, b_leg: SimCall, transfer: _Transfer) -> None:
        """The callee's leg ended: ``transferComplete`` for the A leg, which is hung up."""
        a_leg = self.calls.find(transfer.a_leg)
        if a_leg is not None:
            attributes = transfer.verb.attributes
            target = (Target(url=str(attributes["requestUrl"]), method="GET",
                             timeout=int(str(attributes.get(
                                 "requestUrlTimeout", DEFAULT_REQUEST_TIMEOUT_MS))) / 1000)
                      if "requestUrl" in attributes else None)
            self.emit(a_leg, "transferComplete", target, callId=a_leg.id,
                      callUri=self.calls.uri(a_leg), **{"from": b_leg.from_, "to": b_leg.to},
                      callState="active", tag=attributes.get("tag"))
            if a_leg.state in ("active", "transferring"):
                self.calls.hang_up(a_leg)
        self._forget(transfer)

    def _failed(self, a_leg: SimCall, transfer: _Transfer) -> None:
        """Nobody answered: the A leg is back, and its next verb runs."""
        self._forget(transfer)
        if a_leg.state == "transferring":
            a_leg.state = "active"
            self.calls.note(a_leg, "transfer", "no answer")
            self.world.bxml.resume(a_leg, transfer.run)

    def _forget(self, transfer: _Transfer) -> None:
        for key in [transfer.a_leg, *transfer.legs]:
            if self._by_leg.get(key) is transfer:
                del self._by_leg[key]
