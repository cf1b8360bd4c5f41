"""Callback delivery: in order within a call, and a dead callback URL delays only its call."""

from __future__ import annotations

import socket
import threading
import time
from typing import Iterator

import pytest

import catapult
from catapult.callbacks import make_server
from catapult.sandbox import Sandbox


@pytest.fixture
def black_hole() -> Iterator[str]:
    """A callback URL that accepts connections and never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/events"
    listener.close()
    for sock in held:
        sock.close()


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
                                   callback_url=black_hole, callback_timeout=3000)
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
