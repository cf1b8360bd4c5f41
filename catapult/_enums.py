"""The wire enums that resources and events share (below both: events import no resource)."""

from __future__ import annotations

from ._wire import StrEnum

__all__ = ["CallState", "GatherReason", "GatherState"]


class CallState(StrEnum):
    """The state of a call."""

    STARTED = "started"
    REJECTED = "rejected"
    ACTIVE = "active"
    COMPLETED = "completed"
    TRANSFERRING = "transferring"


class GatherState(StrEnum):
    """The state of a gather. The docs name the running state ``started``; C# used ``created``."""

    STARTED = "started"
    CREATED = "created"
    COMPLETED = "completed"


class GatherReason(StrEnum):
    """Why a gather ended."""

    MAX_DIGITS = "max-digits"
    TERMINATING_DIGIT = "terminating-digit"
    INTER_DIGIT_TIMEOUT = "inter-digit-timeout"
    HUNG_UP = "hung-up"
