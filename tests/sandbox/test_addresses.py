"""The sandbox checks numbers and SIP addresses as the SDK does: a 400 that says what is
allowed; an incoming call may come from a SIP address."""

from __future__ import annotations

import pytest
import requests

import catapult
from catapult.sandbox import Sandbox

HOSTILE = "sip:<img/src/onerror=alert(1)>@x"


@pytest.fixture
def sandbox():
    with Sandbox() as running:
        yield running


@pytest.mark.parametrize("field", ["from", "to"])
def test_the_sandbox_refuses_a_hostile_address_on_an_incoming_call(sandbox, field):
    body = {"from": "+13235551234", "to": "+19195550000", field: HOSTILE}
    answer = requests.post(f"{sandbox.base_url}/sandbox/calls", json=body, timeout=5)
    assert answer.status_code == 400
    assert "SIP address sip:user@host" in answer.json()["message"]
    with pytest.raises(catapult.sandbox.SandboxError, match="SIP address"):
        sandbox.incoming_call(**{"from_": "+13235551234", "to": "+19195550000",
                                 f"{field}_" if field == "from" else field: HOSTILE})
    assert sandbox.world.far_end.far_end_view() == []


def test_the_sandbox_refuses_a_hostile_to_over_the_api(sandbox):
    answer = requests.post(f"{sandbox.base_url}/v1/users/{sandbox.user_id}/calls",
                           json={"from": "+19195551212", "to": HOSTILE},
                           auth=(sandbox.api_token, sandbox.api_secret), timeout=5)
    assert answer.status_code == 400
    assert answer.json()["code"] == "validation-error"
    assert "SIP address" in answer.json()["message"]


def test_an_incoming_call_may_come_from_a_sip_address(sandbox):
    call_id = sandbox.incoming_call("sip:alice@example.com", "+19195550000")
    assert sandbox.world.far_end.far_end_view()[0]["from"] == "sip:alice@example.com"
    assert call_id.startswith("c-")
