"""MkDocs hooks for the docs site (``mkdocs.yml``): the API reference, a page per public
name, generated from the ``__all__`` of catapult's public modules (so that a new name gets
its page and a removed one loses it), and the project's own Markdown files as pages."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent

#: the public modules, each with the names it exports; catapult's own table says where
#: each top-level name is defined
MODULES = ("catapult", "catapult.bxml", "catapult.callbacks", "catapult.sandbox",
           "catapult.testing")

#: the project's files shown as pages: repository path -> page path
PROJECT = {"README.md": "project/README.md", "CHANGELOG.md": "project/CHANGELOG.md",
           "SECURITY.md": "project/SECURITY.md", "CONTRIBUTING.md": "project/CONTRIBUTING.md",
           "bench/README.md": "project/bench.md"}


def public_names() -> dict[str, list[tuple[str, str]]]:
    """Each public module's names, as (name, the dotted path where it is defined)."""
    from catapult._index import PUBLIC

    found: dict[str, list[tuple[str, str]]] = {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        if module_name == "catapult":
            names = sorted(PUBLIC, key=str.lower)
            found[module_name] = [(n, f"catapult.{PUBLIC[n]}.{n}") for n in names]
        elif hasattr(module, "__all__"):
            found[module_name] = [(n, _defined(module, n)) for n in module.__all__]
        else:  # a module used for what it is (the pytest plugin), one page
            found[module_name] = []
    return found


def _defined(module: Any, name: str) -> str:
    value = getattr(module, name)
    home = getattr(value, "__module__", None)
    if isinstance(home, str) and home.startswith("catapult") and hasattr(value, "__qualname__"):
        return f"{home}.{value.__qualname__}"
    return f"{module.__name__}.{name}"  # a constant: documented where it is assigned


def page_path(module_name: str, name: str = "") -> str:
    return f"reference/{module_name}/{name}.md" if name else f"reference/{module_name}.md"


def reference_pages() -> dict[str, str]:
    """Page path -> Markdown, for the reference's index and a page per name."""
    pages: dict[str, str] = {}
    index = ["# API reference", "",
             "Every public name of catapult, a page each, from its docstring. The guide "
             "pages say how they fit together.", ""]
    found = public_names()
    top_level = {name for name, _ in found["catapult"]}
    for module_name, names in found.items():
        index += [f"## `{module_name}`", ""]
        if not names:
            pages[page_path(module_name)] = f"# `{module_name}`\n\n::: {module_name}\n"
            index += [f"- [`{module_name}`]({page_path(module_name)[len('reference/'):]})", ""]
            continue
        for name, target in names:
            if module_name != "catapult" and name in top_level:  # one page per object
                pages[page_path(module_name, name)] = (
                    f"# `{module_name}.{name}`\n\nThe same object as "
                    f"[`catapult.{name}`](../catapult/{name}.md).\n")
                index.append(f"- [`{name}`](catapult/{name}.md) (as `catapult.{name}`)")
                continue
            pages[page_path(module_name, name)] = (
                f"# `{module_name}.{name}`\n\n::: {target}\n    options:\n"
                f"      show_root_heading: false\n      heading_level: 2\n")
            index.append(f"- [`{name}`]({page_path(module_name, name)[len('reference/'):]})")
        index.append("")
    pages["reference/index.md"] = "\n".join(index)
    return pages


def on_files(files: Files, config: Any) -> Files:
    for path, content in reference_pages().items():
        files.append(File.generated(config, path, content=content))
    for source, page in PROJECT.items():
        files.append(File.generated(config, page, content=(ROOT / source).read_text()))
    return files


#: links of the project's pages to where those files are on the site
_PROJECT_LINKS = [
    (re.compile(r"\]\(docs/"), "](../"),
    (re.compile(r"\]\(bench/README\.md"), "](bench.md"),
]
_DOCS_LINKS = [(re.compile(r"\]\(\.\./" + re.escape(source)), f"](project/{Path(page).name}")
               for source, page in PROJECT.items() if "/" not in source]


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    rules = _PROJECT_LINKS if page.file.src_uri.startswith("project/") else _DOCS_LINKS
    for pattern, replacement in rules:
        markdown = pattern.sub(replacement, markdown)
    return markdown
