"""SIP domains and endpoints on the wire: exact bodies, ids from Location, the ids of a
domain's endpoint first, and a password that is sent and never kept or shown."""

from __future__ import annotations

import json
import logging

import pytest
import responses

import catapult

from ..support import ROOT

DOMAINS = f"{ROOT}/domains"
ENDPOINTS = f"{DOMAINS}/rd-1/endpoints"
PASSWORD = "s1p-Pa55word"
ENDPOINT = {"id": "re-1", "name": "alice", "domainId": "rd-1", "applicationId": "a-1",
            "enabled": True, "sipUri": "sip:alice@acme.bwapp.bwsip.io",
            "credentials": {"realm": "acme.bwapp.bwsip.io", "username": "alice"}}


def created(mocked, url, location):
    mocked.add(responses.POST, url, status=201, headers={"Location": location})


def test_a_domain_is_created_listed_and_deleted(mocked, client):
    created(mocked, DOMAINS, "/v1/users/u-user/domains/rd-1")
    mocked.add(responses.GET, DOMAINS, json=[{"id": "rd-1", "name": "acme",
                                              "endpoints": f"{ENDPOINTS}"}],
               headers={"Link": f'<{DOMAINS}?page=1&size=1>; rel="next"'})
    mocked.add(responses.GET, f"{DOMAINS}?page=1&size=1", json=[{"id": "rd-2", "name": "b"}])
    mocked.add(responses.DELETE, f"{DOMAINS}/rd-1")
    domain = client.Domain.create(name="acme", description="our phones")
    assert (domain.id, domain.name) == ("rd-1", "acme")
    assert json.loads(mocked.calls[0].request.body) == {"name": "acme",
                                                        "description": "our phones"}
    assert [d.id for d in client.Domain.list(size=1)] == ["rd-1", "rd-2"]
    assert mocked.calls[1].request.url == f"{DOMAINS}?size=1"
    client.Domain.delete("rd-1")                       # node and C#: id first
    assert mocked.calls[3].request.method == "DELETE"


@pytest.mark.parametrize("options, needle", [
    ({}, "name is required"),
    ({"name": "-acme"}, "letters, digits, - and _"),
    ({"name": "a" * 64}, "at most 63 characters"),
    ({"name": "acme", "descripton": "x"}, "did you mean description"),
])
def test_a_bad_domain_is_refused_before_sending(mocked, client, options, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        client.Domain.create(**options)


def test_an_endpoint_is_created_with_its_domain_and_password_then_forgets_it(mocked, client):
    created(mocked, ENDPOINTS, "/v1/users/u-user/domains/rd-1/endpoints/re-1")
    created(mocked, ENDPOINTS, "/v1/users/u-user/domains/rd-1/endpoints/re-2")
    endpoint = client.Endpoint.create("rd-1", name="alice", application_id="a-1",
                                      enabled=False, credentials={"password": PASSWORD})
    assert json.loads(mocked.calls[0].request.body) == {
        "name": "alice", "applicationId": "a-1", "enabled": False,
        "credentials": {"password": PASSWORD}, "domainId": "rd-1"}
    assert (endpoint.id, endpoint.domain_id, endpoint.enabled) == ("re-1", "rd-1", False)
    # the Ruby shape, on the domain; the domain id in the body as node sends it
    second = client.Domain("rd-1").create_endpoint(
        {"name": "bob", "domain_id": "rd-1", "credentials": {"password": PASSWORD}})
    assert json.loads(mocked.calls[1].request.body)["domainId"] == "rd-1"
    for model in (endpoint, second):
        assert PASSWORD not in repr(model)
        assert PASSWORD not in json.dumps(dict(model.raw))
        assert "password" not in model.raw.get("credentials", {})


def test_an_endpoint_read_back_has_its_address_and_no_password(mocked, client):
    mocked.add(responses.GET, f"{ENDPOINTS}/re-1",
               json={**ENDPOINT, "credentials": {**ENDPOINT["credentials"],
                                                 "password": PASSWORD}})
    endpoint = client.Endpoint.get("rd-1", "re-1")
    assert (endpoint.sip_uri, endpoint.realm, endpoint.username) == (
        "sip:alice@acme.bwapp.bwsip.io", "acme.bwapp.bwsip.io", "alice")
    assert endpoint["credentials"] == {"realm": "acme.bwapp.bwsip.io", "username": "alice"}
    assert PASSWORD not in repr(endpoint) and PASSWORD not in str(dict(endpoint.raw))


def test_the_id_first_methods_take_the_domain_then_the_endpoint(mocked, client):
    mocked.add(responses.POST, f"{ENDPOINTS}/re-1")
    mocked.add(responses.POST, f"{ENDPOINTS}/re-1/tokens", status=201,
               json={"token": "tok-secret-value", "expires": 60})
    mocked.add(responses.DELETE, f"{ENDPOINTS}/re-1/tokens/tok-secret-value")
    mocked.add(responses.DELETE, f"{ENDPOINTS}/re-1")
    client.Endpoint.update("rd-1", "re-1", {"enabled": False})          # node's shape
    assert mocked.calls[0].request.body == b'{"enabled":false}'
    token = client.Endpoint.create_auth_token("rd-1", "re-1", expires=60)
    assert json.loads(mocked.calls[1].request.body) == {"expires": 60}
    assert (token.token, token.expires) == ("tok-secret-value", 60)
    assert "tok-secret-value" not in repr(token)
    client.Endpoint("rd-1", "re-1").delete_auth_token(token.token)
    client.Domain("rd-1").delete_endpoint("re-1")                        # Ruby's name


def test_a_token_without_expires_sends_no_body(mocked, client):
    mocked.add(responses.POST, f"{ENDPOINTS}/re-1/tokens", status=201, json={"token": "t"})
    client.Endpoint("rd-1", "re-1").create_auth_token()
    assert mocked.calls[0].request.body is None


def test_a_domains_endpoints_are_listed_page_by_page(mocked, client):
    mocked.add(responses.GET, ENDPOINTS, json=[ENDPOINT],
               headers={"Link": f'<{ENDPOINTS}?page=0&size=1>; rel="first", '
                                f'<{ENDPOINTS}?page=1&size=1>; rel="next"'})
    mocked.add(responses.GET, f"{ENDPOINTS}?page=1&size=1", json=[{**ENDPOINT, "id": "re-2"}])
    mocked.add(responses.GET, ENDPOINTS, json=[ENDPOINT, {**ENDPOINT, "id": "re-2"}])
    assert [e.id for e in client.Domain("rd-1").get_endpoints(size=1)] == ["re-1", "re-2"]
    assert mocked.calls[0].request.url == f"{ENDPOINTS}?size=1"
    [only] = client.Endpoint.list("rd-1", limit=1)          # node and C#: the domain first
    assert (only.id, only.domain_id) == ("re-1", "rd-1")
    assert len(mocked.calls) == 3                           # limit=1: no second page


@pytest.mark.parametrize("options, needle", [
    ({"name": "alice", "credentials": {"password": "short"}},
     "at least 6 Latin-1 .* got a str of 5 characters"),
    ({"name": "alice", "credentials": {"password": "pässwörd€"}}, "Latin-1"),
    ({"name": "alice"}, "credentials is required"),
    ({"credentials": {"password": PASSWORD}}, "name is required"),
    ({"name": "al ice", "credentials": {"password": PASSWORD}}, "a SIP user name"),
    ({"name": "alice", "domain_id": "rd-2", "credentials": {"password": PASSWORD}},
     "not the domain it is created in"),
    ({"name": "alice", "credentials": {"pasword": PASSWORD}}, "did you mean credentials.password"),
])
def test_a_bad_endpoint_is_refused_and_its_password_never_shown(mocked, client, options,
                                                                 needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle) as caught:
        client.Endpoint.create("rd-1", **options)
    for secret in ("short", "pässwörd€", PASSWORD):
        assert secret not in str(caught.value)


def test_endpoint_options_hide_the_password_in_their_repr():
    options = catapult.EndpointOptions(name="alice", credentials={"password": PASSWORD})
    assert PASSWORD not in repr(options)


@pytest.mark.parametrize("call", [
    lambda c: c.Endpoint.get("..", "re-1"),
    lambda c: c.Endpoint.get("rd-1", "."),
    lambda c: c.Endpoint.create("", name="a", credentials={"password": PASSWORD}),
    lambda c: c.Domain("rd-1").get_endpoint(""),
    lambda c: c.Endpoint("rd-1", "re-1").delete_auth_token(".."),
], ids=["domain ..", "endpoint .", "empty domain", "empty endpoint", "token .."])
def test_ids_that_would_leave_their_segment_send_nothing(mocked, client, call):
    with pytest.raises(catapult.InvalidOptionError):
        call(client)


def test_the_debug_log_never_shows_the_password(mocked, client, caplog):
    created(mocked, ENDPOINTS, "/v1/users/u-user/domains/rd-1/endpoints/re-1")
    with caplog.at_level(logging.DEBUG, logger="catapult"):
        client.Endpoint.create("rd-1", name="alice", credentials={"password": PASSWORD})
    assert caplog.records and PASSWORD not in caplog.text
