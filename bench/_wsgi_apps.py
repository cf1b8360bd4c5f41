"""The two WSGI apps the receiver benchmark serves under gunicorn: catapult's CallbackApp with
one gather handler, and a bare app that only parses the JSON body."""

from __future__ import annotations

import json
from typing import Any, Callable, Iterable

import catapult

callback_app = catapult.CallbackApp()
handled = 0


@callback_app.on("gather")
def gathered(event: catapult.GatherEvent) -> None:
    global handled
    handled += 1


def bare_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    json.loads(environ["wsgi.input"].read(length))
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "3")])
    return [b"ok\n"]
