"""Fixtures every tier may use: a callback receiver on loopback (``served``) and what its
gather handler received."""

from __future__ import annotations

import threading
from typing import Iterator

import pytest

import catapult

from .support import Served


@pytest.fixture
def received() -> list[catapult.Event]:
    return []


@pytest.fixture
def served(received: list[catapult.Event]) -> Iterator[Served]:
    """A receiver whose gather handler keeps each event (and fails on tag "explode")."""
    app = catapult.CallbackApp(max_body=4096)
    lock = threading.Lock()

    @app.on("gather")
    def gathered(event: catapult.GatherEvent) -> None:
        if event.tag == "explode":
            raise RuntimeError("handler bug")
        with lock:
            received.append(event)

    instance = Served(app)
    yield instance
    instance.close()
