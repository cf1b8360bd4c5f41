"""The official "dolphin" app, ported: answer an incoming call, play a greeting, gather a
key with a tag, and act on the first dtmf event (1: transfer to an agent, anything else:
say goodbye and hang up); the gather event that follows is logged.

    python samples/dolphin.py           # on the embedded sandbox: a caller rings and presses 1
    BANDWIDTH_USER_ID=u-... BANDWIDTH_API_TOKEN=t-... BANDWIDTH_API_SECRET=... \\
        python samples/dolphin.py 8000  # on the real API: serves the callbacks on port 8000;
                                        # point your application's incomingCallUrl here
"""

from __future__ import annotations

import os
import sys
import threading
import time

from _common import on_real_api_or_sandbox, serve

import catapult
from catapult.callbacks import make_server
from catapult.sandbox import Sandbox

AGENT = os.environ.get("DOLPHIN_AGENT_NUMBER", "+19195550100")


def dolphin_app(client: catapult.Client, started: threading.Event) -> catapult.CallbackApp:
    """The app's callback handlers, written as the Ruby, JS and C# dolphin apps wrote them."""
    app = catapult.CallbackApp()
    greeted: set[str] = set()

    @app.on("incomingcall")
    def ring(event: catapult.IncomingCallEvent) -> None:
        client.Call.answer_on_incoming(event.call_id)        # Ruby's name; also .answer()

    @app.on("answer")
    def greet(event: catapult.AnswerEvent) -> None:
        if event.call_id in greeted:                          # the agent's leg answers too
            return
        greeted.add(event.call_id)
        client.Call.speak_sentence(event.call_id, "Hello from the dolphin app.", "greeting")

    @app.on("speak")
    def spoken(event: catapult.SpeakEvent) -> None:
        if event.status != "done":
            return
        if event.tag == "greeting":
            client.Call.create_gather(event.call_id, {           # the JS sample's options
                "maxDigits": "2", "terminatingDigits": "*", "interDigitTimeout": "3",
                "tag": "gather_started",
                "prompt": {"sentence": "Press 1 to speak with the dolphin, press 2 to let it go"},
            })
            started.set()
        elif event.tag == "terminating":
            client.Call.hangup(event.call_id)

    @app.on("dtmf")
    def pressed(event: catapult.DtmfEvent) -> None:
        # the apps decide on the first key of the gather, before the gather event
        if event.dtmf_digit == "1":
            new = client.Call.transfer(event.call_id, AGENT, whisper_audio={
                "sentence": "You have a dolphin on line 1"})
            print(f"  app: connecting the caller to {AGENT} (new call {new.id})")
        else:
            client.Call.speak_sentence(event.call_id, "This call will be terminated",
                                       "terminating")

    @app.on("gather")
    def gathered(event: catapult.GatherEvent) -> None:
        print(f"  app: gather {event.tag} ended: digits={event.digits!r} ({event.reason})")

    return app


def on_sandbox() -> None:
    print("The dolphin app (on the embedded sandbox: no BANDWIDTH_* variables are set)")
    started = threading.Event()
    with Sandbox() as sandbox, sandbox.client() as client:
        server = make_server(dolphin_app(client, started))
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        try:
            call_id = sandbox.incoming_call("+19195551212", "+19195551213",
                                            f"http://127.0.0.1:{server.server_port}/events")
            print(f"  a caller rings: call {call_id}")
            if not started.wait(timeout=10):
                sys.exit("the app never started its gather")
            time.sleep(0.2)
            print("  the caller presses 1")
            sandbox.press(call_id, "1")
            sandbox.wait_for("gather", call_id=call_id)
            sandbox.settle()
            for heard in sandbox.heard(call_id):
                print(f"  the caller heard: {heard.text or heard.url}")
            print("events: " + ", ".join(e.event_type for e in sandbox.events
                                         if e.call_id == call_id))
            print(f"call state: {client.Call.get(call_id).state}")
        finally:
            server.shutdown()
            server.server_close()


def on_real_api(port: int) -> None:
    with catapult.Client.from_env() as client:
        serve(dolphin_app(client, threading.Event()), port, "dolphin app")


if __name__ == "__main__":
    on_real_api_or_sandbox(on_real_api, on_sandbox)
