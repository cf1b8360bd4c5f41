"""The events of messages: ``sms`` and ``mms``, inbound to an application's
``incomingMessageUrl`` and outbound (status and delivery receipts) to a message's
``callbackUrl``."""

from __future__ import annotations

from typing import Optional

import attrs

from ._event_base import Event
from ._model import field, integer, strings


@attrs.frozen(kw_only=True, repr=False)
class SmsEvent(Event):
    """A text message was received, sent, or its delivery receipt came back.

    Attributes:
        message_id: the message (``message_uri``: its URL).
        direction: ``in`` (to one of your numbers) or ``out``.
        from_: the sender (``to``: the recipient).
        text: the text.
        application_id: the application of the number it came to (inbound).
        state: ``received``, ``queued``, ``sending``, ``sent`` or ``error``.
        delivery_state: ``waiting``, ``delivered`` or ``not-delivered`` (receipts).
        delivery_code: 0 delivered to the carrier, others a failure (also
            ``delivery_description``).
        segment_count: how many segments it was sent in.
    """

    message_id: Optional[str] = field()
    message_uri: Optional[str] = field()
    direction: Optional[str] = field()
    from_: Optional[str] = field()
    to: Optional[str] = field()
    text: Optional[str] = field()
    application_id: Optional[str] = field()
    state: Optional[str] = field()
    delivery_state: Optional[str] = field()
    delivery_code: Optional[int] = field(integer)
    delivery_description: Optional[str] = field()
    segment_count: Optional[int] = field(integer)


@attrs.frozen(kw_only=True, repr=False)
class MmsEvent(SmsEvent):
    """A multimedia message, as ``SmsEvent`` with ``media``: the URLs of its files."""

    media: Optional[tuple[str, ...]] = field(strings)
