"""Shared fixtures: a client aimed at a fake host, and a responses mock that must be used."""

from __future__ import annotations

from typing import Iterator

import pytest
import responses

import catapult

BASE = "https://api.test.example"
ROOT = f"{BASE}/v1/users/u-user"
TOKEN = "t-token-5ecret"
SECRET = "s3cr3t-Value-9"


@pytest.fixture
def mocked() -> Iterator[responses.RequestsMock]:
    """Every request must match a registered response, and every response must be used."""
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        yield mock


@pytest.fixture
def client() -> Iterator[catapult.Client]:
    """A client without retries: these tests pin one request each (retries: test_retries.py,
    test_faults.py)."""
    with catapult.Client("u-user", TOKEN, SECRET, base_url=BASE, max_retries=0) as api:
        yield api
