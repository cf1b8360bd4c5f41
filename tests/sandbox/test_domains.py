"""SIP domains and endpoints in the sandbox: their rules, their paging, and SIP calls: a
call from an endpoint reports to the endpoint's application, a call to one rings it."""

from __future__ import annotations

import json

import pytest
import requests

import catapult
from catapult.callbacks import Receiver

PASSWORD = "s1p-Pa55word"


def test_a_domain_and_its_endpoint_as_the_docs_show_them(world):
    sandbox, api = world
    domain = api.Domain.create(name="acme", description="our phones")
    assert api.Domain.get(domain.id).endpoints_url.endswith(f"/domains/{domain.id}/endpoints")
    endpoint = domain.create_endpoint(name="alice", description="Alice's desk",
                                      credentials={"password": PASSWORD})
    read = endpoint.refresh()
    assert (read.id[:3], read.domain_id, read.name, read.enabled) == ("re-", domain.id,
                                                                      "alice", True)
    assert read.sip_uri == "sip:alice@acme.bwapp.bwsip.io"
    assert (read.realm, read.username) == ("acme.bwapp.bwsip.io", "alice")
    wire = api.request("GET", f"domains/{domain.id}/endpoints/{endpoint.id}").data
    assert "password" not in json.dumps(wire)
    api.Endpoint.update(domain.id, endpoint.id, description="moved", enabled=False)
    assert (endpoint.refresh().description, endpoint.refresh().enabled) == ("moved", False)


def test_no_password_is_kept_in_what_the_sandbox_recorded(world):
    sandbox, api = world
    domain = api.Domain.create(name="acme")
    api.Endpoint.create(domain.id, name="alice", credentials={"password": PASSWORD})
    recorded = [r for r in sandbox.requests if r.path.endswith("/endpoints")]
    assert recorded and recorded[0].body["credentials"] == {"password": "<hidden>"}
    control = requests.get(f"{sandbox.base_url}/sandbox/requests", timeout=5)
    assert PASSWORD not in control.text


def test_the_rules_of_domains_and_endpoints(world):
    sandbox, api = world
    domain = api.Domain.create(name="acme")
    with pytest.raises(catapult.ConflictError, match="duplicate-domain"):
        api.Domain.create(name="acme")
    api.Endpoint.create(domain.id, name="alice", credentials={"password": PASSWORD})
    with pytest.raises(catapult.ConflictError, match="duplicate-endpoint"):
        api.Endpoint.create(domain.id, name="alice", credentials={"password": PASSWORD})
    with pytest.raises(catapult.NotFoundError, match="application-not-found"):
        api.Endpoint.create(domain.id, name="bob", application_id="a-none",
                            credentials={"password": PASSWORD})
    with pytest.raises(catapult.BadRequestError, match="validation-error") as short:
        api.request("POST", f"domains/{domain.id}/endpoints",
                    body={"name": "carol", "credentials": {"password": "abc"}})
    assert "credentials.password" in str(short.value) and "abc" not in str(short.value)
    with pytest.raises(catapult.NotFoundError):
        api.Endpoint.get("rd-none", "re-none")
    api.Domain(domain.id).delete()
    with pytest.raises(catapult.NotFoundError):
        api.Domain.get(domain.id)


def test_at_most_100_domains(world):
    sandbox, api = world
    for number in range(100):
        api.Domain.create(name=f"d{number}")
    with pytest.raises(catapult.ForbiddenError, match="100 domains"):
        api.Domain.create(name="one-too-many")
    assert len(list(api.Domain.list(size=30))) == 100


def test_endpoints_page_as_the_api_pages_them(world):
    sandbox, api = world
    domain = api.Domain.create(name="acme")
    for name in ("a", "b", "c"):
        api.Endpoint.create(domain.id, name=name, credentials={"password": PASSWORD})
    first = api.request("GET", f"domains/{domain.id}/endpoints", params={"size": 2})
    assert [e["name"] for e in first.data] == ["a", "b"]
    assert 'rel="first"' in first.headers["Link"] and 'rel="next"' in first.headers["Link"]
    assert [e.name for e in domain.get_endpoints(size=2)] == ["a", "b", "c"]
    assert [e.name for e in api.Endpoint.list(domain.id, limit=2)] == ["a", "b"]


def test_auth_tokens_are_made_and_revoked(world):
    sandbox, api = world
    domain = api.Domain.create(name="acme")
    endpoint = api.Endpoint.create(domain.id, name="alice", credentials={"password": PASSWORD})
    token = endpoint.create_auth_token(expires=60)
    assert token.expires == 60 and len(token.token) >= 24
    assert endpoint.create_auth_token().expires == 3600
    endpoint.delete_auth_token(token.token)
    with pytest.raises(catapult.NotFoundError):
        endpoint.delete_auth_token(token.token)


def test_a_call_from_an_endpoint_reports_to_its_application(world):
    sandbox, api = world
    with Receiver() as receiver:
        app = api.Application.create(name="sip", incoming_call_url=receiver.url,
                                     auto_answer=False)
        domain = api.Domain.create(name="sip-app")
        endpoint = domain.create_endpoint(name="r-user", application_id=app.id,
                                          credentials={"password": PASSWORD}).refresh()
        call_id = sandbox.incoming_call(endpoint.sip_uri, "+19195550000")
        event = sandbox.wait_for(catapult.IncomingCallEvent, call_id=call_id)
        sandbox.settle()
        assert (event.from_, event.to) == (endpoint.sip_uri, "+19195550000")
        assert event.raw["applicationId"] == app.id
        assert [e.event_type for e in receiver.events] == ["incomingcall"]  # the app answers
        api.Call(call_id).answer_on_incoming()
        assert sandbox.wait_for(catapult.AnswerEvent, call_id=call_id)


def test_a_call_to_an_endpoint_rings_it_and_the_phone_names_it(world):
    sandbox, api = world
    domain = api.Domain.create(name="sip-app")
    endpoint = domain.create_endpoint(name="r-user", credentials={"password": PASSWORD})
    uri = endpoint.refresh().sip_uri
    call = api.Call.create(from_="+19195551212", to=uri)
    phone = requests.get(f"{sandbox.base_url}/sandbox/calls", timeout=5).json()
    assert [(c["to"], c.get("endpoint")) for c in phone] == [(uri, "r-user")]
    sandbox.answer(call.id)                                 # the SIP client picks up
    assert api.Call.get(call.id).state == "active"
    endpoint.update(enabled=False)
    with pytest.raises(catapult.ForbiddenError, match="endpoint-disabled"):
        api.Call.create(from_="+19195551212", to=uri)
    with pytest.raises(catapult.sandbox.SandboxError, match="disabled"):
        sandbox.incoming_call(uri, "+19195550000")
