"""Gathers: the options of a gather, its prompt, and the Gather snapshot with its state."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union

import attrs

from .. import _wire
from .._enums import GatherReason, GatherState
from .._options import BOOLEAN, DIGIT_KEYS, number, one_of, option, text, whole
from ..errors import CatapultError

if TYPE_CHECKING:
    from .call import Call

__all__ = ["Gather", "GatherOptions", "GatherReason", "GatherState", "Prompt"]


MAX_SENTENCE = 1000


@attrs.frozen(kw_only=True)
class Prompt:
    """The prompt a gather plays or speaks while it waits for digits.

    Each field may also be given in a dict, in snake_case or camelCase.

    Attributes:
        sentence: text to speak, at most 1000 characters.
        gender: ``"male"`` or ``"female"`` (the API's default is female).
        locale: e.g. ``"en_US"`` (default), ``"en_UK"``, ``"es_MX"``, ``"fr_FR"``,
            ``"de_DE"``, ``"it_IT"``; a string, not checked further.
        voice: e.g. ``"Susan"`` (default), ``"Kate"``, ``"kate"``; a string, not checked further
            (the docs capitalise voice names that the official SDKs sent in lower case).
        file_url: URL of a WAV or MP3 file to play instead of a sentence.
        loop_enabled: bool; keep playing the prompt in a loop (default False).
        bargeable: bool; deprecated by the API, which always interrupts the prompt at the
            first digit.
    """

    sentence: Optional[str] = option(text(max_length=MAX_SENTENCE))
    gender: Optional[str] = option(one_of("male", "female"))
    locale: Optional[str] = option(text())
    voice: Optional[str] = option(text())
    file_url: Optional[str] = option(text())
    loop_enabled: Optional[bool] = option(BOOLEAN)
    bargeable: Optional[bool] = option(BOOLEAN)


@attrs.frozen(kw_only=True)
class GatherOptions:
    """The options of ``create_gather``; a dict with the same keys works as well.

    Numbers may be ints or numeric strings, as the official samples write them; they are
    sent exactly as given (``"5"`` stays a string on the wire).

    Attributes:
        max_digits: digits to collect, not counting a terminating digit: a whole number 1..30.
        inter_digit_timeout: seconds to wait for the first digit and between digits:
            a number greater than 0 and at most 30, fractions allowed (API default 5).
        terminating_digits: digits that end the gather at once, a non-empty string of
            ``0-9``, ``*`` and ``#`` (API default ``"#"``).
        tag: a string of yours, echoed in the gather event.
        prompt: a ``Prompt`` or a dict of its fields.
        suppress_dtmf: bool; legacy option of the older SDKs, not in the current API docs.
    """

    max_digits: Union[int, str, None] = option(whole(1, 30))
    inter_digit_timeout: Union[int, float, str, None] = option(number(0, 30))
    terminating_digits: Optional[str] = option(DIGIT_KEYS)
    tag: Optional[str] = option(text())
    prompt: Union[Prompt, Mapping[str, Any], None] = option(nested=Prompt)
    suppress_dtmf: Optional[bool] = option(BOOLEAN)


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
class Gather(_wire.Readable):
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

    id: str
    call_id: Optional[str] = None
    state: Union[GatherState, str, None] = None
    reason: Union[GatherReason, str, None] = None
    digits: Optional[str] = None
    created_time: Optional[_dt.datetime] = None
    completed_time: Optional[_dt.datetime] = None
    call_url: Optional[str] = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    _call: Optional[Call] = attrs.field(default=None, repr=False, eq=False, alias="call")

    __repr__ = _wire.compact_repr

    @classmethod
    def from_api(cls, payload: Mapping[str, Any], *, call: Optional[Call] = None) -> Gather:
        """Build a Gather from the API's JSON (``GET .../gather/{id}``).

        Args:
            payload: the JSON object; unknown fields are ignored (kept in ``raw``).
            call: the Call it belongs to, which ``refresh()`` and ``stop()`` use.
        """
        call_url = _wire.text_or_none(payload.get("call"))
        return cls(
            id=_wire.text_or_none(payload.get("id") or payload.get("gatherId")) or "",
            call_id=call.id if call is not None else _wire.last_segment(call_url),
            state=_wire.to_enum(GatherState, payload.get("state")),
            reason=_wire.to_enum(GatherReason, payload.get("reason")),
            digits=_wire.text_or_none(payload.get("digits")),
            created_time=_wire.parse_time(payload.get("createdTime")),
            completed_time=_wire.parse_time(payload.get("completedTime")),
            call_url=call_url,
            raw=dict(payload),
            call=call,
        )

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
