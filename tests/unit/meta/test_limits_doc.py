"""Each documented limit is stated where users read it, with the value the code enforces."""

from __future__ import annotations

import pytest

from catapult import bxml
from catapult.bxml import _verbs
from catapult.sandbox import Sandbox, _bxml, _server

from ...support import REPO

ROOT = REPO


@pytest.mark.parametrize("words, where", [
    (f"more than {_bxml.MAX_REDIRECTS} ``<Redirect>`` in a row", Sandbox.__doc__),
    (f"{bxml.MAX_BYTES // 1024} KB, {_verbs.MAX_DEPTH} levels", Sandbox.__doc__),
    (f"more than {_bxml.MAX_REDIRECTS} `<Redirect>` in a row", (ROOT / "SECURITY.md").read_text()),
    (f"nested deeper than {_verbs.MAX_DEPTH} levels", (ROOT / "SECURITY.md").read_text()),
    (f"over {_server.MAX_BODY >> 20} MiB", (ROOT / "SECURITY.md").read_text()),
    (f"redirects more than {_bxml.MAX_REDIRECTS}", (ROOT / "docs" / "bxml.md").read_text()),
    (f"{bxml.MAX_BYTES // 1024} KB, {_verbs.MAX_DEPTH} levels of nesting",
     (ROOT / "docs" / "bxml.md").read_text()),
    (f"{_server.MAX_BODY >> 20} MiB for the API", (ROOT / "docs" / "sandbox.md").read_text()),
], ids=lambda value: value if len(value) < 60 else value[:40])
def test_the_limit_is_stated_with_its_value(words, where):
    assert words in " ".join(str(where).split())
