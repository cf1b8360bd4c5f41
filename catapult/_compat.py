"""``Self`` and ``Unpack`` at run time on every supported Python, so that
``typing.get_type_hints`` resolves the annotations of every public method (type checkers
read them from typing_extensions; Python 3.11 has them in typing)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

__all__ = ["Self", "Unpack"]

if TYPE_CHECKING:
    from typing_extensions import Self, Unpack
elif sys.version_info >= (3, 11):
    from typing import Self, Unpack
else:  # pragma: no cover (Python 3.9 and 3.10)

    class Self:
        """Stands for the class a method is called on (``typing.Self`` from Python 3.11)."""

    class _Unpack:
        """``Unpack[SomeKwargs]`` reads as ``SomeKwargs`` (``typing.Unpack`` from 3.11)."""

        def __getitem__(self, item: Any) -> Any:
            return item

        def __repr__(self) -> str:
            return "Unpack"

    Unpack = _Unpack()
