"""A reminder by call and by text, as the official reminder apps do: call the person and
speak the reminder; text it too, with a delivery receipt; take their reply by text.

    python samples/text_reminder.py     # on the embedded sandbox: the person answers, replies
    BANDWIDTH_USER_ID=u-... BANDWIDTH_API_TOKEN=t-... BANDWIDTH_API_SECRET=... \\
        CALLBACK_URL=https://your.host/events FROM_NUMBER=+1... TO_NUMBER=+1... \\
        python samples/text_reminder.py 8000      # on the real API: serves the callbacks
"""

from __future__ import annotations

import os
import sys
import threading

from _common import on_real_api_or_sandbox, serve

import catapult
from catapult.callbacks import Receiver
from catapult.sandbox import Sandbox

REMINDER = "Reminder: your appointment is tomorrow at 3 PM. Reply C to confirm."


def reminder_app(client: catapult.Client, app: catapult.CallbackApp,
                 confirmed: threading.Event) -> catapult.CallbackApp:
    """Speak the reminder when the call is answered, hang up when it has been said, and
    note a reply that confirms."""

    @app.on("answer")
    def answered(event: catapult.AnswerEvent) -> None:
        client.Call.speak_sentence(str(event.call_id), REMINDER, "reminder")

    @app.on("speak")
    def spoken(event: catapult.SpeakEvent) -> None:
        if event.status == "done":
            client.Call.hang_up(str(event.call_id))

    @app.on("sms")
    def texted(event: catapult.SmsEvent) -> None:
        if event.direction == "out":
            print(f"  app: the text is {event.delivery_state or event.state}")
        elif (event.text or "").strip().upper() == "C":
            print(f"  app: {event.from_} confirmed by text")
            confirmed.set()

    return app


def remind(client: catapult.Client, from_: str, to: str, callback_url: str) -> None:
    call = client.Call.create(from_=from_, to=to, callback_url=callback_url)
    message = client.Message.send(from_=from_, to=to, text=REMINDER, callback_url=callback_url,
                                  receipt_requested="all", tag="reminder")
    print(f"  call {call.id} placed and text {message.id} sent to {to}")


def on_sandbox() -> None:
    print("A reminder by call and text (on the embedded sandbox: no BANDWIDTH_* variables "
          "are set)")
    confirmed = threading.Event()
    with Sandbox() as sandbox, sandbox.client() as client, Receiver() as receiver:
        [number] = client.AvailableNumber.search_and_order_local(area_code="919", quantity=1)
        app = client.Application.create(name="reminders", incoming_message_url=receiver.url)
        client.PhoneNumber.update(number.id, application_id=app.id)
        reminder_app(client, receiver.app, confirmed)
        person = "+19195550123"
        remind(client, str(number.number), person, receiver.url)
        call = next(iter(client.Call.list()))
        print("  the person answers and listens")
        sandbox.answer(call.id)
        sandbox.wait_for(catapult.HangupEvent, call_id=call.id, timeout=15)
        print(f"  they heard: {[h.text for h in sandbox.heard(call.id)]}")
        print("  they reply C")
        sandbox.send_message(person, str(number.number), "C")
        if not confirmed.wait(timeout=10):
            sys.exit("no confirmation arrived")
        sandbox.settle()
        texts = [m for m in client.Message.list() if m.direction == "out"]
        print(f"confirmed; the reminder text was {texts[0].delivery_state}")


def on_real_api(port: int) -> None:
    callback_url, from_, to = (os.environ.get(name) for name in
                               ("CALLBACK_URL", "FROM_NUMBER", "TO_NUMBER"))
    if not (callback_url and from_ and to):
        sys.exit("set CALLBACK_URL, FROM_NUMBER (yours, on an application whose "
                 "incomingMessageUrl is CALLBACK_URL) and TO_NUMBER")
    with catapult.Client.from_env() as client:
        app = reminder_app(client, catapult.CallbackApp(), threading.Event())
        remind(client, from_, to, callback_url)
        serve(app, port, "reminders")


if __name__ == "__main__":
    on_real_api_or_sandbox(on_real_api, on_sandbox)
