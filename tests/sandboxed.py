"""Fixtures for tests that run against the sandbox through the plugin's own fixtures.

A test module imports the ones it needs (``from .sandboxed import call, client, sandbox``)
and marks itself ``pytest.mark.catapult_sandbox(clock="manual")`` to drive the clock.
"""

from __future__ import annotations

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
