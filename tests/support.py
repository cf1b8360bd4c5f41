"""What tests of every tier share: the fake API host and credentials, and a callback
receiver served on a free loopback port."""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path
from typing import Any, Iterator

import requests

import catapult
from catapult.callbacks import make_server

#: the checkout: README.md, docs/, samples/, SECURITY.md
REPO = Path(__file__).resolve().parent.parent

BASE = "https://api.test.example"
ROOT = f"{BASE}/v1/users/u-user"
TOKEN = "t-token-5ecret"
SECRET = "s3cr3t-Value-9"

#: a gather event as the API documents it
GATHER = {"eventType": "gather", "reason": "max-digits", "state": "completed", "digits": "25",
          "time": "2014-07-31T01:01:27Z", "callId": "c-1", "gatherId": "g-1", "tag": "t"}


class Served:
    """A CallbackApp under ``make_server`` on a free port, with a session to post to it."""

    def __init__(self, app: catapult.CallbackApp) -> None:
        self.app = app
        self.server = make_server(app)
        self.url = f"http://127.0.0.1:{self.server.server_port}/callback"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,),
                                       daemon=True)
        self.thread.start()
        self.http = requests.Session()

    def post(self, payload: object, **kwargs: object) -> requests.Response:
        data = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
        headers = {"Content-Type": "application/json; charset=utf-8",
                   "User-Agent": "BandwidthAPI/v1 (test)"}
        return self.http.post(self.url, data=data, headers=headers, timeout=5,
                              **kwargs)  # type: ignore[arg-type]

    def close(self) -> None:
        self.http.close()
        self.server.shutdown()
        self.server.server_close()


#: the number routed to the sample IVR menu by ``serve_menu``
MENU_NUMBER = "+19195550100"


@contextlib.contextmanager
def serve_menu(sandbox: Any, monkeypatch: Any) -> Iterator[Any]:
    """The sample IVR menu (``samples/ivr_menu``, a REST-driven app) served for
    ``sandbox`` with ``MENU_NUMBER`` routed to it, as ``--app`` serves an app; yields the
    receiver."""
    from catapult.callbacks import Receiver, load_app

    monkeypatch.syspath_prepend(str(REPO / "samples" / "ivr_menu"))
    with Receiver() as receiver:
        for name, value in sandbox.environment().items():
            monkeypatch.setenv(name, value)
        receiver.serve(load_app("menu:app"))
        with sandbox.client() as client:
            application = client.Application.create(
                name="menu", incoming_call_url=receiver.url, callback_http_method="GET")
            client.PhoneNumber.allocate(number=MENU_NUMBER, application_id=application.id)
        yield receiver
