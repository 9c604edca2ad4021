"""The picture in docs/architecture.md, the import contract and the folders agree."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "assessments"
NOT_CONCERNS = {"management", "migrations", "templatetags"}


def contract_layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    return layers


def picture_chain() -> list[str]:
    dot = (ROOT / "docs" / "architecture.dot").read_text(encoding="utf-8")
    (chain,) = re.findall(r"^\s*(\w+(?:\s*->\s*\w+)+);", dot, flags=re.M)
    return [name.strip() for name in chain.split("->")]


def subpackages() -> set[str]:
    return {
        path.parent.name
        for path in APP.glob("*/__init__.py")
        if path.parent.name not in NOT_CONCERNS
    }


def test_the_picture_draws_the_contracts_layers_in_the_same_order():
    assert picture_chain() == contract_layers()


def test_every_subpackage_is_a_box_and_every_box_a_subpackage():
    assert subpackages() == set(contract_layers())


def test_every_subpackage_says_what_it_may_import():
    for name in contract_layers():
        docstring = (APP / name / "__init__.py").read_text(encoding="utf-8")
        assert docstring.startswith('"""') and "May import:" in docstring, name


def test_the_rendered_picture_is_the_dot_file_drawn():
    svg = (ROOT / "docs" / "architecture.svg").read_text(encoding="utf-8")
    for name in contract_layers():
        assert f">{name}" in svg, name


#: Test folders that are not one box: what crosses every box (security, a real browser).
CROSS_CUTTING_TESTS = {"security", "e2e"}


def test_the_test_folders_mirror_the_boxes():
    """tests/<box>/ holds the tests of assessments/<box>/, so the design shows in tests/ too."""
    folders = {path.parent.name for path in (ROOT / "tests").glob("*/__init__.py")}
    assert folders - CROSS_CUTTING_TESTS == set(contract_layers())
