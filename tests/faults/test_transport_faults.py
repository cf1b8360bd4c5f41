"""Fault injection over real sockets: what reaches the server, how often, and how long it takes.

Every test asserts the exception class, ``attempts``, the elapsed time against the deadline,
and from the server's log that no POST arrived twice unless the first was refused unacted.
"""

from __future__ import annotations

import email.utils
import json
import socket
import time
from typing import Iterator

import pytest
import requests

import catapult
from catapult._transport import USER_AGENT

from ..fault_server import FaultServer, reply, reset, reset_mid_response, silent, trickle
from ..support import SECRET, TOKEN

CALL = "/v1/users/u-1/calls/c-1"
GATHER = f"{CALL}/gather"
CREATED = {"Location": f"{GATHER}/gtr-1"}
SLACK = 0.5  # the promise: a call ends at most this long after its total deadline


@pytest.fixture
def server() -> Iterator[FaultServer]:
    fault = FaultServer()
    yield fault
    fault.close()


def client_for(server: FaultServer, **options: object) -> catapult.Client:
    options.setdefault("timeout", catapult.Timeout(connect=1, read=1, total=3))
    return catapult.Client("u-1", TOKEN, SECRET, base_url=server.url, **options)


def no_secret(error: BaseException) -> None:
    for text in (str(error), repr(error), str(error.args)):
        assert TOKEN not in text and SECRET not in text


class Timer:
    def __enter__(self) -> Timer:
        self.started = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        self.elapsed = time.monotonic() - self.started


# -- never reached the server: any method is retried ----------------------------------------


@pytest.mark.parametrize("action", ["get", "post"])
def test_a_refused_connection_is_retried_for_any_method_then_raised(action):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = catapult.Client("u-1", TOKEN, SECRET, base_url=f"http://127.0.0.1:{port}",
                             timeout=catapult.Timeout(1, 1, 5))
    with Timer() as timer, pytest.raises(catapult.TransportError) as caught:
        if action == "get":
            client.Call.get("c-1")
        else:
            client.Call("c-1").create_gather(max_digits=1)
    assert not isinstance(caught.value, catapult.RequestTimeout)
    assert caught.value.attempts == 3
    assert timer.elapsed < 5 + SLACK
    no_secret(caught.value)


def test_a_refused_connection_with_no_retries_is_tried_once():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = catapult.Client("u-1", TOKEN, SECRET, base_url=f"http://127.0.0.1:{port}",
                             max_retries=0)
    with pytest.raises(catapult.TransportError) as caught:
        client.Call.get("c-1")
    assert caught.value.attempts == 1
    assert str(caught.value) == (
        f"GET /v1/users/u-1/calls/c-1: connection refused by 127.0.0.1:{port} (1 attempt)")
    assert isinstance(caught.value.__cause__, requests.ConnectionError)  # chained, not shown


@pytest.mark.parametrize("fault, words", [
    (reset, "the connection to 127.0.0.1:{port} was reset"),
    (silent, "no answer from 127.0.0.1:{port} within 1 s"),
])
def test_a_failure_is_told_in_the_sdks_words_never_urllib3s(server, fault, words):
    server.plan(fault())
    client = client_for(server, max_retries=0)
    with pytest.raises(catapult.TransportError) as caught:
        client.Call.get("c-1")
    port = server.url.rsplit(":", 1)[1]
    assert str(caught.value) == f"GET {CALL}: {words.format(port=port)} (1 attempt)"
    assert "Pool" not in str(caught.value) and "Max retries" not in str(caught.value)


def test_an_unknown_host_is_named():
    client = catapult.Client("u-1", TOKEN, SECRET, base_url="http://no-such-host.invalid",
                             max_retries=0)
    with pytest.raises(catapult.TransportError) as caught:
        client.Call.get("c-1")
    assert str(caught.value) == f"GET {CALL}: no address for no-such-host.invalid (1 attempt)"


# -- lost answers: GET is retried, POST never -------------------------------------------------


@pytest.mark.parametrize("fault", [reset, reset_mid_response])
def test_a_get_whose_answer_is_lost_is_retried(server, fault):
    server.plan(fault(), reply(200, {"id": "c-1", "state": "active"}))
    with Timer() as timer:
        call = client_for(server).Call.get("c-1")
    assert call.state == "active"
    assert [s.path for s in server.received("GET")] == [CALL, CALL]
    assert timer.elapsed < 3


@pytest.mark.parametrize("fault", [reset, reset_mid_response])
def test_a_post_whose_answer_is_lost_is_not_sent_again(server, fault):
    server.plan(fault(), reply(201, headers=CREATED))
    with Timer() as timer, pytest.raises(catapult.TransportError) as caught:
        client_for(server).Call("c-1").create_gather(max_digits=1)
    assert caught.value.attempts == 1
    assert len(server.received("POST", GATHER)) == 1
    assert timer.elapsed < 3
    no_secret(caught.value)


def test_a_get_reset_every_time_gives_up_after_its_retries(server):
    server.plan(reset(), reset(), reset(), reply(200, {"id": "c-1"}))
    with pytest.raises(catapult.TransportError) as caught:
        client_for(server).Call.get("c-1")
    assert caught.value.attempts == 3
    assert len(server.received("GET")) == 3


# -- the hard deadline -------------------------------------------------------------------------


@pytest.mark.parametrize("headers_too", [True, False], ids=["headers", "body"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_trickling_server_cannot_stretch_the_total_deadline(server, headers_too, method):
    # a byte every 50 ms never trips the 1 s read timeout; only the total can end it
    server.plan(*[trickle(0.05, headers_too) for _ in range(3)])
    client = client_for(server, timeout=catapult.Timeout(connect=1, read=1, total=1.5))
    with Timer() as timer, pytest.raises(catapult.RequestTimeout) as caught:
        if method == "GET":
            client.Call.get("c-1")
        else:
            client.Call("c-1").create_gather(max_digits=1)
    assert timer.elapsed < 1.5 + SLACK
    assert timer.elapsed > 1.4
    assert "1.5 s deadline" in str(caught.value)
    assert caught.value.attempts == 1
    assert len(server.received("POST")) <= 1


def test_a_silent_server_ends_each_get_attempt_at_the_read_timeout_within_the_total(server):
    server.plan(silent(), silent(), silent())
    # three reads of 0.3 s and two backoffs of at most 0.5 and 1 s fit in 3 s, whatever
    # the jitter draws
    client = client_for(server, timeout=catapult.Timeout(connect=1, read=0.3, total=3))
    with Timer() as timer, pytest.raises(catapult.RequestTimeout) as caught:
        client.Call.get("c-1")
    assert caught.value.attempts == 3
    assert len(server.received("GET")) == 3
    assert timer.elapsed < 3 + SLACK


def test_a_silent_server_gets_a_post_once(server):
    server.plan(silent(), reply(201, headers=CREATED))
    client = client_for(server, timeout=catapult.Timeout(connect=1, read=0.3, total=2))
    with Timer() as timer, pytest.raises(catapult.RequestTimeout) as caught:
        client.Call("c-1").create_gather(max_digits=1)
    assert caught.value.attempts == 1
    assert len(server.received("POST")) == 1
    assert 0.25 < timer.elapsed < 1


def test_the_total_deadline_also_bounds_the_waits_between_retries(server):
    server.plan(*[reply(503) for _ in range(3)])
    client = client_for(server, timeout=catapult.Timeout(connect=1, read=1, total=0.2))
    with Timer() as timer, pytest.raises((catapult.ServerError, catapult.RequestTimeout)):
        client.Call.get("c-1")
    assert timer.elapsed < 0.2 + SLACK


# -- rate limits: the API refused without acting, so any method is retried --------------------


def test_429_with_x_ratelimit_reset_waits_until_the_reset_then_succeeds(server):
    reset_ms = int((time.time() + 0.4) * 1000)
    server.plan(reply(429, {"category": "too-many-requests", "code": "rate-limit-reached"},
                      {"X-RateLimit-Reset": str(reset_ms)}),
                reply(200, {"id": "c-1"}), refused=(0,))
    with Timer() as timer:
        client_for(server).Call.get("c-1")
    assert len(server.received("GET")) == 2
    assert 0.3 < timer.elapsed < 3


@pytest.mark.parametrize("retry_after", ["1", "date"])
def test_429_then_201_on_a_post_creates_the_gather_once(server, retry_after):
    if retry_after == "date":
        retry_after = email.utils.formatdate(time.time() + 1, usegmt=True)
    server.plan(reply(429, None, {"Retry-After": retry_after}), reply(201, headers=CREATED),
                refused=(0,))
    with Timer() as timer:
        gather = client_for(server, timeout=catapult.Timeout(1, 1, 5)).Call(
            "c-1").create_gather(max_digits=1)
    assert gather.id == "gtr-1"
    assert len(server.received("POST", GATHER)) == 2
    assert len(server.processed("POST")) == 1
    assert timer.elapsed < 5


def test_403_call_rate_limit_on_create_call_is_retried(server):
    limit = {"category": "limit", "code": "call-rate-limit", "message": "You can create 1 calls"}
    server.plan(reply(403, limit, {"Retry-After": "0"}),
                reply(201, headers={"Location": "/v1/users/u-1/calls/c-new"}), refused=(0,))
    call = client_for(server).Call.create(from_="+19195551212", to="+19195551213")
    assert call.id == "c-new"
    assert len(server.processed("POST")) == 1


def test_a_rate_limit_reset_beyond_the_deadline_raises_at_once(server):
    server.plan(reply(429, {"code": "rate-limit-reached"}, {"Retry-After": "120"}), refused=(0,))
    with Timer() as timer, pytest.raises(catapult.RateLimitError) as caught:
        client_for(server).Call.get("c-1")
    assert caught.value.attempts == 1
    assert timer.elapsed < SLACK
    assert caught.value.reset_at is not None
    assert 110 < caught.value.reset_at.timestamp() - time.time() < 121


# -- server errors ---------------------------------------------------------------------------


def test_503_then_200_on_a_get_is_retried(server):
    server.plan(reply(503, {"category": "unavailable", "code": "call-unavailable"}),
                reply(200, {"id": "c-1", "state": "active"}))
    assert client_for(server).Call.get("c-1").state == "active"
    assert len(server.received("GET")) == 2


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_post_answered_with_a_server_error_is_sent_once(server, status):
    server.plan(reply(status, {"code": "call-unavailable"}), reply(201, headers=CREATED))
    with pytest.raises(catapult.ServerError) as caught:
        client_for(server).Call("c-1").create_gather(max_digits=1)
    assert caught.value.attempts == 1
    assert len(server.received("POST")) == 1


def test_a_get_answered_503_every_time_carries_its_attempts(server):
    server.plan(reply(503), reply(503), reply(503))
    with pytest.raises(catapult.ServerError) as caught:
        client_for(server).Call.get("c-1")
    assert caught.value.attempts == 3


def test_max_retries_zero_sends_each_request_once(server):
    server.plan(reply(503), reply(200, {"id": "c-1"}))
    with pytest.raises(catapult.ServerError) as caught:
        client_for(server, max_retries=0).Call.get("c-1")
    assert caught.value.attempts == 1
    assert len(server.received("GET")) == 1


def test_with_options_changes_retries_for_one_call_on_the_same_pool(server):
    server.plan(reply(503), reply(200, {"id": "c-1"}))
    client = client_for(server)
    strict = client.with_options(max_retries=0)
    with pytest.raises(catapult.ServerError):
        strict.Call.get("c-1")
    assert client.Call.get("c-1").id == "c-1"
    assert strict._transport.session is client._transport.session


# -- a server that closes every connection after replying, without saying so ------------------


def test_a_server_that_closes_after_each_reply_loses_no_get_and_repeats_no_post(server):
    client = client_for(server)
    server.plan(*[reply(200, {"id": "c-1"}, close_after=True) for _ in range(200)])
    for _ in range(40):
        assert client.Call.get("c-1").id == "c-1"
    server.plan(*[reply(201, headers=CREATED, close_after=True) for _ in range(200)])
    created = []
    for number in range(40):
        try:
            client.Call("c-1").create_gather(max_digits=1, tag=f"n{number}")
            created.append(f"n{number}")
        except catapult.TransportError as error:
            # a POST written to a connection that the server was closing may have been
            # read; it is reported, never sent again
            assert error.attempts == 1
    tags = [json.loads(s.body)["tag"] for s in server.received("POST")]
    assert len(tags) == len(set(tags))
    assert set(created) <= set(tags)


# -- redirects and ids -------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_not_followed(server, status):
    server.plan(reply(status, headers={"Location": f"{CALL}/elsewhere"}))
    with pytest.raises(catapult.ProtocolError, match="redirect"):
        client_for(server).Call("c-1").create_gather(max_digits=1)
    assert [s.path for s in server.seen] == [GATHER]


@pytest.mark.parametrize("bad", ["", ".", ".."])
def test_a_dot_id_sends_nothing(server, bad):
    client = client_for(server)
    with pytest.raises(catapult.InvalidOptionError):
        client.Call("c-1").update_gather(bad)
    with pytest.raises(catapult.InvalidOptionError):
        client.Call.get(bad)
    assert server.seen == []


@pytest.mark.parametrize("odd, segment", [
    ("a/b", "a%2Fb"), ("?", "%3F"), ("#", "%23"), ("%2e%2e", "%252e%252e"),
    ("a/../b", "a%2F..%2Fb"), ("..%2F", "..%252F"), ("...", "..."), (" ", "%20"),
])
def test_an_odd_id_reaches_only_its_own_segment(server, odd, segment):
    server.plan(reply(200, {"id": "g"}), reply(200))
    client = client_for(server)
    client.Call("c-1").get_gather(odd)
    client.Call("c-1").update_gather(odd)
    assert [(s.method, s.path) for s in server.seen] == [
        ("GET", f"{GATHER}/{segment}"), ("POST", f"{GATHER}/{segment}")]


@pytest.mark.parametrize("location", [f"{GATHER}/..", f"{GATHER}/.", f"{GATHER}/", "/"])
def test_a_location_without_an_id_is_a_protocol_error_and_nothing_follows(server, location):
    server.plan(reply(201, headers={"Location": location}))
    with pytest.raises(catapult.ProtocolError):
        client_for(server).Call("c-1").create_gather(max_digits=1)
    assert len(server.seen) == 1


# -- the fast path sends what requests.Session would --------------------------------------------


def test_each_request_is_byte_identical_to_a_plain_requests_session(server):
    # catapult prepares requests itself (settings merged once, no cookie or redirect
    # machinery); on the wire that must not show
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    posted = {**headers, "Content-Type": "application/json; charset=utf-8"}
    seed = {"maxDigits": "5", "terminatingDigits": "*", "interDigitTimeout": "7",
            "prompt": {"sentence": "Please enter your 5 digit code"}}
    server.plan(reply(201, headers=CREATED), reply(201, headers=CREATED),
                reply(200, {"id": "gtr-1"}), reply(200, {"id": "gtr-1"}),
                reply(200), reply(200))
    client_for(server).Call("c-1").create_gather(seed)
    with requests.Session() as plain:
        plain.post(server.url + GATHER, auth=(TOKEN, SECRET), headers=posted,
                   data=json.dumps(seed, separators=(",", ":")).encode())
        client_for(server).Call("c-1").get_gather("gtr-1")
        plain.get(f"{server.url}{GATHER}/gtr-1", auth=(TOKEN, SECRET), headers=headers)
        client_for(server).Call("c-1").stop_gather("gtr-1")
        plain.post(f"{server.url}{GATHER}/gtr-1", auth=(TOKEN, SECRET), headers=posted,
                   data=b'{"state":"completed"}')
    raws = [seen.raw for seen in server.seen]
    assert raws[0] == raws[1] and raws[2] == raws[3] and raws[4] == raws[5]
    assert raws[0].startswith(b"POST " + GATHER.encode() + b" HTTP/1.1\r\n")
