"""Recordings of calls and their transcriptions (``/recordings...``, ``/calls/{id}/
recordings`` and ``/transcriptions``); their audio and text go to the media store."""

from __future__ import annotations

import math
import struct
from typing import TYPE_CHECKING, Any, Optional

from ._http import ApiFailure, Reply, Request, flag, not_found, paged
from ._media import MediaStore
from ._part import Part, new_id, route

if TYPE_CHECKING:
    from ._calls import SimCall

__all__ = ["Recordings"]
#: what a transcription says unless a test chose (``sandbox.transcribe_as``)
DEFAULT_TRANSCRIPT = "This is a sandbox transcription."


def silence(seconds: float) -> bytes:
    """A WAV file of ``seconds`` of silence (8 kHz, 8-bit mono; at most 10 s kept)."""
    frames = int(8000 * min(max(seconds, 0.0), 10.0))
    header = b"RIFF" + struct.pack("<I", 36 + frames) + b"WAVEfmt " + struct.pack(
        "<IHHIIHH", 16, 1, 1, 8000, 8000, 1, 8) + b"data" + struct.pack("<I", frames)
    return header + b"\x80" * frames


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

    def set_recording(self, call: SimCall, enabled: bool) -> None:
        if enabled and call.recording_since is None and call.state == "active":
            call.recording_since = (self.now(), self.world.clock.now())
            self.calls.note(call, "recording", "start")
        elif not enabled:
            self.stop_recording(call)

    def stop_recording(self, call: SimCall) -> None:
        """End the running recording span: a recording saved to the media store (and, when
        the call transcribes, a transcription), each with its callback event."""
        if call.recording_since is None:
            return
        (start_time, started_at), call.recording_since = call.recording_since, None
        seconds = self.world.clock.now() - started_at
        name = f"{call.id}-{len(call.recordings) + 1}." + (
            "mp3" if call.settings.get("recordingFileFormat") == "mp3" else "wav")
        self.media.store(name, silence(seconds), "audio/mpeg" if name.endswith(".mp3")
                         else "audio/wav")
        recording = {"id": new_id("rec-"), "call": self.calls.uri(call), "state": "complete",
                     "media": f"{self.root}/media/{name}", "startTime": start_time,
                     "endTime": self.now()}
        call.recordings.append(recording)
        self._recordings[recording["id"]] = (call.id, recording)
        self.calls.note(call, "recording", "stop")
        self.emit(call, "recording", callId=call.id, recordingId=recording["id"],
                   recordingUri=f"{self.root}/recordings/{recording['id']}", state="complete",
                   status="complete", startTime=start_time, endTime=recording["endTime"])
        if flag(call.settings.get("transcriptionEnabled")):
            self._transcribe(call, recording["id"], seconds)

    def _transcribe(self, call: SimCall, recording_id: str, seconds: float) -> str:
        text = self._transcribe_as.get(recording_id, self._transcribe_as.get(
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
        self.emit(call, "transcription", callId=call.id, transcriptionId=transcription_id,
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

    def call_forgotten(self, call: SimCall) -> None:
        """Drop the recordings, transcriptions and media of a call the world forgets."""
        names: dict[str, object] = {}
        for recording in call.recordings:
            self._recordings.pop(recording["id"], None)
            names[str(recording["media"]).rsplit("/", 1)[-1]] = None
            for transcription in self._transcripts.pop(recording["id"], []):
                names[transcription["id"]] = None
        self.media.drop(names)

