"""The unit tier: no network but ``responses`` mocks. A client aimed at a fake host, and
a responses mock that must be used in full."""

from __future__ import annotations

from typing import Iterator

import pytest
import responses

import catapult

from ..support import BASE, SECRET, TOKEN


@pytest.fixture
def mocked() -> Iterator[responses.RequestsMock]:
    """Every request must match a registered response, and every response must be used."""
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        yield mock


@pytest.fixture
def client() -> Iterator[catapult.Client]:
    """A client without retries: these tests pin one request each (retries:
    test_retries.py and the faults tier)."""
    with catapult.Client("u-user", TOKEN, SECRET, base_url=BASE, max_retries=0) as api:
        yield api
