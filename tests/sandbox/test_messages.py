"""Messages in the sandbox: status and receipt events to the message's callback URL,
inbound messages to the application of their number, batches, the cursor, redaction."""

from __future__ import annotations

import pytest
import requests

import catapult
from catapult.callbacks import Receiver

FROM, TO = "+19195551212", "+19195551213"


def test_a_sent_message_reports_its_status_then_its_receipt(world):
    sandbox, api = world
    with Receiver() as receiver:
        message = api.Message.send(from_=FROM, to=TO, text="Your appointment is at 3",
                                   callback_url=receiver.url, receipt_requested="all",
                                   tag="reminder-7")
        sandbox.settle()
        sent, receipt = receiver.events
    assert isinstance(sent, catapult.SmsEvent)
    assert (sent.message_id, sent.direction, sent.state, sent.delivery_state, sent.tag) == (
        message.id, "out", "sent", "waiting", "reminder-7")
    assert (receipt.delivery_state, receipt.delivery_code) == ("delivered", 0)
    read = message.refresh()
    assert (read.state, read.delivery_state, read.segment_count) == ("sent", "delivered", 1)


def test_a_long_text_goes_in_segments_and_media_makes_an_mms(world):
    sandbox, api = world
    long = api.Message.send(from_=FROM, to=TO, text="x" * 400)
    assert long.refresh().segment_count == 3                  # 153 characters a segment
    mms = api.Message.send(from_=FROM, to=TO, text="look", media="https://e.example/a.jpg")
    assert mms.refresh().media == ("https://e.example/a.jpg",)
    assert isinstance(sandbox.events[-1], catapult.MmsEvent)


def test_an_inbound_message_reaches_the_application_of_its_number(world):
    sandbox, api = world
    with Receiver() as receiver:
        app = api.Application.create(name="texts", incoming_message_url=receiver.url)
        [number] = api.AvailableNumber.search_and_order_local(area_code="919", quantity=1)
        api.PhoneNumber.update(number.id, application_id=app.id)
        message_id = sandbox.send_message("+13235551234", number.number, "STOP")
        event = sandbox.wait_for(catapult.SmsEvent)
        sandbox.settle()
        assert receiver.events == [event]
    assert (event.message_id, event.direction, event.state, event.text) == (
        message_id, "in", "received", "STOP")
    assert event.application_id == app.id
    assert api.Message.get(message_id).direction == "in"


def test_an_inbound_message_to_a_number_with_no_application_is_logged(world):
    sandbox, api = world
    sandbox.send_message("+13235551234", "+19195550000", "hello?")
    [entry] = api.Error.list()
    assert entry.code == "no-application-for-number"
    assert entry.details["number"] == "+19195550000"


def test_a_batch_accepts_the_good_and_reports_the_bad(world):
    sandbox, api = world
    good, toll_free = api.Message.send_multiple([
        {"from": FROM, "to": TO, "text": "one"},
        {"from": "+18005551212", "to": TO, "text": "two"}])
    assert good.accepted and api.Message.get(good.id).text == "one"
    assert not toll_free.accepted
    assert isinstance(toll_free.error, catapult.ForbiddenError)
    assert toll_free.error.code == "message-from-toll-free"


def test_more_than_50_at_once_is_refused_by_the_api_too(sandbox):
    body = [{"from": FROM, "to": TO, "text": str(n)} for n in range(51)]
    answer = requests.post(f"{sandbox.base_url}/v1/users/{sandbox.user_id}/messages", json=body,
                           auth=(sandbox.api_token, sandbox.api_secret), timeout=5)
    assert (answer.status_code, answer.json()["code"]) == (403, "multi-message-limit")


def test_the_list_is_newest_first_and_pages_by_cursor(world):
    sandbox, api = world
    for number in range(7):
        api.Message.send(from_=FROM, to=TO, text=f"n{number}")
    api.Message.send(from_=FROM, to="+19195559999", text="other")
    first = api.request("GET", "messages", params={"to": TO, "size": 3})
    assert [m["text"] for m in first.data] == ["n6", "n5", "n4"]
    assert "sortKeyLT=" in first.headers["Link"] and 'rel="next"' in first.headers["Link"]
    assert "page=" not in first.headers["Link"]
    assert [m.text for m in api.Message.list(to=TO, size=3)] == [f"n{n}" for n in range(6, -1, -1)]
    assert [m.text for m in api.Message.list(to=TO, sort_order="asc", limit=2)] == ["n0", "n1"]
    assert [m.text for m in api.Message.list(direction="in")] == []


def test_redacting_removes_the_text_and_nothing_else_may_change(world):
    sandbox, api = world
    message = api.Message.send(from_=FROM, to=TO, text="my PIN is 1234")
    message.redact()
    assert message.refresh().text == ""
    with pytest.raises(catapult.BadRequestError, match="only be redacted"):
        api.request("PATCH", f"messages/{message.id}", body={"text": "changed"})
    with pytest.raises(catapult.NotFoundError, match="message-not-found"):
        api.Message.get("m-none")
