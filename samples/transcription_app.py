"""The official transcription app, ported: buy a number, point it at an application, take
the incoming call, offer a menu by gather, record a message, transcribe it, read the text.

    python samples/transcription_app.py      # on the embedded sandbox: a caller leaves a message
    BANDWIDTH_USER_ID=u-... BANDWIDTH_API_TOKEN=t-... BANDWIDTH_API_SECRET=... \\
        CALLBACK_URL=https://your.host/events python samples/transcription_app.py 8000
                                             # on the real API: buys a number (!) and serves
"""

from __future__ import annotations

import os
import sys
import threading

from _common import on_real_api_or_sandbox, serve

import catapult
from catapult.callbacks import make_server
from catapult.sandbox import Sandbox


def voicemail_app(client: catapult.Client, done: threading.Event) -> catapult.CallbackApp:
    """The handlers, as the Ruby and JS transcription apps wrote them."""
    app = catapult.CallbackApp()

    @app.on("answer")
    def answered(event: catapult.AnswerEvent) -> None:
        client.Call.create_gather(event.call_id, max_digits=1, tag="menu", prompt={
            "sentence": "Press 1 to leave a message, or 2 to hang up"})

    @app.on("gather")
    def chose(event: catapult.GatherEvent) -> None:
        if event.digits == "1":
            client.Call.speak_sentence(event.call_id, "Leave your message after the tone")
            # both official apps switch these on together on the live call
            client.Call.update(event.call_id, recording_enabled=True,
                               transcription_enabled=True)
        else:
            client.Call.hang_up(event.call_id)

    @app.on("recording")
    def recorded(event: catapult.RecordingEvent) -> None:
        if event.state == "complete":
            audio = client.Recording.download(str(event.recording_id))
            print(f"  app: recording {event.recording_id} saved ({len(audio)} bytes)")

    @app.on("transcription")
    def transcribed(event: catapult.TranscriptionEvent) -> None:
        print(f"  app: the message says: {event.text!r}")
        done.set()

    return app


def on_sandbox() -> None:
    print("The transcription app (on the embedded sandbox: no BANDWIDTH_* variables are set)")
    done = threading.Event()
    with Sandbox() as sandbox, sandbox.client() as client:
        server = make_server(voicemail_app(client, done))
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        try:
            application = client.Application.create(
                name="voicemail", incoming_call_url=f"http://127.0.0.1:{server.server_port}/e")
            [number] = client.AvailableNumber.search_and_order_local(area_code="919",
                                                                     quantity=1)
            client.PhoneNumber.update(number.id, application_id=application.id)
            print(f"  bought {number.number} for application {application.id}")
            sandbox.transcribe_as("Hi, please call me back about my order")
            call_id = sandbox.incoming_call("+13235551234", str(number.number))
            print(f"  a caller rings {number.number}: call {call_id}")
            sandbox.wait_for("answer", call_id=call_id)
            sandbox.settle()
            print("  the caller presses 1, speaks for a moment and hangs up")
            sandbox.press(call_id, "1")
            sandbox.wait_for("gather", call_id=call_id)
            sandbox.settle()
            sandbox.hang_up(call_id)
            if not done.wait(timeout=10):
                sys.exit("no transcription arrived")
            [transcription] = client.Call.get_transcriptions(call_id)
            print(f"transcription {transcription.state}: {transcription.text!r}")
        finally:
            server.shutdown()
            server.server_close()


def on_real_api(port: int) -> None:
    callback_url = os.environ.get("CALLBACK_URL")
    if not callback_url:
        sys.exit("set CALLBACK_URL to the public URL of this machine's port")
    with catapult.Client.from_env() as client:
        application = client.Application.create(name="voicemail",
                                                incoming_call_url=callback_url)
        [number] = client.AvailableNumber.search_and_order_local(area_code="919", quantity=1)
        client.PhoneNumber.update(number.id, application_id=application.id)
        print(f"call {number.number} to leave a message")
        serve(voicemail_app(client, threading.Event()), port, "transcription app")


if __name__ == "__main__":
    on_real_api_or_sandbox(on_real_api, on_sandbox)
