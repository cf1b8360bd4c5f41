"""Gathers: the options of a gather, its prompt, and the Gather snapshot with its state."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union, cast

import attrs

from .. import _kwargs as kw
from .. import _options, _wire
from .._checks import BOOLEAN, DIGIT_KEYS, number, one_of, text, whole
from .._compat import Unpack
from .._enums import GatherReason, GatherState
from .._model import Model, enum_of, field, ident, moment, raw_payload, segment_of
from .._options import option
from ..errors import CatapultError
from ._audio import MAX_SENTENCE
from ._base import Handle

if TYPE_CHECKING:
    from .call import Call

__all__ = ["Gather", "GatherOptions", "GatherReason", "GatherState", "Prompt"]


@_options.documented
@attrs.frozen(kw_only=True)
class Prompt:
    """The prompt a gather plays or speaks while it waits for digits; a dict with the same
    keys (snake_case or camelCase) works as well."""

    sentence: Optional[str] = option(text(max_length=MAX_SENTENCE), doc="text to speak")
    gender: Optional[str] = option(one_of("male", "female"),
                                   doc="the voice's gender (the API's default: female)")
    locale: Optional[str] = option(
        text(), doc="e.g. en_US (the default), en_UK, es_MX, fr_FR, de_DE, it_IT; not "
                    "checked further")
    voice: Optional[str] = option(
        text(), doc="e.g. Susan (the default), Kate or kate; not checked further (the docs "
                    "capitalise voice names that the official SDKs sent in lower case)")
    file_url: Optional[str] = option(text(), doc="a WAV or MP3 file to play instead")
    loop_enabled: Optional[bool] = option(BOOLEAN, doc="keep playing it in a loop "
                                                      "(default False)")
    bargeable: Optional[bool] = option(
        BOOLEAN, doc="deprecated by the API, which always interrupts the prompt at the "
                     "first digit")


@_options.documented
@attrs.frozen(kw_only=True)
class GatherOptions:
    """The options of ``create_gather``; a dict with the same keys works as well.

    Numbers may be ints or numeric strings, as the official samples write them; they are
    sent exactly as given (``"5"`` stays a string on the wire).
    """

    max_digits: Union[int, str, None] = option(
        whole(1, 30), doc="digits to collect, not counting a terminating digit")
    inter_digit_timeout: Union[int, float, str, None] = option(
        number(0, 30), doc="seconds to wait for the first digit and between digits, "
                           "fractions allowed (the API's default 5)")
    terminating_digits: Optional[str] = option(
        DIGIT_KEYS, doc='any one of them ends the gather at once (the API\'s default "#")')
    tag: Optional[str] = option(text(), doc="a string of yours, echoed in the gather event")
    prompt: Union[Prompt, Mapping[str, Any], None] = option(
        nested=Prompt, doc="what the caller hears while the gather waits")
    suppress_dtmf: Optional[bool] = option(
        BOOLEAN, doc="legacy option of the older SDKs, not in the current API docs")


@attrs.frozen(kw_only=True)
class _GatherUpdate:
    """The one update of a gather the API allows: ``state="completed"`` stops it."""

    state: Optional[str] = option(one_of("completed"), required=True)


def sentence_shortcut(sentence: str, call_id: str) -> dict[str, object]:
    """What ruby-bandwidth's ``create_gather("text")`` sent: one digit, a spoken prompt."""
    return {
        "tag": call_id,
        "max_digits": 1,
        "prompt": {
            "locale": "en_US",
            "gender": "female",
            "sentence": sentence,
            "voice": "kate",
            "bargeable": True,
        },
    }


@attrs.frozen(kw_only=True, repr=False)
class Gather(Model):
    """A snapshot of one gather on a call.

    A gather returned by ``create_gather`` knows only its id (the API answers with a
    ``Location``, and no extra request is made); ``refresh()`` fetches its state.

    Attributes:
        id: the gather id, e.g. ``"gtr-kj4xloaq5vbpfxyeypndgxa"``.
        call_id: the id of the call the gather runs on.
        state: a ``GatherState`` (or the server's string if new to this SDK); None if unknown.
        reason: a ``GatherReason`` once completed (or the server's string), else None.
        digits: the digits collected so far, or None.
        created_time: when it started (aware UTC datetime), or None.
        completed_time: when it ended (aware UTC datetime), or None.
        call_url: the full URL of the call, as the API sends it.
        raw: the payload as received (not part of repr or equality).
    """

    id: str = field(ident, wire=("id", "gatherId"), required=True)
    call_id: Optional[str] = field(segment_of, wire="call")
    state: Union[GatherState, str, None] = field(enum_of(GatherState))
    reason: Union[GatherReason, str, None] = field(enum_of(GatherReason))
    digits: Optional[str] = field()
    created_time: Optional[_dt.datetime] = field(moment)
    completed_time: Optional[_dt.datetime] = field(moment)
    call_url: Optional[str] = field(wire="call")
    raw: Mapping[str, Any] = raw_payload()
    _call: Optional[Call] = attrs.field(default=None, repr=False, eq=False, alias="call")

    @property
    def completed(self) -> bool:
        """True once the gather has ended."""
        return self.state == GatherState.COMPLETED

    def refresh(self) -> Gather:
        """Fetch the gather again (``GET .../gather/{id}``) and return the new snapshot.

        Raises:
            APIError: (NotFoundError, ...) as the API answers.
            TransportError: no answer (RequestTimeout after the client's timeout).
        """
        return self._bound().get_gather(self.id)

    def stop(self) -> None:
        """Stop the gather (``POST .../gather/{id}`` with ``{"state": "completed"}``).

        Raises:
            APIError: as the API answers.
            TransportError: no answer.
        """
        self._bound().update_gather(self.id, state="completed")

    def _bound(self) -> Call:
        if self._call is None:
            raise CatapultError(
                f"gather {self.id} is not bound to a call; use call.get_gather({self.id!r})"
            )
        return self._call


class Gathers(Handle):
    """The gather lifecycle of a call: create, get, update and stop its gathers."""

    __slots__ = ()

    @_options.shows_options(GatherOptions)
    def create_gather(
        self,
        options: Union[GatherOptions, Mapping[str, Any], str, None] = None,
        /,
        **kwargs: Unpack[kw.GatherKwargs],
    ) -> Gather:
        """Start collecting DTMF digits on this active call (``POST /calls/{id}/gather``).

        The request returns at once; when the gather ends, the API posts a ``gather`` event to
        the call's callback URL. Options may be keywords in snake_case, or one dict written
        the way the official samples write it (JS/C# camelCase or a Ruby snake_case hash);
        values are sent exactly as given, omitted options are not sent.

        Args:
            options: a dict or ``GatherOptions``; or a string, Ruby's shortcut, which sends
                ``{"tag": <call id>, "maxDigits": 1, "prompt": {"locale": "en_US",
                "gender": "female", "sentence": <string>, "voice": "kate",
                "bargeable": true}}`` (keywords given with it replace those top-level keys).

        Returns:
            A ``Gather`` with the ``id`` from the 201's ``Location`` (no further request).

        Raises:
            InvalidOptionError: an unknown option (with a did-you-mean), a key given in both
                spellings, or a value out of range; nothing was sent.
            ConflictError: a gather is already running (call-duplicate-gather-error).
            ForbiddenError: the call is not active (call-invalid-state).
            NotFoundError: no such call.
            ProtocolError: a 201 without Location.
            TransportError: no answer (RequestTimeout after the client's timeout).

        Example:
            >>> gather = call.create_gather(max_digits=5, terminating_digits="*",
            ...                             inter_digit_timeout=7,
            ...                             prompt={"sentence": "Please enter your code"})
            >>> gather.id
            'gtr-kj4xloaq5vbpfxyeypndgxa'
        """
        if isinstance(options, str):
            shortcut = sentence_shortcut(options, self.id)
            chosen = dict(_options.collect(GatherOptions, shortcut.items(), "gather"))
            chosen.update(_options.collect(GatherOptions, kwargs.items(), "gather"))
        else:
            chosen = _options.collect(GatherOptions, _options.items_of(options, "gather")
                                      + list(kwargs.items()), "gather")
        body = _options.encode(GatherOptions, chosen, "gather")
        result = self._t.request("POST", self._path("gather"), body=body, created=True)
        return Gather(id=result.created_id(), call_id=self.id, call=cast("Call", self))

    def get_gather(self, gather_id: str) -> Gather:
        """Fetch a gather (``GET /calls/{id}/gather/{gather_id}``): state, reason, digits, times.

        Raises:
            NotFoundError: no such gather or call. Other APIError, TransportError.
        """
        path = self._path("gather", _wire.segment(gather_id, "gather_id"))
        result = self._t.request("GET", path)
        return Gather.from_api(result.json_object("a gather"), call_id=self.id,
                               call=cast("Call", self))

    @_options.shows_options(_GatherUpdate)
    def update_gather(self, gather_id: str, options: Optional[Mapping[str, Any]] = None, /,
                      **kwargs: Unpack[kw.GatherUpdateKwargs]) -> None:
        """Update a gather; the API allows only ``state="completed"``, which stops it.
        ``update_gather(id)``, ``update_gather(id, state="completed")`` and Ruby's
        ``update_gather(id, {"state": "completed"})`` send the same request.

        Raises:
            InvalidOptionError: any other state or option; nothing was sent.
        """
        items = _options.items_of(options, "gather update") + list(kwargs.items())
        body = _options.to_body(_GatherUpdate, items or [("state", "completed")],
                                "gather update")
        path = self._path("gather", _wire.segment(gather_id, "gather_id"))
        self._t.request("POST", path, body=body)

    def stop_gather(self, gather_id: str) -> None:
        """Stop a running gather; the same request as ``update_gather(id, state="completed")``."""
        self.update_gather(gather_id, state="completed")

    complete_gather = stop_gather                 # node
