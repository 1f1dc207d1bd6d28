"""Every package that Rasa and our requirements need is installed, at a version they accept.

Rasa 3.6 declares Python <3.11 and asks for dask, numpy, scipy and scikit-learn only with the
marker python_version < "3.11": on 3.11 an installer leaves dask out without a word and
`rasa train` fails in the middle of the graph ("No module named 'dask'"). So Rasa's own
requirements are read as on 3.10, where Rasa means them; the rest of the tree with the real
markers (on 3.11, backports such as tomli and exceptiongroup are rightly absent).
"""

import importlib
import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
# Packages whose markers are read as on Python 3.10: those that declare Python <3.11.
READ_AS_ON_310 = {"rasa"}
AS_ON_310 = {"python_version": "3.10", "python_full_version": "3.10.13"}


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _our_requirements(path: Path) -> list[Requirement]:
    """requirements-dev.txt and what it includes (-r), comments and options left out."""
    found = []
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r"):
            found += _our_requirements(path.parent / line[2:].strip())
        elif line and not line.startswith("-"):
            found.append(Requirement(line))
    return found


def _wanted(dist: str, extras: set, parent_reads_as_310: bool) -> list[Requirement]:
    """dist's own requirements whose markers hold here (or on 3.10), with the given extras."""
    environment = dict(AS_ON_310) if parent_reads_as_310 else {}
    wanted = []
    for line in metadata.requires(dist) or []:
        requirement = Requirement(line)
        marker = requirement.marker
        if marker is None or any(
            marker.evaluate({**environment, "extra": extra}) for extra in {"", *extras}
        ):
            wanted.append(requirement)
    return wanted


def test_every_required_package_is_installed_at_an_accepted_version():
    problems = []
    todo = [
        (requirement, "requirements-dev.txt")
        for requirement in _our_requirements(ROOT / "requirements-dev.txt")
    ]
    seen = set()
    while todo:
        requirement, parent = todo.pop()
        try:
            version = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            problems.append(f"{requirement} (asked for by {parent}) is not installed")
            continue
        if not requirement.specifier.contains(version, prereleases=True):
            problems.append(
                f"{requirement.name} {version} installed, {parent} asks for {requirement}"
            )
        key = (_name(requirement.name), frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        as_310 = _name(requirement.name) in READ_AS_ON_310
        for child in _wanted(requirement.name, set(requirement.extras), as_310):
            todo.append((child, requirement.name))
    assert ("rasa", frozenset()) in seen
    assert not problems, "\n".join(sorted(problems))


# Modules an installer can leave out or build wrong on another Python: dask (marker above),
# matplotlib (built from source on 3.11, against Debian's FreeType and Qhull), multidict's C
# extension (built from source on 3.11), ruamel.yaml's C loader.
@pytest.mark.parametrize(
    "module",
    [
        "dask",
        "rasa.engine.runner.dask",
        "numpy",
        "scipy.sparse",
        "sklearn.linear_model",
        "matplotlib.ft2font",
        "matplotlib._qhull",
        "multidict._multidict",
        "_ruamel_yaml",
        "spacy",
        "tensorflow",
    ],
)
def test_module_imports(module):
    importlib.import_module(module)
