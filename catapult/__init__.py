"""catapult: a Python SDK for Bandwidth's Catapult voice API v1.

The public names below load their module when first used, so ``import catapult`` costs
almost nothing, and a script that never receives callbacks never loads the receiver. Where
each name lives is the generated table ``catapult._index.PUBLIC``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import _index
from ._index import PUBLIC as _PUBLIC

__version__ = "0.2.0"

if TYPE_CHECKING:  # what type checkers, IDEs and help() see: every public name
    from ._index import *  # noqa: F403

#: submodules that ``catapult.<name>`` imports on first use too (``catapult.sandbox.Sandbox``)
_SUBMODULES = frozenset({"bxml", "callbacks", "errors", "events", "resources", "sandbox"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'catapult' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC, *_SUBMODULES})


__all__ = ["__version__"]
__all__ += _index.__all__  # the generated table's names, a form type checkers read
