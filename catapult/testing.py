"""pytest fixtures for code that uses catapult: a running sandbox and a client bound to it.

Installed as a pytest plugin (entry point ``pytest11``), so after ``pip install catapult-sdk``
any test can ask for ``catapult_sandbox`` or ``catapult_client``. Mark a test with
``@pytest.mark.catapult_sandbox(clock="manual")`` to drive the sandbox's clock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pytest

if TYPE_CHECKING:
    from .client import Client
    from .sandbox import Sandbox

# pytest loads this plugin into every test run of an environment where catapult is
# installed: it imports nothing of catapult (nor requests) until a fixture is used


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "catapult_sandbox(**options): options for the catapult_sandbox fixture, "
        "e.g. clock='manual'")


@pytest.fixture
def catapult_sandbox(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    """A started ``catapult.sandbox.Sandbox``, stopped after the test."""
    from .sandbox import Sandbox

    marker = request.node.get_closest_marker("catapult_sandbox")
    options = dict(marker.kwargs) if marker else {}
    with Sandbox(**options) as sandbox:
        yield sandbox


@pytest.fixture
def catapult_client(catapult_sandbox: Sandbox) -> Iterator[Client]:
    """A ``catapult.Client`` bound to ``catapult_sandbox``."""
    with catapult_sandbox.client() as client:
        yield client
