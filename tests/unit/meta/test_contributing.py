"""CONTRIBUTING.md's map of the code names every module of the package and the tools, and
nothing that is not there."""

from __future__ import annotations

import re

from ...support import REPO

SOURCES = ("*.py", "*.html", "*.js", "*.css")


def test_the_map_names_every_module_and_only_those():
    text = (REPO / "CONTRIBUTING.md").read_text()
    text = text[text.index("## The map of the code"):text.index("## Adding a resource")]
    mapped = set(re.findall(r"`((?:catapult|tools)/[\w/]+\.(?:py|html|js|css))`", text))
    present = {str(path.relative_to(REPO)) for top in ("catapult", "tools")
               for pattern in SOURCES for path in (REPO / top).rglob(pattern)}
    assert not present - mapped, f"modules missing from CONTRIBUTING.md: {sorted(present - mapped)}"
    assert not mapped - present, f"CONTRIBUTING.md names modules that do not exist: " \
                                 f"{sorted(mapped - present)}"
