"""The sandbox on a developer's machine: only its own address and its own pages may drive
it, control routes take JSON only, and the page is served so that no data can run in it."""

from __future__ import annotations

import re
from importlib import resources
from typing import Iterator

import pytest
import requests

import catapult
from catapult.sandbox import Sandbox

FROM, TO = "+19195551212", "+19195551213"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as running:
        yield running


def api(sandbox: Sandbox, path: str) -> str:
    return f"{sandbox.base_url}/v1/users/{sandbox.user_id}/{path}"


def auth(sandbox: Sandbox) -> tuple[str, str]:
    return sandbox.api_token, sandbox.api_secret


# -- Host: DNS rebinding reaches nothing ------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/static/phone.js", "/sandbox/calls", "/sandbox/events",
                                  "/sandbox/requests", "/v1/users/u-any/calls"])
def test_a_foreign_host_header_is_refused_on_every_route(sandbox, path):
    answer = requests.get(sandbox.base_url + path, headers={"Host": f"evil.test:{sandbox.port}"},
                          auth=auth(sandbox), timeout=5)
    assert answer.status_code == 403
    assert answer.json()["code"] == "host-not-allowed"
    assert "--allow-host" in answer.json()["message"]


def test_a_foreign_host_changes_nothing(sandbox):
    answer = requests.post(f"{sandbox.base_url}/sandbox/calls", json={"from": FROM, "to": TO},
                           headers={"Host": f"rebind.example:{sandbox.port}"}, timeout=5)
    assert answer.status_code == 403
    assert sandbox.world.far_end.far_end_view() == []


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}",
                                  "LOCALHOST:{port}"])
def test_the_sandbox_answers_its_own_addresses(sandbox, host):
    answer = requests.get(f"{sandbox.base_url}/sandbox/calls",
                          headers={"Host": host.format(port=sandbox.port)}, timeout=5)
    assert (answer.status_code, answer.json()) == (200, [])


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost:1", "127.0.0.2:{port}", ""])
def test_near_misses_of_its_own_address_are_refused(sandbox, host):
    answer = requests.get(f"{sandbox.base_url}/sandbox/calls",
                          headers={"Host": host.format(port=sandbox.port)}, timeout=5)
    assert answer.status_code == 403


def test_names_added_with_allow_hosts_are_answered():
    with Sandbox(allow_hosts=["dev.example", "other.example:9999"]) as sandbox:
        def status(host: str) -> int:
            return requests.get(f"{sandbox.base_url}/sandbox/calls", headers={"Host": host},
                                timeout=5).status_code

        assert status(f"dev.example:{sandbox.port}") == 200
        assert status("other.example:9999") == 200
        assert status(f"other.example:{sandbox.port}") == 403


def test_allow_hosts_must_be_names():
    with pytest.raises(catapult.ConfigurationError, match="allow_hosts"):
        Sandbox(allow_hosts="dev.example")  # a string, not a list of names


# -- Origin and Sec-Fetch-Site: other sites' pages change nothing -----------------------------

@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.test"},
    {"Origin": "http://127.0.0.1:1"},
    {"Origin": "null"},
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},
])
def test_a_browser_request_from_another_origin_is_refused_before_it_changes_anything(
        sandbox, headers):
    created = requests.post(f"{sandbox.base_url}/sandbox/calls", json={"from": FROM, "to": TO},
                            headers=headers, timeout=5)
    assert created.status_code == 403
    assert created.json()["code"] == "cross-origin-refused"
    read = requests.get(f"{sandbox.base_url}/sandbox/requests", headers=headers, timeout=5)
    assert read.status_code == 403 and "method" not in read.text
    api_call = requests.post(api(sandbox, "calls"), json={"from": FROM, "to": TO},
                             auth=auth(sandbox), headers=headers, timeout=5)
    assert api_call.status_code == 403
    assert sandbox.world.far_end.far_end_view() == []
    assert sandbox.requests == []


def test_the_sandbox_s_own_page_may_post(sandbox):
    origin = {"Origin": sandbox.base_url, "Sec-Fetch-Site": "same-origin"}
    created = requests.post(f"{sandbox.base_url}/sandbox/calls", json={"from": FROM, "to": TO},
                            headers=origin, timeout=5)
    assert created.status_code == 201
    assert [call["id"] for call in sandbox.world.far_end.far_end_view()] == [created.json()["id"]]


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", None])
def test_control_routes_take_json_bodies_only(sandbox, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    answer = requests.post(f"{sandbox.base_url}/sandbox/calls",
                           data=f'{{"from": "{FROM}", "to": "{TO}"}}', headers=headers,
                           timeout=5)
    assert answer.status_code == 415
    assert "application/json" in answer.json()["message"]
    assert sandbox.world.far_end.far_end_view() == []


def test_a_control_action_with_no_body_needs_no_content_type(sandbox):
    with sandbox.client() as client:
        call = client.Call.create(from_=FROM, to=TO)
    answer = requests.post(f"{sandbox.base_url}/sandbox/calls/{call.id}/answer", timeout=5)
    assert answer.status_code == 200


@pytest.mark.parametrize("body, wanted", [
    ({"digits": "1", "interval": "nan"}, "interval must be a number of seconds from 0 to 60"),
    ({"digits": "1", "interval": 1e9}, "interval must be a number of seconds from 0 to 60"),
    ({"digits": ["1"]}, "digits must be a string"),
])
def test_control_values_are_checked_before_anything_changes(sandbox, body, wanted):
    with sandbox.client() as client:
        call = client.Call.create(from_=FROM, to=TO)
        sandbox.answer(call.id)
        answer = requests.post(f"{sandbox.base_url}/sandbox/calls/{call.id}/press", json=body,
                               timeout=5)
    assert answer.status_code == 400
    assert wanted in answer.json()["message"]
    assert [e.event_type for e in sandbox.events] == ["answer"]


@pytest.mark.parametrize("seconds", ["inf", -1, "nan", True])
def test_the_manual_clock_moves_only_by_a_finite_amount(seconds):
    with Sandbox(clock="manual") as sandbox:
        answer = requests.post(f"{sandbox.base_url}/sandbox/clock/advance",
                               json={"seconds": seconds}, timeout=5)
        assert answer.status_code == 400
        with pytest.raises(catapult.InvalidOptionError, match="finite number"):
            sandbox.advance(float("nan"))
        assert sandbox.clock.now() == 0


# -- the page: strict headers, and no way for data to become markup ---------------------------

def test_the_page_and_its_files_are_served_with_a_strict_policy(sandbox):
    for path in ("/", "/static/phone.js", "/static/phone.css"):
        answer = requests.get(sandbox.base_url + path, timeout=5)
        assert answer.status_code == 200
        policy = answer.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["Referrer-Policy"] == "no-referrer"


def test_json_answers_cannot_be_sniffed_or_embedded_by_other_sites(sandbox):
    answer = requests.get(f"{sandbox.base_url}/sandbox/events", timeout=5)
    assert answer.headers["Content-Type"].startswith("application/json")
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Access-Control-Allow-Origin" not in answer.headers


def test_the_page_has_no_inline_script_no_handler_attributes_and_no_html_sinks():
    static = resources.files("catapult.sandbox").joinpath("static")
    page = static.joinpath("phone.html").read_text()
    script = static.joinpath("phone.js").read_text()
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert re.findall(r"\son[a-z]+\s*=", page) == []
    assert "<style" not in page and "style=" not in page
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "setAttribute(\"on"):
        assert sink not in script, sink
