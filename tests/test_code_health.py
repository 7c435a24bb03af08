"""Static checks of the package: ruff (lint) and mypy (types), run with this Python, and
the architecture's rules read from the code itself (who imports whom, no import cycle,
no state kept at module level)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


def run_module(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


@pytest.mark.slow
def test_ruff_is_clean():
    result = run_module("ruff", "check", "--no-cache", "tweeluik")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
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


@pytest.mark.slow
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


def package_modules() -> dict[str, Path]:
    """Every module of tweeluik by its dotted name."""
    modules = {}
    for path in sorted((ROOT / "tweeluik").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def top_level_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of tweeluik a file imports when it is imported: its top-level
    statements, without those only for the type checker, and each name that is a module
    of its own (``from . import quick``) counted as that module."""
    import ast
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = path.relative_to(ROOT).with_suffix("").parts
    package = list(parts[:-1]) if parts[-1] != "__init__" else list(parts[:-1])
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names
                         if f"{module}.{alias.name}" in modules)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in modules}


@pytest.mark.slow
def test_no_import_cycle():
    """Modules import each other in one direction: a module's top-level imports never
    lead back to it (an import inside a function, made when it is called, may)."""
    modules = package_modules()
    graph = {name: top_level_imports(path, modules) - {name} for name, path in modules.items()}

    def cycle_from(start: str) -> list[str] | None:
        stack, seen = [(start, [start])], set()
        while stack:
            name, trail = stack.pop()
            for follower in sorted(graph[name]):
                if follower == start:
                    return [*trail, start]
                if follower not in seen:
                    seen.add(follower)
                    stack.append((follower, [*trail, follower]))
        return None

    # a package's __init__ is imported before its modules: an edge into one's own
    # package is not a cycle of code
    for name in graph:
        graph[name] = {other for other in graph[name] if not name.startswith(other + ".")}
    cycles = [cycle for name in sorted(graph) if (cycle := cycle_from(name))]
    assert not cycles, " → ".join(cycles[0])


@pytest.mark.slow
def test_the_build_imports_no_face():
    """Faces are thin: the command line, the terminal, watch mode and the studio show
    the build's events; nothing of the build imports them, at the top or in a function."""
    faces = {"tweeluik.cli", "tweeluik.terminal", "tweeluik.watch", "tweeluik.studio"}
    modules = package_modules()
    for name, path in modules.items():
        if name in faces or name.startswith("tweeluik.studio"):
            continue
        reached = {module for module in imports_of(path)
                   if module in faces or module.startswith("tweeluik.studio")}
        assert not reached, (name, reached)


MUTATORS = {"append", "extend", "insert", "add", "update", "setdefault", "pop", "popitem",
            "clear", "remove", "discard"}


@pytest.mark.slow
def test_no_module_keeps_state():
    """No module-level mutable state: no function changes a container bound at module
    level, nor rebinds a module's name with ``global``. What the writers keep between
    builds lives in a ``WriterSession``."""
    import ast
    changed = []
    for name, path in package_modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_names = {target.id for node in tree.body
                        if isinstance(node, ast.Assign | ast.AnnAssign)
                        for target in (node.targets if isinstance(node, ast.Assign)
                                       else [node.target])
                        if isinstance(target, ast.Name)}
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            local = {arg.arg for arg in function.args.args + function.args.kwonlyargs}
            for node in ast.walk(function):
                if isinstance(node, ast.Global):
                    changed.append(f"{name}: global {', '.join(node.names)}")
                elif isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
                    targets = node.targets if isinstance(node, ast.Assign | ast.Delete) \
                        else [node.target]
                    for target in targets:
                        if isinstance(target, ast.Name):
                            local.add(target.id)
                        elif (isinstance(target, ast.Subscript)
                              and isinstance(target.value, ast.Name)
                              and target.value.id in module_names - local):
                            changed.append(f"{name}.{function.name}: {target.value.id}[…] =")
                elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                      and node.func.attr in MUTATORS and isinstance(node.func.value, ast.Name)
                      and node.func.value.id in module_names - local):
                    changed.append(f"{name}.{function.name}: {node.func.value.id}."
                                   f"{node.func.attr}()")
    assert not changed, changed
