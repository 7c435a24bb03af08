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
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from .paths import real

MANIFEST_NAME = ".tweeluik-manifest.json"
FORMAT = 1
PACKAGE = Path(__file__).resolve().parent


MAX_HASHED_BYTES = 256 * 1024 * 1024  # larger inputs count as changed rather than be read


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
    """True when ``path`` is still a regular file with the recorded content (cheap when its
    stat is the same). Anything else (a device, a folder, a huge file) counts as changed."""
    try:
        info = path.stat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_HASHED_BYTES:
        return False
    if info.st_size != recorded["size"]:
        return False
    if info.st_mtime_ns == recorded["mtime"]:
        return True
    try:
        return sha256(path) == recorded["sha256"]
    except OSError:
        return False


def _valid_stamp(value: object) -> bool:
    return (isinstance(value, dict) and isinstance(value.get("size"), int)
            and isinstance(value.get("mtime"), int) and isinstance(value.get("sha256"), str))


def valid_entry(entry: object) -> bool:
    """True when a manifest entry has the shape this version writes (the file is data
    anyone could edit: a wrong shape means "rebuild", never a crash)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("version"), str):
        return False
    inputs, folders = entry.get("inputs"), entry.get("folders", {})
    return (_valid_stamp(entry.get("output")) and isinstance(inputs, dict)
            and all(isinstance(k, str) and _valid_stamp(v) for k, v in inputs.items())
            and isinstance(folders, dict)
            and all(isinstance(k, str) and isinstance(v, list)
                    and all(isinstance(name, str) for name in v) for k, v in folders.items()))


LIBRARIES = {"weasyprint", "pydyf", "python_pptx", "pikepdf", "resvg_py", "segno",
             "markdown_it_py", "jinja2", "pyphen", "fonttools", "pillow"}


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
    """The record of what each output in an output folder was built from.

    Only files inside ``roots`` (the content folder and layouts/) are trusted as inputs;
    an entry naming anything else is out of date.
    """

    def __init__(self, out_dir: Path, roots: Sequence[Path] = ()):
        self.path = out_dir / MANIFEST_NAME
        self.roots = [real(root) for root in roots]
        self.entries: dict[str, dict] = self._load()
        self.changed: set[str] = set()
        self._version: str | None = None
        self._stamps: dict[Path, dict] = {}  # inputs shared by several outputs: hash once

    def _load(self) -> dict[str, dict]:
        try:
            info = self.path.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > 16 * 1024 * 1024:
                return {}
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT \
                or not isinstance(data.get("outputs"), dict):
            return {}
        return {key: entry for key, entry in data["outputs"].items()
                if isinstance(key, str) and valid_entry(entry)}

    @property
    def version(self) -> str:
        if self._version is None:
            self._version = code_version()
        return self._version

    def trusted(self, path: Path) -> bool:
        return not self.roots or any(path.is_relative_to(root) for root in self.roots)

    def is_current(self, output: Path, extra_inputs: Sequence[Path] = ()) -> bool:
        """True when ``output`` exists as built and none of its inputs changed."""
        entry = self.entries.get(str(real(output)))
        if entry is None or entry.get("version") != self.version:
            return False
        if not unchanged(output, entry["output"]):
            return False
        recorded = entry["inputs"]
        if any(str(real(path)) not in recorded for path in extra_inputs):
            return False
        if not all(self.trusted(Path(path)) for path in [*recorded, *entry.get("folders", {})]):
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
            path = real(path)
            if path not in self._stamps and path.is_file():
                self._stamps[path] = stamp(path)
            if path in self._stamps:
                recorded[str(path)] = self._stamps[path]
        key = str(real(output))
        self.entries[key] = {
            "version": self.version,
            "output": stamp(output),
            "inputs": recorded,
            "folders": {str(real(folder)): sorted(self._listing(folder)) for folder in folders},
        }
        self.changed.add(key)

    def save(self, folder) -> None:
        """Write the entries recorded in this run into the manifest on disk, merged with
        what other builds wrote there meanwhile (``folder`` is the locked output folder)."""
        if not self.changed:
            return
        merged = self._load()
        merged.update({key: self.entries[key] for key in self.changed})
        folder.write_text(self.path, json.dumps({"format": FORMAT, "outputs": merged}, indent=1))
        self.changed.clear()
