"""The generated modules are the ones their declarations give (tools/generate.py)."""

from __future__ import annotations

import pytest

from tools import generate


@pytest.mark.parametrize("name", sorted(generate.GENERATED))
def test_the_generated_module_is_current(name):
    written = (generate.PACKAGE / name).read_text()
    assert written == generate.GENERATED[name](), \
        f"catapult/{name} is stale: run python -m tools.generate"
