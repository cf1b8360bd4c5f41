"""Client construction, from_env, lifecycle, and that no secret ever shows."""

from __future__ import annotations

import pytest
import requests
import responses

import catapult

from ..support import BASE, ROOT, SECRET, TOKEN

ENV = {"BANDWIDTH_USER_ID": "u-env", "BANDWIDTH_API_TOKEN": TOKEN,
       "BANDWIDTH_API_SECRET": SECRET}


@pytest.mark.parametrize("args, name", [
    (("", TOKEN, SECRET), "user_id"),
    (("u-1", "", SECRET), "api_token"),
    (("u-1", TOKEN, "  "), "api_secret"),
    (("u-1", None, SECRET), "api_token"),
])
def test_missing_credential_is_named(args, name):
    with pytest.raises(catapult.ConfigurationError, match=f"^{name} is missing"):
        catapult.Client(*args)


@pytest.mark.parametrize("base_url", ["", "api.catapult.inetwork.com", "ftp://x", None])
def test_malformed_base_url(base_url):
    with pytest.raises(catapult.ConfigurationError, match="base_url must be an http"):
        catapult.Client("u-1", TOKEN, SECRET, base_url=base_url)


def test_base_url_with_credentials_is_refused():
    with pytest.raises(catapult.ConfigurationError, match="must not contain credentials") as caught:
        catapult.Client("u-1", TOKEN, SECRET, base_url=f"https://t:{SECRET}@api.example")
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("timeout", [None, 0, -1, float("inf"), (1,), (1, None), "10", True])
def test_timeout_cannot_be_none_or_nonsense(timeout):
    with pytest.raises(catapult.ConfigurationError, match="timeout must be"):
        catapult.Client("u-1", TOKEN, SECRET, timeout=timeout)


def test_defaults():
    client = catapult.Client("u-1", TOKEN, SECRET)
    assert client.base_url == "https://api.catapult.inetwork.com"
    assert client.timeout == catapult.Timeout(connect=5.0, read=30.0, total=60.0)
    assert client.max_retries == 2
    client.close()


def test_from_env_reads_the_four_variables(mocked):
    mocked.add(responses.GET, "http://127.0.0.1:9/v1/users/u-env/calls/c-1", json={"id": "c-1"})
    env = dict(ENV, BANDWIDTH_API_ENDPOINT="http://127.0.0.1:9")
    with catapult.Client.from_env(env) as client:
        assert client.user_id == "u-env"
        client.Call.get("c-1")
    assert mocked.calls[0].request.headers["Authorization"].startswith("Basic ")


def test_from_env_defaults_the_endpoint(monkeypatch):
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("BANDWIDTH_API_ENDPOINT", raising=False)
    with catapult.Client.from_env() as client:
        assert client.base_url == catapult.DEFAULT_BASE_URL


@pytest.mark.parametrize("missing", sorted(ENV))
def test_from_env_names_the_missing_variable(missing):
    env = {k: v for k, v in ENV.items() if k != missing}
    with pytest.raises(catapult.ConfigurationError) as caught:
        catapult.Client.from_env(env)
    assert missing in str(caught.value)
    assert SECRET not in str(caught.value) and TOKEN not in str(caught.value)


def test_from_env_names_every_missing_variable():
    with pytest.raises(catapult.ConfigurationError, match="BANDWIDTH_USER_ID, BANDWIDTH_API_TOKEN"):
        catapult.Client.from_env({})


def test_repr_has_user_id_and_no_secret(client):
    text = repr(client) + str(client) + repr(client.Call) + repr(client.Call("c-1"))
    assert "u-user" in repr(client)
    assert TOKEN not in text and SECRET not in text
    assert TOKEN not in repr(vars(client)) and SECRET not in repr(vars(client))


def test_context_manager_closes_its_own_session():
    with catapult.Client("u-1", TOKEN, SECRET) as client:
        session = client._transport.session
        adapter = session.get_adapter("https://x")
        adapter.poolmanager.connection_from_url("https://x")
        assert len(adapter.poolmanager.pools) == 1
    assert len(adapter.poolmanager.pools) == 0


def test_an_injected_session_is_used_and_not_closed(mocked):
    mocked.add(responses.GET, f"{ROOT}/calls/c-1", json={"id": "c-1"})
    session = requests.Session()
    session.headers["X-Mine"] = "1"
    with catapult.Client("u-user", TOKEN, SECRET, base_url=BASE, session=session) as client:
        client.Call.get("c-1")
    assert mocked.calls[0].request.headers["X-Mine"] == "1"
    adapter = session.get_adapter("https://x")
    adapter.poolmanager.connection_from_url("https://x")
    assert len(adapter.poolmanager.pools) == 1
    session.close()


def test_one_session_is_reused_for_all_requests(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/calls/c-1", json={"id": "c-1"})
    mocked.add(responses.GET, f"{ROOT}/calls/c-2", json={"id": "c-2"})
    session = client._transport.session
    client.Call.get("c-1")
    client.Call.get("c-2")
    assert client._transport.session is session


def test_user_id_is_escaped_in_the_path(mocked):
    mocked.add(responses.GET, f"{BASE}/v1/users/u%2Fodd/calls/c-1", json={"id": "c-1"})
    with catapult.Client("u/odd", TOKEN, SECRET, base_url=BASE) as client:
        client.Call.get("c-1")


@pytest.mark.parametrize("user_id", [".", ".."])
def test_a_dot_user_id_is_a_configuration_error(user_id):
    with pytest.raises(catapult.ConfigurationError, match="user_id must be"):
        catapult.Client(user_id, TOKEN, SECRET, base_url=BASE)


def test_a_closed_client_sends_nothing_and_says_why(mocked):
    mocked.add(responses.GET, f"{ROOT}/calls/c-1", json={"id": "c-1"})
    with catapult.Client("u-user", TOKEN, SECRET, base_url=BASE) as client:
        client.Call.get("c-1")
    with pytest.raises(catapult.ConfigurationError,
                       match=r"^GET /v1/users/u-user/calls/c-1: this client is closed, so "
                             r"nothing was sent; make a new catapult.Client"):
        client.Call.get("c-1")
    with pytest.raises(catapult.ConfigurationError, match="closed"):
        client.Call("c-1").create_gather(max_digits=1)
    assert len(mocked.calls) == 1


def test_closing_a_client_closes_its_copies_but_not_the_other_way(mocked):
    mocked.add(responses.GET, f"{ROOT}/calls/c-1", json={"id": "c-1"})
    session = requests.Session()
    client = catapult.Client("u-user", TOKEN, SECRET, base_url=BASE, session=session)
    patient = client.with_options(timeout=60)
    patient.close()
    client.Call.get("c-1")  # the original still works
    with pytest.raises(catapult.ConfigurationError, match="closed"):
        patient.Call.get("c-1")
    other = client.with_options(max_retries=0)
    client.close()
    with pytest.raises(catapult.ConfigurationError, match="closed"):
        other.Call.get("c-1")
    assert len(mocked.calls) == 1
    session.close()
