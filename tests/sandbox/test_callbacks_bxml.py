"""A CallbackApp answers a GET callback with the BXML its handler returns, and the
BXML-only events parse to their own types."""

from __future__ import annotations

import logging
from typing import Iterator
from urllib.parse import urlencode

import pytest
import requests

import catapult
from catapult.bxml import Gather, Hangup, Response, SpeakSentence
from catapult.callbacks import Receiver

ANSWER = {"eventType": "answer", "callId": "c-1", "callState": "active",
          "from": "+19195551212", "to": "+19195550000", "time": "2026-11-25T10:00:00Z"}
MENU = Response(Gather(SpeakSentence("Press 1 for sales"), request_url="https://x.test/menu",
                       max_digits=1), Hangup())


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as served:
        yield served


def get(receiver: Receiver, query: dict[str, str]) -> requests.Response:
    return requests.get(f"{receiver.url}?{urlencode(query)}", timeout=5)


def test_a_handler_returning_a_response_answers_with_its_bxml(receiver: Receiver) -> None:
    @receiver.app.on("answer")
    def answered(event: catapult.AnswerEvent) -> Response:
        return MENU

    reply = get(receiver, ANSWER)
    assert reply.status_code == 200
    assert reply.headers["Content-Type"] == "application/xml; charset=utf-8"
    assert reply.text == str(MENU)
    assert reply.text.startswith('<?xml version="1.0" encoding="UTF-8"?><Response><Gather ')


def test_bxml_text_is_checked_then_sent_as_written(receiver: Receiver) -> None:
    text = "<?xml version='1.0'?>\n<Response>\n  <Hangup/>\n</Response>\n"
    receiver.app.on("answer")(lambda event: text)
    assert get(receiver, ANSWER).text == text


def test_invalid_bxml_from_a_handler_is_a_500_with_the_reason_logged(
        receiver: Receiver, caplog: pytest.LogCaptureFixture) -> None:
    receiver.app.on("answer")(lambda event: "<Response><Gather/></Response>")
    with caplog.at_level(logging.ERROR, logger="catapult.callbacks"):
        reply = get(receiver, ANSWER)
    assert (reply.status_code, reply.text) == (500, "handler answered with invalid BXML\n")
    assert ("the BXML answer to the answer event (call c-1) is not valid: BXML line 1: "
            "<Gather> option request_url is required") in caplog.text


@pytest.mark.parametrize("returned", [{"not": "bxml"}, "ok", b"done", 0])
def test_other_return_values_are_not_answers(receiver: Receiver, returned: object) -> None:
    receiver.app.on("answer")(lambda event: returned)
    reply = get(receiver, ANSWER)
    assert (reply.status_code, reply.headers["Content-Type"], reply.text) == (
        200, "text/plain; charset=utf-8", "ok\n")


def test_the_bxml_gather_result_and_the_bxml_only_events_are_typed(receiver: Receiver) -> None:
    # the documented gather result GET, as the API sent it to requestUrl
    query = ("terminatingDigit=%23&time=2016-02-20T13%3A04%3A37Z&reason=terminating-digit"
             "&state=completed&eventType=gather&digits=12&callId=c-1"
             "&callUri=https%3A%2F%2Fapi.catapult.inetwork.com%2Fv1%2Fusers%2Fu-1%2Fcalls%2Fc-1"
             "&gatherId=g-1")
    assert requests.get(f"{receiver.url}?{query}", timeout=5).status_code == 200
    get(receiver, {"eventType": "redirect", "callId": "c-1", "callState": "active",
                   "from": "+19195551212", "to": "+19195550000"})
    get(receiver, {"eventType": "transferComplete", "callId": "c-1", "callState": "active",
                   "from": "+19195551212", "to": "+19195550000", "time": "2016-02-20T13:05:00Z",
                   "callUri": "https://api.catapult.inetwork.com/v1/users/u-1/calls/c-1"})
    gather, redirect, transferred = receiver.events
    assert isinstance(gather, catapult.GatherEvent)
    assert (gather.digits, gather.terminating_digit, gather.reason) == (
        "12", "#", catapult.GatherReason.TERMINATING_DIGIT)
    assert gather.call_uri == "https://api.catapult.inetwork.com/v1/users/u-1/calls/c-1"
    assert isinstance(redirect, catapult.RedirectEvent) and redirect.from_ == "+19195551212"
    assert isinstance(transferred, catapult.TransferCompleteEvent)
    assert transferred.call_state == catapult.CallState.ACTIVE
