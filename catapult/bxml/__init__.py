"""BXML v1: build the document a callback answers with, and read one back.

    from catapult.bxml import Response, Gather, SpeakSentence, Hangup

    str(Response(Gather(SpeakSentence("Press 1 for sales", voice="susan"),
                        request_url="https://example.com/menu", max_digits=1),
                 Hangup()))

Content is positional (a verb's text or URL first, or its child verbs), attributes are
snake_case keywords (the docs' camelCase is taken too); each verb is checked when it is
built, with the rules and messages of the REST options, and raises InvalidOptionError.
``parse(text)`` reads a document back, for tests and tools.
"""

from __future__ import annotations

from ._parse import parse
from ._verbs import (
    MAX_BYTES,
    Gather,
    Hangup,
    Pause,
    PhoneNumber,
    PlayAudio,
    Record,
    Redirect,
    Response,
    SendDtmf,
    SendMessage,
    SpeakSentence,
    Transfer,
    Verb,
)

__all__ = [
    "MAX_BYTES", "Gather", "Hangup", "Pause", "PhoneNumber", "PlayAudio", "Record", "Redirect",
    "Response", "SendDtmf", "SendMessage", "SpeakSentence", "Transfer", "Verb", "parse",
]
