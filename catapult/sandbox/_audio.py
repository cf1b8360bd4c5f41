"""What the caller hears on a call: sentences spoken and files played (with their speak and
playback events), tones sent to the call, and ``/calls/{id}/audio`` and ``/dtmf``."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Mapping, Optional

import attrs

from ..resources._audio import AudioOptions
from ..resources.call import _Dtmf
from ._clock import Timer
from ._http import ApiFailure, Reply, Request, flag, validate
from ._part import Part, route

if TYPE_CHECKING:
    from ._calls import SimCall

__all__ = ["CallAudio", "Heard", "heard_from"]

#: how long a sentence takes to speak, per character (a sentence takes at least 0.5 s)
SPEAK_SECONDS_PER_CHARACTER = 0.05
#: how long a file takes to play
PLAYBACK_SECONDS = 1.0


@attrs.frozen(kw_only=True)
class Heard:
    """One thing the caller heard, in order (``sandbox.heard(call_id)``).

    Attributes:
        kind: ``"speak"`` (a sentence, also a gather's prompt), ``"play"`` (an audio file)
            or ``"tones"`` (DTMF sent to the call).
        text: the sentence spoken, for ``speak``.
        voice, gender, locale: how it was spoken (the API's defaults when not given:
            Susan, female, en_US).
        url: the file played, for ``play``.
        tones: the DTMF sent, for ``tones``.
        tag: the tag given with it, if any.
    """

    kind: str
    text: Optional[str] = None
    voice: Optional[str] = None
    gender: Optional[str] = None
    locale: Optional[str] = None
    url: Optional[str] = None
    tones: Optional[str] = None
    tag: Optional[str] = None


def heard_from(options: Mapping[str, Any]) -> list[Heard]:
    """What the caller hears for audio options (a play request or a gather prompt)."""
    tag = options.get("tag")
    found = []
    if options.get("sentence"):
        found.append(Heard(kind="speak", text=str(options["sentence"]),
                           voice=str(options.get("voice") or "Susan"),
                           gender=str(options.get("gender") or "female"),
                           locale=str(options.get("locale") or "en_US"), tag=tag))
    if options.get("fileUrl"):
        found.append(Heard(kind="play", url=str(options["fileUrl"]), tag=tag))
    return found


def speaking_time(sentence: str) -> float:
    """How long the sandbox takes to speak ``sentence``."""
    return max(0.5, len(sentence) * SPEAK_SECONDS_PER_CHARACTER)


class CallAudio(Part):
    """Audio and DTMF of calls; ``heard`` keeps what each caller heard, in order."""

    @route("POST", "calls/{call}/audio")
    def audio_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json()
        validate(AudioOptions, body, "audio")
        with self.world.lock:
            call = self.calls.active(ids["call"])
            if "sentence" in body:
                self._audio(call, "speak", body.get("sentence") or "", body)
            if "fileUrl" in body:
                self._audio(call, "playback", body.get("fileUrl") or "", body)
        return Reply(200)

    @route("POST", "calls/{call}/dtmf")
    def dtmf_route(self, request: Request, ids: dict[str, str]) -> Reply:
        body = request.json()
        validate(_Dtmf, body, "dtmf")
        with self.world.lock:
            call = self.calls.active(ids["call"])
            self.send_tones(call, str(body["dtmfOut"]))
            self.calls.note(call, "dtmf", body["dtmfOut"])
        return Reply(200)

    def hear(self, call: SimCall, heard: Heard) -> None:
        """The caller hears ``heard`` now."""
        call.heard.append(heard)

    def hear_options(self, call: SimCall, options: Mapping[str, Any]) -> None:
        """The caller hears what audio options say (a prompt, a bridge's audio)."""
        call.heard.extend(heard_from(options))

    def send_tones(self, call: SimCall, tones: str) -> None:
        """The application sends DTMF to the call; the caller hears it."""
        call.dtmf_sent.append(tones)
        call.heard.append(Heard(kind="tones", tones=tones))

    def _audio(self, call: SimCall, kind: str, what: str, body: Mapping[str, Any]) -> None:
        running = call.speaking if kind == "speak" else call.playing
        old_tag = call.speak_tag if kind == "speak" else call.play_tag
        extra = {"state": "PLAYBACK_STOP"} if kind == "speak" else {}
        if running is not None:
            running.cancel()
            self.emit(call, kind, status="done", callId=call.id, callUri=self.calls.uri(call),
                      tag=old_tag, **extra)
        elif not what:
            raise ApiFailure(403, "forbidden", "call-audio-invalid-state",
                             f"The audio for call {call.id} could not be updated. The audio "
                             "has already finished or does not exist.")
        self._set(call, kind, None, None)
        if not what:
            return
        tag = body.get("tag")
        self.hear_options(call, {"sentence" if kind == "speak" else "fileUrl": what,
                                 **{k: body.get(k) for k in ("voice", "gender", "locale", "tag")}})
        start = {"state": "PLAYBACK_START"} if kind == "speak" else {}
        self.calls.note(call, kind, "start")
        self.emit(call, kind, status="started", callId=call.id, callUri=self.calls.uri(call),
                  tag=tag, **start)
        if flag(body.get("loopEnabled")):
            timer: Optional[Timer] = Timer(math.inf)  # plays until stopped; never scheduled
        else:
            seconds = speaking_time(what) if kind == "speak" else PLAYBACK_SECONDS
            timer = self.world.clock.call_later(seconds, lambda: self._done(call.id, kind))
        self._set(call, kind, timer, tag)

    @staticmethod
    def _set(call: SimCall, kind: str, timer: Optional[Timer], tag: Optional[str]) -> None:
        if kind == "speak":
            call.speaking, call.speak_tag = timer, tag
        else:
            call.playing, call.play_tag = timer, tag

    def _done(self, call_id: str, kind: str) -> None:
        with self.world.lock:
            call = self.calls.find(call_id)
            if call is None:  # forgotten (see retention) since the timer was set
                return
            tag = call.speak_tag if kind == "speak" else call.play_tag
            self._set(call, kind, None, None)
            extra = {"state": "PLAYBACK_STOP"} if kind == "speak" else {}
            self.calls.note(call, kind, "done")
            self.emit(call, kind, status="done", callId=call.id, callUri=self.calls.uri(call),
                      tag=tag, **extra)

    def call_ended(self, call: SimCall) -> None:
        for timer in (call.speaking, call.playing):
            if timer is not None:
                timer.cancel()
        call.speaking = call.playing = None

    def dtmf_sent(self, call_id: str) -> list[str]:
        with self.world.lock:
            return list(self.calls.get(call_id).dtmf_sent)

    def heard(self, call_id: str) -> list[Heard]:
        with self.world.lock:
            return list(self.calls.get(call_id).heard)
