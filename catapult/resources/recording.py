"""Recordings of calls and their transcriptions: ``client.Recording`` (list, get, a handle
that downloads the audio and transcribes it) and ``client.Transcription``."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional, Union

import attrs

from .. import _options, _wire
from .._idfirst import IdFirst
from .._options import option, whole
from .._transport import Transport
from ..errors import ProtocolError
from ._base import Collection, Handle
from .media import Target, _write
from .media import _path as _media_path

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._kwargs import RecordingQueryKwargs

__all__ = ["Recording", "RecordingCollection", "Transcription", "TranscriptionCollection"]


def _whole(value: object) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


@attrs.frozen(kw_only=True, repr=False)
class Recording(Handle):
    """A recording of a call (``GET /recordings/{id}``, ``GET /calls/{id}/recordings``).

    Attributes:
        id: ``"rec-..."``.
        call_id: the recorded call's id (the last segment of ``call_url``).
        call_url: the call's full URL, as the API sends it.
        media: the full URL of the audio in the media store (needs your credentials).
        media_name: the last segment of ``media`` (``"c-...-1.wav"``).
        state: ``recording``, ``saving``, ``complete`` or ``error``.
        start_time, end_time: aware UTC datetimes, or None.
        raw: the payload as received (not part of repr or equality).
    """

    id: str
    call_id: Optional[str] = None
    call_url: Optional[str] = attrs.field(default=None, metadata={"wire": "call"})
    media: Optional[str] = None
    media_name: Optional[str] = None
    state: Optional[str] = None
    start_time: Optional[_dt.datetime] = None
    end_time: Optional[_dt.datetime] = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    _transport: Optional[Transport] = attrs.field(default=None, repr=False, eq=False,
                                                  alias="transport")

    resource_path = "recordings"
    id_name = "recording_id"
    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any], *,
                 transport: Optional[Transport] = None) -> Recording:
        """Build from the API's JSON; unknown fields stay in ``raw``."""
        call_url = _wire.text_or_none(payload.get("call"))
        media = _wire.text_or_none(payload.get("media"))
        return cls(
            id=_wire.text_or_none(payload.get("id")) or "",
            call_id=_wire.last_segment(call_url),
            call_url=call_url,
            media=media,
            media_name=_wire.last_segment(media),
            state=_wire.text_or_none(payload.get("state")),
            start_time=_wire.parse_time(payload.get("startTime")),
            end_time=_wire.parse_time(payload.get("endTime")),
            raw=dict(payload),
            transport=transport,
        )

    def refresh(self) -> Recording:
        """Fetch the recording (``GET /recordings/{id}``) and return the new snapshot."""
        result = self._t.request("GET", self._path())
        return Recording.from_api(result.json_object("a recording"), transport=self._t)

    def download(self, to: Target = None) -> bytes:
        """The recording's audio from the media store (``GET /media/{name}``); also written
        to ``to`` (a path or a binary file object) when given. Fetches the recording first
        when this snapshot does not know its media (a handle).

        Raises:
            ProtocolError: the recording has no media URL (still ``recording``?).
        """
        name = self.media_name or self.refresh().media_name
        if not name:
            raise ProtocolError(f"recording {self.id} has no media yet (state {self.state})")
        content = self._t.request("GET", _media_path(name)).content
        _write(content, to)
        return content

    def create_transcription(self) -> Transcription:
        """Transcribe the recording (``POST /recordings/{id}/transcriptions`` with ``{}``);
        the id comes from ``Location`` (no GET). Only a ``complete`` recording can be
        transcribed (403 invalid-recording-state); a ``transcription`` event follows."""
        result = self._t.request("POST", self._path("transcriptions"), body={}, created=True)
        return Transcription(id=result.created_id())

    def get_transcriptions(self) -> list[Transcription]:
        """The recording's transcriptions (``GET /recordings/{id}/transcriptions``)."""
        return [Transcription.from_api(item)
                for item in self._t.paginate(self._path("transcriptions"))
                if isinstance(item, Mapping)]

    def get_transcription(self, transcription_id: str) -> Transcription:
        """One transcription (``GET /recordings/{id}/transcriptions/{transcription_id}``)."""
        path = self._path("transcriptions", _wire.segment(transcription_id, "transcription_id"))
        return Transcription.from_api(self._t.request("GET", path).json_object("a transcription"))


@attrs.frozen(kw_only=True, repr=False)
class Transcription(_wire.Readable):
    """A transcription of a recording.

    Attributes:
        id: ``"tr-..."``.
        state: ``transcribing``, ``completed`` or ``error``.
        text: the text, cut at 1000 characters; text_size: the full length.
        text_url: where the full text is (in the media store).
        time: when it was created, an aware UTC datetime, or None.
        chargeable_duration: seconds billed, or None.
        raw: the payload as received (not part of repr or equality).
    """

    id: str
    state: Optional[str] = None
    text: Optional[str] = None
    text_size: Optional[int] = None
    text_url: Optional[str] = None
    time: Optional[_dt.datetime] = None
    chargeable_duration: Optional[int] = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any]) -> Transcription:
        """Build from the API's JSON; unknown fields stay in ``raw``."""
        return cls(
            id=_wire.text_or_none(payload.get("id")) or "",
            state=_wire.text_or_none(payload.get("state")),
            text=_wire.text_or_none(payload.get("text")),
            text_size=_whole(payload.get("textSize")),
            text_url=_wire.text_or_none(payload.get("textUrl")),
            time=_wire.parse_time(payload.get("time")),
            chargeable_duration=_whole(payload.get("chargeableDuration")),
            raw=dict(payload),
        )


@attrs.frozen(kw_only=True)
class _RecordingQuery:
    page: Union[int, str, None] = option(whole(0))
    size: Union[int, str, None] = option(whole(1, 1000))


class RecordingCollection(Collection[Recording]):
    """``client.Recording``: every recording of the user; each recording method id first."""

    _handle = Recording

    @_options.shows_options(_RecordingQuery)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None,
             **query: Unpack[RecordingQueryKwargs]) -> Iterator[Recording]:
        """Iterate over the user's recordings (``GET /recordings``), following ``next``
        links; ``page``, ``size`` (1..1000) and ``limit`` as in ``client.Call.list``."""
        return self._list(_RecordingQuery, options, query, limit, "recording list")

    refresh = IdFirst(Recording.refresh)
    download = IdFirst(Recording.download)
    create_transcription = IdFirst(Recording.create_transcription)
    get_transcriptions = IdFirst(Recording.get_transcriptions)
    get_transcription = IdFirst(Recording.get_transcription)


class TranscriptionCollection:
    """``client.Transcription``: the transcriptions of a recording, as C# and Python 3.x
    named them (``create``, ``list``, ``get``, the recording id first)."""

    def __init__(self, recordings: RecordingCollection) -> None:
        self._recordings = recordings

    def __repr__(self) -> str:
        return "<TranscriptionCollection>"

    def create(self, recording_id: str) -> Transcription:
        """The same as ``client.Recording(recording_id).create_transcription()``."""
        return self._recordings(recording_id).create_transcription()

    def list(self, recording_id: str) -> list[Transcription]:
        """The same as ``client.Recording(recording_id).get_transcriptions()``."""
        return self._recordings(recording_id).get_transcriptions()

    def get(self, recording_id: str, transcription_id: str) -> Transcription:
        """The same as ``client.Recording(recording_id).get_transcription(id)``."""
        return self._recordings(recording_id).get_transcription(transcription_id)
