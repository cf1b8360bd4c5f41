"""Recordings of calls and their transcriptions: ``client.Recording`` (list, get, a handle
that downloads the audio and transcribes it) and ``client.Transcription``."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional

import attrs

from .. import _kwargs as kw
from .. import _options, _wire
from .._compat import Unpack
from .._model import Model, field, ident, integer, moment, raw_payload, segment_of
from .._options import PageQuery
from .._transport import Transport
from ..errors import ProtocolError
from ._base import Collection, Handle, Mirrors, transport_field
from .media import Target, _write
from .media import _path as _media_path

if TYPE_CHECKING:
    from .._mirrors import RecordingMirrors
else:
    RecordingMirrors = Mirrors

__all__ = ["Recording", "Transcription"]


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

    id: str = field(ident, required=True)
    call_id: Optional[str] = field(segment_of, wire="call")
    call_url: Optional[str] = field(wire="call")
    media: Optional[str] = field()
    media_name: Optional[str] = field(segment_of, wire="media")
    state: Optional[str] = field()
    start_time: Optional[_dt.datetime] = field(moment)
    end_time: Optional[_dt.datetime] = field(moment)
    raw: Mapping[str, Any] = raw_payload()
    _transport: Optional[Transport] = transport_field()

    resource_path = "recordings"
    id_name = "recording_id"
    what = "a recording"

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
class Transcription(Model):
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

    id: str = field(ident, required=True)
    state: Optional[str] = field()
    text: Optional[str] = field()
    text_size: Optional[int] = field(integer)
    text_url: Optional[str] = field()
    time: Optional[_dt.datetime] = field(moment)
    chargeable_duration: Optional[int] = field(integer)
    raw: Mapping[str, Any] = raw_payload()


@_options.documented
@attrs.frozen(kw_only=True)
class _RecordingQuery(PageQuery):
    """The paging of ``client.Recording.list``."""


class RecordingCollection(RecordingMirrors, Collection[Recording]):
    """``client.Recording``: every recording of the user; each recording method id first."""

    _handle = Recording
    client_name = "Recording"
    client_doc = "the recordings of this user: client.Recording.list(), .get, a handle"

    @_options.shows_options(_RecordingQuery)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None,
             **query: Unpack[kw.RecordingQueryKwargs]) -> Iterator[Recording]:
        """Iterate over the user's recordings (``GET /recordings``), following ``next``
        links; ``page``, ``size`` (1..1000) and ``limit`` as in ``client.Call.list``."""
        return self._list("recordings", _RecordingQuery, options, query, limit,
                          "recording list")


class TranscriptionCollection:
    """``client.Transcription``: the transcriptions of a recording, as C# and Python 3.x
    named them (``create``, ``list``, ``get``, the recording id first)."""

    client_name = "Transcription"
    client_doc = "transcriptions by recording id: client.Transcription.create(recording_id)"

    def __init__(self, transport: Transport) -> None:
        self._recordings = RecordingCollection(transport)

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
