"""An IVR menu driven over REST, as a CallbackApp: a caller hears the menu, presses 1 or 2,
hears where that leads, and the app hangs up. ``test_menu.py`` beside it is a test
recorded from the sandbox's browser phone, replaying one such call.

    python -m catapult sandbox --app menu:app     # from this directory: call it in the
                                                  # browser phone, then "Save as test"
    python -m pytest                              # run the recorded test
"""

from __future__ import annotations

import functools

import catapult

app = catapult.CallbackApp()

MENU = "Thanks for calling Acme. Press 1 for sales, 2 for support."
CHOICES = {"1": "Connecting you to sales. Goodbye.",
           "2": "Support is open nine to five. Goodbye."}
NOT_UNDERSTOOD = "Sorry, we did not get your choice. Goodbye."


@functools.cache
def client() -> catapult.Client:
    """The app's client, from ``BANDWIDTH_*`` (the sandbox sets them for the app it serves)."""
    return catapult.Client.from_env()


@app.on("answer")
def menu(event: catapult.AnswerEvent) -> None:
    client().Call.create_gather(str(event.call_id), max_digits=1, inter_digit_timeout=5,
                                prompt={"sentence": MENU})


@app.on("gather")
def chosen(event: catapult.GatherEvent) -> None:
    reply = CHOICES.get(event.digits, NOT_UNDERSTOOD)
    client().Call.speak_sentence(str(event.call_id), reply, tag="goodbye")


@app.on("speak")
def spoken(event: catapult.SpeakEvent) -> None:
    if event.tag == "goodbye" and event.status == "done":
        client().Call.hang_up(str(event.call_id))
