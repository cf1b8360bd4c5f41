"""The official SIP app, ported: an application that does not auto-answer, two numbers, a
domain and a SIP endpoint on it. A call from the SIP client to any number goes out from
the first number and is bridged; a call to the second number rings the SIP client.

    python samples/sip_app.py          # on the embedded sandbox: the SIP client calls out
    BANDWIDTH_USER_ID=u-... BANDWIDTH_API_TOKEN=t-... BANDWIDTH_API_SECRET=... \\
        CALLBACK_URL=https://your.host/events python samples/sip_app.py 8000
                                       # on the real API: buys two numbers (!) and serves
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Optional

from _common import on_real_api_or_sandbox, serve

import catapult
from catapult.callbacks import Receiver
from catapult.sandbox import Sandbox

APPLICATION_NAME = "SipApp Demo"
DOMAIN_NAME = "sip-app"
USER_NAME = "r-user"
PASSWORD = "1234567890"


class SipApp:
    """What the app keeps: its numbers and the endpoint's address."""

    def __init__(self, client: catapult.Client, callback_url: str) -> None:
        self.client = client
        self.callback_url = callback_url
        self.caller = ""                  # calls out are made from this number
        self.incoming = ""                # calls to this number ring the SIP client
        self.sip_uri = ""
        self.bridged = threading.Event()

    def set_up(self) -> catapult.Endpoint:
        """The application, two numbers, the domain and the endpoint (reused if present)."""
        client = self.client
        application = next((a for a in client.Application.list() if a.name == APPLICATION_NAME),
                           None) or client.Application.create(
            name=APPLICATION_NAME, incoming_call_url=self.callback_url, auto_answer=False)
        numbers = [n for n in client.PhoneNumber.list() if n.application_id == application.id]
        if len(numbers) < 2:
            for found in client.AvailableNumber.search_local(city="Cary", state="NC",
                                                             quantity=2):
                numbers.append(client.PhoneNumber.allocate(number=found.number,
                                                           application_id=application.id))
        self.caller, self.incoming = str(numbers[0].number), str(numbers[1].number)
        domain = next((d for d in client.Domain.list() if d.name == DOMAIN_NAME), None) or \
            client.Domain.create(name=DOMAIN_NAME, description=APPLICATION_NAME)
        endpoint: Optional[catapult.Endpoint] = next(
            (e for e in domain.get_endpoints() if e.name == USER_NAME), None)
        if endpoint is None:
            endpoint = domain.create_endpoint(
                name=USER_NAME, description=f"{USER_NAME} mobile client",
                application_id=application.id, enabled=True,
                credentials={"password": PASSWORD}).refresh()
        self.sip_uri = str(endpoint.sip_uri)
        return endpoint

    def handlers(self, app: catapult.CallbackApp) -> catapult.CallbackApp:
        @app.on("incomingcall")
        def incoming(event: catapult.IncomingCallEvent) -> None:
            call = self.client.Call(str(event.call_id))
            if event.from_ == self.sip_uri:             # the SIP client calls a number
                call.answer_on_incoming()
                self.client.Call.create(from_=self.caller, to=str(event.to),
                                        callback_url=self.callback_url, tag=str(event.call_id))
            elif event.to == self.incoming:             # someone calls the SIP client
                call.answer_on_incoming()
                self.client.Call.create(from_=self.caller, to=self.sip_uri,
                                        callback_url=self.callback_url, tag=str(event.call_id))

        @app.on("answer")
        def answered(event: catapult.AnswerEvent) -> None:
            if event.tag:                               # the leg placed for an incoming call
                self.client.Bridge.create(call_ids=[str(event.call_id), event.tag])
                self.bridged.set()

        return app


def on_sandbox() -> None:
    print("The SIP app (on the embedded sandbox: no BANDWIDTH_* variables are set)")
    with Sandbox() as sandbox, sandbox.client() as client, Receiver() as receiver:
        sip = SipApp(client, receiver.url)
        endpoint = sip.set_up()
        sip.handlers(receiver.app)
        print(f"  endpoint {endpoint.name}: register as {endpoint.username} at "
              f"{endpoint.realm} (SIP address {sip.sip_uri})")
        print("  the SIP client calls +19195550100")
        call_id = sandbox.incoming_call(sip.sip_uri, "+19195550100")
        sandbox.wait_for(catapult.AnswerEvent, call_id=call_id)
        sandbox.settle()                                # the app placed the outbound leg
        out = next(c for c in client.Call.list() if c.to == "+19195550100"
                   and c.direction == "out")
        print(f"  the app calls out from {sip.caller}: call {out.id}; the far end answers")
        sandbox.answer(out.id)
        if not sip.bridged.wait(timeout=10):
            sys.exit("the calls were not bridged")
        sandbox.settle()
        [bridge] = client.Bridge.list()
        if sorted(bridge.refresh().call_ids or ()) != sorted([call_id, out.id]):
            sys.exit(f"bridge {bridge.id} holds {bridge.call_ids}")
        print("bridged: the SIP client's call and the call to +19195550100")


def on_real_api(port: int) -> None:
    callback_url = os.environ.get("CALLBACK_URL")
    if not callback_url:
        sys.exit("set CALLBACK_URL to the public URL of this machine's port")
    with catapult.Client.from_env() as client:
        sip = SipApp(client, callback_url)
        endpoint = sip.set_up()
        print(f"configure your SIP phone: account {endpoint.username}, server "
              f"{endpoint.realm}, password {PASSWORD}; then call out from it, or call "
              f"{sip.incoming} to ring it")
        serve(sip.handlers(catapult.CallbackApp()), port, "SIP app")


if __name__ == "__main__":
    on_real_api_or_sandbox(on_real_api, on_sandbox)
