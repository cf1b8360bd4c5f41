"""pytest fixtures for code that uses catapult: a running sandbox, a client bound to it, and
a callback receiver on a free port.

Installed as a pytest plugin (entry point ``pytest11``), so after ``pip install catapult-sdk``
any test can ask for ``catapult_sandbox``, ``catapult_client`` or ``catapult_callbacks``.
Mark a test with ``@pytest.mark.catapult_sandbox(clock="manual")`` to drive the sandbox's
clock, and ``@pytest.mark.catapult_callbacks(username=..., password=...)`` to make the
receiver require Basic credentials.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pytest

if TYPE_CHECKING:
    from .callbacks import Receiver
    from .client import Client
    from .sandbox import Sandbox

# pytest loads this plugin into every test run of an environment where catapult is
# installed: it imports nothing of catapult (nor requests) until a fixture is used


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "catapult_sandbox(**options): options for the catapult_sandbox fixture, "
        "e.g. clock='manual'")
    config.addinivalue_line(
        "markers", "catapult_callbacks(**options): options of the CallbackApp that the "
        "catapult_callbacks fixture serves, e.g. username='u', password='p'")


@pytest.fixture
def catapult_callbacks(request: pytest.FixtureRequest) -> Iterator[Receiver]:
    """A ``catapult.callbacks.Receiver``: a CallbackApp on a free loopback port for the test
    (``.url`` to give as a callback URL, ``.events`` received, ``.app`` for handlers)."""
    from .callbacks import CallbackApp, Receiver

    marker = request.node.get_closest_marker("catapult_callbacks")
    with Receiver(CallbackApp(**(dict(marker.kwargs) if marker else {}))) as receiver:
        yield receiver


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
