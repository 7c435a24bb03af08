"""Install problems are named as such: one line that says what to install, exit code 3."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT, SAMPLE

pytestmark = pytest.mark.slow

HIDE_PANGO = """
import cffi
real = cffi.FFI.dlopen
def dlopen(self, name, flags=0):
    if "pango" in str(name):
        raise OSError(f"cannot load library {name!r}: {name}: cannot open shared object file")
    return real(self, name, flags)
cffi.FFI.dlopen = dlopen
"""

HIDE_FONTTOOLS = """
import sys
class Hide:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "fontTools":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Hide())
"""

RUN = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from tweeluik.cli import main
sys.exit(main(sys.argv[1:], root=Path({root!r})))
"""


def run_with(prelude: str, *args: str) -> subprocess.CompletedProcess:
    code = prelude + RUN.format(root=str(ROOT))
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)


def test_missing_pango_is_an_install_problem(tmp_path):
    result = run_with(HIDE_PANGO, str(SAMPLE), "--out", str(tmp_path), "--only", "booklet", "-q")
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""  # WeasyPrint's own box of advice is kept off the screen
    (line,) = result.stderr.splitlines()
    assert line.startswith("tweeluik: WeasyPrint cannot load libpango-1.0-0")
    assert "sudo apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in line
    assert "internal error" not in line and not list(tmp_path.glob("*.pdf"))


def test_missing_python_package_names_the_right_interpreter(tmp_path):
    result = run_with(HIDE_FONTTOOLS, str(SAMPLE), "--out", str(tmp_path), "-q")
    assert result.returncode == 3, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"tweeluik: the Python package 'fontTools' is not installed for "
                           f"{sys.executable}")
    assert ".venv/bin/python build.py" in line


def test_python_without_our_packages(tmp_path):
    # -S: no site-packages at all, like Debian's bare python3 without the virtual env.
    result = subprocess.run([sys.executable, "-S", str(ROOT / "build.py"), str(SAMPLE),
                             "--out", str(tmp_path)], capture_output=True, text=True,
                            timeout=300, cwd=ROOT)
    assert result.returncode == 3, result.stderr
    (line,) = result.stderr.splitlines()
    assert "is not installed for" in line and "python3 -m venv .venv" in line
