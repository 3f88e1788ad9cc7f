"""The lock files install what pyproject.toml asks for: a dependency added to or narrowed in
pyproject.toml without `make lock` fails here, before a fresh machine installs the old set."""

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(line) for line in PROJECT["dependencies"]]
DEV = [Requirement(line) for line in PROJECT["optional-dependencies"]["dev"]]


def pins(lock):
    """The `name==version` lines of a pip-compile lock file, by canonical name."""
    pinned = {}
    for line in (ROOT / lock).read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and "==" in line and not line.startswith("#"):
            name, version = line.split(" ")[0].split("==")
            pinned[canonicalize_name(name)] = version
    return pinned


def out_of_step(requirements, pinned):
    """Each requirement the lock lacks, or pins at a version the requirement excludes."""
    problems = []
    for requirement in requirements:
        name = canonicalize_name(requirement.name)
        if name not in pinned:
            problems.append(f"{requirement} is not in the lock")
        elif not requirement.specifier.contains(pinned[name], prereleases=True):
            problems.append(f"{requirement} but the lock pins {pinned[name]}")
    return problems


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [("requirements.lock", RUNTIME + DEV), ("requirements-prod.lock", RUNTIME)],
)
def test_lock_file_pins_every_dependency_within_its_range(lock, requirements):
    assert out_of_step(requirements, pins(lock)) == [], f"{lock} is stale: run `make lock`"


def test_production_lock_leaves_the_dev_tools_and_the_geo_extra_out():
    production = pins("requirements-prod.lock")
    left_out = DEV + [Requirement(line) for line in PROJECT["optional-dependencies"]["geo"]]
    assert [r.name for r in left_out if canonicalize_name(r.name) in production] == []


def test_a_dependency_added_to_pyproject_without_relocking_is_caught():
    added = Requirement("an-unlocked-package>=4.1,<5")
    narrowed = Requirement("Django>=5.2.99,<5.3")
    assert out_of_step([added, narrowed], pins("requirements.lock")) == [
        "an-unlocked-package<5,>=4.1 is not in the lock",
        "Django<5.3,>=5.2.99 but the lock pins 5.2.19",
    ]
