"""Every handle method has its id-first mirror on the collection, at run time and for type
checkers, and every official name of the Ruby, node and C# SDKs resolves."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import catapult
from catapult import _mirrors
from catapult._idfirst import IdFirst
from catapult.resources._base import handle_methods
from tools import generate

from ...support import REPO

SHARED = REPO.parent / "shared"


@pytest.mark.parametrize("collection", generate._collections(),
                         ids=lambda cls: cls.__name__)
def test_every_handle_method_has_its_mirror(collection):
    handle = collection._handle
    typed = getattr(_mirrors, f"{collection.__name__[:-len('Collection')]}Mirrors")
    for name, method in handle_methods(handle).items():
        found = inspect.getattr_static(collection, name)
        if isinstance(found, IdFirst):
            assert found.method is method, name
            assert callable(getattr(typed, name, None)), f"{name} has no typed mirror"
        else:  # the collection's own method of that name (create, list, get)
            assert name in vars(collection), name


def test_an_alias_is_the_same_mirror_as_its_method():
    collection = catapult.Client("u-1", "t-1", "s").Call
    assert inspect.getattr_static(type(collection), "hangup") is \
        inspect.getattr_static(type(collection), "hang_up")


# -- the official names ---------------------------------------------------------------------------

#: the resource of each SDK-names table, by its section
SECTIONS = {"1.8": "Bridge", "2.10": "Recording", "4.4": "Application", "5.3": "PhoneNumber",
            "6.5": "Conference"}
#: what the official SDKs call on an object they hold (``bridge.update``), by variable
VARIABLES = {"bridge": None, "call": "Call", "recording": None, "app": None, "number": None,
             "conf": None, "member": "ConferenceMember"}
#: names that act on the collection, not on a handle
COLLECTION_ONLY = {"create", "list", "get", "search", "search_local", "search_toll_free",
                   "search_and_order", "search_and_order_local", "search_and_order_toll_free"}


def snake(name: str) -> str:
    name = re.sub(r"Async$", "", name)
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def official_names() -> list[tuple[str, str, str]]:
    """(resource, snake_case name, the SDK's own spelling) of each method in the tables."""
    found = []
    for doc in ("catapult-v1-resources.md", "catapult-v1-api.md"):
        for section in re.split(r"\n(?=### )", (SHARED / doc).read_text()):
            number = re.match(r"### ([\d.]+)", section)
            resource = SECTIONS.get(number.group(1) if number else "")
            if resource is None:
                continue
            for table in re.findall(r"(\|[^\n]*\|\n\|[-| :]+\|\n(?:\|[^\n]*\|\n)+)", section):
                rows = [row.strip().strip("|").split("|") for row in table.strip().split("\n")]
                heads = [head.strip().split()[0] for head in rows[0]]
                for row in rows[2:]:
                    for head, cell in zip(heads, row):
                        if head not in ("Ruby", "node", "C#"):
                            continue
                        for token in re.findall(r"`([^`]+)`", cell):
                            named = _method(token, resource)
                            if named:
                                found.append((*named, token))
    return found


def _method(token: str, resource: str) -> tuple[str, str] | None:
    if any(mark in token for mark in "{}/\"") or token.startswith((".", "_", "new ")) or \
            re.search(r"\.(cs|rb|js)$", token) or token in ("id",):  # files, return values
        return None
    match = re.match(r"(?:client\.)?(?:(\w+)\.)?(\w+)\s*(\(|$)", token)
    if match is None:
        return None
    owner, name = match.group(1), match.group(2)
    if match.group(3) != "(" and name[0].isupper() and not name.endswith("Async"):
        return None  # a type (Bridge, PlayAudioExtensions), not a method
    if owner and owner[0].isupper():
        resource = owner
    elif owner:
        resource = VARIABLES.get(owner) or resource
    if snake(name).startswith("search"):
        resource = "AvailableNumber"  # the numbers table has both resources in it
    return resource, snake(name)


#: the resources whose SDK names the notes list in prose, by the section's number
PROSE_SECTIONS = {"8": "Message", "9": None}
#: the resources of section 9, by the word that starts their part of its prose
PROSE_RESOURCES = {"Error": "Error", "Account": "Account", "Domain": "Domain",
                   "Endpoint": "Endpoint"}


def prose_names() -> list[tuple[str, str, str]]:
    """(resource, snake_case name, the SDK's own spelling) of each method that the brief
    sections (8: messages; 9: errors, account, domains, endpoints) name in their prose:
    ``RB `Message.create/get/list/patch`; NODE `Message.send`, `sendMultiple` ...``."""
    found = []
    text = (SHARED / "catapult-v1-resources.md").read_text()
    for chunk in re.split(r"\n(?=## )", text):
        number = re.match(r"## (\d+)\.", chunk)
        if not number or number.group(1) not in PROSE_SECTIONS:
            continue
        said = re.search(r"SDK(?:s| names):(.*?)(?:\n\n|\n-{10})", chunk, re.S)
        assert said, f"section {number.group(1)} names no SDK methods"
        resource = PROSE_SECTIONS[number.group(1)]
        for part in re.split(r";\s*", said.group(1)):
            head = re.match(r"\s*(\w+) —", part)
            if head and head.group(1) in PROSE_RESOURCES:
                resource = PROSE_RESOURCES[head.group(1)]
            for before, token in re.findall(r"(\w*\s*\(?)`([^`]+)`", part):
                if "returns" in before:
                    continue  # (returns `nextLink`): a value, not a method
                owner, _, names = token.rpartition(".")
                for name in names.split("/"):
                    name = re.sub(r"\(.*", "", name).strip()
                    scope = resource if not owner or owner[0].isupper() else f"{resource}."
                    assert scope, token
                    found.append((scope, snake(name), token))
    return found


@pytest.mark.skipif(not SHARED.exists(), reason="the API notes (../shared) are not beside "
                                                "this checkout (an unpacked sdist)")
def test_the_brief_sections_name_what_they_should():
    names = {(resource.rstrip("."), name) for resource, name, _ in prose_names()}
    for expected in [("Message", "send_multiple"), ("Message", "patch"),
                     ("Account", "get_transactions"), ("Domain", "create_endpoint"),
                     ("Endpoint", "create_auth_token"), ("Error", "get")]:
        assert expected in names


@pytest.mark.skipif(not SHARED.exists(), reason="the API notes (../shared) are not beside "
                                                "this checkout (an unpacked sdist)")
def test_every_official_name_of_the_brief_sections_resolves():
    """``Owner.name``: on ``client.Owner``; ``owner.name`` (a variable): on the handle and id
    first; a bare name: on the collection (a service such as the account has no handle)."""
    client = catapult.Client("u-1", "t-1", "s")
    missing = []
    for scope, name, token in prose_names():
        resource = scope.rstrip(".")
        collection = getattr(client, resource, None)
        if collection is None or not hasattr(collection, name):
            missing.append(f"client.{resource}: {token} -> {name}")
        if scope.endswith("."):
            handle = getattr(catapult, resource, None)
            if handle is None or not hasattr(handle, name):
                missing.append(f"catapult.{resource}: {token} -> {name}")
    assert not missing, missing


@pytest.mark.skipif(not SHARED.exists(), reason="the API notes (../shared) are not beside "
                                                "this checkout (an unpacked sdist)")
def test_every_official_name_resolves_on_the_handle_and_id_first():
    names = official_names()
    assert len(names) > 80
    client = catapult.Client("u-1", "t-1", "s")
    missing = []
    for resource, name, token in names:
        collection = getattr(client, resource, None)
        handle = getattr(catapult, resource, None)
        on_collection = collection is not None and hasattr(collection, name)
        on_handle = handle is not None and hasattr(handle, name)
        if resource == "ConferenceMember":
            ok = on_handle
        elif name in COLLECTION_ONLY or handle is None:
            ok = on_collection
        else:
            ok = on_handle and on_collection
        if not ok:
            missing.append(f"{resource}: {token} -> {name}")
    assert not missing, missing
    assert Path(SHARED / "catapult-v1-resources.md").exists()


def _porting_sections() -> list[str]:
    return re.split(r"\n(?=## )", (REPO / "docs" / "porting.md").read_text())


@pytest.mark.skipif(not SHARED.exists(), reason="the API notes (../shared) are not beside "
                                                "this checkout (an unpacked sdist)")
def test_the_porting_guide_names_every_official_method_in_its_resources_section():
    """Each method the notes list for an official SDK, as that SDK spells it, is in the
    code of docs/porting.md: in the section headed with its resource (the call and gather
    methods are in the per-SDK sections)."""
    sections = _porting_sections()
    missing = []
    for resource, _, token in official_names() + prose_names():
        owner = resource.rstrip(".")
        mine = [s for s in sections if s.startswith("## ") and owner in s.split("\n", 1)[0]]
        code = " ".join(re.findall(r"`([^`]*)`", "\n".join(mine or sections)))
        for name in re.sub(r"\(.*", "", token).rsplit(".", 1)[-1].split("/"):
            if not re.search(rf"(?<!\w){re.escape(name.strip())}(?!\w)", code):
                missing.append(f"{owner}: {token}")
    assert not missing, sorted(set(missing))
