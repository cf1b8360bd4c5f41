"""Applications, phone numbers and available numbers: the wire, and the sandbox end to end."""

from __future__ import annotations

import json

import pytest
import responses

import catapult
from catapult.sandbox import Sandbox

from .conftest import BASE, ROOT

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


# -- the sandbox ------------------------------------------------------------------------------


@pytest.fixture
def world():
    with Sandbox(clock="manual") as sandbox, sandbox.client() as api:
        yield sandbox, api


def test_the_inventory_honours_the_filters_and_is_deterministic(world):
    sandbox, api = world
    cary = api.AvailableNumber.search_local(city="Cary", state="NC", quantity=3)
    assert [n.city for n in cary] == ["CARY"] * 3
    assert cary == api.AvailableNumber.search_local(city="Cary", state="NC", quantity=3)
    assert all(n.number.startswith("+1415") for n in
               api.AvailableNumber.search_local(area_code="415", quantity=5))
    assert len(api.AvailableNumber.search_local(zip="78701", quantity=7)) == 7
    matched = api.AvailableNumber.search_local(state="NC", pattern="*0042", quantity=2)
    assert [n.number[-4:] for n in matched] == ["0042", "0042"]
    free = api.AvailableNumber.search_toll_free(quantity=2)
    assert [n.number[:5] for n in free] == ["+1800", "+1800"]
    with pytest.raises(catapult.BadRequestError, match="invalid-available-number-search"):
        api.request("GET", "/v1/availableNumbers/local", params={"city": "Cary"})


def test_ordering_moves_numbers_to_the_user(world):
    sandbox, api = world
    ordered = api.AvailableNumber.search_and_order_local(area_code="212", quantity=2)
    mine = {n.number: n for n in api.PhoneNumber.list()}
    assert set(mine) == {o.number for o in ordered}
    assert mine[ordered[0].number].id == ordered[0].id
    again = api.AvailableNumber.search_local(area_code="212", quantity=2)
    assert not {n.number for n in again} & set(mine)
    with pytest.raises(catapult.ConflictError, match="duplicate-number"):
        api.PhoneNumber.allocate(number=ordered[0].number)


def test_an_incoming_call_reaches_the_application_of_its_number(world):
    import threading

    from catapult.callbacks import make_server
    seen: list[catapult.Event] = []
    app = catapult.CallbackApp()
    app.on_any(seen.append)
    server = make_server(app)
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    sandbox, api = world
    try:
        application = api.Application.create(
            name="ivr", incoming_call_url=f"http://127.0.0.1:{server.server_port}/calls")
        [number] = api.AvailableNumber.search_local(state="NC", quantity=1)
        mine = api.PhoneNumber.allocate(number=number.number, application_id=application.id)
        call_id = sandbox.incoming_call("+13235551234", mine.number)
        assert sandbox.settle(5)
        assert [(e.event_type, e.get("applicationId")) for e in seen] == [
            ("incomingcall", application.id), ("answer", None)]
        assert api.Call.get(call_id).state == "active"
        api.Application.update(application.id, auto_answer=False)
        second = sandbox.incoming_call("+13235551234", mine.number)
        assert api.Call.get(second).state == "started"   # the application decides
        api.PhoneNumber.update(mine.id, application_id="")
        assert api.PhoneNumber.get(mine.number).application_id is None
    finally:
        server.shutdown()
        server.server_close()


def test_application_and_number_errors_are_the_apis(world):
    sandbox, api = world
    with pytest.raises(catapult.NotFoundError, match="application-not-found"):
        api.Application.get("a-nope")
    with pytest.raises(catapult.NotFoundError, match="number-not-found"):
        api.PhoneNumber.get("+19999999999")
    with pytest.raises(catapult.NotFoundError, match="order-number-quantity-unavailable"):
        api.AvailableNumber.search_and_order_local(zip="99999")
    application = api.Application.create(name="a", incoming_call_url="http://e.example/c")
    api.Application.delete(application.id)
    assert list(api.Application.list()) == []
