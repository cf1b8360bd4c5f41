"""Conferences and their members: ``client.Conference``."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union

import attrs

from .. import _kwargs as kw
from .. import _options, _wire
from .._checks import BOOLEAN, CALLBACK_METHOD, E164, HTTP_URL, one_of, text, whole
from .._compat import Unpack
from .._model import boolean, field, ident, integer, moment, raw_payload, segment_of
from .._options import option
from .._transport import Transport
from ..errors import InvalidOptionError
from ._audio import Audio, AudioOptions
from ._base import Collection, Mirrors, transport_field

if TYPE_CHECKING:
    from .._mirrors import ConferenceMirrors
else:
    ConferenceMirrors = Mirrors

__all__ = ["Conference", "ConferenceMember", "ConferenceOptions", "ConferenceUpdate",
           "MemberOptions"]


@_options.documented
@attrs.frozen(kw_only=True)
class ConferenceOptions:
    """The options of ``client.Conference.create``."""

    from_: Optional[str] = option(E164, required=True,
                                  doc="the number of yours hosting it; also 'from'")
    callback_url: Optional[str] = option(HTTP_URL, doc="where the conference's events go")
    callback_http_method: Optional[str] = option(CALLBACK_METHOD, doc="default POST")
    callback_timeout: Union[int, str, None] = option(whole(1, 10000), doc="milliseconds")
    fallback_url: Optional[str] = option(HTTP_URL, doc="used when the callback URL fails")
    profile: Optional[str] = option(
        one_of("interpret_digits", "passthru_digits"),
        doc="interpret_digits (the default: the keypad controls the member's audio) or "
            "passthru_digits (keys reach you as dtmf events; gathers work)")
    tag: Optional[str] = option(text(), doc="echoed in the conference's events")


@_options.documented
@attrs.frozen(kw_only=True)
class ConferenceUpdate:
    """The options of ``conference.update``."""

    state: Optional[str] = option(one_of("completed"), doc="completed ends the conference")
    hold: Optional[bool] = option(BOOLEAN, doc="every member on hold, or off it")
    mute: Optional[bool] = option(BOOLEAN, doc="every member muted, or not")
    callback_url: Optional[str] = option(HTTP_URL, doc="where its events go from now on")
    callback_http_method: Optional[str] = option(CALLBACK_METHOD, doc="default POST")
    callback_timeout: Union[int, str, None] = option(whole(1, 10000), doc="milliseconds")
    fallback_url: Optional[str] = option(HTTP_URL, doc="used when the callback URL fails")
    tag: Optional[str] = option(text(), doc="echoed in the conference's events")


@_options.documented
@attrs.frozen(kw_only=True)
class MemberOptions:
    """The options of ``conference.add_member`` and ``update_member`` (``False`` is sent,
    unlike C#)."""

    call_id: Optional[str] = option(
        text(), doc="to add: an active call (the API wants it created with this "
                    "conference_id)")
    state: Optional[str] = option(one_of("completed"), doc="completed removes the member")
    join_tone: Optional[bool] = option(BOOLEAN, doc="a tone when it joins")
    leaving_tone: Optional[bool] = option(BOOLEAN, doc="a tone when it leaves")
    mute: Optional[bool] = option(BOOLEAN, doc="the member cannot be heard")
    hold: Optional[bool] = option(BOOLEAN, doc="the member neither hears nor is heard")


@attrs.frozen(kw_only=True, repr=False)
class ConferenceMember(Audio):
    """A member of a conference (one call in it); also a handle for what can be done to it.

    Attributes:
        id: the member's id.
        conference_id: its conference.
        call_id: its call (from the API's ``call`` URL, also kept as ``call_url``).
        state: ``active`` or ``completed``.
        mute: whether the member is muted (also ``hold``, ``join_tone``,
            ``leaving_tone``).
        added_time: when it joined (``removed_time``: when it left).
        raw: the payload as received.
    """

    id: str = field(ident, required=True)
    conference_id: Optional[str] = None
    call_id: Optional[str] = field(segment_of, wire="call")
    call_url: Optional[str] = field(wire="call")
    state: Optional[str] = field()
    mute: Optional[bool] = field(boolean)
    hold: Optional[bool] = field(boolean)
    join_tone: Optional[bool] = field(boolean)
    leaving_tone: Optional[bool] = field(boolean)
    added_time: Optional[_dt.datetime] = field(moment)
    removed_time: Optional[_dt.datetime] = field(moment)
    raw: Mapping[str, Any] = raw_payload()
    _transport: Optional[Transport] = transport_field()

    resource_path = "members"
    id_name = "member_id"
    parent = ("conference_id", "conferences")
    what = "a member"
    audio_title = "member audio"

    @_options.shows_options(MemberOptions, but=("call_id",))
    def update(self, options: Optional[Mapping[str, Any]] = None, /,
               **kwargs: Unpack[kw.MemberUpdateKwargs]) -> None:
        """Change the member (``POST .../members/{member_id}``): ``state="completed"``
        removes it; ``mute``, ``hold``, ``join_tone``, ``leaving_tone``."""
        body = _options.to_body(MemberOptions, _options.items_of(options, "conference member")
                                + list(kwargs.items()), "conference member")
        if "callId" in body:
            raise InvalidOptionError("a member's call_id cannot be changed")
        self._t.request("POST", self._path(), body=body)

    def remove(self) -> None:
        """Remove the member from the conference (``{"state": "completed"}``)."""
        self.update(state="completed")


@attrs.frozen(kw_only=True, repr=False)
class Conference(Audio):
    """A conference. ``client.Conference("conf-1")`` is a handle that made no request.

    Attributes:
        id: the conference's id.
        state: ``created`` (no member yet), ``active`` or ``completed``.
        from_: the number members are called from.
        active_members: how many members are in it.
        held: the API's ``hold`` (``muted``: its ``mute``); the methods ``hold()`` and
            ``mute()`` change them.
        profile: the API's conference profile.
        callback_url: where its events go (``tag`` comes back on each).
        created_time: when it was created (``completed_time``: when it ended).
        raw: the payload as received.
    """

    id: str = field(ident, required=True)
    state: Optional[str] = field()
    from_: Optional[str] = field()
    active_members: Optional[int] = field(integer)
    held: Optional[bool] = field(boolean, wire="hold")
    muted: Optional[bool] = field(boolean, wire="mute")
    profile: Optional[str] = field()
    callback_url: Optional[str] = field()
    tag: Optional[str] = field()
    created_time: Optional[_dt.datetime] = field(moment)
    completed_time: Optional[_dt.datetime] = field(moment)
    raw: Mapping[str, Any] = raw_payload()
    _transport: Optional[Transport] = transport_field()

    resource_path = "conferences"
    id_name = "conference_id"
    what = "a conference"
    audio_title = "conference audio"

    # -- the conference -------------------------------------------------------------------

    @_options.shows_options(ConferenceUpdate)
    def update(self, options: Union[ConferenceUpdate, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[kw.ConferenceUpdateKwargs]) -> None:
        """Change the conference (``POST /conferences/{id}``)."""
        body = _options.to_body(ConferenceUpdate, _options.items_of(options, "conference")
                                + list(kwargs.items()), "conference")
        self._t.request("POST", self._path(), body=body)

    def complete(self) -> None:
        """End the conference for every member (``{"state": "completed"}``)."""
        self.update(state="completed")

    def mute(self, muted: bool = True) -> None:
        """Mute (or unmute) every member (``{"mute": ...}``)."""
        self.update(mute=muted)

    def hold(self, held: bool = True) -> None:
        """Put every member on hold, or take them off (``{"hold": ...}``)."""
        self.update(hold=held)

    # -- members ----------------------------------------------------------------------------

    def member(self, member_id: str) -> ConferenceMember:
        """A handle on one member; no request is made."""
        _wire.segment(member_id, "member_id")
        return ConferenceMember(id=member_id, conference_id=self.id, transport=self._t)

    @_options.shows_options(MemberOptions, but=("state",))
    def add_member(self, /, call_id: Union[str, Mapping[str, Any]],
                   **options: Unpack[kw.MemberAddKwargs]) -> str:
        """Add a call (``POST /conferences/{id}/members``); returns the member id from
        ``Location``. The call must be active (the API wants it created with this
        ``conference_id``).

        Args:
            call_id: the call's id, or a dict of ``MemberOptions`` with ``callId``.
        """
        items = (_options.items_of(call_id, "conference member")
                 if not isinstance(call_id, str) else [("call_id", call_id)])
        body = _options.to_body(MemberOptions, items + list(options.items()),
                                "conference member")
        if not body.get("callId") or "state" in body:
            raise InvalidOptionError("add_member needs a call_id, and takes no state")
        result = self._t.request("POST", self._path("members"), body=body, created=True)
        return result.created_id()

    def get_member(self, member_id: str) -> ConferenceMember:
        """One member (``GET /conferences/{id}/members/{member_id}``)."""
        return self.member(member_id).refresh()

    def get_members(self) -> list[ConferenceMember]:
        """Every member, those who left included (``GET /conferences/{id}/members``)."""
        return [ConferenceMember.from_api(item, conference_id=self.id, transport=self._t)
                for item in self._t.paginate(self._path("members")) if isinstance(item, Mapping)]

    @_options.shows_options(MemberOptions, but=("call_id",))
    def update_member(self, member_id: str, options: Optional[Mapping[str, Any]] = None, /,
                      **kwargs: Unpack[kw.MemberUpdateKwargs]) -> None:
        """Change a member (``POST .../members/{member_id}``): ``state="completed"``
        removes it; ``mute``, ``hold``, ``join_tone``, ``leaving_tone``."""
        self.member(member_id).update(options, **kwargs)

    def remove_member(self, member_id: str) -> None:
        """Remove a member (``{"state": "completed"}``)."""
        self.member(member_id).remove()

    def mute_member(self, member_id: str, muted: bool = True) -> None:
        """Mute (or unmute) one member."""
        self.update_member(member_id, mute=muted)

    def hold_member(self, member_id: str, held: bool = True) -> None:
        """Put one member on hold, or take it off."""
        self.update_member(member_id, hold=held)

    @_options.shows_options(AudioOptions)
    def play_audio_to_member(self, member_id: str,
                             options: Union[AudioOptions, Mapping[str, Any], None] = None, /,
                             **kwargs: Unpack[kw.AudioKwargs]) -> None:
        """Speak or play to one member only (``POST .../members/{member_id}/audio``)."""
        self.member(member_id).play_audio(options, **kwargs)

    def speak_sentence_to_member(self, member_id: str, sentence: str,
                                 tag: Optional[str] = None) -> None:
        """Speak ``sentence`` to one member only."""
        self.member(member_id).speak_sentence(sentence, tag)

    def play_audio_file_to_member(self, member_id: str, file_url: str,
                                  tag: Optional[str] = None) -> None:
        """Play the file at ``file_url`` to one member only."""
        self.member(member_id).play_audio_file(file_url, tag)

    # the official names where they differ from ours
    terminate = complete                          # C#
    remove = complete                             # node
    create_member = add_member                    # Ruby, node, C#
    delete_member = remove_member                 # C#
    play_audio_advanced_to_member = play_audio_to_member   # node


class ConferenceCollection(ConferenceMirrors, Collection[Conference]):
    """``client.Conference``: create and get conferences; every conference method id first."""

    _handle = Conference
    client_name = "Conference"
    client_doc = "conferences and their members: client.Conference.create(from_=...)"

    @_options.shows_options(ConferenceOptions)
    def create(self, options: Union[ConferenceOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[kw.ConferenceKwargs]) -> Conference:
        """Create a conference (``POST /conferences``); the id comes from ``Location`` (no
        GET). Calls join it by being created with its ``conference_id`` and then added.

        Raises:
            InvalidOptionError: no ``from_``, an unknown option or a bad value.
        """
        body = _options.to_body(ConferenceOptions, _options.items_of(options, "conference")
                                + list(kwargs.items()), "conference")
        result = self._transport.request("POST", "conferences", body=body, created=True)
        return Conference.from_api({**body, "id": result.created_id()},
                                   transport=self._transport)
