"""Applications and numbers in the sandbox: the inventory, orders, and incoming calls that
reach the application of their number."""

from __future__ import annotations

import pytest

import catapult


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
