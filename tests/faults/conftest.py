"""The faults tier: hostile and broken peers over real sockets (servers that stall,
trickle, reset or lie; senders that stall; callback URLs that never answer; requests with
bad framing), and the sandbox that must survive them."""

from __future__ import annotations

from typing import Iterator

import pytest

from catapult.sandbox import Sandbox


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A sandbox with a real clock."""
    with Sandbox() as running:
        yield running
