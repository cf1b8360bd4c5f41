"""Recorded with the catapult sandbox on 2026-12-02 (catapult 0.2.0):
an incoming call from +19195551212 to +19195550100, answered by the app menu:app.

It serves that app with the sandbox, makes the same call and plays the caller's part:
each key press waits until the caller hears what they heard before pressing it, on a
manual clock that moves while the caller waits. Run it with pytest, from the directory
the app imports from."""

from __future__ import annotations

import pytest

import catapult
from catapult.callbacks import Receiver
from catapult.sandbox import Sandbox

APP = 'menu:app'
FROM, TO = '+19195551212', '+19195550100'


@pytest.mark.catapult_sandbox(clock="manual")  # time moves as the caller waits: no sleeping
def test_recorded_call(catapult_sandbox: Sandbox, catapult_callbacks: Receiver,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Call c-de3lje6lhvn09w42akd8sma1g, replayed."""
    for variable, value in catapult_sandbox.environment().items():
        monkeypatch.setenv(variable, value)  # the app's Client.from_env() reaches the sandbox
    monkeypatch.setenv("CATAPULT_APP_URL", catapult_callbacks.url)  # where the app is served
    catapult_callbacks.serve(catapult.callbacks.load_app(APP))
    with catapult_sandbox.client() as client:  # TO reaches the app
        application = client.Application.create(
            name="recorded test", incoming_call_url=catapult_callbacks.url,
            callback_http_method="GET")
        client.PhoneNumber.allocate(number=TO, application_id=application.id)
    caller = catapult_sandbox.call_in(from_=FROM, to=TO)
    caller.hears('Thanks for calling Acme. Press 1 for sales, 2 for support.', timeout=10)
    caller.presses('1')
    caller.hears('Connecting you to sales. Goodbye.', timeout=10)
    caller.hears_hang_up()  # the app ends the call
    catapult_sandbox.settle()
    received = [event.event_type for event in catapult_callbacks.events
                if event.call_id == caller.call_id]
    assert received == ['incomingcall', 'answer', 'dtmf', 'gather', 'speak', 'speak', 'hangup']
