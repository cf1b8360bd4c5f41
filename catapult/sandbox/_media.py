"""The world's rules for what the caller hears and what is recorded: audio, DTMF sent to the
call, recordings and their transcriptions, and the call's event log."""

from __future__ import annotations

import math
from typing import Any, Mapping, Optional

from ..resources._audio import AudioOptions
from ..resources.call import _Dtmf
from ._base import WorldBase
from ._clock import Timer
from ._model import (
    PLAYBACK_SECONDS,
    SPEAK_SECONDS_PER_CHARACTER,
    ApiFailure,
    Heard,
    SimCall,
    _flag,
    heard_from,
    validate,
)


class MediaRules(WorldBase):
    """Audio, DTMF out, recordings, transcriptions and the event log of the calls."""

    # -- audio and DTMF --------------------------------------------------------------------

    def play_audio(self, call_id: str, body: Mapping[str, Any]) -> None:
        validate(AudioOptions, body, "audio")
        with self._lock:
            call = self._active_call(call_id)
            if "sentence" in body:
                self._audio(call, "speak", body.get("sentence") or "", body)
            if "fileUrl" in body:
                self._audio(call, "playback", body.get("fileUrl") or "", body)

    def _audio(self, call: SimCall, kind: str, what: str, body: Mapping[str, Any]) -> None:
        running = call.speaking if kind == "speak" else call.playing
        old_tag = call.speak_tag if kind == "speak" else call.play_tag
        extra = {"state": "PLAYBACK_STOP"} if kind == "speak" else {}
        if running is not None:
            running.cancel()
            self._emit(call, kind, status="done", callId=call.id, callUri=self._uri(call),
                       tag=old_tag, **extra)
        elif not what:
            raise ApiFailure(403, "forbidden", "call-audio-invalid-state",
                             f"The audio for call {call.id} could not be updated. The audio "
                             "has already finished or does not exist.")
        self._set_audio(call, kind, None, None)
        if not what:
            return
        tag = body.get("tag")
        call.heard.extend(heard_from({"sentence" if kind == "speak" else "fileUrl": what,
                                      **{k: body.get(k) for k in ("voice", "gender", "locale",
                                                                  "tag")}}))
        start = {"state": "PLAYBACK_START"} if kind == "speak" else {}
        self._note(call, kind, "start")
        self._emit(call, kind, status="started", callId=call.id, callUri=self._uri(call),
                   tag=tag, **start)
        if _flag(body.get("loopEnabled")):
            timer: Optional[Timer] = Timer(math.inf)  # plays until stopped; never scheduled
        else:
            seconds = (max(0.5, len(what) * SPEAK_SECONDS_PER_CHARACTER) if kind == "speak"
                       else PLAYBACK_SECONDS)
            timer = self.clock.call_later(seconds, lambda: self._audio_done(call.id, kind))
        self._set_audio(call, kind, timer, tag)

    def _set_audio(self, call: SimCall, kind: str, timer: Optional[Timer],
                   tag: Optional[str]) -> None:
        if kind == "speak":
            call.speaking, call.speak_tag = timer, tag
        else:
            call.playing, call.play_tag = timer, tag

    def _audio_done(self, call_id: str, kind: str) -> None:
        with self._lock:
            call = self._calls.get(call_id)
            if call is None:  # forgotten (see retention) since the timer was set
                return
            tag = call.speak_tag if kind == "speak" else call.play_tag
            self._set_audio(call, kind, None, None)
            extra = {"state": "PLAYBACK_STOP"} if kind == "speak" else {}
            self._note(call, kind, "done")
            self._emit(call, kind, status="done", callId=call.id, callUri=self._uri(call),
                       tag=tag, **extra)

    def send_dtmf(self, call_id: str, body: Mapping[str, Any]) -> None:
        validate(_Dtmf, body, "dtmf")
        with self._lock:
            call = self._active_call(call_id)
            call.dtmf_sent.append(body["dtmfOut"])
            call.heard.append(Heard(kind="tones", tones=body["dtmfOut"]))
            self._note(call, "dtmf", body["dtmfOut"])

    def call_log(self, call_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(entry) for entry in self._call(call_id).log]

    def call_log_entry(self, call_id: str, event_id: str) -> dict[str, Any]:
        for entry in self.call_log(call_id):
            if entry["id"] == event_id:
                return entry
        raise ApiFailure(404, "not-found", "resource-not-found",
                         f"The call event {event_id} could not be found")

    def dtmf_sent(self, call_id: str) -> list[str]:
        with self._lock:
            return list(self._call(call_id).dtmf_sent)

    def heard(self, call_id: str) -> list[Heard]:
        with self._lock:
            return list(self._call(call_id).heard)
