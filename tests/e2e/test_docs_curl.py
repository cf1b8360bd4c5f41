"""The curl walkthrough of the docs runs as written: its first line starts the sandbox (here
on a free port), the rest runs in bash with the exports the sandbox printed."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

from ..support import REPO

ROOT = REPO
START = ".venv/bin/python -m catapult sandbox"


def walkthroughs() -> list[tuple[str, str]]:
    """Each ```sh block of the README and docs/ that starts a sandbox, by file."""
    found = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for block in re.findall(r"```sh\n(.*?)```", page.read_text(), re.S):
            if block.startswith(START):
                found.append((page.name, block))
    return found


@pytest.mark.parametrize("page, block", walkthroughs(), ids=lambda value: value[:20])
def test_the_curl_walkthrough_runs_as_written(page, block, tmp_path):
    assert walkthroughs(), "no curl walkthrough found in the docs"
    first, rest = block.split("\n", 1)
    argv = shlex.split(first.split("#", 1)[0].replace(".venv/bin/python", sys.executable))
    argv[argv.index("--port") + 1] = "0"
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          cwd=tmp_path) as sandbox:
        try:
            env = dict(os.environ)
            for line in iter(sandbox.stdout.readline, ""):
                exported = re.match(r"\s+export (\w+)=(.*)", line)
                if exported:
                    env[exported.group(1)] = shlex.split(exported.group(2))[0]
                if line.startswith("Ctrl-C to stop"):
                    break
            ran = subprocess.run(["bash", "-euo", "pipefail", "-c", rest], env=env,
                                 capture_output=True, text=True, timeout=60)
        finally:
            sandbox.terminate()
    assert ran.returncode == 0, ran.stderr
    assert '"state": "completed"' in ran.stdout and '"digits": "12345"' in ran.stdout
    assert ran.stdout.count('"eventType": "dtmf"') == 5
    assert '"eventType": "gather"' in ran.stdout
    # no request was refused: an error body has a category (ids and ports may hold "403")
    assert '"category"' not in ran.stdout and "HTTP/1.1 4" not in ran.stdout
