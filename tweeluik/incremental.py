"""Skip outputs whose inputs have not changed since they were last built.

Part of step 4 (build), and deliberately light: it uses only the standard library, so a
build with nothing to do never imports WeasyPrint or python-pptx. A manifest in the
output folder records, per output, the files it was made from (with size, modification
time and SHA-256) and the versions of the code; an output is rebuilt when any of them
changed, when the output itself changed or vanished, or when it was never built.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

MANIFEST_NAME = ".tweeluik-manifest.json"
FORMAT = 1
PACKAGE = Path(__file__).resolve().parent


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def stamp(path: Path) -> dict:
    """What we remember of a file: size, modification time and content digest."""
    info = path.stat()
    return {"size": info.st_size, "mtime": info.st_mtime_ns, "sha256": sha256(path)}


def unchanged(path: Path, recorded: dict) -> bool:
    """True when ``path`` still has the recorded content (cheap when its stat is the same)."""
    try:
        info = path.stat()
    except OSError:
        return False
    if info.st_size != recorded["size"]:
        return False
    if info.st_mtime_ns == recorded["mtime"]:
        return True
    return sha256(path) == recorded["sha256"]


LIBRARIES = {"weasyprint", "python_pptx", "pypdf", "markdown_it_py", "jinja2", "pyphen",
             "fonttools", "pillow"}


def _library_versions() -> list[str]:
    """Installed versions of the libraries that shape the outputs, from their dist-info
    folders (importlib.metadata would cost more than the whole no-op build may take)."""
    found = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                project = name[:-len(".dist-info")].rsplit("-", 1)[0]
                if project.lower().replace("-", "_").replace(".", "_") in LIBRARIES:
                    found.add(name)
    return sorted(found)


def code_version() -> str:
    """A fingerprint of tweeluik's own code and the libraries that shape the outputs."""
    parts = _library_versions()
    for path in sorted(PACKAGE.rglob("*.py")):
        info = path.stat()
        parts.append(f"{path.relative_to(PACKAGE)}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class Manifest:
    """The record of what each output in an output folder was built from."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / MANIFEST_NAME
        self.entries: dict[str, dict] = {}
        self._version: str | None = None
        self._stamps: dict[Path, dict] = {}  # inputs shared by several outputs: hash once
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                self.entries = data.get("outputs", {})
        except (OSError, ValueError):
            pass

    @property
    def version(self) -> str:
        if self._version is None:
            self._version = code_version()
        return self._version

    def is_current(self, output: Path, extra_inputs: Sequence[Path] = ()) -> bool:
        """True when ``output`` exists as built and none of its inputs changed."""
        entry = self.entries.get(str(output.resolve()))
        if entry is None or entry.get("version") != self.version:
            return False
        if not unchanged(output, entry["output"]):
            return False
        recorded = entry["inputs"]
        if any(str(path.resolve()) not in recorded for path in extra_inputs):
            return False
        for folder, names in entry.get("folders", {}).items():
            if sorted(self._listing(Path(folder))) != names:
                return False
        return all(unchanged(Path(path), info) for path, info in recorded.items())

    @staticmethod
    def _listing(folder: Path) -> list[str]:
        try:
            return [str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()]
        except OSError:
            return []

    def record(self, output: Path, inputs: Sequence[Path], folders: Sequence[Path] = ()) -> None:
        """Remember that ``output`` was just built from ``inputs`` (and whole ``folders``)."""
        inputs = [*inputs, *(path for folder in folders for path in folder.rglob("*"))]
        recorded = {}
        for path in inputs:
            path = path.resolve()
            if path not in self._stamps and path.is_file():
                self._stamps[path] = stamp(path)
            if path in self._stamps:
                recorded[str(path)] = self._stamps[path]
        self.entries[str(output.resolve())] = {
            "version": self.version,
            "output": stamp(output),
            "inputs": recorded,
            "folders": {str(folder.resolve()): sorted(self._listing(folder)) for folder in folders},
        }

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps({"format": FORMAT, "outputs": self.entries}, indent=1),
                             encoding="utf-8")
        os.replace(temporary, self.path)
