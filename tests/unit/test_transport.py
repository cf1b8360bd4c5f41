"""The transport: headers, timeout, JSON, error mapping, wrapping, logging, paging."""

from __future__ import annotations

import base64
import datetime as dt
import logging
import pickle

import pytest
import requests
import responses

import catapult
from catapult._transport import USER_AGENT

from ..support import BASE, ROOT, SECRET, TOKEN

CALL_URL = f"{ROOT}/calls/c-9"
ERROR_BODY = {
    "category": "not-found", "code": "call-not-found",
    "message": "The call c-9 could not be found",
    "details": [{"name": "requestMethod", "value": "GET"},
                {"name": "requestPath", "value": "users/u-user/calls/c-9"}],
}
CALL = {"id": "c-9", "from": "+19195551212", "to": "+19195551213", "state": "active"}


def test_get_sends_auth_user_agent_accept_and_no_body(mocked, client):
    mocked.add(responses.GET, CALL_URL, json=CALL)
    client.Call.get("c-9")
    request = mocked.calls[0].request
    expected = base64.b64encode(f"{TOKEN}:{SECRET}".encode()).decode()
    assert request.headers["Authorization"] == f"Basic {expected}"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["User-Agent"] == USER_AGENT
    assert request.body is None
    assert "Content-Type" not in request.headers


def test_user_agent_names_sdk_python_and_requests():
    name, python, lib = USER_AGENT.split(" ")
    assert name == f"catapult-sdk/{catapult.__version__}"
    assert python.startswith("python/3.")
    assert lib == f"requests/{requests.__version__}"


def test_default_timeout_is_always_passed(mocked, client):
    mocked.add(responses.GET, CALL_URL, json=CALL)
    client.Call.get("c-9")
    # (connect, read) of each attempt, never more than what is left of the 60 s total
    assert mocked.calls[0].request.req_kwargs["timeout"] == (5.0, 30.0)


@pytest.mark.parametrize("timeout, passed", [
    (2, (2.0, 2.0)), (0.5, (0.5, 0.5)), ((1, 9), (1.0, 9.0)),
    (catapult.Timeout(connect=1, read=9, total=70), (1.0, 9.0)),
])
def test_client_timeout_is_passed_on_every_request(mocked, timeout, passed):
    mocked.add(responses.GET, CALL_URL, json=CALL)
    mocked.add(responses.POST, f"{CALL_URL}/gather", status=201,
               headers={"Location": "/x/gather/g-1"})
    with catapult.Client("u-user", TOKEN, SECRET, base_url=BASE, timeout=timeout) as api:
        api.Call.get("c-9")
        api.Call("c-9").create_gather(max_digits=1)
    assert [c.request.req_kwargs["timeout"] for c in mocked.calls] == [passed, passed]


def test_tls_verification_is_on(mocked, client):
    mocked.add(responses.GET, CALL_URL, json=CALL)
    client.Call.get("c-9")
    # True, or a CA bundle path when REQUESTS_CA_BUNDLE is set: never off
    assert mocked.calls[0].request.req_kwargs["verify"] not in (False, None)


def test_injected_session_cannot_turn_verification_off(mocked):
    mocked.add(responses.GET, CALL_URL, json=CALL)
    session = requests.Session()
    session.verify = False
    with catapult.Client("u-user", TOKEN, SECRET, base_url=BASE, session=session) as api:
        api.Call.get("c-9")
    assert mocked.calls[0].request.req_kwargs["verify"] not in (False, None)
    session.close()


@pytest.mark.parametrize("content_type", [
    "application/json", "application/json;charset=UTF-8", "application/json; charset=utf-8",
    "text/plain", "application/vnd.api+json",
])
def test_json_is_parsed_whatever_the_content_type(mocked, client, content_type):
    mocked.add(responses.GET, CALL_URL, body=b'{"id":"c-9","state":"active"}',
               content_type=content_type)
    assert client.Call.get("c-9").state == catapult.CallState.ACTIVE


def test_utf16_json_body_is_parsed(mocked, client):
    mocked.add(responses.GET, CALL_URL, body='{"id":"c-9","tag":"é"}'.encode("utf-16"),
               content_type="application/json; charset=utf-16")
    assert client.Call.get("c-9").tag == "é"


def test_declared_json_that_is_not_json_is_protocol_error(mocked, client):
    mocked.add(responses.GET, CALL_URL, body="{oops", content_type="application/json")
    with pytest.raises(catapult.ProtocolError, match="declared JSON"):
        client.Call.get("c-9")


def test_get_answering_html_is_protocol_error(mocked, client):
    mocked.add(responses.GET, CALL_URL, body="<html>hi</html>", content_type="text/html")
    with pytest.raises(catapult.ProtocolError, match="expected a JSON object"):
        client.Call.get("c-9")


def test_redirect_is_not_followed(mocked, client):
    mocked.add(responses.GET, CALL_URL, status=302, headers={"Location": "https://evil.test/"})
    with pytest.raises(catapult.ProtocolError, match="redirect 302"):
        client.Call.get("c-9")
    assert len(mocked.calls) == 1


@pytest.mark.parametrize("status, kind", [
    (400, catapult.BadRequestError),
    (401, catapult.AuthenticationError),
    (403, catapult.ForbiddenError),
    (404, catapult.NotFoundError),
    (405, catapult.APIError),
    (409, catapult.ConflictError),
    (429, catapult.RateLimitError),
    (500, catapult.ServerError),
    (502, catapult.ServerError),
    (503, catapult.ServerError),
])
def test_status_maps_to_exception_class(mocked, client, status, kind):
    mocked.add(responses.GET, CALL_URL, status=status, json=ERROR_BODY)
    with pytest.raises(kind) as caught:
        client.Call.get("c-9")
    assert type(caught.value) is kind
    assert caught.value.status == status


def test_api_error_carries_everything(mocked, client):
    mocked.add(responses.GET, CALL_URL, status=404, json=ERROR_BODY,
               headers={"X-Request-Id": "r-1"})
    with pytest.raises(catapult.NotFoundError) as caught:
        client.Call.get("c-9")
    error = caught.value
    assert (error.category, error.code, error.message) == (
        "not-found", "call-not-found", "The call c-9 could not be found")
    assert error.details == {"requestMethod": "GET", "requestPath": "users/u-user/calls/c-9"}
    assert (error.method, error.url) == ("GET", CALL_URL)
    assert error.headers["X-Request-Id"] == error.headers["x-request-id"] == "r-1"
    assert '"call-not-found"' in error.body
    assert str(error) == ("404 call-not-found: The call c-9 could not be found "
                          "(GET /v1/users/u-user/calls/c-9)")


@pytest.mark.parametrize("body, content_type, message", [
    (b"", "application/json", "Not Found"),
    (b"{}", "application/json", "Not Found"),
    (b'{"code":"x-y"}', "application/json", "Not Found"),
    (b"<html><h1>502</h1></html>", "text/html", "Not Found"),
    (b"[1, 2]", "application/json", "Not Found"),
    (b"{not json", "application/json", "Not Found"),
])
def test_error_body_without_message_still_gives_complete_error(mocked, client, body,
                                                              content_type, message):
    mocked.add(responses.GET, CALL_URL, status=404, body=body, content_type=content_type)
    with pytest.raises(catapult.NotFoundError) as caught:
        client.Call.get("c-9")
    error = caught.value
    assert error.message == message
    assert isinstance(error.category, str) and isinstance(error.code, str)
    assert error.details == {}
    assert error.body == body.decode()
    assert str(error).startswith("404")


def test_html_502_is_server_error_with_body(mocked, client):
    mocked.add(responses.POST, f"{CALL_URL}/gather", status=502,
               body="<html><body>Bad Gateway</body></html>", content_type="text/html")
    with pytest.raises(catapult.ServerError) as caught:
        client.Call("c-9").create_gather(max_digits=1)
    assert caught.value.message == "Bad Gateway"
    assert "<html>" in caught.value.body
    assert str(caught.value) == "502: Bad Gateway (POST /v1/users/u-user/calls/c-9/gather)"


def test_rate_limit_429_has_reset_time(mocked, client):
    mocked.add(responses.GET, CALL_URL, status=429, headers={"X-RateLimit-Reset": "1479308598680"},
               json={"category": "too-many-requests", "code": "rate-limit-reached",
                     "details": [{"name": "rateLimitResetTime", "value": "1479308598680"}]})
    with pytest.raises(catapult.RateLimitError) as caught:
        client.Call.get("c-9")
    assert caught.value.reset_at == dt.datetime(2016, 11, 16, 15, 3, 18, 680000,
                                                tzinfo=dt.timezone.utc)
    assert caught.value.details == {"rateLimitResetTime": "1479308598680"}
    assert caught.value.message == "Too Many Requests"


def test_rate_limit_without_header_has_no_reset_time(mocked, client):
    mocked.add(responses.GET, CALL_URL, status=429, body="")
    with pytest.raises(catapult.RateLimitError) as caught:
        client.Call.get("c-9")
    assert caught.value.reset_at is None


def test_call_rate_limit_403_is_rate_limit_error(mocked, client):
    mocked.add(responses.POST, f"{ROOT}/calls", status=403,
               json={"category": "limit", "code": "call-rate-limit", "message": "slow down"})
    with pytest.raises(catapult.RateLimitError) as caught:
        client.Call.create(from_="+19195551212", to="+19195551213")
    assert isinstance(caught.value, catapult.APIError)
    assert caught.value.status == 403


def test_api_error_pickles(mocked, client):
    mocked.add(responses.GET, CALL_URL, status=404, json=ERROR_BODY)
    with pytest.raises(catapult.NotFoundError) as caught:
        client.Call.get("c-9")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert str(copy) == str(caught.value)
    assert copy.details == caught.value.details


@pytest.mark.parametrize("failure, kind", [
    (requests.ConnectTimeout("connect timed out"), catapult.RequestTimeout),
    (requests.ReadTimeout("read timed out"), catapult.RequestTimeout),
    (requests.ConnectionError("refused"), catapult.TransportError),
    (requests.exceptions.SSLError("bad cert"), catapult.TransportError),
    (requests.exceptions.ChunkedEncodingError("reset"), catapult.TransportError),
])
def test_requests_failures_are_wrapped_with_cause(mocked, client, failure, kind):
    mocked.add(responses.GET, CALL_URL, body=failure)
    with pytest.raises(kind) as caught:
        client.Call.get("c-9")
    assert type(caught.value) is kind
    assert caught.value.__cause__ is failure
    assert "GET /v1/users/u-user/calls/c-9" in str(caught.value)


def test_debug_log_has_method_path_status_and_no_credentials(mocked, client, caplog):
    mocked.add(responses.GET, CALL_URL, json=CALL)
    with caplog.at_level(logging.DEBUG, logger="catapult"):
        client.Call.get("c-9")
    mine = [r for r in caplog.records if r.name == "catapult"]  # not another thread's
    assert len(mine) == 1
    line = mine[0].getMessage()
    assert line.startswith("GET /v1/users/u-user/calls/c-9 -> 200 in ")
    assert line.endswith(" ms")
    assert TOKEN not in caplog.text and SECRET not in caplog.text


def test_paging_follows_next_links_on_the_same_host(mocked, client):
    page2 = f"{ROOT}/calls?page=1&size=1"
    mocked.add(responses.GET, f"{ROOT}/calls", json=[{"id": "c-1"}],
               headers={"Link": f'<{ROOT}/calls?page=0&size=1>; rel="first", '
                                f'<{page2}>; rel="next"'})
    mocked.add(responses.GET, page2, json=[{"id": "c-2"}],
               headers={"Link": f'<{ROOT}/calls?page=0&size=1>; rel="first"'})
    assert [c.id for c in client.Call.list(size=1)] == ["c-1", "c-2"]
    assert mocked.calls[0].request.url == f"{ROOT}/calls?size=1"
    assert mocked.calls[1].request.url == page2


def test_paging_refuses_a_next_link_to_another_host(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/calls", json=[{"id": "c-1"}],
               headers={"Link": '<https://elsewhere.test/calls?page=1>; rel="next"'})
    calls = client.Call.list()
    assert next(calls).id == "c-1"
    with pytest.raises(catapult.ProtocolError, match="another host"):
        next(calls)


def test_what_the_fast_header_copy_relies_on_holds_for_the_installed_requests():
    # _transport._prepare copies a CaseInsensitiveDict's private _store instead of
    # rebuilding the dict: pin that the store is lower-case key -> (key, value), and that a
    # dict given a copy of it behaves as one built key by key
    from requests.structures import CaseInsensitiveDict

    built = CaseInsensitiveDict({"User-Agent": "x", "Accept": "application/json"})
    assert dict(built._store) == {"user-agent": ("User-Agent", "x"),
                                  "accept": ("Accept", "application/json")}
    copied = CaseInsensitiveDict()
    copied._store = built._store.copy()
    copied["Content-Type"] = "application/json"
    assert copied["user-agent"] == "x" and list(copied) == ["User-Agent", "Accept",
                                                             "Content-Type"]
    assert "content-type" not in built
