"""Numbers and SIP addresses are checked as what they are (E.164; RFC 3261 sip:user@host),
wherever a call's parties or a transfer target are taken; nothing is sent otherwise."""

from __future__ import annotations

import pytest

import catapult
from catapult import _checks

GOOD_SIP = ["sip:alice@example.com", "sip:r-user@sip-app.bwapp.bwsipp.io",
            "sip:+19195551212@10.0.0.1:5060;transport=tcp", "sip:a%20b@[2001:db8::1]",
            "sip:o'neil(x)@host.example.", "sip:user;phone=1@h"]


BAD = ["sip:<img/src/onerror=alert(1)>", "sip:<img/src/onerror=alert(1)>@x", "sip:alice",
       "sip:@example.com", "sip:alice@", "sip:al ice@example.com", 'sip:"a"@example.com',
       "sip:a@example.com?subject=hi", "sips:alice@example.com", "SIP:alice@example.com",
       "sip:a@-bad-.com", "sip:a@ex ample.com", "sip:a@x>", "tel:+19195551212",
       "+1919555121x", "19195551212", "sip:" + "a" * 260 + "@x.com"]


@pytest.mark.parametrize("address", GOOD_SIP + ["+19195551212", "+442071838750"])
def test_numbers_and_sip_addresses_pass(address):
    assert _checks.E164_OR_SIP.test(address)


@pytest.mark.parametrize("address", BAD)
def test_anything_else_fails(address):
    assert not _checks.E164_OR_SIP.test(address)


@pytest.mark.parametrize("address", BAD)
def test_call_create_refuses_a_bad_to_and_sends_nothing(mocked, client, address):
    with pytest.raises(catapult.InvalidOptionError) as refused:
        client.Call.create(from_="+19195551212", to=address)
    assert "to must be an E.164 number such as '+19195551212' or a SIP address" \
        in str(refused.value)
    assert len(mocked.calls) == 0


@pytest.mark.parametrize("address", BAD[:6])
def test_a_transfer_target_and_caller_id_are_checked_too(mocked, client, address):
    call = client.Call("c-1")
    with pytest.raises(catapult.InvalidOptionError, match="transfer_to must be"):
        call.transfer(address)
    with pytest.raises(catapult.InvalidOptionError, match="transfer_caller_id must be"):
        call.transfer("+19195550100", transfer_caller_id=address)
    assert len(mocked.calls) == 0


def test_a_transfer_may_show_private_or_a_sip_caller(mocked, client):
    import responses

    mocked.add(responses.POST, "https://api.test.example/v1/users/u-user/calls/c-1",
               status=201, headers={"Location": "/v1/users/u-user/calls/c-2"})
    assert client.Call("c-1").transfer("sip:bob@example.com",
                                       transfer_caller_id="private").id == "c-2"
