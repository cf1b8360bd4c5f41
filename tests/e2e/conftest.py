"""The end-to-end tier (marked ``slow``): a real browser, gunicorn, mypy, the samples and
the commands as subprocesses, and the property tests. ``pytest -m "not slow"`` leaves it out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Chromium for the session."""
    from ..browser import chromium

    with chromium() as launched:
        yield launched
