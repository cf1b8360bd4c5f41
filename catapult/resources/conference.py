"""Conferences and their members: ``client.Conference``."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union

import attrs

from .. import _options, _wire
from .._idfirst import IdFirst
from .._options import BOOLEAN, CALLBACK_METHOD, E164, HTTP_URL, one_of, option, text, whole
from .._transport import Transport
from ..errors import InvalidOptionError
from ._base import Collection, Handle
from .call_options import AudioOptions

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._kwargs import (
        AudioKwargs,
        ConferenceKwargs,
        ConferenceUpdateKwargs,
        MemberAddKwargs,
        MemberUpdateKwargs,
        PlayFileKwargs,
        SpeakKwargs,
    )

__all__ = ["Conference", "ConferenceCollection", "ConferenceMember", "ConferenceOptions",
           "ConferenceUpdate", "MemberOptions"]


@attrs.frozen(kw_only=True)
class ConferenceOptions:
    """The options of ``client.Conference.create``.

    Attributes:
        from_: required; the number of yours hosting the conference (E.164); also ``from``.
        callback_url, callback_http_method (POST|GET), callback_timeout (ms, 1..10000),
        fallback_url: where the conference's events go.
        profile: ``interpret_digits`` (the default: the keypad controls the member's audio)
            or ``passthru_digits`` (keys reach you as dtmf events; gathers work).
        tag: echoed in the conference's events.
    """

    from_: Optional[str] = option(E164)
    callback_url: Optional[str] = option(HTTP_URL)
    callback_http_method: Optional[str] = option(CALLBACK_METHOD)
    callback_timeout: Union[int, str, None] = option(whole(1, 10000))
    fallback_url: Optional[str] = option(HTTP_URL)
    profile: Optional[str] = option(one_of("interpret_digits", "passthru_digits"))
    tag: Optional[str] = option(text())


@attrs.frozen(kw_only=True)
class ConferenceUpdate:
    """The options of ``conference.update``: ``state="completed"`` ends it; ``hold``,
    ``mute`` (bools) apply to every member; and the callback settings and ``tag``."""

    state: Optional[str] = option(one_of("completed"))
    hold: Optional[bool] = option(BOOLEAN)
    mute: Optional[bool] = option(BOOLEAN)
    callback_url: Optional[str] = option(HTTP_URL)
    callback_http_method: Optional[str] = option(CALLBACK_METHOD)
    callback_timeout: Union[int, str, None] = option(whole(1, 10000))
    fallback_url: Optional[str] = option(HTTP_URL)
    tag: Optional[str] = option(text())


@attrs.frozen(kw_only=True)
class MemberOptions:
    """The options of ``conference.add_member`` and ``update_member``.

    Attributes:
        call_id: required to add; an active call created with this ``conference_id``.
        state: ``"completed"`` removes the member (update only).
        join_tone, leaving_tone, mute, hold: bools (``False`` is sent, unlike C#).
    """

    call_id: Optional[str] = option(text())
    state: Optional[str] = option(one_of("completed"))
    join_tone: Optional[bool] = option(BOOLEAN)
    leaving_tone: Optional[bool] = option(BOOLEAN)
    mute: Optional[bool] = option(BOOLEAN)
    hold: Optional[bool] = option(BOOLEAN)


def _flag(value: object) -> Optional[bool]:
    return value if isinstance(value, bool) else None


@attrs.frozen(kw_only=True, repr=False)
class ConferenceMember(_wire.Readable):
    """A member of a conference (one call in it).

    Attributes:
        id; conference_id; call_id (from ``call``); call_url; state: ``active`` or
        ``completed``; mute, hold, join_tone, leaving_tone; added_time, removed_time; raw.
    """

    id: str
    conference_id: Optional[str] = None
    call_id: Optional[str] = None
    call_url: Optional[str] = attrs.field(default=None, metadata={"wire": "call"})
    state: Optional[str] = None
    mute: Optional[bool] = None
    hold: Optional[bool] = None
    join_tone: Optional[bool] = None
    leaving_tone: Optional[bool] = None
    added_time: Optional[_dt.datetime] = None
    removed_time: Optional[_dt.datetime] = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any], conference_id: str) -> ConferenceMember:
        """Build from the API's JSON; unknown fields stay in ``raw``."""
        call = _wire.text_or_none(payload.get("call"))
        return cls(id=_wire.text_or_none(payload.get("id")) or "", conference_id=conference_id,
                   call_id=_wire.last_segment(call), call_url=call,
                   state=_wire.text_or_none(payload.get("state")),
                   mute=_flag(payload.get("mute")), hold=_flag(payload.get("hold")),
                   join_tone=_flag(payload.get("joinTone")),
                   leaving_tone=_flag(payload.get("leavingTone")),
                   added_time=_wire.parse_time(payload.get("addedTime")),
                   removed_time=_wire.parse_time(payload.get("removedTime")),
                   raw=dict(payload))


@attrs.frozen(kw_only=True, repr=False)
class Conference(Handle):
    """A conference. ``client.Conference("conf-1")`` is a handle that made no request.

    Attributes:
        id; state: ``created`` (no member yet), ``active`` or ``completed``; from_;
        active_members; held, muted: the API's ``hold`` and ``mute`` (the methods
        ``hold()`` and ``mute()`` change them); profile; callback_url; tag; created_time;
        completed_time; raw.
    """

    id: str
    state: Optional[str] = None
    from_: Optional[str] = None
    active_members: Optional[int] = None
    held: Optional[bool] = attrs.field(default=None, metadata={"wire": "hold"})
    muted: Optional[bool] = attrs.field(default=None, metadata={"wire": "mute"})
    profile: Optional[str] = None
    callback_url: Optional[str] = None
    tag: Optional[str] = None
    created_time: Optional[_dt.datetime] = None
    completed_time: Optional[_dt.datetime] = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    _transport: Optional[Transport] = attrs.field(default=None, repr=False, eq=False,
                                                  alias="transport")

    resource_path = "conferences"
    id_name = "conference_id"
    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any], *,
                 transport: Optional[Transport] = None) -> Conference:
        """Build from the API's JSON; unknown fields stay in ``raw``."""
        text_of = _wire.text_or_none
        members = payload.get("activeMembers")
        return cls(id=text_of(payload.get("id")) or "", state=text_of(payload.get("state")),
                   from_=text_of(payload.get("from")),
                   active_members=members if isinstance(members, int)
                   and not isinstance(members, bool) else None,
                   held=_flag(payload.get("hold")), muted=_flag(payload.get("mute")),
                   profile=text_of(payload.get("profile")),
                   callback_url=text_of(payload.get("callbackUrl")),
                   tag=text_of(payload.get("tag")),
                   created_time=_wire.parse_time(payload.get("createdTime")),
                   completed_time=_wire.parse_time(payload.get("completedTime")),
                   raw=dict(payload), transport=transport)

    # -- the conference -------------------------------------------------------------------

    def refresh(self) -> Conference:
        """Fetch the conference (``GET /conferences/{id}``)."""
        result = self._t.request("GET", self._path())
        return Conference.from_api(result.json_object("a conference"), transport=self._t)

    @_options.shows_options(ConferenceUpdate)
    def update(self, options: Union[ConferenceUpdate, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[ConferenceUpdateKwargs]) -> None:
        """Change the conference (``POST /conferences/{id}``); see ``ConferenceUpdate``."""
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

    @_options.shows_options(AudioOptions)
    def play_audio(self, options: Union[AudioOptions, Mapping[str, Any], None] = None, /,
                   **kwargs: Unpack[AudioKwargs]) -> None:
        """Speak or play to the whole conference (``POST /conferences/{id}/audio``)."""
        self._play(self._path("audio"), _options.items_of(options, "conference audio")
                   + list(kwargs.items()))

    @_options.shows_options(AudioOptions)
    def speak_sentence(self, /, sentence: str, tag: Optional[str] = None,
                       gender: Optional[str] = None, voice: Optional[str] = None,
                       **options: Unpack[SpeakKwargs]) -> None:
        """Speak ``sentence`` to the whole conference; the same shape as
        ``Call.speak_sentence``."""
        given = [(k, v) for k, v in (("tag", tag), ("gender", gender), ("voice", voice))
                 if v is not None]
        self._play(self._path("audio"), [("sentence", sentence), *given, *options.items()])

    @_options.shows_options(AudioOptions)
    def play_audio_file(self, /, file_url: str, tag: Optional[str] = None,
                        **options: Unpack[PlayFileKwargs]) -> None:
        """Play the WAV or MP3 at ``file_url`` to the whole conference."""
        self._play(self._path("audio"), [("file_url", file_url),
                                         *([("tag", tag)] if tag else []), *options.items()])

    def stop_speaking(self) -> None:
        """Stop a sentence spoken to the conference (``{"sentence": ""}``)."""
        self._play(self._path("audio"), [("sentence", "")])

    def stop_audio_file(self) -> None:
        """Stop a file played to the conference (``{"fileUrl": ""}``)."""
        self._play(self._path("audio"), [("file_url", "")])

    # -- members ----------------------------------------------------------------------------

    @_options.shows_options(MemberOptions, but=("state",))
    def add_member(self, /, call_id: Union[str, Mapping[str, Any]],
                   **options: Unpack[MemberAddKwargs]) -> str:
        """Add a call (``POST /conferences/{id}/members``); returns the member id from
        ``Location``. The call must be active and created with this ``conference_id``.

        Args:
            call_id: the call's id, or a dict of ``MemberOptions`` with ``callId``.
            **options: ``join_tone``, ``leaving_tone``, ``mute``, ``hold`` (bools).
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
        result = self._t.request("GET", self._member(member_id))
        return ConferenceMember.from_api(result.json_object("a member"), self.id)

    def get_members(self) -> list[ConferenceMember]:
        """Every member, those who left included (``GET /conferences/{id}/members``)."""
        return [ConferenceMember.from_api(item, self.id)
                for item in self._t.paginate(self._path("members")) if isinstance(item, Mapping)]

    @_options.shows_options(MemberOptions, but=("call_id",))
    def update_member(self, member_id: str, options: Optional[Mapping[str, Any]] = None, /,
                      **kwargs: Unpack[MemberUpdateKwargs]) -> None:
        """Change a member (``POST .../members/{member_id}``): ``state="completed"``
        removes it; ``mute``, ``hold``, ``join_tone``, ``leaving_tone``."""
        body = _options.to_body(MemberOptions, _options.items_of(options, "conference member")
                                + list(kwargs.items()), "conference member")
        if "callId" in body:
            raise InvalidOptionError("a member's call_id cannot be changed")
        self._t.request("POST", self._member(member_id), body=body)

    def remove_member(self, member_id: str) -> None:
        """Remove a member (``{"state": "completed"}``)."""
        self.update_member(member_id, state="completed")

    def mute_member(self, member_id: str, muted: bool = True) -> None:
        """Mute (or unmute) one member."""
        self.update_member(member_id, mute=muted)

    def hold_member(self, member_id: str, held: bool = True) -> None:
        """Put one member on hold, or take it off."""
        self.update_member(member_id, hold=held)

    @_options.shows_options(AudioOptions)
    def play_audio_to_member(self, member_id: str,
                             options: Union[AudioOptions, Mapping[str, Any], None] = None, /,
                             **kwargs: Unpack[AudioKwargs]) -> None:
        """Speak or play to one member only (``POST .../members/{member_id}/audio``)."""
        self._play(f"{self._member(member_id)}/audio",
                   _options.items_of(options, "member audio") + list(kwargs.items()))

    def speak_sentence_to_member(self, member_id: str, sentence: str,
                                 tag: Optional[str] = None) -> None:
        """Speak ``sentence`` to one member only."""
        self._play(f"{self._member(member_id)}/audio",
                   [("sentence", sentence), *([("tag", tag)] if tag else [])])

    def play_audio_file_to_member(self, member_id: str, file_url: str,
                                  tag: Optional[str] = None) -> None:
        """Play the file at ``file_url`` to one member only."""
        self._play(f"{self._member(member_id)}/audio",
                   [("file_url", file_url), *([("tag", tag)] if tag else [])])

    # the official names where they differ from ours
    terminate = complete                          # C#
    remove = complete                             # node
    create_member = add_member                    # Ruby, node, C#
    delete_member = remove_member                 # C#
    play_recording = play_audio_file              # Ruby
    play_audio_advanced = play_audio              # node
    stop_audio_file_playback = stop_audio_file    # node
    play_audio_advanced_to_member = play_audio_to_member   # node

    def _play(self, path: str, items: list[tuple[str, object]]) -> None:
        body = _options.to_body(AudioOptions, items, "conference audio")
        self._t.request("POST", path, body=body)


    def _member(self, member_id: str) -> str:
        return self._path("members", _wire.segment(member_id, "member_id"))


class ConferenceCollection(Collection[Conference]):
    """``client.Conference``: create and get conferences; every conference method id first."""

    _handle = Conference

    @_options.shows_options(ConferenceOptions)
    def create(self, options: Union[ConferenceOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[ConferenceKwargs]) -> Conference:
        """Create a conference (``POST /conferences``); the id comes from ``Location`` (no
        GET). Calls join it by being created with its ``conference_id`` and then added.

        Raises:
            InvalidOptionError: no ``from_``, an unknown option or a bad value.
        """
        body = _options.to_body(ConferenceOptions, _options.items_of(options, "conference")
                                + list(kwargs.items()), "conference")
        if not body.get("from"):
            raise InvalidOptionError("conference option from_ is required")
        result = self._transport.request("POST", "conferences", body=body, created=True)
        return Conference.from_api({**body, "id": result.created_id()},
                                   transport=self._transport)

    refresh = IdFirst(Conference.refresh)
    update = IdFirst(Conference.update)
    complete = IdFirst(Conference.complete)
    mute = IdFirst(Conference.mute)
    hold = IdFirst(Conference.hold)
    play_audio = IdFirst(Conference.play_audio)
    speak_sentence = IdFirst(Conference.speak_sentence)
    play_audio_file = IdFirst(Conference.play_audio_file)
    stop_speaking = IdFirst(Conference.stop_speaking)
    stop_audio_file = IdFirst(Conference.stop_audio_file)
    add_member = IdFirst(Conference.add_member)
    get_member = IdFirst(Conference.get_member)
    get_members = IdFirst(Conference.get_members)
    update_member = IdFirst(Conference.update_member)
    remove_member = IdFirst(Conference.remove_member)
    mute_member = IdFirst(Conference.mute_member)
    hold_member = IdFirst(Conference.hold_member)
    play_audio_to_member = IdFirst(Conference.play_audio_to_member)
    speak_sentence_to_member = IdFirst(Conference.speak_sentence_to_member)
    play_audio_file_to_member = IdFirst(Conference.play_audio_file_to_member)
    terminate = remove = complete
    create_member = add_member
    delete_member = remove_member
    play_recording = play_audio_file
    play_audio_advanced = play_audio
    stop_audio_file_playback = stop_audio_file
    play_audio_advanced_to_member = play_audio_to_member
