"""catapult.testing, the pytest plugin: its fixtures, its marker, its entry point."""

from __future__ import annotations

import pytest

FROM, TO = "+19195551212", "+19195551213"


def test_pytest_plugin_fixtures_default_to_a_real_clock(catapult_sandbox, catapult_client):
    assert not catapult_sandbox.clock.manual
    call = catapult_client.Call.create(from_=FROM, to=TO)
    catapult_sandbox.answer(call.id)
    assert catapult_client.Call.get(call.id).state == "active"


@pytest.mark.catapult_sandbox(clock="manual")
def test_pytest_plugin_marker_sets_a_manual_clock(catapult_sandbox):
    assert catapult_sandbox.clock.manual


def test_the_plugin_is_registered_as_a_pytest11_entry_point():
    from importlib.metadata import entry_points

    every = entry_points()
    group = (every.select(group="pytest11") if hasattr(every, "select")  # Python 3.10+
             else every.get("pytest11", []))
    found = [e for e in group if e.name == "catapult"]
    assert {e.value for e in found} == {"catapult.testing"}  # 3.9 may list it twice


def test_an_ivr_test_with_the_callbacks_fixture(catapult_sandbox, catapult_client,
                                                catapult_callbacks):
    import catapult

    @catapult_callbacks.app.on("answer")
    def menu(event: catapult.AnswerEvent) -> None:
        catapult_client.Call.create_gather(event.call_id, max_digits=1, prompt={
            "sentence": "Press 1 for sales"})

    call = catapult_client.Call.create(from_=FROM, to=TO, callback_url=catapult_callbacks.url)
    catapult_sandbox.answer(call.id)
    catapult_sandbox.wait_for(catapult.AnswerEvent, call_id=call.id)
    assert catapult_sandbox.settle(5)
    catapult_sandbox.press(call.id, "1")
    gathered = catapult_sandbox.wait_for(catapult.GatherEvent, call_id=call.id)
    assert gathered.digits == "1"
    assert catapult_sandbox.settle(5)
    assert [e.event_type for e in catapult_callbacks.events] == ["answer", "dtmf", "gather"]


@pytest.mark.catapult_callbacks(username="bw", password="s3cret")
def test_the_callbacks_marker_configures_the_app(catapult_callbacks):
    import requests

    assert requests.post(catapult_callbacks.url, json={"eventType": "dtmf"},
                         timeout=5).status_code == 401
    assert requests.post(catapult_callbacks.url, json={"eventType": "dtmf"},
                         auth=("bw", "s3cret"), timeout=5).status_code == 200
    assert len(catapult_callbacks.events) == 1
