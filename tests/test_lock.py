"""The lock files pin, with hashes, every dependency pyproject.toml names, at a version it allows."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)")


def pins(lock):
    """{name: version} of a pip-compile lock file, each pin followed by at least one hash."""
    text = (ROOT / "requirements" / lock).read_text()
    found = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = PIN.match(block)
        if match:
            assert "--hash=sha256:" in block, f"{match.group(1)} is pinned without a hash in {lock}"
            found[canonicalize_name(match.group(1))] = match.group(2)
    return found


def declared(*extras):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = list(project["dependencies"])
    for extra in extras:
        names += project["optional-dependencies"][extra]
    return [Requirement(name) for name in names]


@pytest.mark.parametrize(("lock", "extras"), [("base.lock", ()), ("dev.lock", ("dev",))])
def test_every_declared_dependency_is_pinned_at_an_allowed_version(lock, extras):
    pinned = pins(lock)
    for requirement in declared(*extras):
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement} is not in requirements/{lock}: run `make lock`"
        allowed = requirement.specifier
        assert allowed.contains(pinned[name], prereleases=True), (
            f"requirements/{lock} pins {name}=={pinned[name]}, outside {allowed}: run `make lock`"
        )


def test_the_production_lock_holds_no_development_tools():
    assert not {"pytest", "playwright", "ruff", "hypothesis"} & set(pins("base.lock"))


def test_production_and_development_pin_the_same_versions():
    base, dev = pins("base.lock"), pins("dev.lock")
    assert {"pip", "setuptools"} <= set(base)  # what installs the project is pinned too
    differ = {name: (version, dev.get(name)) for name, version in base.items() if dev.get(name) != version}
    assert not differ, f"base.lock and dev.lock disagree: {differ}; run `make lock`"
