"""Recordings of calls and their transcriptions: the frozen models the API returns."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Mapping, Optional

import attrs

from .. import _wire

__all__ = ["Recording", "Transcription"]


def _whole(value: object) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


@attrs.frozen(kw_only=True, repr=False)
class Recording(_wire.Readable):
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

    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any]) -> Recording:
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
        )


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
