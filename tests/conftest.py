"""Fixtures every tier may use: a callback receiver on loopback (``served``) and what its
gather handler received; and readable ids for parametrized values."""

from __future__ import annotations

import json
import threading
from typing import Iterator, Optional

import pytest

import catapult

from .support import Served

#: the longest id a parametrized dict or list gets
ID_WIDTH = 48


def pytest_make_parametrize_id(config: pytest.Config, val: object,
                               argname: str) -> Optional[str]:
    """A dict, list or tuple parameter is named by its compact JSON (``{"maxDigits":0}``)
    instead of ``options3``, so that a failing case says what it was."""
    if isinstance(val, (dict, list, tuple)):
        try:
            shown = json.dumps(val, default=repr, separators=(",", ":"), ensure_ascii=True)
        except (TypeError, ValueError):
            return None
        return shown if len(shown) <= ID_WIDTH else shown[:ID_WIDTH - 3] + "..."
    return None


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
