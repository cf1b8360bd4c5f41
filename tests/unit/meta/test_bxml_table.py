"""docs/bxml.md's table names every BXML verb and every attribute each declares, and
nothing else: a verb or attribute added to catapult.bxml without saying what the sandbox
does with it fails here."""

from __future__ import annotations

import re

import attrs

from catapult import _wire
from catapult.bxml import _attributes, _verbs

from ...support import REPO


def documented() -> dict[str, set[str]]:
    text = (REPO / "docs" / "bxml.md").read_text()
    table = text[text.index("| verb | attribute | in the sandbox |"):]
    rows = re.findall(r"^\| `(\w+)` \|([^|]*)\|", table, re.M)
    found: dict[str, set[str]] = {}
    for verb, cell in rows:  # a verb's own row has an empty attribute cell
        found.setdefault(verb, set()).update(re.findall(r"`(\w+)`", cell))
    return found


def declared() -> dict[str, set[str]]:
    return {tag: ({_wire.wire_name(f) for f in attrs.fields(cls._attributes)}
                  if cls._attributes is not _attributes.NoAttributes else set())
            for tag, cls in _verbs.VERBS.items()}


def test_the_table_names_every_verb_and_attribute_and_no_other():
    assert documented() == declared()
