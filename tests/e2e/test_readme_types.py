"""The README's Python snippets pass ``mypy --strict`` as a user's script would, given the
names that earlier snippets and the prose define."""

from __future__ import annotations

import pathlib
import re

from mypy import api as mypy_api

from ..support import REPO

README = REPO / "README.md"

#: what the README's fragments take from the snippets before them
GIVEN = """\
import catapult
client: catapult.Client
call: catapult.Call
caller: catapult.Call
agent: catapult.Call
gather: catapult.Gather
recording_id: str
"""


def test_every_readme_python_snippet_passes_mypy_strict(tmp_path: pathlib.Path) -> None:
    snippets = re.findall(r"```python\n(.*?)```", README.read_text(), re.S)
    assert len(snippets) >= 10
    files = []
    for number, snippet in enumerate(snippets):
        path = tmp_path / f"readme_{number:02d}.py"
        path.write_text(GIVEN + snippet)
        files.append(str(path))
    out, err, status = mypy_api.run(["--strict", "--no-error-summary",
                                     "--cache-dir", str(tmp_path / "cache"), *files])
    assert (status, out) == (0, ""), out + err
