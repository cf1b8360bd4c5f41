"""Bridges: two calls joined so that they hear each other; ``client.Bridge``."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional, Union

import attrs

from .. import _options, _wire
from .._idfirst import IdFirst
from .._options import BOOLEAN, id_list, option, whole
from .._transport import Transport
from ._base import Collection, Handle
from .call import Call
from .call_options import AudioOptions

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._kwargs import AudioKwargs, BridgeKwargs, BridgeQueryKwargs, PlayFileKwargs, SpeakKwargs

__all__ = ["Bridge", "BridgeCollection", "BridgeOptions", "BridgeState"]


class BridgeState(_wire.StrEnum):
    """The state of a bridge."""

    CREATED = "created"
    ACTIVE = "active"
    HOLD = "hold"
    COMPLETED = "completed"
    ERROR = "error"


@attrs.frozen(kw_only=True)
class BridgeOptions:
    """The options of ``client.Bridge.create`` and ``bridge.update``; a dict works as well.

    Attributes:
        bridge_audio: bool; True (the API's default) joins the audio, False puts the calls
            on hold.
        call_ids: the calls in the bridge, at most 2. On update it is the complete new list:
            a call left out leaves the bridge, and ``[]`` empties (and so completes) it.
    """

    bridge_audio: Optional[bool] = option(BOOLEAN)
    call_ids: Optional[list[str]] = option(id_list(2, "call ids"))


@attrs.frozen(kw_only=True)
class _BridgeQuery:
    page: Union[int, str, None] = option(whole(0))
    size: Union[int, str, None] = option(whole(1, 1000))


def _flag(value: object) -> Optional[bool]:
    # the docs show a boolean; older fixtures the string "true"
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


@attrs.frozen(kw_only=True, repr=False)
class Bridge(Handle):
    """A bridge. ``client.Bridge("brg-1")`` is a handle that made no request;
    ``client.Bridge.get`` and ``bridge.refresh()`` return snapshots.

    Attributes:
        id: ``"brg-..."``.
        state: a ``BridgeState`` (or the server's string if new to this SDK), or None.
        bridge_audio: whether the calls hear each other (False: on hold), or None.
        call_ids: the ids of the calls in the bridge, or None if not sent.
        calls_url: the URL of the bridge's calls.
        created_time, activated_time, completed_time: aware UTC datetimes, or None.
        raw: the payload as received (not part of repr or equality).
    """

    id: str
    state: Union[BridgeState, str, None] = None
    bridge_audio: Optional[bool] = None
    call_ids: Optional[tuple[str, ...]] = None
    calls_url: Optional[str] = attrs.field(default=None, metadata={"wire": "calls"})
    created_time: Optional[_dt.datetime] = None
    activated_time: Optional[_dt.datetime] = None
    completed_time: Optional[_dt.datetime] = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    _transport: Optional[Transport] = attrs.field(default=None, repr=False, eq=False,
                                                  alias="transport")

    resource_path = "bridges"
    id_name = "bridge_id"
    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any], *,
                 transport: Optional[Transport] = None) -> Bridge:
        """Build a Bridge from the API's JSON; unknown fields stay in ``raw``."""
        ids = payload.get("callIds")
        return cls(
            id=_wire.text_or_none(payload.get("id")) or "",
            state=_wire.to_enum(BridgeState, payload.get("state")),
            bridge_audio=_flag(payload.get("bridgeAudio")),
            call_ids=tuple(str(i) for i in ids) if isinstance(ids, list) else None,
            calls_url=_wire.text_or_none(payload.get("calls")),
            created_time=_wire.parse_time(payload.get("createdTime")),
            activated_time=_wire.parse_time(payload.get("activatedTime")),
            completed_time=_wire.parse_time(payload.get("completedTime")),
            raw=dict(payload),
            transport=transport,
        )

    def refresh(self) -> Bridge:
        """Fetch the bridge (``GET /bridges/{id}``) and return the new snapshot.

        Raises:
            NotFoundError: bridge-not-found. Other APIError, TransportError.
        """
        result = self._t.request("GET", self._path())
        return Bridge.from_api(result.json_object("a bridge"), transport=self._t)

    @_options.shows_options(BridgeOptions)
    def update(self, options: Union[BridgeOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[BridgeKwargs]) -> None:
        """Change the bridge (``POST /bridges/{id}``): ``call_ids`` is the complete new list
        of calls (``[]`` completes the bridge), ``bridge_audio`` joins or holds them.

        Raises:
            InvalidOptionError: an unknown option or a bad value; nothing was sent.
            BadRequestError: e.g. bridge-bridged-callId (a call is in another bridge).
            ForbiddenError: bridge-callIds-overflow. Other APIError, TransportError.
        """
        body = _options.to_body(BridgeOptions, _options.items_of(options, "bridge")
                                + list(kwargs.items()), "bridge")
        self._t.request("POST", self._path(), body=body)

    def get_calls(self) -> list[Call]:
        """The calls in the bridge (``GET /bridges/{id}/calls``), as Call snapshots."""
        return [Call.from_api(item, transport=self._t)
                for item in self._t.paginate(self._path("calls")) if isinstance(item, Mapping)]

    @_options.shows_options(AudioOptions)
    def play_audio(self, options: Union[AudioOptions, Mapping[str, Any], None] = None, /,
                   **kwargs: Unpack[AudioKwargs]) -> None:
        """Speak or play to every call in the bridge (``POST /bridges/{id}/audio``); the
        options of ``AudioOptions``."""
        self._play(_options.items_of(options, "bridge audio") + list(kwargs.items()))

    @_options.shows_options(AudioOptions)
    def speak_sentence(self, /, sentence: str, tag: Optional[str] = None,
                       gender: Optional[str] = None, voice: Optional[str] = None,
                       **options: Unpack[SpeakKwargs]) -> None:
        """Speak ``sentence`` (at most 1000 characters) to the bridge's calls; the same
        shape as ``Call.speak_sentence``."""
        given = [(k, v) for k, v in (("tag", tag), ("gender", gender), ("voice", voice))
                 if v is not None]
        self._play([("sentence", sentence), *given, *options.items()])

    @_options.shows_options(AudioOptions)
    def play_audio_file(self, /, file_url: str, tag: Optional[str] = None,
                        **options: Unpack[PlayFileKwargs]) -> None:
        """Play the WAV or MP3 at ``file_url`` to the bridge's calls."""
        self._play([("file_url", file_url), *([("tag", tag)] if tag else []),
                    *options.items()])

    def stop_speaking(self) -> None:
        """Stop a sentence being spoken to the bridge (``{"sentence": ""}``)."""
        self._play([("sentence", "")])

    def stop_audio_file(self) -> None:
        """Stop a file being played to the bridge (``{"fileUrl": ""}``)."""
        self._play([("file_url", "")])

    # node's names
    play_audio_advanced = play_audio
    stop_audio_file_playback = stop_audio_file

    def _play(self, items: list[tuple[str, object]]) -> None:
        body = _options.to_body(AudioOptions, items, "bridge audio")
        self._t.request("POST", self._path("audio"), body=body)


class BridgeCollection(Collection[Bridge]):
    """``client.Bridge``: the bridges of one client; every bridge method also id first."""

    _handle = Bridge

    @_options.shows_options(BridgeOptions)
    def create(self, options: Union[BridgeOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[BridgeKwargs]) -> Bridge:
        """Create a bridge (``POST /bridges``), empty or with up to two calls; the id comes
        from ``Location`` (no GET): the Bridge returned holds the id and what was sent.

        Args:
            options: a dict (``{"callIds": [...], "bridgeAudio": True}``) or ``BridgeOptions``.
            **kwargs: ``call_ids`` (at most 2), ``bridge_audio`` (bool, default True).

        Raises:
            InvalidOptionError: an unknown option or a bad value; nothing was sent.
            BadRequestError: bridge-bridged-callId. ForbiddenError: bridge-callIds-overflow.
        """
        body = _options.to_body(BridgeOptions, _options.items_of(options, "bridge")
                                + list(kwargs.items()), "bridge")
        result = self._transport.request("POST", "bridges", body=body, created=True)
        ids = body.get("callIds")
        return Bridge(id=result.created_id(),
                      bridge_audio=_flag(body.get("bridgeAudio")),
                      call_ids=tuple(ids) if isinstance(ids, (list, tuple)) else None,
                      transport=self._transport)

    @_options.shows_options(_BridgeQuery)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None, **query: Unpack[BridgeQueryKwargs]) -> Iterator[Bridge]:
        """Iterate over bridges (``GET /bridges``), following ``next`` links; ``page``,
        ``size`` (1..1000) and ``limit`` as in ``client.Call.list``."""
        return self._list(_BridgeQuery, options, query, limit, "bridge list")

    refresh = IdFirst(Bridge.refresh)
    update = IdFirst(Bridge.update)
    get_calls = IdFirst(Bridge.get_calls)
    play_audio = IdFirst(Bridge.play_audio)
    speak_sentence = IdFirst(Bridge.speak_sentence)
    play_audio_file = IdFirst(Bridge.play_audio_file)
    stop_speaking = IdFirst(Bridge.stop_speaking)
    stop_audio_file = IdFirst(Bridge.stop_audio_file)
    play_audio_advanced = play_audio
    stop_audio_file_playback = stop_audio_file
