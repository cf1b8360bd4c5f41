"""The typed keyword options: help() shows each option by name, with the same names as the
generated TypedDict, and every public method's annotations resolve at run time."""

from __future__ import annotations

import inspect
import re
import typing
from typing import Any

import pytest

import catapult
from catapult import _kwargs
from tools import generate


def _methods_with_options() -> list[tuple[str, Any, str]]:
    """Every resource method typed ``**options: Unpack[kw.X]``, with X's name."""
    found = []
    for module in generate.resource_modules():
        for cls in vars(module).values():
            if not isinstance(cls, type) or cls.__module__ != module.__name__:
                continue
            for name, func in vars(cls).items():
                hints = getattr(func, "__annotations__", {})
                typed = [re.fullmatch(r"Unpack\[kw\.(\w+)\]", str(h)) for h in hints.values()]
                typed = [match.group(1) for match in typed if match]
                if typed and func.__name__ == name:
                    found.append((f"{cls.__name__}.{name}", func, typed[0]))
    return found


def test_every_typed_method_shows_its_option_names_in_help() -> None:
    methods = _methods_with_options()
    assert len(methods) >= 25, [name for name, _, _ in methods]
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


def test_each_typed_method_says_each_option_and_its_limit_in_its_docstring() -> None:
    text = inspect.getdoc(catapult.Call.create_gather) or ""
    assert "max_digits: digits to collect, not counting a terminating digit; a whole number " \
           "from 1 to 30" in " ".join(text.split())
    hover = _kwargs.GatherKwargs.__annotations__
    assert set(hover) == {"max_digits", "inter_digit_timeout", "terminating_digits", "tag",
                          "prompt", "suppress_dtmf"}


def _public_callables() -> list[tuple[str, Any]]:
    """Every public class's public methods, and every collection's, by name."""
    found: list[tuple[str, Any]] = []
    classes = [getattr(catapult, name) for name in catapult.__all__
               if inspect.isclass(getattr(catapult, name, None))]
    with catapult.Client("u-1", "t-1", "s") as client:
        classes += [type(getattr(client, name)) for name in dir(type(client))
                    if not name.startswith("_") and hasattr(getattr(type(client), name),
                                                            "attribute")]
    for cls in classes:
        for name in dir(cls):
            if name.startswith("_"):
                continue
            member = getattr(cls, name)
            if inspect.isfunction(member) or inspect.ismethod(member):
                found.append((f"{cls.__name__}.{name}", member))
    return found


@pytest.mark.parametrize("name, method", _public_callables(),
                         ids=[name for name, _ in _public_callables()])
def test_every_public_method_s_annotations_resolve_at_run_time(name, method) -> None:
    hints = typing.get_type_hints(method)
    assert "return" in hints or name.endswith("__init__"), f"{name} has no return annotation"
