"""The Python snippets of the README and of each docs/ page run as written, in order, and
pass ``mypy --strict`` as a user's script would.

Each page's snippets, joined in order, are one module: the pages run under one pytest (so
that a page's example tests run too, with the installed plugin's fixtures), in a fresh directory,
with ``BANDWIDTH_*`` pointing at a sandbox, so that ``Client.from_env()`` works as it would
for a user. A snippet preceded by ``<!-- illustrative -->`` is shown, not run.
"""

from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys

from mypy import api as mypy_api

from catapult.sandbox import Sandbox

from ..support import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BLOCK = re.compile(r"(<!-- illustrative -->\n)?```python\n(.*?)```", re.S)


def snippets(page: pathlib.Path) -> list[str]:
    return [code for illustrative, code in BLOCK.findall(page.read_text()) if not illustrative]


def module_of(page: pathlib.Path) -> str:
    return "\n\n".join(snippets(page))


RUNNABLE = [page for page in PAGES if snippets(page)]


def test_every_page_with_python_is_checked():
    names = {page.name for page in RUNNABLE}
    assert {"README.md", "resources.md", "callbacks.md", "bxml.md", "sandbox.md",
            "testing.md", "porting.md"} <= names


def test_every_page_runs_as_written(tmp_path):
    """All the pages in one pytest run (one start-up, not one per page); each page is its
    own module, so nothing of one page's leaks into another's."""
    for page in RUNNABLE:
        (tmp_path / f"test_{page.stem.lower()}_page.py").write_text(module_of(page))
    env = {key: value for key, value in os.environ.items() if not key.startswith("BANDWIDTH_")}
    with Sandbox() as sandbox:
        env.update(BANDWIDTH_USER_ID=sandbox.user_id, BANDWIDTH_API_TOKEN=sandbox.api_token,
                   BANDWIDTH_API_SECRET=sandbox.api_secret,
                   BANDWIDTH_API_ENDPOINT=sandbox.base_url)
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                               "-p", "no:xdist", "-rfE", "."], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=180)
    # every page's code ran (on import) and the example tests of the pages passed
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "error" not in done.stdout.rsplit("\n", 2)[-2]


def test_every_page_passes_mypy_strict(tmp_path, mypy_cache):
    files = []
    for page in RUNNABLE:
        path = tmp_path / f"{page.stem.lower()}_page.py"
        path.write_text(module_of(page))
        files.append(str(path))
    out, err, status = mypy_api.run(["--strict", "--no-error-summary",
                                     "--cache-dir", str(mypy_cache), *files])
    assert (status, out) == (0, ""), out + err
