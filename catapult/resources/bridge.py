"""Bridges: two calls joined so that they hear each other; ``client.Bridge``."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional, Union

import attrs

from .. import _kwargs as kw
from .. import _options, _wire
from .._checks import BOOLEAN, id_list
from .._compat import Unpack
from .._model import boolean, enum_of, field, ident, moment, raw_payload, strings
from .._options import PageQuery, option
from .._transport import Transport
from ._audio import Audio
from ._base import Collection, Mirrors, transport_field
from .call import Call

if TYPE_CHECKING:
    from .._mirrors import BridgeMirrors
else:
    BridgeMirrors = Mirrors

__all__ = ["Bridge", "BridgeOptions", "BridgeState"]


class BridgeState(_wire.StrEnum):
    """The state of a bridge."""

    CREATED = "created"
    ACTIVE = "active"
    HOLD = "hold"
    COMPLETED = "completed"
    ERROR = "error"


@_options.documented
@attrs.frozen(kw_only=True)
class BridgeOptions:
    """The options of ``client.Bridge.create`` and ``bridge.update``; a dict works as well."""

    bridge_audio: Optional[bool] = option(
        BOOLEAN, doc="True (the API's default) joins the audio, False puts the calls on hold")
    call_ids: Optional[list[str]] = option(
        id_list(2, "call ids"), doc="the calls in the bridge; on update the complete new "
                                    "list: a call left out leaves, and [] completes it")


@_options.documented
@attrs.frozen(kw_only=True)
class _BridgeQuery(PageQuery):
    """The paging of ``client.Bridge.list``."""


@attrs.frozen(kw_only=True, repr=False)
class Bridge(Audio):
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

    id: str = field(ident, required=True)
    state: Union[BridgeState, str, None] = field(enum_of(BridgeState))
    # the docs show a boolean; older fixtures the string "true"
    bridge_audio: Optional[bool] = field(boolean)
    call_ids: Optional[tuple[str, ...]] = field(strings)
    calls_url: Optional[str] = field(wire="calls")
    created_time: Optional[_dt.datetime] = field(moment)
    activated_time: Optional[_dt.datetime] = field(moment)
    completed_time: Optional[_dt.datetime] = field(moment)
    raw: Mapping[str, Any] = raw_payload()
    _transport: Optional[Transport] = transport_field()

    resource_path = "bridges"
    id_name = "bridge_id"
    what = "a bridge"
    audio_title = "bridge audio"

    @_options.shows_options(BridgeOptions)
    def update(self, options: Union[BridgeOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[kw.BridgeKwargs]) -> None:
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


class BridgeCollection(BridgeMirrors, Collection[Bridge]):
    """``client.Bridge``: the bridges of one client; every bridge method also id first."""

    _handle = Bridge
    client_name = "Bridge"
    client_doc = "the bridges of this user: client.Bridge('brg-1'), .create, .get, .list"

    @_options.shows_options(BridgeOptions)
    def create(self, options: Union[BridgeOptions, Mapping[str, Any], None] = None, /,
               **kwargs: Unpack[kw.BridgeKwargs]) -> Bridge:
        """Create a bridge (``POST /bridges``), empty or with up to two calls; the id comes
        from ``Location`` (no GET): the Bridge returned holds the id and what was sent.

        Args:
            options: a dict (``{"callIds": [...], "bridgeAudio": True}``) or ``BridgeOptions``.

        Raises:
            InvalidOptionError: an unknown option or a bad value; nothing was sent.
            BadRequestError: bridge-bridged-callId. ForbiddenError: bridge-callIds-overflow.
        """
        body = _options.to_body(BridgeOptions, _options.items_of(options, "bridge")
                                + list(kwargs.items()), "bridge")
        result = self._transport.request("POST", "bridges", body=body, created=True)
        return Bridge.from_api({**body, "id": result.created_id()}, transport=self._transport)

    @_options.shows_options(_BridgeQuery)
    def list(self, options: Optional[Mapping[str, Any]] = None, /, *,
             limit: Optional[int] = None,
             **query: Unpack[kw.BridgeQueryKwargs]) -> Iterator[Bridge]:
        """Iterate over bridges (``GET /bridges``), following ``next`` links; ``page``,
        ``size`` (1..1000) and ``limit`` as in ``client.Call.list``."""
        return self._list("bridges", _BridgeQuery, options, query, limit, "bridge list")
