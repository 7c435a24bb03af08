"""Static checks of the package, run with this Python: ruff (lint) and mypy (types)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


def run_module(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_ruff_is_clean():
    result = run_module("ruff", "check", "--no-cache", "tweeluik")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean():
    result = run_module("mypy", "--no-incremental")  # what to check is in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr


def imports_of(path: Path) -> set[str]:
    """The modules of tweeluik a file imports (relative imports made absolute)."""
    import ast
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.add(".".join([*base, node.module]))
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_writer_reads_or_decides_content():
    """Parse once, many writers: the booklet and deck writers receive the content model
    and never re-read the source nor re-derive what the reader decided (a lesson's
    stand-in message, a closing's words): they import neither the reader, the checks,
    nor the letter language."""
    forbidden = {"tweeluik.parse", "tweeluik.source", "tweeluik.checks", "tweeluik.letters",
                 "tweeluik.importer"}
    for folder in ("booklet", "deck"):
        for path in sorted((ROOT / "tweeluik" / folder).glob("*.py")):
            assert not imports_of(path) & forbidden, (path.name, imports_of(path) & forbidden)
