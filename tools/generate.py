"""Write catapult's generated modules from the declarations they are derived from.

    python -m tools.generate           # rewrite them
    python -m tools.generate --check   # exit 1, naming the stale ones (a meta test runs it)

- ``catapult/_kwargs.py``: one TypedDict per set of keyword options, from each method that
  declares ``**options: Unpack[kw.X]`` and the options class its ``shows_options`` names
  (less the parameters it takes itself), and one per BXML verb's attributes; each field
  carries its rule as a docstring, so that an IDE's hover shows the limit.
- ``catapult/_mirrors.py``: for type checkers, each collection's id-first mirror of every
  method of its handle (at run time the collection derives the same mirrors itself).
- ``catapult/_index.py``: every public name of catapult by the module that defines it, and
  the collections of the client, for the lazy imports of ``catapult`` and ``Client``.

Nothing here is a hand-kept list: the inputs are the resource modules (every module of
``catapult/resources``), the ``__all__`` of the public modules, and the BXML verbs.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import pkgutil
import re
import sys
import textwrap
import types
import typing
from pathlib import Path
from typing import Any

import attrs

import catapult
import catapult.resources
from catapult import _options
from catapult._idfirst import IdFirst
from catapult.bxml import _verbs
from catapult.resources._base import BaseCollection, handle_methods

PACKAGE = Path(catapult.__file__).resolve().parent
#: the modules whose ``__all__`` are catapult's public names (all of it, or the names
#: given), besides every resource module
PUBLIC_MODULES: dict[str, tuple[str, ...]] = {
    "errors": (), "_config": (), "client": (), "_response": (), "_enums": (), "events": (),
    "callbacks": ("CallbackApp",),  # the receiver and the server stay in catapult.callbacks
}
WIDTH = 96


def resource_modules() -> list[Any]:
    """Every module of ``catapult/resources``, imported."""
    return [importlib.import_module(f"catapult.resources.{info.name}")
            for info in pkgutil.iter_modules(catapult.resources.__path__)]


def _classes(module: Any) -> list[type]:
    return [value for value in vars(module).values()
            if inspect.isclass(value) and value.__module__ == module.__name__]


# -- catapult/_kwargs.py --------------------------------------------------------------------------

def _value_type(annotation: str) -> str:
    """``Union[int, str, None]`` -> ``Union[int, str]``; ``Optional[str]`` -> ``str``."""
    optional = re.fullmatch(r"Optional\[(.*)\]", annotation)
    if optional:
        return optional.group(1)
    return re.sub(r", None\]$", "]", annotation)


def _typed_methods() -> dict[str, tuple[type, frozenset[str], str]]:
    """TypedDict name -> (options class, the names the methods take themselves, a method)."""
    found: dict[str, tuple[type, frozenset[str], str]] = {}
    for module in resource_modules():
        for cls in _classes(module):
            for name, func in vars(cls).items():
                marked = getattr(func, "__options__", None)
                if marked is None:
                    continue
                code = func.__code__
                star = code.co_varnames[code.co_argcount + code.co_kwonlyargcount
                                        + bool(code.co_flags & inspect.CO_VARARGS)]
                typed = re.fullmatch(r"Unpack\[kw\.(\w+)\]",
                                     str(func.__annotations__.get(star)))
                if typed is None:
                    raise SystemExit(f"{cls.__name__}.{name}: type **{star} as "
                                     "Unpack[kw.SomethingKwargs]")
                kind, given = marked
                # what the TypedDict leaves out: the options the method takes itself
                own = frozenset(given) & {f.name for f in attrs.fields(kind)}
                where = f"{cls.__name__}.{name}"
                earlier = found.setdefault(typed.group(1), (kind, own, where))
                if earlier[:2] != (kind, own):
                    raise SystemExit(f"{typed.group(1)} means two things: in {earlier[2]} and "
                                     f"in {where}; give one of them another name")
    for verb in _verbs.VERBS.values():
        if verb._attributes is not _verbs._a.NoAttributes:
            found[f"Bxml{verb.tag}Kwargs"] = (verb._attributes, frozenset(), verb.__name__)
    return dict(sorted(found.items()))


def render_kwargs() -> str:
    specs = _typed_methods()
    nested = sorted({(f.metadata["nested"].__module__, f.metadata["nested"].__name__)
                     for kind, _, _ in specs.values() for f in attrs.fields(kind)
                     if f.metadata.get("nested")})
    imports = "\n".join(f"    from {module.replace('catapult', '', 1)} import {name}"
                        for module, name in nested)
    written = " ".join(_value_type(str(f.type)) for kind, _, _ in specs.values()
                       for f in attrs.fields(kind))
    typing_names = sorted({"TYPE_CHECKING", "Any", "Mapping", "TypedDict", "Union"}
                          | {word for word in re.findall(r"\b[A-Z]\w*", written)
                             if word in _TYPING}, key=lambda name: (not name.isupper(), name))
    modules = "import datetime as _dt\n" if "_dt." in written else ""
    out = [f'''"""Typed keyword options: one TypedDict per set of options, for
``**options: Unpack[kw.X]``, so that type checkers reject an unknown or mistyped option,
IDEs complete the names and show each option's rule.

Written by ``python -m tools.generate`` from the declared options classes; do not edit.
"""

from __future__ import annotations

{modules}from typing import {", ".join(typing_names)}

if TYPE_CHECKING:
{imports}

__all__ = [
{chr(10).join(f'    "{name}",' for name in specs)}
]
''']
    for name, (kind, own, _) in specs.items():
        lines = [f"\n\nclass {name}(TypedDict, total=False):",
                 f'    """The keyword options of ``{kind.__name__.lstrip("_")}``'
                 + (f" (the method takes {', '.join(sorted(own))} itself)" if own else "")
                 + '."""']
        for item in attrs.fields(kind):
            if item.name in own:
                continue
            lines.append("")
            lines.append(f"    {item.name}: {_value_type(str(item.type))}")
            said = _options.describe(kind, [f.name for f in attrs.fields(kind)
                                            if f.name != item.name])[0]
            words = said.split(": ", 1)[1].replace('"""', "'''").replace("\\", "\\\\")
            text = textwrap.fill(words[:1].upper() + words[1:] + ".", WIDTH - 7,
                                 subsequent_indent="    ")
            lines.append(f'    """{text}"""')
        out.append("\n".join(line if line.strip() else "" for line in _wrap(lines)) + "\n")
    return "".join(out)


def _wrap(lines: list[str]) -> list[str]:
    wrapped: list[str] = []
    for line in lines:
        wrapped.extend(line.split("\n"))
    return wrapped


# -- catapult/_mirrors.py -------------------------------------------------------------------------

def _collections() -> list[type]:
    return [cls for module in resource_modules() for cls in _classes(module)
            if issubclass(cls, BaseCollection) and "_handle" in vars(cls)]


def mirror_names(collection: type) -> list[str]:
    """The handle methods a collection mirrors id first: the ``IdFirst`` mirrors
    ``Collection`` set on it, in the handle's order."""
    return [name for name, value in vars(collection).items() if isinstance(value, IdFirst)]


_TYPING = {name for name in dir(typing) if not name.startswith("_")}
_BUILTIN = {"str", "int", "float", "bool", "bytes", "list", "dict", "tuple", "set", "None",
            "object", "type"}


class _Imports:
    """The imports the stubs need, found where each method is written."""

    def __init__(self) -> None:
        self.found: dict[str, set[str]] = {}

    def add(self, module: str, name: str) -> None:
        self.found.setdefault(module, set()).add(name)

    def resolve(self, annotation: str, method: Any, handle: type) -> str:
        """``annotation`` as the stub writes it (``Self`` is the handle), noting each name's
        import."""
        namespace = method.__globals__
        for word in re.findall(r"(?<![.\w])[A-Za-z_]\w*", annotation):
            if word in _BUILTIN or word == "Self":
                continue
            value = namespace.get(word)
            if value is None:
                continue  # an attribute after a dot (kw.GatherKwargs): its module is enough
            if isinstance(value, types.ModuleType):
                if value.__name__.startswith("catapult."):
                    parent, _, leaf = value.__name__[len("catapult."):].rpartition(".")
                    self.add(f".{parent}" if parent else ".",
                             f"{leaf} as {word}" if leaf != word else leaf)
                else:
                    self.add(f"import {value.__name__}", word)
            elif word in ("Self", "Unpack"):  # newer than Python 3.9's typing
                self.add("._compat", word)
            elif word in _TYPING and getattr(typing, word) is value:
                self.add("typing", word)
            elif inspect.isclass(value) and value.__module__.startswith("catapult"):
                self.add("." + value.__module__[len("catapult."):], word)
            else:
                self.add("." + _assigned_in(word, value, method)[len("catapult."):], word)
        return re.sub(r"\bSelf\b", handle.__name__, annotation)

    def lines(self) -> list[str]:
        def order(item: tuple[str, set[str]]) -> tuple[bool, bool, str]:
            module = item[0]
            return (not module.startswith("import "), module != "typing", module)

        out = []
        for module, names in sorted(self.found.items(), key=order):
            if module.startswith("import "):
                target = module[len("import "):]
                out += [f"    import {target} as {alias}" if alias != target
                        else f"    import {target}" for alias in sorted(names)]
                continue
            line = f"    from {module} import {', '.join(sorted(names))}"
            if len(line) > WIDTH:
                line = (f"    from {module} import (\n"
                        + "".join(f"        {name},\n" for name in sorted(names)) + "    )")
            out.append(line)
        return out


def _assigned_in(word: str, value: object, method: Any) -> str:
    """The catapult module that assigns ``word`` at its top level (a type alias)."""
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("catapult") and \
                vars(module).get(word) is value and module.__file__:
            tree = ast.parse(Path(module.__file__).read_text())
            if any(isinstance(node, (ast.Assign, ast.AnnAssign)) and word in
                   [t.id for t in (node.targets if isinstance(node, ast.Assign)
                                   else [node.target]) if isinstance(t, ast.Name)]
                   for node in tree.body):
                return str(module.__name__)
    raise SystemExit(f"cannot tell where {word!r} of {method.__qualname__} comes from")


def _stub(collection: type, name: str, imports: _Imports) -> list[str]:
    """The typed stub of one mirror: the handle method's signature with the id in front."""
    handle = collection._handle
    method = handle_methods(handle)[name]
    signature = getattr(method, "__typed_signature__", None) or inspect.signature(method)
    params = list(signature.parameters.values())[1:]
    # the id is positional-only, and so is everything the method takes before its own "/"
    last_positional = max((index for index, param in enumerate(params)
                           if param.kind is param.POSITIONAL_ONLY), default=-1)
    parts = ["self", *(f"{name}: str" for name in collection.id_names)]
    if last_positional < 0:
        parts.append("/")
    star = False
    for index, param in enumerate(params):
        if param.kind is param.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        text = param.name
        if param.annotation is not param.empty:
            text += f": {imports.resolve(str(param.annotation), method, handle)}"
            if param.default is not param.empty:
                text += f" = {param.default!r}"
        elif param.default is not param.empty:
            text += f"={param.default!r}"
        if param.kind is param.VAR_KEYWORD:
            text = "**" + text
        elif param.kind is param.VAR_POSITIONAL:
            text, star = "*" + text, True
        parts.append(text)
        if index == last_positional:
            parts.append("/")
    returned = signature.return_annotation
    returns = (imports.resolve(str(returned), method, handle)
               if returned is not signature.empty else "None")
    summary = (inspect.getdoc(method) or "").split("\n\n")[0].replace("\n", " ")
    doc = textwrap.fill(f"{summary} Id first: ``{collection.handle_name}"
                        f"({', '.join(collection.id_names)}).{name}(...)``."
                        .replace('"""', "'''"),
                        WIDTH - 11, subsequent_indent="        ")
    head = f"    def {name}({', '.join(parts)}) -> {returns}:"
    if len(head) > WIDTH:
        head = (f"    def {name}(\n" + "".join(f"        {part},\n" for part in parts)
                + f"    ) -> {returns}:")
    return [head, f'        """{doc}"""', "        ...", ""]


def render_mirrors() -> str:
    collections = _collections()
    imports = _Imports()
    bodies = []
    for cls in collections:
        handle = cls._handle
        imports.add("." + handle.__module__[len("catapult."):], handle.__name__)
        lines = [f"\n\nclass {cls.__name__[:-len('Collection')]}Mirrors:",
                 f'    """The methods of ``{handle.__name__}``, id first."""', ""]
        for name in mirror_names(cls):
            lines += _stub(cls, name, imports)
        bodies.append("\n".join(lines).rstrip() + "\n")
    names = "\n".join(f'    "{cls.__name__[:-len("Collection")]}Mirrors",'
                      for cls in collections)
    header = f'''"""For type checkers only: each collection's id-first mirror of every method of its
handle, typed as the handle's method with the id in front (``client.Call.hang_up(call_id)``
is ``Call.hang_up``). At run time ``Collection`` derives the same mirrors from the handle
itself (``resources/_base.py``).

Written by ``python -m tools.generate``; do not edit.
"""

# mypy: disable-error-code="empty-body"
# (these stubs are read, never run: the collection's IdFirst mirrors do the work)

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
{chr(10).join(imports.lines())}

__all__ = [
{names}
]
'''
    return header + "".join(bodies)


# -- catapult/_index.py ---------------------------------------------------------------------------

def public_names() -> dict[str, str]:
    """Each public name of catapult, and the module (below catapult) that defines it."""
    modules = [(importlib.import_module(f"catapult.{name}"), only)
               for name, only in PUBLIC_MODULES.items()]
    modules += [(module, ()) for module in resource_modules()]
    found: dict[str, str] = {}
    for module, only in modules:
        for name in only or getattr(module, "__all__", ()):
            value = getattr(module, name)
            defined = getattr(value, "__module__", None) if inspect.isclass(value) or \
                inspect.isfunction(value) else None
            where = defined if defined and defined.startswith("catapult") else module.__name__
            found.setdefault(name, where[len("catapult."):])
    return dict(sorted(found.items()))


def client_collections() -> list[tuple[str, str, str, str]]:
    """(client attribute, module below catapult, class, description) of each collection."""
    found = []
    for module in resource_modules():
        for cls in _classes(module):
            if vars(cls).get("client_name"):
                found.append((cls.client_name, module.__name__[len("catapult."):],
                              cls.__name__, cls.client_doc))
    return sorted(found)


def render_index() -> str:
    names = public_names()
    collections = client_collections()
    by_module: dict[str, list[str]] = {}
    for name, module in names.items():
        by_module.setdefault(module, []).append(name)
    typing_imports = "\n".join(
        f"    from .{module} import (\n"
        + "".join(f"        {name} as {name},\n" for name in sorted(found)) + "    )"
        for module, found in sorted(by_module.items()))
    collection_imports = "\n".join(sorted(
        f"    from .{module} import {cls}" for _, module, cls, _ in collections))
    table = "\n".join(f'    "{name}": "{module}",' for name, module in names.items())
    names_list = "\n".join(f'    "{name}",' for name in names)
    attributes = "\n".join(
        f'    {attr}: Lazy[{cls}] = Lazy(\n        "{module}", "{cls}",\n        "{doc}")'
        for attr, module, cls, doc in collections)
    return f'''"""Where catapult's public names and the client's collections are defined, for the
lazy imports of ``catapult`` and ``Client``: a script that only starts gathers never loads
bridges. (Type checkers read the imports below instead.)

Written by ``python -m tools.generate`` from the ``__all__`` of catapult's modules and the
collections of ``catapult/resources``; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import Lazy

if TYPE_CHECKING:
{typing_imports}
{collection_imports}

#: each public name of catapult, and the module that defines it
PUBLIC: dict[str, str] = {{
{table}
}}

__all__ = [
{names_list}
]


class Collections:
    """The collections of a client, each loaded when first used (``client.Bridge``)."""

{attributes}
'''


#: event types the API spells in camelCase (the sandbox matches any case)
CAMEL_EVENT_TYPES = {"transfercomplete": "transferComplete"}


def render_waits() -> str:
    from catapult.events import event_types

    classes = event_types()
    imports = sorted({(cls.__module__, cls.__name__) for cls in classes.values()})
    by_module: dict[str, list[str]] = {}
    for module, name in imports:
        by_module.setdefault(".." + module[len("catapult."):], []).append(name)
    import_lines = "\n".join(
        f"    from {module} import (\n" + "".join(f"        {name},\n" for name in names)
        + "    )" for module, names in sorted(by_module.items()))
    keywords = ("\n                 *, call_id: Optional[str] = None, count: int = 1,"
                "\n                 timeout: float = 5.0")
    overloads = []
    for kind, cls in classes.items():
        spellings = [kind] + ([CAMEL_EVENT_TYPES[kind]] if kind in CAMEL_EVENT_TYPES else [])
        literal = ", ".join(f'"{name}"' for name in spellings)
        overloads.append(
            f"    @overload\n    def wait_for(self, event_type: Literal[{literal}],"
            f"{keywords}) -> {cls.__name__}: ...\n")
    body = "\n".join(overloads)
    return f'''"""``Sandbox.wait_for``, typed by what it waits for: ``wait_for("gather")`` is a
``GatherEvent`` to a type checker, as ``wait_for(catapult.GatherEvent)`` is.

Written by ``python -m tools.generate`` from the event types of ``catapult.events``; do
not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional, TypeVar, Union, overload

from ..events import Event

if TYPE_CHECKING:
{import_lines}

E = TypeVar("E", bound=Event)


class Waits:
    """The ``wait_for`` of a sandbox; the waiting itself is ``Sandbox._wait``."""

    def _wait(self, event_type: Union[str, type[Event], None], call_id: Optional[str],
              count: int, timeout: float) -> Event:
        raise NotImplementedError

{body}
    @overload
    def wait_for(self, event_type: type[E],{keywords}) -> E: ...

    @overload
    def wait_for(self, event_type: Optional[str] = None,{keywords}) -> Event: ...

    def wait_for(self, event_type: Union[str, type[Event], None] = None, *,
                 call_id: Optional[str] = None, count: int = 1,
                 timeout: float = 5.0) -> Event:
        """Wait until the ``count``-th event matching type and call has been delivered.

        Args:
            event_type: an event class (``catapult.GatherEvent``), an ``eventType`` name
                (``"gather"``, in any case), or None for any event; a class or a known
                name types the result (``wait_for("gather").digits`` is a ``str``).
            call_id: only events of this call (None: any call).
            count: which matching event to wait for, from 1.
            timeout: seconds of real time.

        Raises:
            InvalidOptionError: an event type name no event has (with a did-you-mean).
            CallbackFailed: an event of ``call_id`` could not be delivered to its callback
                URL: the wait ends at once, naming the URL and the status or error.
            WaitTimeout: (a ``TimeoutError`` too) nothing matching came in time; it names
                what was awaited, what arrived, the clock mode, and every delivery that
                failed since the last wait.
        """
        return self._wait(event_type, call_id, count, timeout)
'''


GENERATED = {"_kwargs.py": render_kwargs, "_mirrors.py": render_mirrors,
             "_index.py": render_index, "sandbox/_waits.py": render_waits}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.generate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 naming each stale module")
    args = parser.parse_args(argv)
    stale = []
    for name, render in GENERATED.items():
        path = PACKAGE / name
        text = render()
        if path.exists() and path.read_text() == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text)
            print(f"wrote catapult/{name}")
    if args.check and stale:
        print(f"stale: {', '.join(stale)}; run: python -m tools.generate", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
