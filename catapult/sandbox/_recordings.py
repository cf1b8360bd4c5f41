"""The world's rules for what is stored: recordings of calls, their transcriptions, and the
media store that holds their audio and text, and the user's own files."""

from __future__ import annotations

import math
import struct
from typing import Any, Mapping, Optional

from ._base import WorldBase
from ._model import ApiFailure, SimCall, _flag, new_id

#: the largest media file the API stores
MAX_MEDIA = 65 * 1024 * 1024
#: what a transcription says unless a test chose (``sandbox.transcribe_as``)
DEFAULT_TRANSCRIPT = "This is a sandbox transcription."


def silence(seconds: float) -> bytes:
    """A WAV file of ``seconds`` of silence (8 kHz, 8-bit mono; at most 10 s kept)."""
    frames = int(8000 * min(max(seconds, 0.0), 10.0))
    header = b"RIFF" + struct.pack("<I", 36 + frames) + b"WAVEfmt " + struct.pack(
        "<IHHIIHH", 16, 1, 1, 8000, 8000, 1, 8) + b"data" + struct.pack("<I", frames)
    return header + b"\x80" * frames


class RecordingRules(WorldBase):
    """Recording spans, recordings, transcriptions and the media store."""

    # -- recording spans of a call --------------------------------------------------------

    def _set_recording(self, call: SimCall, enabled: bool) -> None:
        if enabled and call.recording_since is None and call.state == "active":
            call.recording_since = (self._now(), self.clock.now())
            self._note(call, "recording", "start")
        elif not enabled:
            self._stop_recording(call)

    def _stop_recording(self, call: SimCall) -> None:
        """End the running recording span: a recording saved to the media store (and, when
        the call transcribes, a transcription), each with its callback event."""
        if call.recording_since is None:
            return
        (start_time, started_at), call.recording_since = call.recording_since, None
        seconds = self.clock.now() - started_at
        name = f"{call.id}-{len(call.recordings) + 1}." + (
            "mp3" if call.settings.get("recordingFileFormat") == "mp3" else "wav")
        self._media[name] = (silence(seconds), "audio/mpeg" if name.endswith(".mp3")
                             else "audio/wav")
        recording = {"id": new_id("rec-"), "call": self._uri(call), "state": "complete",
                     "media": f"{self.root}/media/{name}", "startTime": start_time,
                     "endTime": self._now()}
        call.recordings.append(recording)
        self._recordings[recording["id"]] = (call.id, recording)
        self._note(call, "recording", "stop")
        self._emit(call, "recording", callId=call.id, recordingId=recording["id"],
                   recordingUri=f"{self.root}/recordings/{recording['id']}", state="complete",
                   status="complete", startTime=start_time, endTime=recording["endTime"])
        if _flag(call.settings.get("transcriptionEnabled")):
            self._transcribe(call, recording["id"], seconds)

    def _transcribe(self, call: SimCall, recording_id: str, seconds: float) -> str:
        text = self._transcribe_as.get(recording_id, self._transcribe_as.get(
            None, DEFAULT_TRANSCRIPT))
        transcription_id = new_id("tr-")
        self._media[transcription_id] = (text.encode(), "text/plain")
        transcription = {"id": transcription_id, "state": "completed", "text": text[:1000],
                         "textSize": len(text), "textUrl": f"{self.root}/media/{transcription_id}",
                         "time": self._now(), "chargeableDuration": max(1, math.ceil(seconds))}
        call.transcriptions.append(transcription)
        self._transcripts.setdefault(recording_id, []).append(transcription)
        self._emit(call, "transcription", callId=call.id, transcriptionId=transcription_id,
                   transcriptionUri=(f"{self.root}/recordings/{recording_id}"
                                     f"/transcriptions/{transcription_id}"),
                   recordingId=recording_id, state="completed", status="completed",
                   text=text[:1000], textSize=len(text), textUrl=transcription["textUrl"])
        return transcription_id

    def transcribe_as(self, text: str, recording_id: Optional[str]) -> None:
        with self._lock:
            self._transcribe_as[recording_id] = text

    # -- the recording and transcription routes ---------------------------------------------

    def recordings_json(self, call_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(item) for item in self._call(call_id).recordings]

    def transcriptions_json(self, call_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(item) for item in self._call(call_id).transcriptions]

    def all_recordings(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(item) for _, item in self._recordings.values()]

    def recording_json(self, recording_id: str) -> dict[str, Any]:
        with self._lock:
            return dict(self._recording(recording_id)[1])

    def create_transcription(self, recording_id: str) -> str:
        with self._lock:
            call_id, recording = self._recording(recording_id)
            call = self._calls.get(call_id)
            if call is None or recording["state"] != "complete":
                raise ApiFailure(403, "forbidden", "invalid-recording-state",
                                 f"The recording {recording_id} cannot be transcribed")
            return self._transcribe(call, recording_id, 1.0)

    def recording_transcriptions(self, recording_id: str) -> list[dict[str, Any]]:
        with self._lock:
            self._recording(recording_id)
            return [dict(t) for t in self._transcripts.get(recording_id, [])]

    def recording_transcription(self, recording_id: str,
                                transcription_id: str) -> dict[str, Any]:
        for transcription in self.recording_transcriptions(recording_id):
            if transcription["id"] == transcription_id:
                return transcription
        raise ApiFailure(404, "not-found", "transcription-not-found",
                         f"The transcription {transcription_id} could not be found")

    def _recording(self, recording_id: str) -> tuple[str, dict[str, Any]]:
        found = self._recordings.get(recording_id)
        if found is None:
            raise ApiFailure(404, "not-found", "recording-not-found",
                             f"The recording {recording_id} could not be found")
        return found

    # -- the media store -----------------------------------------------------------------------

    def media_list(self) -> list[dict[str, Any]]:
        with self._lock:
            return [{"mediaName": name, "contentLength": len(data),
                     "content": f"{self.root}/media/{name}"}
                    for name, (data, _) in self._media.items()]

    def put_media(self, name: str, data: bytes, content_type: str,
                  headers: Mapping[str, str]) -> None:
        if "content-length" not in headers:
            raise ApiFailure(400, "bad-request", "validation-error",
                             "The media size must be given in a Content-Length header")
        if len(data) > MAX_MEDIA:
            raise ApiFailure(403, "forbidden", "media-size-overflow",
                             f"The media {name} is larger than {MAX_MEDIA} bytes")
        with self._lock:
            self._media[name] = (data, content_type or "application/octet-stream")

    def get_media(self, name: str) -> tuple[bytes, str]:
        with self._lock:
            found = self._media.get(name)
            if found is None:
                raise ApiFailure(404, "not-found", "media-not-found",
                                 f"The media {name} could not be found")
            return found

    def delete_media(self, name: str) -> None:
        self.get_media(name)
        with self._lock:
            self._media.pop(name, None)

    def _forget_store(self, call: SimCall) -> None:
        """Drop the recordings, transcriptions and media of a call the world forgets."""
        for recording in call.recordings:
            self._recordings.pop(recording["id"], None)
            self._media.pop(str(recording["media"]).rsplit("/", 1)[-1], None)
            for transcription in self._transcripts.pop(recording["id"], []):
                self._media.pop(transcription["id"], None)
