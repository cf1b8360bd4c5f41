"""The account, the error log and CNAM lookups in the sandbox: a balance that moves with
each chargeable action, the errors the sandbox answered, and paging as the API pages."""

from __future__ import annotations

import pytest
import requests

import catapult

FROM, TO = "+19195551212", "+19195551213"


def test_each_chargeable_action_is_a_transaction_with_its_product_type(world):
    sandbox, api = world
    start = api.Account.get().balance
    [number] = api.AvailableNumber.search_and_order_local(area_code="919", quantity=1)
    api.Message.send(from_=number.number, to=TO, text="hi")
    call = api.Call.create(from_=number.number, to=TO, transcription_enabled=True)
    sandbox.answer(call.id)
    call.recording_on()
    sandbox.advance(61)
    call.recording_off()
    call.hang_up()
    api.NumberInfo.get(TO)
    products = [t.product_type for t in api.Account.get_transactions()]
    assert products == ["cnam-search", "call-out", "transcription", "sms-out",
                        "local-number-per-month", None]        # newest first; None: credit
    [call_out] = [t for t in api.Account.get_transactions() if t.product_type == "call-out"]
    assert call_out.units == 2                                 # 61 s: two started minutes
    spent = sum(t.amount for t in api.Account.get_transactions(type="charge"))
    assert api.Account.get().balance == start - spent
    assert [t.type for t in api.Account.get_transactions(max_items=1)] == ["charge"]


def test_the_error_log_holds_what_the_sandbox_refused(world):
    sandbox, api = world
    with pytest.raises(catapult.NotFoundError):
        api.Call.get("c-none")
    [entry] = api.Error.list()
    assert (entry.category, entry.code) == ("not-found", "call-not-found")
    assert entry.details["requestMethod"] == "GET"
    assert api.Error.get(entry.id) == entry
    with pytest.raises(catapult.NotFoundError, match="user-error-not-found"):
        api.Error.get("ue-none")
    assert len(list(api.Error.list())) == 1                     # reading the log adds nothing


def test_cnam_lookups_under_both_paths_the_sdks_use(sandbox):
    auth = (sandbox.api_token, sandbox.api_secret)
    documented = requests.get(f"{sandbox.base_url}/v1/phoneNumbers/numberInfo/%2B19195551212",
                              auth=auth, timeout=5).json()
    node = requests.get(f"{sandbox.base_url}/v1/numberInfo/%2B19195551212", auth=auth,
                        timeout=5).json()
    assert documented["name"] == node["name"] and documented["number"] == "+19195551212"
    bad = requests.get(f"{sandbox.base_url}/v1/phoneNumbers/numberInfo/919", auth=auth,
                       timeout=5)
    assert (bad.status_code, bad.json()["code"]) == (403, "invalid-cnam-search")


def test_every_documented_list_pages_with_first_and_next_links(world):
    sandbox, api = world
    for number in range(3):
        call = api.Call.create(from_=FROM, to=TO)
        sandbox.answer(call.id)
        call.recording_on()
        sandbox.advance(1)
        call.recording_off()
        call.hang_up()
        with pytest.raises(catapult.NotFoundError):
            api.Call.get(f"c-none-{number}")
    for path in ("recordings", "errors", "account/transactions"):
        first = api.request("GET", path, params={"size": 2})
        assert len(first.data) == 2, path
        links = first.headers["Link"]
        assert 'rel="first"' in links and 'rel="next"' in links, path
    assert len(list(api.Recording.list(size=2))) == 3
    assert len(list(api.Error.list(size=2))) == 3
