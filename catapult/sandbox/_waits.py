"""``Sandbox.wait_for``, typed by what it waits for: ``wait_for("gather")`` is a
``GatherEvent`` to a type checker, as ``wait_for(catapult.GatherEvent)`` is.

Written by ``python -m tools.generate`` from the event types of ``catapult.events``; do
not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional, TypeVar, Union, overload

from ..events import Event

if TYPE_CHECKING:
    from .._conference_events import (
        ConferenceEvent,
        ConferenceMemberEvent,
        ConferencePlaybackEvent,
        ConferenceSpeakEvent,
    )
    from .._message_events import (
        MmsEvent,
        SmsEvent,
    )
    from ..events import (
        AnswerEvent,
        DtmfEvent,
        ErrorEvent,
        GatherEvent,
        HangupEvent,
        IncomingCallEvent,
        PlaybackEvent,
        RecordingEvent,
        RedirectEvent,
        SpeakEvent,
        TimeoutEvent,
        TranscriptionEvent,
        TransferCompleteEvent,
    )

E = TypeVar("E", bound=Event)


class Waits:
    """The ``wait_for`` of a sandbox; the waiting itself is ``Sandbox._wait``."""

    def _wait(self, event_type: Union[str, type[Event], None], call_id: Optional[str],
              count: int, timeout: float) -> Event:
        raise NotImplementedError

    @overload
    def wait_for(self, event_type: Literal["gather"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> GatherEvent: ...

    @overload
    def wait_for(self, event_type: Literal["incomingcall"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> IncomingCallEvent: ...

    @overload
    def wait_for(self, event_type: Literal["answer"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> AnswerEvent: ...

    @overload
    def wait_for(self, event_type: Literal["hangup"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> HangupEvent: ...

    @overload
    def wait_for(self, event_type: Literal["reject"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> HangupEvent: ...

    @overload
    def wait_for(self, event_type: Literal["timeout"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> TimeoutEvent: ...

    @overload
    def wait_for(self, event_type: Literal["speak"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> SpeakEvent: ...

    @overload
    def wait_for(self, event_type: Literal["playback"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> PlaybackEvent: ...

    @overload
    def wait_for(self, event_type: Literal["dtmf"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> DtmfEvent: ...

    @overload
    def wait_for(self, event_type: Literal["recording"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> RecordingEvent: ...

    @overload
    def wait_for(self, event_type: Literal["transcription"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> TranscriptionEvent: ...

    @overload
    def wait_for(self, event_type: Literal["error"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> ErrorEvent: ...

    @overload
    def wait_for(self, event_type: Literal["redirect"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> RedirectEvent: ...

    @overload
    def wait_for(self, event_type: Literal["transfercomplete", "transferComplete"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> TransferCompleteEvent: ...

    @overload
    def wait_for(self, event_type: Literal["conference"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> ConferenceEvent: ...

    @overload
    def wait_for(self, event_type: Literal["conference-member"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> ConferenceMemberEvent: ...

    @overload
    def wait_for(self, event_type: Literal["conference-playback"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> ConferencePlaybackEvent: ...

    @overload
    def wait_for(self, event_type: Literal["conference-speak"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> ConferenceSpeakEvent: ...

    @overload
    def wait_for(self, event_type: Literal["sms"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> SmsEvent: ...

    @overload
    def wait_for(self, event_type: Literal["mms"],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> MmsEvent: ...

    @overload
    def wait_for(self, event_type: type[E],
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> E: ...

    @overload
    def wait_for(self, event_type: Optional[str] = None,
                 *, call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> Event: ...

    def wait_for(self, event_type: Union[str, type[Event], None] = None, *,
                 call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> Event:
        """Wait until the ``count``-th event matching type and call has been delivered.

        Args:
            event_type: an event class (``catapult.GatherEvent``), an ``eventType`` name
                (``"gather"``, in any case), or None for any event; a class or a known
                name types the result (``wait_for("gather").digits`` is a ``str``).
            call_id: only events of this call (None: any call).
            count: which matching event to wait for, from 1.
            timeout: seconds of real time.

        Raises:
            InvalidOptionError: an event type name no event has (with a did-you-mean).
            CallbackFailed: an event of ``call_id`` could not be delivered to its callback
                URL: the wait ends at once, naming the URL and the status or error.
            WaitTimeout: (a ``TimeoutError`` too) nothing matching came in time; it names
                what was awaited, what arrived, the clock mode, and every delivery that
                failed since the last wait.
        """
        return self._wait(event_type, call_id, count, timeout)
