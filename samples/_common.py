"""What the samples share: run a gather flow on the real API, or on the embedded sandbox.

With BANDWIDTH_USER_ID, BANDWIDTH_API_TOKEN and BANDWIDTH_API_SECRET set, a sample starts
its gather on the real API, on the active call whose id is its first argument, and polls
the gather until the person on the phone has finished. Without them, it starts a local
Catapult sandbox and a CallbackApp, places and answers a call, plays the caller's part,
and prints the gather event as the callback receives it.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from typing import Any, Callable, Mapping

import catapult
from catapult.callbacks import make_server
from catapult.sandbox import Sandbox

Caller = Callable[[Sandbox, catapult.Call, catapult.Gather], None]


def run(title: str, options: Mapping[str, Any], caller: Caller) -> None:
    """Run one gather flow: on the real API if credentials are set, else on the sandbox."""
    if any(name.startswith("BANDWIDTH_") for name in os.environ):
        on_real_api(title, options)
    else:
        on_sandbox(title, options, caller)


def on_real_api(title: str, options: Mapping[str, Any]) -> None:
    if len(sys.argv) < 2:
        sys.exit(f"usage: python {sys.argv[0]} CALL_ID   (an active call of yours)")
    with catapult.Client.from_env() as client:
        gather = client.Call(sys.argv[1]).create_gather(options)
        print(f"{title}: gather {gather.id} started; waiting for the caller (60 s at most)")
        for _ in range(60):
            time.sleep(1)
            gather = gather.refresh()
            if gather.completed:
                print(f"gather completed: reason={gather.reason} digits={gather.digits}")
                return
        print("the gather is still running; stopping it")
        gather.stop()


def on_sandbox(title: str, options: Mapping[str, Any], caller: Caller) -> None:
    print(f"{title} (on the embedded sandbox: no BANDWIDTH_* variables are set)")
    received: queue.Queue[catapult.Event] = queue.Queue()
    app = catapult.CallbackApp()
    app.on_any(received.put)                 # every callback event, as it arrives
    server = make_server(app)                # your web server, here on a free local port
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    callback_url = f"http://127.0.0.1:{server.server_port}/catapult/events"

    def expect(event_type: str) -> catapult.Event:
        while True:
            event = received.get(timeout=10)
            print(f"  callback <- {event.describe()}")
            if event.event_type == event_type:
                return event

    try:
        with Sandbox() as sandbox, sandbox.client() as client:
            call = client.Call.create(from_="+19195551212", to="+19195551213",
                                      callback_url=callback_url)
            print(f"  call {call.id} placed; the far end answers")
            sandbox.answer(call.id)
            expect("answer")
            gather = call.create_gather(options)
            print(f"  gather {gather.id} started with {dict(options)}")
            caller(sandbox, call, gather)
            event = expect("gather")
            assert isinstance(event, catapult.GatherEvent)
            print(f"gather event: reason={event.reason} digits={event.digits!r} "
                  f"call_id={event.call_id} gather_id={event.gather_id}")
    finally:
        server.shutdown()
        server.server_close()


def serve(app: catapult.CallbackApp, port: int, what: str) -> None:
    """Serve ``app``'s callbacks on ``port`` of every interface until Ctrl-C."""
    server = make_server(app, host="0.0.0.0", port=port)
    print(f"{what}: serving callbacks on port {port} (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def on_real_api_or_sandbox(real: Callable[[int], None], sandbox: Callable[[], None]) -> None:
    """The samples' rule: the real API when BANDWIDTH_* variables are set (the port to serve
    callbacks on as the first argument, default 8000), else the embedded sandbox."""
    if any(name.startswith("BANDWIDTH_") for name in os.environ):
        real(int(sys.argv[1]) if len(sys.argv) > 1 else 8000)
    else:
        sandbox()
