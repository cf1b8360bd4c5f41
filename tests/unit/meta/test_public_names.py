"""catapult's public names come from one table (the generated ``catapult._index.PUBLIC``,
from each module's ``__all__``), and every way of reaching them agrees with it."""

from __future__ import annotations

import importlib

import catapult
from catapult import _index
from tools import generate


def test_every_name_of_the_table_resolves_from_catapult_to_its_module():
    assert len(_index.PUBLIC) > 60
    for name, module in _index.PUBLIC.items():
        value = getattr(catapult, name)
        assert value is getattr(importlib.import_module(f"catapult.{module}"), name), name


def test_all_and_dir_are_the_table():
    assert sorted(catapult.__all__) == sorted([*_index.PUBLIC, "__version__"])
    assert _index.__all__ == list(_index.PUBLIC)
    assert set(_index.PUBLIC) <= set(dir(catapult))


def test_every_resource_module_s_names_are_public():
    for module in generate.resource_modules():
        for name in module.__all__:
            assert name in _index.PUBLIC, f"{module.__name__}.{name} is not in the table"


def test_an_unknown_name_is_an_attribute_error():
    try:
        catapult.NoSuchThing  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchThing" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("catapult.NoSuchThing resolved")


def test_every_collection_of_the_table_is_on_the_client():
    with catapult.Client("u-1", "t-1", "s") as client:
        for attribute, module, cls, _ in generate.client_collections():
            collection = getattr(client, attribute)
            assert type(collection).__name__ == cls
            assert type(collection).__module__ == f"catapult.{module}"
            assert getattr(client, attribute) is collection  # built once
