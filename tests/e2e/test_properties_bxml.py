"""Property: no text, bytes or soup of elements makes bxml.parse raise anything but
InvalidOptionError."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

import catapult
from catapult import bxml


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_any_text_or_bytes_is_a_document_or_an_invalid_option_error(document):
    with contextlib.suppress(catapult.InvalidOptionError):  # anything else fails the test
        bxml.parse(document)


_NAMES = st.sampled_from(["Response", "Gather", "SpeakSentence", "PlayAudio", "Transfer",
                          "PhoneNumber", "Record", "Redirect", "Hangup", "Pause", "SendDtmf",
                          "self", "__class__", "x"])


_ATTRIBUTES = st.dictionaries(
    st.sampled_from(["requestUrl", "maxDigits", "length", "transferTo", "tag", "self",
                     "volume", "repeatCount", "delayBeforeRepeat", "requestUrlTimeout"]),
    st.sampled_from(["https://e.example/x", "1", "0", "-5", "9999", "true", "sip:a@b",
                     "+19195550100", "", "&#10;"]), max_size=3)


@st.composite
def _documents(draw, depth: int = 0) -> str:
    name = draw(_NAMES)
    attributes = "".join(f' {k}="{v}"' for k, v in draw(_ATTRIBUTES).items())
    children = draw(st.lists(_documents(depth + 1), max_size=3)) if depth < 4 else []
    text = draw(st.sampled_from(["", "hello", "https://e.example/a.mp3", "12#", "+19195550100"]))
    return f"<{name}{attributes}>{text}{''.join(children)}</{name}>"


@settings(max_examples=150, deadline=None)
@given(_documents())
def test_any_element_soup_is_a_document_or_an_invalid_option_error(document):
    with contextlib.suppress(catapult.InvalidOptionError):  # anything else fails the test
        bxml.parse(f"<Response>{document}</Response>")
