"""The CallbackApp that tests/e2e/test_callbacks_gunicorn.py runs under a real gunicorn."""

from __future__ import annotations

import os

import catapult

app = catapult.CallbackApp()
_LOG = os.environ["CATAPULT_TEST_EVENT_LOG"]


@app.on("gather")
def record(event: catapult.GatherEvent) -> None:
    # O_APPEND writes of one short line are atomic, across threads and worker processes
    line = f"{event.tag} {event.digits} {os.getpid()}\n".encode()
    fd = os.open(_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)
