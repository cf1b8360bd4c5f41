"""The sandbox tier: a running sandbox, through the plugin's own fixtures.

A test module marks itself ``pytest.mark.catapult_sandbox(clock="manual")`` to drive the
clock; ``world`` is a manual-clock sandbox and a client of it, for tests that need both.
"""

from __future__ import annotations

from typing import Iterator

import pytest

import catapult
from catapult.sandbox import Sandbox


@pytest.fixture
def sandbox(catapult_sandbox: Sandbox) -> Sandbox:
    return catapult_sandbox


@pytest.fixture
def client(catapult_client: catapult.Client) -> catapult.Client:
    """A client of the sandbox (shadows the mocked client of conftest.py)."""
    return catapult_client


@pytest.fixture
def call(sandbox: Sandbox, client: catapult.Client) -> catapult.Call:
    """An outbound call the far end has answered."""
    placed = client.Call.create(from_="+19195551212", to="+19195551213")
    sandbox.answer(placed.id)
    return placed


@pytest.fixture
def world() -> Iterator[tuple[Sandbox, catapult.Client]]:
    """A sandbox with a manual clock, and a client of it."""
    with Sandbox(clock="manual") as sandbox, sandbox.client() as api:
        yield sandbox, api
