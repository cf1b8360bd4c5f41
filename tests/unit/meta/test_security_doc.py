"""SECURITY.md names the test behind each promise: every test it names exists."""

from __future__ import annotations

import ast
import re

from ...support import REPO

ROOT = REPO


def named_tests() -> list[tuple[str, str]]:
    """(test file, test name) for each reference: ``tests/x.py::test_a``, and the
    ``::test_b`` that follow it, which name tests of the same file."""
    found = []
    current = ""
    for match in re.finditer(r"`(tests/[\w/]+\.py)?::(test_\w+)", (ROOT / "SECURITY.md")
                             .read_text()):
        current = match.group(1) or current
        found.append((current, match.group(2)))
    return found


def test_every_test_security_md_names_exists():
    names = named_tests()
    assert len(names) > 40
    missing = []
    for path, name in names:
        source = ROOT / path
        assert source.exists(), f"SECURITY.md names {path}, which does not exist"
        defined = {node.name for node in ast.walk(ast.parse(source.read_text()))
                   if isinstance(node, ast.FunctionDef)}
        if name not in defined:
            missing.append(f"{path}::{name}")
    assert not missing, f"SECURITY.md names tests that do not exist: {missing}"
