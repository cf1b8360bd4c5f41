"""What tests of every tier share: the fake API host and credentials, and a callback
receiver served on a free loopback port."""

from __future__ import annotations

import json
import threading
from pathlib import Path

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
