"""Callback delivery: in order within a call, and a dead callback URL delays only its call."""

from __future__ import annotations

import logging
import socket
import threading
import time
from typing import Iterator

import pytest

import catapult
from catapult.callbacks import make_server
from catapult.sandbox import Sandbox


class BlackHole:
    """A callback URL that accepts connections and never answers, until ``close()``."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=512)
        self.held: list[socket.socket] = []
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/events"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self) -> None:
        self.listener.close()
        for sock in self.held:
            sock.close()


@pytest.fixture
def black_hole() -> Iterator[BlackHole]:
    hole = BlackHole()
    yield hole
    hole.close()


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[tuple[float, catapult.Event]]]]:
    arrived: list[tuple[float, catapult.Event]] = []
    app = catapult.CallbackApp()
    app.on_any(lambda event: arrived.append((time.monotonic(), event)))
    server = make_server(app)
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/events", arrived
    server.shutdown()
    server.server_close()


def test_a_hanging_callback_url_delays_only_its_own_calls_events(black_hole, receiver):
    good_url, arrived = receiver
    with Sandbox() as sandbox, sandbox.client() as client:
        stuck = client.Call.create(from_="+19195551212", to="+19195551213",
                                   callback_url=black_hole.url, callback_timeout=3000)
        sandbox.answer(stuck.id)      # its answer event now waits 3 s for the black hole
        started = time.monotonic()
        calls = []
        for _ in range(5):
            call = client.Call.create(from_="+19195551212", to="+19195551213",
                                      callback_url=good_url)
            sandbox.answer(call.id)
            call.create_gather(max_digits=2)
            sandbox.press(call.id, "42")
            calls.append(call)
        for call in calls:
            sandbox.wait_for("gather", call_id=call.id, timeout=2)
        took = time.monotonic() - started
        assert took < 1.5, f"other calls waited for the dead callback URL ({took:.1f} s)"
        by_call: dict[str, list[str]] = {}
        for _, event in arrived:
            by_call.setdefault(event.call_id, []).append(event.event_type)
        assert all(by_call[call.id] == ["answer", "dtmf", "dtmf", "gather"] for call in calls)
        assert stuck.id not in by_call
        assert sandbox.settle(timeout=10)
        stuck_events = [d for d in sandbox.deliveries if d.payload.get("callId") == stuck.id]
        assert [(d.payload["eventType"], d.status) for d in stuck_events] == [("answer", None)]


def test_events_of_one_call_arrive_in_the_order_emitted(receiver):
    url, arrived = receiver
    with Sandbox() as sandbox, sandbox.client() as client:
        call = client.Call.create(from_="+19195551212", to="+19195551213", callback_url=url)
        sandbox.answer(call.id)
        for _ in range(10):
            call.create_gather(max_digits=1)
            sandbox.press(call.id, "7")
        sandbox.hang_up(call.id)
        assert sandbox.settle(timeout=5)
    kinds = [event.event_type for _, event in arrived if event.call_id == call.id]
    assert kinds == ["answer"] + ["dtmf", "gather"] * 10 + ["hangup"]
    times = [moment for moment, event in arrived if event.call_id == call.id]
    assert times == sorted(times)


class _Drip:
    """A callback URL whose server answers a byte every half second."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/events"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    @staticmethod
    def _drip(conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n" + b"x" * 40:
                    conn.sendall(bytes([byte]))
                    time.sleep(0.5)
            except OSError:
                return

    def close(self) -> None:
        self.listener.close()


def test_the_callback_timeout_bounds_the_whole_delivery_on_the_wall_clock():
    drip = _Drip()
    try:
        with Sandbox() as sandbox, sandbox.client() as client:
            call = client.Call.create(from_="+19195551212", to="+19195551213",
                                      callback_url=drip.url, callback_timeout=2000)
            started = time.monotonic()
            sandbox.answer(call.id)
            assert sandbox.settle(timeout=10)
            took = time.monotonic() - started
            [delivery] = sandbox.deliveries
            assert delivery.status is None
            assert delivery.error == "no complete answer within the callback timeout of 2 s"
            assert 1.9 < took < 2.6, f"the delivery took {took:.2f} s with a 2 s timeout"
    finally:
        drip.close()


def test_200_dead_callback_urls_do_not_delay_a_healthy_call(receiver, black_hole):
    good_url, arrived = receiver
    with Sandbox() as sandbox, sandbox.client() as client:
        for _ in range(200):
            stuck = client.Call.create(from_="+19195551212", to="+19195551213",
                                       callback_url=black_hole.url)
            sandbox.answer(stuck.id)  # each answer event now waits on a dead URL
        delays = []
        for _ in range(5):
            healthy = client.Call.create(from_="+19195551212", to="+19195551213",
                                         callback_url=good_url)
            started = time.monotonic()
            sandbox.answer(healthy.id)
            sandbox.wait_for(catapult.AnswerEvent, call_id=healthy.id, timeout=5)
            moment = next(m for m, e in arrived if e.call_id == healthy.id)
            delays.append(moment - started)
        assert max(delays) < 0.1, f"healthy answer events waited {delays}"
        black_hole.close()  # the dead URLs fail now, so the sandbox stops at once


def test_no_log_line_or_message_shows_a_callback_url_s_credentials(caplog):
    secret_url = "http://bw-user:s3cr3t-pass@127.0.0.1:1/events?token=q-s3cr3t"
    with caplog.at_level(logging.DEBUG, logger="catapult"), Sandbox() as sandbox, \
            sandbox.client() as client:
        call = client.Call.create(from_="+19195551212", to="+19195551213",
                                  callback_url=secret_url)
        sandbox.answer(call.id)
        sandbox.settle()
        with pytest.raises(catapult.sandbox.WaitTimeout) as failed:
            sandbox.wait_for(catapult.GatherEvent, timeout=0.05)
        shown = [record.getMessage() for record in caplog.records] + [
            str(failed.value), *(d.describe() for d in sandbox.deliveries)]
    assert "failed callbacks: answer to http://***@127.0.0.1:1/events" in str(failed.value)
    assert any("http://***@127.0.0.1:1/events" in line for line in shown)
    assert not [line for line in shown if "s3cr3t" in line]


def test_fast_callbacks_to_one_host_share_a_worker_or_two(receiver):
    """Each courier thread more costs the others their share of the GIL: 40 calls' events
    to one healthy receiver are delivered by at most a couple of workers."""
    good_url, arrived = receiver
    with Sandbox() as sandbox, sandbox.client() as client:
        calls = [client.Call.create(from_="+19195551212", to="+19195551213",
                                    callback_url=good_url) for _ in range(40)]
        for call in calls:
            sandbox.answer(call.id)
            sandbox.press(call.id, "12")
        assert sandbox.settle(timeout=10)
        workers = sandbox._courier._threads  # this sandbox's courier workers
        assert 1 <= len(workers) <= 2, [t.name for t in workers]
        assert sum(1 for _, event in arrived if event.call_id in {c.id for c in calls}) == 120
