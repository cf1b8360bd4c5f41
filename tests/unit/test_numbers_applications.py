"""Applications, phone numbers and available numbers on the wire."""

from __future__ import annotations

import json

import pytest
import responses

import catapult

from ..support import BASE, ROOT

APP = {"name": "MyFirstApp", "incomingCallUrl": "http://example.com/calls.php",
       "incomingMessageUrl": "http://example.com/messages.php", "callbackHttpMethod": "GET",
       "autoAnswer": True}


def test_application_create_get_update_delete(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/applications", status=201,
               headers={"Location": "/v1/users/u-user/applications/a-1"})
    mocked.add(responses.GET, f"{ROOT}/applications/a-1", json={"id": "a-1", **APP})
    mocked.add(responses.POST, f"{ROOT}/applications/a-1")
    mocked.add(responses.DELETE, f"{ROOT}/applications/a-1")
    created = client.Application.create(APP)
    assert (created.id, created.name, created.auto_answer) == ("a-1", "MyFirstApp", True)
    assert json.loads(mocked.calls[0].request.body) == APP
    assert client.Application.get("a-1").incoming_call_url == "http://example.com/calls.php"
    client.Application.update("a-1", name="new name")
    assert mocked.calls[2].request.body == b'{"name":"new name"}'
    client.Application("a-1").delete()
    assert mocked.calls[3].request.method == "DELETE"


@pytest.mark.parametrize("bad, needle", [
    ({"incoming_call_url": "http://e.example/c"}, "name is required"),
    ({"name": "x"}, "incoming_call_url or incoming_message_url"),
    ({"name": "x", "incoming_call_url": "ftp://e"}, "an absolute http\\(s\\) URL"),
    ({"name": "x", "incoming_call_url": "http://e.example/c",
      "incoming_call_url_callback_timeout": 20000}, "from 1 to 10000"),
])
def test_application_checks_before_sending(mocked, client, bad, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        client.Application.create(**bad)
    assert len(mocked.calls) == 0


def test_phone_number_allocate_and_get_by_number(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/phoneNumbers", status=201,
               headers={"Location": f"{BASE}/v1/users/u-user/phoneNumbers/n-1"})
    mocked.add(responses.GET, f"{ROOT}/phoneNumbers/%2B19195551212",
               json={"id": "n-1", "number": "+19195551212", "numberState": "enabled",
                     "application": f"{ROOT}/applications/a-1", "price": "0.60"})
    number = client.PhoneNumber.allocate(number="+19195551212", application_id="a-1")
    assert number.id == "n-1"
    assert json.loads(mocked.calls[0].request.body) == {"number": "+19195551212",
                                                        "applicationId": "a-1"}
    fetched = client.PhoneNumber.get("+19195551212")
    assert (fetched.application_id, fetched.price) == ("a-1", "0.60")


def test_available_numbers_live_outside_the_user_root(mocked, client):
    mocked.add(responses.GET, f"{BASE}/v1/availableNumbers/local",
               match=[responses.matchers.query_param_matcher(
                   {"city": "Cary", "state": "NC", "pattern": "*2?9*", "quantity": "2"})],
               json=[{"number": "+19192972390", "nationalNumber": "(919) 297-2390",
                      "patternMatch": "          2 9 ", "city": "CARY", "lata": "426",
                      "rateCenter": "CARY", "state": "NC", "price": "0.60"}])
    mocked.add(responses.POST, f"{BASE}/v1/availableNumbers/tollFree", status=201,
               match=[responses.matchers.query_param_matcher({"quantity": "2"})],
               json=[{"number": "+18005551000", "nationalNumber": "(800) 555-1000",
                      "price": "2.00", "location": f"{ROOT}/phoneNumbers/n-9"}])
    [found] = client.AvailableNumber.search_local(city="Cary", state="NC", pattern="*2?9*",
                                                  quantity=2)
    assert (found.number, found.rate_center) == ("+19192972390", "CARY")
    [ordered] = client.AvailableNumber.search_and_order("tollFree", {"quantity": 2})
    assert (ordered.id, ordered.number) == ("n-9", "+18005551000")


@pytest.mark.parametrize("query, needle", [
    ({"city": "Cary"}, "exactly one of state, zip or area_code"),
    ({"state": "NC", "zip": "27511"}, "exactly one"),
    ({"area_code": "919", "city": "Cary"}, "city needs state"),
    ({"zip": "27511", "local_number": "555"}, "local_number needs area_code"),
    ({"area_code": "91"}, "three digits"),
    ({"state": "NC", "quantity": 5001}, "from 1 to 5000"),
])
def test_a_search_the_api_would_refuse_sends_nothing(mocked, client, query, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        client.AvailableNumber.search_local(**query)
    assert len(mocked.calls) == 0


def test_a_search_and_order_takes_no_pattern_and_at_most_ten(mocked, client):
    with pytest.raises(catapult.InvalidOptionError, match="no pattern"):
        client.AvailableNumber.search_and_order_local(state="NC", pattern="9*")
    with pytest.raises(catapult.InvalidOptionError, match="at most 10"):
        client.AvailableNumber.search_and_order_toll_free(quantity=11)
    assert len(mocked.calls) == 0
