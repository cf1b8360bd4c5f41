"""The events of conferences: created and completed, members, and audio to everyone."""

from __future__ import annotations

import datetime as _dt
from typing import Optional, Union

import attrs

from ._event_base import Event, PlaybackStatus
from ._model import boolean, enum_of, field, integer, moment


@attrs.frozen(kw_only=True, repr=False)
class ConferenceEvent(Event):
    """A conference was created or completed.

    Attributes:
        conference_id, conference_uri: the conference; status: ``created`` or
        ``completed``; created_time, completed_time: aware UTC datetimes (the API sends
        offsets such as ``-02:00``; they are converted).
    """

    conference_id: Optional[str] = field()
    conference_uri: Optional[str] = field()
    status: Optional[str] = field()
    created_time: Optional[_dt.datetime] = field(moment)
    completed_time: Optional[_dt.datetime] = field(moment)


@attrs.frozen(kw_only=True, repr=False)
class ConferenceMemberEvent(Event):
    """A member joined or left a conference, or was muted or held.

    Attributes:
        conference_id, member_id, member_uri: the conference and the member;
        state: ``active`` or ``completed``; active_members: how many remain;
        hold, mute: the member's flags.
    """

    conference_id: Optional[str] = field()
    member_id: Optional[str] = field()
    member_uri: Optional[str] = field()
    state: Optional[str] = field()
    active_members: Optional[int] = field(integer)
    hold: Optional[bool] = field(boolean)
    mute: Optional[bool] = field(boolean)


@attrs.frozen(kw_only=True, repr=False)
class ConferencePlaybackEvent(Event):
    """An audio file started or finished playing to a whole conference. (Audio to one
    member is reported by that member's call, as a ``playback`` event.)

    Attributes:
        conference_id, conference_uri: the conference; status: a ``PlaybackStatus``.
    """

    conference_id: Optional[str] = field()
    conference_uri: Optional[str] = field()
    status: Union[PlaybackStatus, str, None] = field(enum_of(PlaybackStatus))


@attrs.frozen(kw_only=True, repr=False)
class ConferenceSpeakEvent(ConferencePlaybackEvent):
    """A sentence started or finished being spoken to a whole conference. Fields as in
    ``ConferencePlaybackEvent``."""
