"""A menu in BXML: "press 1 for sales, 2 for support", served by a CallbackApp whose
handlers answer each GET callback with the call's next BXML document.

    python samples/bxml_ivr.py            # on the embedded sandbox: the caller presses 2
    python samples/bxml_ivr.py 1          # ... or 1, and the call is transferred to sales
    BANDWIDTH_USER_ID=u-... BANDWIDTH_API_TOKEN=t-... BANDWIDTH_API_SECRET=... \\
        CALLBACK_URL=https://your.host/bxml python samples/bxml_ivr.py 8000
                                          # on the real API: serves the BXML on port 8000
                                          # (an application with callbackHttpMethod GET)
"""

from __future__ import annotations

import os
import sys

from _common import on_real_api_or_sandbox, serve

import catapult
from catapult.bxml import Gather, Hangup, Response, SpeakSentence, Transfer
from catapult.callbacks import Receiver
from catapult.sandbox import Sandbox

SALES = os.environ.get("SALES_NUMBER", "+19195550100")
FROM = os.environ.get("FROM_NUMBER", "+19195551212")


def ivr_app(app: catapult.CallbackApp, base_url: str) -> catapult.CallbackApp:
    """The handlers, on ``app``: the menu when the call is answered, then what the digit
    chose. ``base_url`` is where ``app`` is served (the menu's requestUrl is under it)."""

    @app.on("answer")
    def menu(event: catapult.AnswerEvent) -> Response:
        return Response(
            SpeakSentence("Thanks for calling", voice="susan"),
            Gather(SpeakSentence("Press 1 for sales, 2 for support"),
                   request_url=f"{base_url}/menu", max_digits=1, inter_digit_timeout=5),
            SpeakSentence("We did not get your choice. Goodbye"),
            Hangup(),
        )

    @app.on("gather")
    def chosen(event: catapult.GatherEvent) -> Response:
        print(f"  app: the caller pressed {event.digits!r}; answering with the next BXML")
        if event.digits == "1":
            return Response(SpeakSentence("Connecting you to sales"),
                            Transfer(transfer_to=SALES))
        return Response(SpeakSentence("Support is open nine to five. Goodbye"), Hangup())

    return app


def on_sandbox() -> None:
    digit = sys.argv[1] if len(sys.argv) > 1 else "2"
    print("A BXML menu (on the embedded sandbox: no BANDWIDTH_* variables are set)")
    # a manual clock: each spoken sentence takes the time advance() gives it, not real time
    with Sandbox(clock="manual") as sandbox, sandbox.client() as client, \
            Receiver() as receiver:
        ivr_app(receiver.app, receiver.url)
        call = client.Call.create(from_=FROM, to="+13235551234", callback_url=receiver.url,
                                  callback_http_method="GET")
        print(f"  call {call.id} placed with GET callbacks; the caller answers")
        sandbox.answer(call.id)
        sandbox.settle()                     # the answer callback replied with the menu
        sandbox.advance(1)                   # "Thanks for calling"; the gather starts
        print(f"  the caller hears the menu and presses {digit}")
        sandbox.press(call.id, digit)
        result = sandbox.wait_for(catapult.GatherEvent, call_id=call.id)
        print(f"  gather result GET to the menu's requestUrl: digits={result.digits!r} "
              f"reason={result.reason}")
        sandbox.settle()
        sandbox.advance(3)                   # the last sentence is spoken
        sandbox.settle()
        state = client.Call.get(call.id).state
        if state == "transferring":
            sales = next(c for c in client.Call.list() if c.to == SALES)
            print(f"  transferred: sales' phone rings (call {sales.id})")
        else:
            hangup = sandbox.wait_for(catapult.HangupEvent, call_id=call.id)
            print(f"  the app hung up: {hangup.cause}")
        print(f"the caller heard: {[h.text for h in sandbox.heard(call.id) if h.text]}")


def on_real_api(port: int) -> None:
    url = os.environ.get("CALLBACK_URL", f"http://localhost:{port}/bxml")
    serve(ivr_app(catapult.CallbackApp(), url), port, "the BXML menu")


if __name__ == "__main__":
    on_real_api_or_sandbox(on_real_api, on_sandbox)
