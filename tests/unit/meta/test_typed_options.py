"""The typed keyword options: the generated TypedDicts are current, and help() shows each
option by name."""

from __future__ import annotations

import inspect
import pathlib
from typing import Any

import catapult
from catapult import _kwargs
from tests import kwargs_source


def test_the_generated_kwargs_module_is_current() -> None:
    written = pathlib.Path(catapult.__file__).with_name("_kwargs.py").read_text()
    fix = "python -m tests.kwargs_source > catapult/_kwargs.py"
    assert written == kwargs_source.render(), f"stale; run: {fix}"


def _methods_with_options() -> list[tuple[str, Any, str]]:
    """Every resource method typed ``**options: Unpack[X]``, with X's name."""
    from catapult.resources import (
        application,
        bridge,
        call,
        call_collection,
        conference,
        number,
        recording,
    )
    found = []
    for module in (application, bridge, call, call_collection, conference, number,
                   recording):
        for cls in vars(module).values():
            if not isinstance(cls, type) or cls.__module__ != module.__name__:
                continue
            for name, func in vars(cls).items():
                hints = getattr(func, "__annotations__", {})
                typed = [h for h in hints.values() if str(h).startswith("Unpack[")]
                if typed and func.__name__ == name:
                    found.append((f"{cls.__name__}.{name}", func, typed[0][7:-1]))
    return found


def test_every_typed_method_shows_its_option_names_in_help() -> None:
    methods = _methods_with_options()
    assert len(methods) >= 30, [name for name, _, _ in methods]
    for name, func, typed_dict in methods:
        keys = set(getattr(_kwargs, typed_dict).__annotations__)
        shown = inspect.signature(func).parameters.values()
        assert not any(p.kind is p.VAR_KEYWORD for p in shown), name
        code = func.__code__
        declared = set(code.co_varnames[:code.co_argcount + code.co_kwonlyargcount])
        added = {p.name for p in shown} - declared
        assert keys == added, (name, keys ^ added)
        assert all(p.kind is p.KEYWORD_ONLY and p.default is None
                   for p in shown if p.name in added), name
