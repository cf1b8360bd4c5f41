"""Recordings of calls and their transcriptions (``/recordings...``, ``/calls/{id}/
recordings`` and ``/transcriptions``); their audio and text go to the media store."""

from __future__ import annotations

import math
import struct
from typing import TYPE_CHECKING, Any, Optional

import attrs

from ._delivery import Target
from ._http import ApiFailure, Reply, Request, flag, not_found, paged
from ._media import MediaStore
from ._part import Part, new_id, route

if TYPE_CHECKING:
    from ._calls import SimCall

__all__ = ["RecordSpec", "Recordings"]
#: what a transcription says unless a test chose (``sandbox.transcribe_as``)
DEFAULT_TRANSCRIPT = "This is a sandbox transcription."


#: a REST recording ends by itself after this long (the API's default recordingMaxDuration)
DEFAULT_MAX_DURATION = 3600
#: the most audio a recording's file holds (8 kHz, 8-bit mono: 480 KB a minute)
MAX_AUDIO_SECONDS = 60.0
_RATE = 8000
_SPEECH = b"\xc0" * 4 + b"\x40" * 4


def silence(seconds: float) -> bytes:
    """A WAV file of ``seconds`` of silence (8 kHz, 8-bit mono; at most 60 s kept)."""
    return audio(seconds, [])


def audio(seconds: float, speech: list[tuple[float, float]]) -> bytes:
    """A WAV file of ``seconds``: silence, with a tone where the caller spoke (``speech``:
    spans in seconds from the start); at most ``MAX_AUDIO_SECONDS`` kept."""
    frames = int(_RATE * min(max(seconds, 0.0), MAX_AUDIO_SECONDS))
    samples = bytearray(b"\x80" * frames)
    for start, end in speech:  # a 1 kHz square wave: speech, to a level meter
        first, last = max(0, int(start * _RATE)), min(frames, int(end * _RATE))
        if last > first:
            samples[first:last] = (_SPEECH * ((last - first) // len(_SPEECH) + 1))[:last - first]
    header = b"RIFF" + struct.pack("<I", 36 + frames) + b"WAVEfmt " + struct.pack(
        "<IHHIIHH", 16, 1, 1, _RATE, _RATE, 1, 8) + b"data" + struct.pack("<I", frames)
    return header + bytes(samples)


@attrs.frozen(kw_only=True)
class RecordSpec:
    """What a BXML ``<Record>`` asks of the recording it makes."""

    file_format: str = "wav"
    request_url: Optional[str] = None
    request_timeout: float = 30.0
    transcribe: bool = False
    transcribe_url: Optional[str] = None
    tag: Optional[str] = None


class Recordings(Part):
    """Recording spans of calls, their recordings and transcriptions."""

    def __init__(self, world: Any) -> None:
        super().__init__(world)
        self._recordings: dict[str, tuple[str, dict[str, Any]]] = {}  # id: (call id, json)
        self._transcripts: dict[str, list[dict[str, Any]]] = {}  # by recording id
        self._transcribe_as: dict[Optional[str], str] = {}  # by recording id; None: any

    @property
    def media(self) -> MediaStore:
        return self.world.part(MediaStore)

    # -- the routes ------------------------------------------------------------------------

    @route("GET", "recordings")
    def list_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            items = [dict(item) for _, item in self._recordings.values()]
        return paged(items, request, f"{self.root}/recordings", "recording")

    @route("GET", "recordings/{recording}")
    def get_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, dict(self._recording(ids["recording"])[1]))

    @route("POST", "recordings/{recording}/transcriptions")
    def transcribe_route(self, request: Request, ids: dict[str, str]) -> Reply:
        recording_id = ids["recording"]
        with self.world.lock:
            call_id, recording = self._recording(recording_id)
            call = self.calls.find(call_id)
            if call is None or recording["state"] != "complete":
                raise ApiFailure(403, "forbidden", "invalid-recording-state",
                                 f"The recording {recording_id} cannot be transcribed")
            made = self._transcribe(call, recording_id, 1.0)
        return self.created(f"recordings/{recording_id}/transcriptions/{made}")

    @route("GET", "recordings/{recording}/transcriptions")
    def transcriptions_route(self, request: Request, ids: dict[str, str]) -> Reply:
        return Reply(200, self._transcriptions_of(ids["recording"]))

    @route("GET", "recordings/{recording}/transcriptions/{transcription}")
    def transcription_route(self, request: Request, ids: dict[str, str]) -> Reply:
        for transcription in self._transcriptions_of(ids["recording"]):
            if transcription["id"] == ids["transcription"]:
                return Reply(200, transcription)
        raise not_found(f"transcription {ids['transcription']}", "transcription-not-found")

    @route("GET", "calls/{call}/recordings")
    def call_recordings_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, [dict(item) for item in self.calls.get(ids["call"]).recordings])

    @route("GET", "calls/{call}/transcriptions")
    def call_transcriptions_route(self, request: Request, ids: dict[str, str]) -> Reply:
        with self.world.lock:
            return Reply(200, [dict(t) for t in self.calls.get(ids["call"]).transcriptions])

    # -- recording spans of a call --------------------------------------------------------

    def set_recording(self, call: SimCall, enabled: bool, spec: Optional[RecordSpec] = None
                      ) -> None:
        """Start or stop a recording span. A REST one (no ``spec``) ends by itself after the
        call's ``recordingMaxDuration`` (default an hour); a BXML ``<Record>``'s limits are
        its part's (``_bxml_record``)."""
        if enabled and call.recording_since is None and call.state == "active":
            call.recording_since = (self.now(), self.world.clock.now())
            call.recording_spec = spec
            if spec is None:
                limit = float(call.settings.get("recordingMaxDuration") or DEFAULT_MAX_DURATION)
                call.recording_limit = self.world.clock.call_later(
                    limit, lambda: self._limit_reached(call.id))
            self.calls.note(call, "recording", "start")
        elif not enabled:
            self.stop_recording(call)

    def _limit_reached(self, call_id: str) -> None:
        with self.world.lock:
            call = self.calls.find(call_id)
            if call is not None and call.recording_spec is None:
                self.stop_recording(call)

    def stop_recording(self, call: SimCall) -> None:
        """End the running recording span: a recording saved to the media store (and, when
        the call or the ``<Record>`` transcribes, a transcription), each with its event: to
        the call's callback URL, or the ``<Record>``'s ``requestUrl`` and
        ``transcribeCallbackUrl``."""
        if call.recording_since is None:
            return
        (start_time, started_at), call.recording_since = call.recording_since, None
        spec, call.recording_spec = call.recording_spec, None
        if call.recording_limit is not None:
            call.recording_limit.cancel()
            call.recording_limit = None
        now = self.world.clock.now()
        seconds = now - started_at
        file_format = (spec.file_format if spec is not None
                       else call.settings.get("recordingFileFormat"))
        name = f"{call.id}-{len(call.recordings) + 1}." + ("mp3" if file_format == "mp3"
                                                           else "wav")
        spoken = [(s, e, said) for s, e, said in call.speech if e > started_at and s < now]
        self.media.store(name, audio(seconds, [(max(s, started_at) - started_at,
                                                min(e, now) - started_at)
                                               for s, e, _ in spoken]),
                         "audio/mpeg" if name.endswith(".mp3") else "audio/wav")
        recording = {"id": new_id("rec-"), "call": self.calls.uri(call), "state": "complete",
                     "media": f"{self.root}/media/{name}", "startTime": start_time,
                     "endTime": self.now()}
        call.recordings.append(recording)
        self._recordings[recording["id"]] = (call.id, recording)
        self.calls.note(call, "recording", "stop")
        target = (Target(url=spec.request_url, method="GET", timeout=spec.request_timeout)
                  if spec is not None and spec.request_url else None)
        self.emit(call, "recording", target, callId=call.id, recordingId=recording["id"],
                  recordingUri=f"{self.root}/recordings/{recording['id']}", state="complete",
                  status="complete", startTime=start_time, endTime=recording["endTime"],
                  tag=spec.tag if spec is not None else None)
        said = " ".join(text for _, _, text in spoken) or None
        if spec is not None:
            if spec.transcribe:
                self._transcribe(call, recording["id"], seconds, said,
                                 Target(url=spec.transcribe_url, method="POST"))
        elif flag(call.settings.get("transcriptionEnabled")):
            self._transcribe(call, recording["id"], seconds, said)

    def say(self, call: SimCall, text: str, seconds: float) -> None:
        """The caller speaks ``text`` for ``seconds`` from now: recordings hold it, and
        their transcriptions say it."""
        now = self.world.clock.now()
        call.speech.append((now, now + seconds, text))
        self.world.tell("caller_spoke", call, now + seconds)

    def _transcribe(self, call: SimCall, recording_id: str, seconds: float,
                    said: Optional[str] = None, target: Optional[Target] = None) -> str:
        text = said or self._transcribe_as.get(recording_id, self._transcribe_as.get(
            None, DEFAULT_TRANSCRIPT))
        transcription_id = new_id("tr-")
        self.media.store(transcription_id, text.encode(), "text/plain")
        transcription = {"id": transcription_id, "state": "completed", "text": text[:1000],
                         "textSize": len(text), "textUrl": f"{self.root}/media/{transcription_id}",
                         "time": self.now(), "chargeableDuration": max(1, math.ceil(seconds))}
        call.transcriptions.append(transcription)
        self._transcripts.setdefault(recording_id, []).append(transcription)
        from ._account import Account

        self.world.part(Account).charge("transcription", None)
        self.emit(call, "transcription", target, callId=call.id,
                  transcriptionId=transcription_id,
                   transcriptionUri=(f"{self.root}/recordings/{recording_id}"
                                     f"/transcriptions/{transcription_id}"),
                   recordingId=recording_id, state="completed", status="completed",
                   text=text[:1000], textSize=len(text), textUrl=transcription["textUrl"])
        return transcription_id

    def transcribe_as(self, text: str, recording_id: Optional[str]) -> None:
        with self.world.lock:
            self._transcribe_as[recording_id] = text

    def _transcriptions_of(self, recording_id: str) -> list[dict[str, Any]]:
        with self.world.lock:
            self._recording(recording_id)
            return [dict(t) for t in self._transcripts.get(recording_id, [])]

    def _recording(self, recording_id: str) -> tuple[str, dict[str, Any]]:
        found = self._recordings.get(recording_id)
        if found is None:
            raise not_found(f"recording {recording_id}", "recording-not-found")
        return found

    # -- what happens to calls ------------------------------------------------------------------

    def call_answered(self, call: SimCall) -> None:
        if flag(call.settings.get("recordingEnabled")):
            self.set_recording(call, True)

    def call_ended(self, call: SimCall) -> None:
        self.stop_recording(call)  # saved after the call ends: its event follows the hangup
        call.speech.clear()

    def call_forgotten(self, call: SimCall) -> None:
        """Drop the recordings, transcriptions and media of a call the world forgets."""
        names: dict[str, object] = {}
        for recording in call.recordings:
            self._recordings.pop(recording["id"], None)
            names[str(recording["media"]).rsplit("/", 1)[-1]] = None
            for transcription in self._transcripts.pop(recording["id"], []):
                names[transcription["id"]] = None
        self.media.drop(names)

