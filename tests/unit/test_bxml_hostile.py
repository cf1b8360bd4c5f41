"""Hostile or merely odd BXML: parse and the builder refuse it with InvalidOptionError,
naming the line and the fault; CallbackApp answers it with a logged 500."""

from __future__ import annotations

import io
import logging

import pytest

import catapult
from catapult import bxml
from catapult.bxml import MAX_BYTES, Gather, PlayAudio, Response, SpeakSentence, Transfer
from catapult.bxml._verbs import MAX_DEPTH

HOSTILE = [
    ("<Response>" + "<Pause>" * 600 + "</Pause>" * 600 + "</Response>",
     f"BXML line 1: elements nest deeper than {MAX_DEPTH} levels"),
    ('<Response><Hangup self="x"/></Response>', "<Hangup> has no attribute 'self'"),
    ('<Response>\n<Gather requestUrl="https://e.example" __init__="x"/></Response>',
     "BXML line 2: <Gather> has no attribute '__init__'"),
    ('<Response xmlns="urn:x"><Hangup/></Response>', "<Response> has no attribute 'xmlns'"),
    ('<Response><Gather request_url="https://e.example"/></Response>',
     "<Gather> has no attribute 'request_url'; its attributes are: requestUrl"),
    ("<Response>\n\n<SpeakSentence>a\ud800b</SpeakSentence></Response>",
     "BXML line 3: U+D800 is a lone surrogate"),
    ("<Response><SpeakSentence>a&#1;b</SpeakSentence></Response>",
     "BXML line 1: not well-formed XML: reference to invalid character number"),
    (b"<Response><SpeakSentence>a\x01b</SpeakSentence></Response>",
     "BXML line 1: not well-formed XML"),
    (b"<Response><SpeakSentence>\xff\xfe</SpeakSentence></Response>",
     "BXML line 1: not well-formed XML"),
    ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><Response/>',
     "a DOCTYPE or entity declaration is not allowed"),
    ("", "BXML line 1: not well-formed XML: no element found"),
    ("<Response/><Response/>", "junk after document element"),
    ("<Transfer transferTo='+19195550100'/>", "a BXML document is one <Response>"),
    ('<Response><Transfer transferTo="sip:&lt;img/src/onerror=alert(1)&gt;@x"/></Response>',
     "transfer_to must be an E.164 number such as '+19195551212' or a SIP address"),
    ("<Response><Gather requestUrl='https://e.example'><Hangup/></Gather></Response>",
     "<Gather> cannot hold <Hangup>"),
    ("<Response>" + "<Hangup/>" * 2000 + "</Response>", "may be at most 16384 bytes"),
]


@pytest.mark.parametrize("document, wanted", HOSTILE, ids=[w[:40] for _, w in HOSTILE])
def test_hostile_documents_are_refused_with_the_line_and_the_fault(document, wanted):
    with pytest.raises(catapult.InvalidOptionError) as refused:
        bxml.parse(document)
    assert wanted in str(refused.value)


@pytest.mark.parametrize("not_text", [None, 12, ["<Response/>"], io.BytesIO(b"<Response/>")])
def test_parse_takes_text_or_bytes_only(not_text):
    with pytest.raises(catapult.InvalidOptionError, match="BXML must be text or bytes"):
        bxml.parse(not_text)


@pytest.mark.parametrize("build, wanted", [
    (lambda: SpeakSentence("press \x01"), "<SpeakSentence> the sentence has U+0001"),
    (lambda: SpeakSentence("nul \x00"), "U+0000 at character 5"),
    (lambda: SpeakSentence("lone \ud83d"), "U+D83D"),
    (lambda: Gather(request_url="https://e.example", tag="\x1b[31m"), "option tag has U+001B"),
    (lambda: SpeakSentence("\ufffe"), "U+FFFE"),
])
def test_the_builder_refuses_characters_xml_cannot_carry(build, wanted):
    with pytest.raises(catapult.InvalidOptionError) as refused:
        build()
    assert wanted in str(refused.value)
    assert "XML 1.0 carries tab, newline, carriage return" in str(refused.value)


def test_white_space_in_attributes_and_text_comes_back_as_it_was():
    tag = '{"a": "line one\nline two",\t"b": "\r"}'
    document = Response(Gather(SpeakSentence("one\r\ntwo\tthree"),
                               request_url="https://e.example/?a=1&b=2", tag=tag))
    text = str(document)
    assert "&#10;" in text and "&#9;" in text and "&#13;" in text and "&amp;b=2" in text
    again = bxml.parse(text)
    assert again == document
    gather = again.children[0]
    assert gather.attributes["tag"] == tag
    assert gather.children[0].content == "one\r\ntwo\tthree"


def test_the_16_kb_limit_counts_the_bytes_that_are_sent():
    sentence = "é" * 900  # 900 characters, 1800 bytes of UTF-8
    under = [SpeakSentence(sentence) for _ in range(8)]
    assert len(str(Response(*under)).encode()) <= MAX_BYTES
    with pytest.raises(catapult.InvalidOptionError, match="at most 16384 bytes"):
        Response(*under, SpeakSentence(sentence), SpeakSentence(sentence))
    assert len(str(Response(*under))) < MAX_BYTES // 2 + 2000  # characters are not the measure


@pytest.mark.parametrize("address", ["sip:<img/src/onerror=alert(1)>@x", "sip:alice",
                                     "sip:al ice@example.com", "tel:+19195550100"])
def test_transfer_targets_are_checked_as_numbers_or_sip_addresses(address):
    with pytest.raises(catapult.InvalidOptionError, match="SIP address sip:user@host"):
        Transfer(transfer_to=address)
    with pytest.raises(catapult.InvalidOptionError, match="SIP address"):
        Transfer(bxml.PhoneNumber(address))


def _call_app(app: catapult.CallbackApp) -> tuple[str, bytes]:
    seen: list[str] = []
    environ = {"REQUEST_METHOD": "GET", "QUERY_STRING": "eventType=answer&callId=c-1",
               "wsgi.input": io.BytesIO(b"")}
    body = b"".join(app(environ, lambda status, headers: seen.append(status)))
    return seen[0], body


@pytest.mark.parametrize("answer", [
    "<Response>" + "<Pause>" * 600 + "</Pause>" * 600 + "</Response>",
    '<Response><Hangup self="x"/></Response>',
    "<Response><SpeakSentence>\ud800</SpeakSentence></Response>",
    b"<Response><SpeakSentence>\x01</SpeakSentence></Response>",
])
def test_callback_app_answers_bad_bxml_with_a_logged_500(answer, caplog):
    app = catapult.CallbackApp()
    app.on("answer")(lambda event: answer)
    with caplog.at_level(logging.ERROR, logger="catapult.callbacks"):
        status, body = _call_app(app)
    assert status.startswith("500")
    assert b"invalid BXML" in body
    assert any("is not valid" in record.getMessage() for record in caplog.records)


def test_callback_app_turns_any_failure_of_its_bxml_handling_into_a_500(monkeypatch, caplog):
    app = catapult.CallbackApp()
    built = Response(PlayAudio("https://e.example/a.mp3"))
    app.on("answer")(lambda event: built)
    monkeypatch.setattr(Response, "__str__", lambda self: 1 / 0)  # writing it fails
    with caplog.at_level(logging.ERROR, logger="catapult.callbacks"):
        status, _ = _call_app(app)
    assert status.startswith("500")
    assert any("ZeroDivisionError" in record.getMessage() for record in caplog.records)
