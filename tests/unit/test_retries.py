"""Settings of the deadline and the retries, and what each retry looks like on the wire."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time

import pytest
import requests
import responses
from responses import registries

import catapult
from catapult._retry import BASE, CAP, backoff

from ..support import BASE as API
from ..support import ROOT, SECRET, TOKEN

CALL_URL = f"{ROOT}/calls/c-9"


@pytest.fixture
def ordered():
    """Responses in the order registered, each used once, every one of them used."""
    with responses.RequestsMock(registry=registries.OrderedRegistry,
                                assert_all_requests_are_fired=True) as mock:
        yield mock


@pytest.fixture
def quick(monkeypatch):
    """No real waiting between retries (the waits themselves are tested in test_faults)."""
    waits: list[float] = []
    monkeypatch.setattr("catapult._transport._sleep", waits.append)
    return waits


def test_timeout_defaults_and_fields():
    assert catapult.Timeout() == catapult.Timeout(connect=5.0, read=30.0, total=60.0)
    assert catapult.Timeout() == catapult.DEFAULT_TIMEOUT
    assert catapult.Timeout(1, 2, 3).total == 3.0


@pytest.mark.parametrize("fields", [{"total": 0}, {"read": -1}, {"connect": float("inf")},
                                    {"total": None}, {"total": "60"}, {"read": True}])
def test_timeout_refuses_what_is_not_a_positive_number_of_seconds(fields):
    with pytest.raises(catapult.ConfigurationError, match="timeout must be"):
        catapult.Timeout(**fields)


@pytest.mark.parametrize("given, expected", [
    (10, catapult.Timeout(10, 10, 60)),
    ((2, 40), catapult.Timeout(2, 40, 60)),
    ((20, 50), catapult.Timeout(20, 50, 70)),   # a total shorter than one attempt would not do
    (catapult.Timeout(1, 2, 3), catapult.Timeout(1, 2, 3)),
])
def test_client_timeout_forms(given, expected):
    with catapult.Client("u-1", TOKEN, SECRET, timeout=given) as client:
        assert client.timeout == expected


@pytest.mark.parametrize("bad", [-1, 11, 1.5, True, "2", None])
def test_max_retries_must_be_a_small_int(bad):
    with pytest.raises(catapult.ConfigurationError, match="max_retries must be an int"):
        catapult.Client("u-1", TOKEN, SECRET, max_retries=bad)


def test_backoff_is_full_jitter_under_an_exponential_cap():
    for retry in range(1, 8):
        ceiling = min(CAP, BASE * 2 ** (retry - 1))
        waits = [backoff(retry) for _ in range(200)]
        assert all(0 <= wait <= ceiling for wait in waits)
        assert max(waits) > ceiling / 2  # spread over the range, not a fixed step


def test_503_then_200_on_a_get_retries_once_and_logs_why(ordered, quick, caplog):
    ordered.add(responses.GET, CALL_URL, status=503,
                json={"category": "unavailable", "code": "call-unavailable"})
    ordered.add(responses.GET, CALL_URL, json={"id": "c-9"})
    with catapult.Client("u-user", TOKEN, SECRET, base_url=API) as client, \
            caplog.at_level(logging.INFO, logger="catapult"):
        assert client.Call.get("c-9").id == "c-9"
    assert len(ordered.calls) == 2
    assert len(quick) == 1 and 0 <= quick[0] <= BASE
    retry = [r.getMessage() for r in caplog.records
             if r.levelno == logging.INFO and r.name == "catapult"]  # not another thread's
    assert len(retry) == 1
    assert "retrying GET /v1/users/u-user/calls/c-9 in" in retry[0]
    assert "503 call-unavailable" in retry[0]
    assert TOKEN not in caplog.text and SECRET not in caplog.text


def test_429_is_retried_for_a_post_and_the_retry_sends_the_same_bytes(ordered, quick):
    url = f"{CALL_URL}/gather"
    ordered.add(responses.POST, url, status=429, headers={"Retry-After": "0"})
    ordered.add(responses.POST, url, status=201, headers={"Location": f"{url}/gtr-1"})
    with catapult.Client("u-user", TOKEN, SECRET, base_url=API) as client:
        assert client.Call("c-9").create_gather(max_digits=5).id == "gtr-1"
    first, second = (call.request for call in ordered.calls)
    assert first.body == second.body == b'{"maxDigits":5}'
    assert first.headers["Authorization"] == second.headers["Authorization"]


def test_the_last_error_carries_every_attempt(ordered, quick):
    for _ in range(3):
        ordered.add(responses.GET, CALL_URL, status=502)
    with catapult.Client("u-user", TOKEN, SECRET, base_url=API) as client, \
            pytest.raises(catapult.ServerError) as caught:
        client.Call.get("c-9")
    assert caught.value.attempts == 3
    assert len(quick) == 2


def test_with_options_shares_the_session_and_keeps_the_original_settings(mocked):
    mocked.add(responses.GET, CALL_URL, json={"id": "c-9"})
    with catapult.Client("u-user", TOKEN, SECRET, base_url=API) as client:
        slow = client.with_options(timeout=120, max_retries=0)
        assert slow.timeout == catapult.Timeout(120, 120, 240)
        assert (slow.max_retries, client.max_retries) == (0, 2)
        assert client.timeout == catapult.DEFAULT_TIMEOUT
        assert slow._transport.session is client._transport.session
        assert slow.Call.get("c-9").id == "c-9"
        assert mocked.calls[0].request.req_kwargs["timeout"] == (120.0, 120.0)
        slow.close()  # only the copy: the session stays open, it belongs to client
        with pytest.raises(catapult.ConfigurationError, match="closed"):
            slow.Call.get("c-9")
        assert client.Call.get("c-9").id == "c-9"
        assert slow.user_id == client.user_id and repr(slow) == repr(client)


def test_with_options_checks_its_settings():
    with catapult.Client("u-1", TOKEN, SECRET) as client, \
            pytest.raises(catapult.ConfigurationError):
        client.with_options(max_retries=-1)


def test_no_thread_is_started_per_call(mocked, monkeypatch):
    mocked.add(responses.GET, CALL_URL, json={"id": "c-9"})
    with catapult.Client("u-user", TOKEN, SECRET, base_url=API) as client:
        client.Call.get("c-9")  # the one watchdog thread of the process may start here
        started: list[threading.Thread] = []
        original = threading.Thread.start
        monkeypatch.setattr(threading.Thread, "start",
                            lambda self: (started.append(self), original(self))[1])
        for _ in range(50):
            client.Call.get("c-9")
    assert started == []


def test_the_auth_object_and_the_transport_show_no_secret():
    with catapult.Client("u-1", TOKEN, SECRET) as client:
        shown = " ".join([repr(client), repr(client._transport), repr(client._transport._auth),
                          str(vars(client)), str(client.timeout)])
    assert TOKEN not in shown and SECRET not in shown


@pytest.mark.parametrize("base_url", [f"https//t-abc:{SECRET}@api.example",
                                      f"ftp://t-abc:{SECRET}@api.example",
                                      f"t-abc:{SECRET}@api.example/v1"])
def test_a_malformed_base_url_is_shown_without_its_credentials(base_url):
    with pytest.raises(catapult.ConfigurationError, match="base_url must be") as caught:
        catapult.Client("u-1", TOKEN, SECRET, base_url=base_url)
    assert SECRET not in str(caught.value) and "t-abc" not in str(caught.value)
    assert "***@api.example" in str(caught.value)


def test_an_injected_stock_session_gets_the_guarded_adapter_for_the_api_only(mocked):
    session = requests.Session()
    with catapult.Client("u-1", TOKEN, SECRET, base_url=API, session=session):
        assert type(session.get_adapter(f"{API}/v1/users")).__name__ == "GuardedAdapter"
        assert type(session.get_adapter("https://elsewhere.example/")) \
            is requests.adapters.HTTPAdapter
    session.close()


def test_an_injected_custom_adapter_is_kept(mocked):
    class Mine(requests.adapters.HTTPAdapter):
        pass

    session = requests.Session()
    mine = Mine()
    session.mount("https://", mine)
    with catapult.Client("u-1", TOKEN, SECRET, base_url=API, session=session):
        assert session.get_adapter(f"{API}/v1") is mine
    session.close()


def test_rate_limit_reset_at_comes_from_retry_after_seconds_or_date(mocked, client):
    mocked.add(responses.GET, CALL_URL, status=429, headers={"Retry-After": "30"})
    mocked.add(responses.GET, f"{ROOT}/calls/c-8", status=429,
               headers={"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"})
    with pytest.raises(catapult.RateLimitError) as seconds:
        client.Call.get("c-9")
    with pytest.raises(catapult.RateLimitError) as date:
        client.Call.get("c-8")
    assert abs(seconds.value.reset_at.timestamp() - (time.time() + 30)) < 2
    assert date.value.reset_at == dt.datetime(2026, 10, 21, 7, 28, tzinfo=dt.timezone.utc)
