"""Messages on the wire: one (201 + Location), up to 50 at once (202, a result per
message), the list's cursor, redaction, and the rate-limit errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import responses
from responses import matchers

import catapult

from ..support import ROOT

MESSAGES = f"{ROOT}/messages"
ONE = {"from": "+19195551212", "to": "+19195551213", "text": "Good morning"}


def test_a_message_is_sent_and_its_id_comes_from_the_location(mocked, client):
    mocked.add(responses.POST, MESSAGES, status=201,
               headers={"Location": "/v1/users/u-user/messages/m-1"})
    message = client.Message.send(from_="+19195551212", to="+19195551213", text="Good morning",
                                  callback_url="https://e.example/sms", receipt_requested="all")
    assert json.loads(mocked.calls[0].request.body) == {
        **ONE, "callbackUrl": "https://e.example/sms", "receiptRequested": "all"}
    assert (message.id, message.text, message.receipt_requested) == ("m-1", "Good morning", "all")


def test_ruby_and_csharp_names_and_shapes_send_the_same_bytes(mocked, client):
    for _ in range(2):
        mocked.add(responses.POST, MESSAGES, status=201,
                   headers={"Location": "/v1/users/u-user/messages/m-1"})
    client.Message.create(ONE)                                     # Ruby's name, JS's dict
    client.Message.send({"from_": "+19195551212", "to": "+19195551213",
                         "text": "Good morning"})
    assert mocked.calls[0].request.body == mocked.calls[1].request.body


@pytest.mark.parametrize("options, needle", [
    ({"to": "+19195551213", "text": "x"}, "from_ is required"),
    ({**ONE, "text": "x" * 2049}, "at most 2048 characters"),
    ({**ONE, "to": "9195551213"}, "E.164"),
    ({**ONE, "media": "ftp://e.example/a.jpg"}, "http\\(s\\) URL"),
    ({**ONE, "media": ["https://e.example/a.jpg"], "receiptRequested": "all"},
     "cannot be combined with media"),
    ({**ONE, "receiptRequested": "some"}, "one of 'none', 'all', 'error'"),
])
def test_a_bad_message_is_refused_before_sending(mocked, client, options, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        client.Message.send(options)


def test_many_messages_are_one_request_with_a_result_each(mocked, client):
    mocked.add(responses.POST, MESSAGES, status=202, json=[
        {"result": "accepted", "location": f"{MESSAGES}/m-1"},
        {"result": "error", "error": {"category": "authorization",
                                      "code": "number-access-denied",
                                      "message": "User u-user does not have permission",
                                      "details": [{"name": "number", "value": "+1919"}]}},
    ])
    results = client.Message.send_multiple([ONE, {**ONE, "from": "+19195551299"}])
    assert json.loads(mocked.calls[0].request.body) == [ONE, {**ONE, "from": "+19195551299"}]
    ok, refused = results
    assert (ok.accepted, ok.id, ok.error) == (True, "m-1", None)
    assert (refused.accepted, refused.id) == (False, None)
    assert isinstance(refused.error, catapult.AuthenticationError)
    assert (refused.error.code, refused.error.details) == ("number-access-denied",
                                                           {"number": "+1919"})
    assert refused.sent["from"] == "+19195551299"


@pytest.mark.parametrize("messages, needle", [
    ([], "1 to 50 messages, got 0"),
    ([ONE] * 51, "1 to 50 messages, got 51"),
    (ONE, "a list of messages"),
    ([ONE, {**ONE, "text": None, "tezt": "x"}], "message 1 option"),
])
def test_a_bad_batch_sends_nothing(mocked, client, messages, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        client.Message.send_multiple(messages)


def test_a_batch_answer_without_a_result_per_message_is_a_protocol_error(mocked, client):
    mocked.add(responses.POST, MESSAGES, status=202, json=[{"result": "accepted",
                                                            "location": f"{MESSAGES}/m-1"}])
    with pytest.raises(catapult.ProtocolError, match="a result per message"):
        client.Message.send_multiple([ONE, ONE])


def test_the_list_follows_its_cursor_and_filters_as_the_api_names_them(mocked, client):
    first = {"from": "+19195551212", "fromDateTime": "2026-12-01 10:00:00.000", "size": "2"}
    mocked.add(responses.GET, MESSAGES, json=[{"id": "m-3"}, {"id": "m-2"}],
               headers={"Link": f'<{MESSAGES}?size=2&sortKeyLT=2>; rel="next"'},
               match=[matchers.query_param_matcher(first)])
    mocked.add(responses.GET, MESSAGES, json=[{"id": "m-1"}],
               match=[matchers.query_param_matcher({"size": "2", "sortKeyLT": "2"})])
    found = client.Message.list(from_="+19195551212", size=2,
                                from_date_time=dt.datetime(2026, 12, 1, 10, 0))
    assert [m.id for m in found] == ["m-3", "m-2", "m-1"]


@pytest.mark.parametrize("query, needle", [
    ({"page": 1}, "unknown message list option 'page'"),
    ({"direction": "sideways"}, "one of 'in', 'out'"),
    ({"from_date_time": "yesterday"}, "yyyy-MM-dd"),
    ({"size": 1001}, "from 1 to 1000"),
])
def test_a_bad_list_query_sends_nothing(mocked, client, query, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        next(client.Message.list(**query))


def test_redacting_is_the_only_patch(mocked, client):
    mocked.add(responses.PATCH, f"{MESSAGES}/m-1")
    mocked.add(responses.PATCH, f"{MESSAGES}/m-1")
    client.Message("m-1").redact()
    client.Message.patch("m-1", {"text": ""})                       # node / Ruby / C#
    assert [c.request.body for c in mocked.calls] == [b'{"text":""}'] * 2
    with pytest.raises(catapult.InvalidOptionError, match="can only be redacted"):
        client.Message.patch("m-1", {"text": "changed"})


@pytest.mark.parametrize("code", ["message-rate-limit", "message-rate-limit-overall",
                                  "message-rate-limit-per-tn"])
def test_a_message_refused_for_its_rate_is_a_rate_limit_error_sent_once(mocked, client, code):
    mocked.add(responses.POST, MESSAGES, status=403,
               json={"category": "limit", "code": code, "message": "You can send 1 message"})
    with pytest.raises(catapult.RateLimitError) as caught:
        client.Message.send(ONE)
    assert caught.value.code == code and len(mocked.calls) == 1


def test_a_message_read_back_has_its_fields(mocked, client):
    mocked.add(responses.GET, f"{MESSAGES}/m-1", json={
        "id": "m-1", **ONE, "direction": "out", "state": "sent", "time": "2026-12-02T10:00:00Z",
        "media": "https://e.example/a.jpg", "deliveryState": "delivered", "deliveryCode": 0,
        "segmentCount": "1"})
    message = client.Message.get("m-1")
    assert (message.from_, message.state, message.delivery_code, message.segment_count) == (
        "+19195551212", "sent", 0, 1)
    assert message.media == ("https://e.example/a.jpg",)
    assert message.time == dt.datetime(2026, 12, 2, 10, tzinfo=dt.timezone.utc)
