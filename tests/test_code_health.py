"""Static checks of the package, run with this Python: ruff (lint) and mypy (types)."""

from __future__ import annotations

import subprocess
import sys

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
