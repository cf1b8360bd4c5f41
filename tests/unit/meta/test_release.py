"""The version is written in one place (``catapult.__version__``) and the changelog and
the package metadata agree with it."""

from __future__ import annotations

import configparser
import re

import catapult

from ...support import REPO

RELEASE = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?$", re.M)


def test_the_changelog_opens_with_unreleased_then_this_version_dated():
    heads = RELEASE.findall((REPO / "CHANGELOG.md").read_text())
    assert heads[0] == ("Unreleased", "")
    assert heads[1][0] == catapult.__version__
    assert all(date for version, date in heads[1:]), heads  # every release is dated
    assert [version for version, _ in heads[1:]] == sorted(
        (version for version, _ in heads[1:]),
        key=lambda v: tuple(int(part) for part in v.split(".")), reverse=True)


def test_the_version_is_written_only_in_catapult_init():
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg")
    assert config["metadata"]["version"] == "attr: catapult.__version__"
    pattern = re.compile(re.escape(f'"{catapult.__version__}"'))
    written = [path.relative_to(REPO).as_posix() for path in (REPO / "catapult").rglob("*.py")
               if pattern.search(path.read_text())]
    assert written == ["catapult/__init__.py"]


def test_every_supported_python_has_its_classifier():
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg")
    classifiers = config["metadata"]["classifiers"].split("\n")
    versions = [line.rsplit(":: ", 1)[1] for line in classifiers
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", line.strip())]
    assert versions == [f"3.{minor}" for minor in range(9, 14)]
    assert config["options"]["python_requires"] == ">=3.9"
    assert not [line for line in classifiers if line.strip().startswith("License ::")]
    assert config["metadata"]["license_expression"] == "MIT"
