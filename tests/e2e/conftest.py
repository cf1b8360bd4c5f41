"""The end-to-end tier (marked ``slow``): a real browser, gunicorn, mypy, the samples and
the commands as subprocesses, and the property tests. ``pytest -m "not slow"`` leaves it out.
"""

from __future__ import annotations

import os
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


@pytest.fixture(scope="session")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for the run, shared by its workers (mypy writes each entry whole), so
    that the second mypy run of the suite does not check catapult and its stubs again."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    return shared / "mypy-cache"
