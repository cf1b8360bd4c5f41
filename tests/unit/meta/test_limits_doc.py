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
    (f"redirects more than {_bxml.MAX_REDIRECTS}", (ROOT / "README.md").read_text()),
    (f"{_verbs.MAX_DEPTH} levels of nesting", (ROOT / "README.md").read_text()),
])
def test_the_limit_is_stated_with_its_value(words, where):
    assert words in " ".join(str(where).split())
