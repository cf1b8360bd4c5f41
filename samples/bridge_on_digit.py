"""Gather a digit, call an agent, bridge them: the flow of the published "press 1 for an
agent" apps.

    python samples/bridge_on_digit.py          # on the embedded sandbox: the customer presses 1
    BANDWIDTH_USER_ID=u-... BANDWIDTH_API_TOKEN=t-... BANDWIDTH_API_SECRET=... \\
        AGENT_NUMBER=+1... FROM_NUMBER=+1... python samples/bridge_on_digit.py 8000
                                               # on the real API: serves callbacks on 8000
"""

from __future__ import annotations

import os
import sys
import threading

from _common import on_real_api_or_sandbox, serve

import catapult
from catapult.callbacks import make_server
from catapult.sandbox import Sandbox

AGENT = os.environ.get("AGENT_NUMBER", "+19195550100")
FROM = os.environ.get("FROM_NUMBER", "+19195551212")


def agent_app(client: catapult.Client, callback_url: str,
              bridged: threading.Event) -> catapult.CallbackApp:
    """The handlers: a menu on the customer's call, the agent called on "1", then a bridge."""
    app = catapult.CallbackApp()

    @app.on("answer")
    def answered(event: catapult.AnswerEvent) -> None:
        if event.tag and event.tag.startswith("agent-for:"):       # the agent picked up
            customer = event.tag.split(":", 1)[1]
            bridge = client.Bridge.create(call_ids=[customer, event.call_id])
            client.Bridge.speak_sentence(bridge.id, "You are now connected")
            print(f"  app: bridge {bridge.id} joins {customer} and the agent {event.call_id}")
            bridged.set()
        else:                                                      # the customer answered
            client.Call.create_gather(event.call_id, max_digits=1, tag="menu", prompt={
                "sentence": "Press 1 to talk to an agent, or 2 to hang up"})

    @app.on("gather")
    def chose(event: catapult.GatherEvent) -> None:
        print(f"  app: the customer pressed {event.digits!r}")
        if event.digits == "1":
            agent = client.Call.create(from_=FROM, to=AGENT, callback_url=callback_url,
                                       tag=f"agent-for:{event.call_id}")
            print(f"  app: calling the agent (call {agent.id})")
        else:
            client.Call.hang_up(event.call_id)

    return app


def on_sandbox() -> None:
    print("Bridge on a digit (on the embedded sandbox: no BANDWIDTH_* variables are set)")
    bridged = threading.Event()
    with Sandbox() as sandbox, sandbox.client() as client:
        server = make_server(agent_app(client, "", bridged))
        url = f"http://127.0.0.1:{server.server_port}/events"
        server.set_app(agent_app(client, url, bridged))
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        try:
            customer = client.Call.create(from_=FROM, to="+13235551234", callback_url=url)
            print(f"  calling the customer: call {customer.id}; they answer")
            sandbox.answer(customer.id)
            sandbox.wait_for("answer", call_id=customer.id)
            sandbox.settle()
            print("  the customer presses 1")
            sandbox.press(customer.id, "1")
            sandbox.wait_for("gather", call_id=customer.id)
            sandbox.settle()
            agent = next(c for c in client.Call.list() if c.to == AGENT)
            print(f"  the agent's phone rings (call {agent.id}); they answer")
            sandbox.answer(agent.id)
            if not bridged.wait(timeout=10):
                sys.exit("the app never bridged the calls")
            bridge = client.Bridge.get(str(client.Call.get(customer.id)["bridgeId"]))
            print(f"bridge state: {bridge.state}, calls: {len(bridge.call_ids or ())}")
            print(f"the customer heard: {[h.text for h in sandbox.heard(customer.id)]}")
        finally:
            server.shutdown()
            server.server_close()


def on_real_api(port: int) -> None:
    with catapult.Client.from_env() as client:
        url = os.environ.get("CALLBACK_URL", f"http://localhost:{port}/events")
        serve(agent_app(client, url, threading.Event()), port, "bridge on a digit")


if __name__ == "__main__":
    on_real_api_or_sandbox(on_real_api, on_sandbox)
