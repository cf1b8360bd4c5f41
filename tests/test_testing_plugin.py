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
