"""Outputs all or nothing, disk problems in one line, and the same bytes anywhere."""

from __future__ import annotations

import errno
import hashlib
import json
import multiprocessing
import os
import re
import shutil
from pathlib import Path

import pytest

from tweeluik.incremental import MANIFEST_NAME, Manifest
from tweeluik.outputs import JOURNAL_PREFIX, OutputFolder

from .conftest import LAYOUTS, ROOT, SAMPLE, run_build, run_project, write_source

pytestmark = pytest.mark.slow

BODY = "## Les\n\n> Kern.\n\nTekst.\n"


def digests(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.iterdir()) if path.is_file() and not path.name.startswith(".")}


@pytest.fixture
def built(tmp_path):
    """A source built once: (source, output folder, digests of the first set)."""
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    source = write_source(content, BODY)
    out = tmp_path / "output"
    result = run_build(str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return source, out, digests(out)


def test_a_folder_where_the_deck_goes_stops_the_build_before_anything_is_replaced(built):
    source, out, first = built
    (out / "pub.pptx").unlink()
    (out / "pub.pptx").mkdir()
    source.write_text(source.read_text().replace("Tekst.", "Andere tekst."))
    result = run_build(str(source), "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("pub.pptx: a folder stands where this file should "
                                          "go; remove or rename the folder")
    after = digests(out)
    assert {name: after[name] for name in after} == {name: first[name] for name in after}


def build_in_process(source: Path, out: Path, *args: str) -> int:
    from tweeluik.cli import main
    return main([str(source), "--out", str(out), "-q", *args], root=source.parent.parent)


def test_a_build_killed_between_renames_is_finished_by_the_next(built, tmp_path, monkeypatch):
    source, out, first = built
    source.write_text(source.read_text().replace("Tekst.", "Nieuwe tekst."))
    reference = tmp_path / "reference"
    assert run_build(str(source), "--out", str(reference)).returncode == 0
    real_replace, calls = os.replace, []

    def killed_after_one(src, dst):
        if Path(src).name.startswith(".tweeluik-") and not Path(dst).name.startswith("."):
            calls.append(dst)
            if len(calls) == 2:
                raise KeyboardInterrupt  # the power went out
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", killed_after_one)
    assert build_in_process(source, out) == 130  # "interrupted; the previous outputs …"
    monkeypatch.setattr(os, "replace", real_replace)
    mixed = digests(out)
    assert list(out.glob(f"{JOURNAL_PREFIX}*"))
    assert sum(mixed[name] != first[name] for name in first) == 1  # one new file, three old
    # The next build, even one that only makes the deck, finishes the renames first.
    assert build_in_process(source, out, "--only", "deck", "--force") == 0
    assert digests(out) == digests(reference)
    assert not list(out.glob(".tweeluik-*.tmp")) and not list(out.glob(f"{JOURNAL_PREFIX}*"))


def test_a_full_disk_leaves_the_old_set_and_no_temporary_files(built, monkeypatch, capsys):
    source, out, first = built
    source.write_text(source.read_text().replace("Tekst.", "Nieuwe tekst."))
    import builtins
    real_open, opened = builtins.open, []

    def full_disk(file, mode="r", *args, **kwargs):
        if "x" in mode and Path(file).name.startswith(".tweeluik-"):
            opened.append(file)
            if len(opened) == 3:
                raise OSError(errno.ENOSPC, "No space left on device", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", full_disk)
    assert build_in_process(source, out) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.endswith(": cannot write: the disk is full; free some space and build again")
    assert digests(out) == first
    assert [path.name for path in out.iterdir() if path.name.startswith(".tweeluik-")
            and path.name.endswith(".tmp")] == []


def test_stray_temporary_files_of_a_dead_build_are_removed(built):
    source, out, _ = built
    (out / ".tweeluik-dood-0.tmp").write_bytes(b"half")
    assert run_build(str(source), "--out", str(out), "--force").returncode == 0
    assert not (out / ".tweeluik-dood-0.tmp").exists()


def _save_many(out: str, worker: int, count: int) -> int:
    failures = 0
    for number in range(count):
        try:
            manifest = Manifest(Path(out))
            target = Path(out) / f"w{worker}-{number}.pdf"
            target.write_bytes(b"x")
            manifest.record(target, [])
            with OutputFolder(Path(out)).locked() as folder:
                manifest.save(folder)
        except Exception:
            failures += 1
    return failures


def test_simultaneous_builds_never_lose_or_break_the_manifest(tmp_path):
    out = tmp_path / "output"
    out.mkdir()
    with multiprocessing.get_context("fork").Pool(8) as pool:
        failures = pool.starmap(_save_many, [(str(out), worker, 25) for worker in range(8)])
    assert sum(failures) == 0
    entries = json.loads((out / MANIFEST_NAME).read_text())["outputs"]
    assert len(entries) == 200


def test_two_sources_whose_outputs_collide_are_both_refused(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    write_source(content, BODY, name="x")
    write_source(content, BODY, name="x-a4-duplex")
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    result = run_project(tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines == [
        "content/x-a4-duplex.md: its booklet would be written to x-a4-duplex.pdf, which is also "
        "where x.md puts its office booklet; rename one of the two files",
        "content/x.md: its office booklet would be written to x-a4-duplex.pdf, which is also "
        "where x-a4-duplex.md puts its booklet; rename one of the two files"]
    assert not (tmp_path / "output").exists() or not list((tmp_path / "output").glob("*.pdf"))


def test_out_that_is_a_file_is_one_line(tmp_path):
    target = tmp_path / "bestand"
    target.write_text("niet leeg")
    result = run_build(str(SAMPLE), "--out", str(target))
    assert result.returncode == 2
    assert result.stderr.strip() == (f"{target}: the output folder is a file; choose a folder "
                                     "with --out, or remove the file")
    assert target.read_text() == "niet leeg"


def test_a_name_too_long_for_the_disk_is_refused_before_building(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    source = write_source(content, BODY, name="n" * 240)
    result = run_build(str(source), "--out", str(tmp_path / "output"))
    assert result.returncode == 2
    assert "the file name is too long; give the source a shorter name" in result.stderr
    assert "Traceback" not in result.stderr


# --- the same bytes anywhere -----------------------------------------------------------------


def test_two_checkouts_in_different_folders_give_identical_files(tmp_path):
    first, second = tmp_path / "a", tmp_path / "elders" / "nog dieper" / "b"
    for project in (first, second):
        shutil.copytree(ROOT / "content", project / "content")
        shutil.copytree(ROOT / "layouts", project / "layouts")
        result = run_project(project, "-q")
        assert result.returncode == 0, result.stderr
    assert digests(first / "output") == digests(second / "output")
    assert len(digests(first / "output")) == 5  # three PDFs, the deck, the web page


def test_without_a_date_the_bytes_do_not_depend_on_the_day(tmp_path):
    outputs = []
    for number, stamp in enumerate((1_000_000_000, 1_700_000_000)):
        content = tmp_path / f"project{number}" / "content"
        content.mkdir(parents=True)
        source = write_source(content, BODY, "title: Zonder datum\n")
        os.utime(source, (stamp, stamp))
        out = tmp_path / f"out{number}"
        result = run_build(str(source), "--out", str(out),
                           env={"SOURCE_DATE_EPOCH": ""})
        assert result.returncode == 0, result.stderr
        outputs.append(digests(out))
    assert outputs[0] == outputs[1]


def test_a_bad_source_date_epoch_is_one_line(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    source = write_source(content, BODY, "title: Zonder datum\n")
    for value in ("morgen", "99999999999999999999", "-5", "²", "١٢"):  # digits, but not 0-9
        result = run_build(str(source), "--out", str(tmp_path / "out"),
                           env={"SOURCE_DATE_EPOCH": value})
        assert result.returncode == 2
        (line,) = result.stderr.splitlines()
        assert line.startswith("SOURCE_DATE_EPOCH: the value '") and "fix it or unset it" in line


@pytest.mark.parametrize("entry", [
    [".tweeluik-0badc0de-0.tmp", "{outside}/planted-target"],  # an absolute path
    [".tweeluik-0badc0de-0.tmp", "../content/pub.md"],
    [".tweeluik-0badc0de-0.tmp", "../../secret.pdf"],
    ["../content/pub.md", "pub.pdf"],
    ["/etc/hostname", "pub.pdf"],
    [".tweeluik-0badc0de-0.tmp", "pub.pdf/../../content/pub.md"],
    [".tweeluik-0badc0de-0.tmp", ".tweeluik-manifest.json"],
])
def test_a_planted_journal_is_set_aside_and_never_acted_on(built, tmp_path, entry):
    """A rename journal left in a shared output folder may name only our own temporary
    files and our outputs' plain names; anything else is reported and left alone, so
    the next build never moves or overwrites a file outside the folder."""
    source, out, first = built
    content_before = source.read_bytes()
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"secret")
    (out / ".tweeluik-0badc0de-0.tmp").write_bytes(b"planted")
    journal = out / f"{JOURNAL_PREFIX}0badc0de.json"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    entry = [name.replace("{outside}", str(outside)) for name in entry]
    journal.write_text(json.dumps([entry]), encoding="utf-8")
    # the journal is read before any build writes (the deck alone is the quickest)
    result = run_build(str(source), "--out", str(out), "--force", "--only", "deck")
    assert result.returncode == 0, result.stderr
    assert source.read_bytes() == content_before
    assert secret.read_bytes() == b"secret"
    assert not (outside / "planted-target").exists()
    assert digests(out) == first  # the build's own files, not the planted bytes
    assert not journal.exists() and (out / (journal.name + ".refused")).exists()
    lines = [line for line in result.stderr.splitlines() if "journal" in line]
    assert len(lines) == 1 and "set aside and not acted on" in lines[0], result.stderr


def test_a_journal_of_ours_is_still_finished(built):
    """The check on the journal does not stop the real repair (the other half of the
    killed-build test, in one step)."""
    source, out, first = built
    (out / ".tweeluik-0badc0de-0.tmp").write_bytes(b"finished by the journal")
    (out / f"{JOURNAL_PREFIX}0badc0de.json").write_text(
        json.dumps([[".tweeluik-0badc0de-0.tmp", "pub.pdf"]]), encoding="utf-8")
    from tweeluik.outputs import OutputFolder as Folder
    with Folder(out).locked() as folder:
        assert folder.set_aside == []
    assert (out / "pub.pdf").read_bytes() == b"finished by the journal"


@pytest.mark.slow
def test_several_publications_build_at_once_with_the_same_bytes_and_words(tmp_path):
    """Four sources (one with a mistake): built on every core, the files are those a
    build of one after the other writes, each source's lines stay together in the
    order of the sources, and the mistake is told while the others are built."""
    content = tmp_path / "content"
    content.mkdir()
    long_body = "Beste leden,\n\n" + "".join(  # brief-2 takes longest: it is told first all the same
        f"## {n}. Les\n\n> Kern {n}.\n\n" + "Tekst van de les. " * 300 + "\n\n" for n in range(1, 16))
    sources = [write_source(content, long_body if n == 2 else BODY, name=f"brief-{n}",
                            front=f"title: Brief {n}\norganisation: Wijkteam Test\n"
                                  "date: 2026-01-15\n") for n in (1, 2, 3)]
    broken = write_source(content, "## \n\nTekst.\n", name="brief-4")
    sources.insert(2, broken)
    results = {}
    for how, env in (("at once", {}), ("one by one", {"TWEELUIK_SERIAL": "1"})):
        results[how] = run_build(*map(str, sources), "--out", str(tmp_path / how), env=env)
        assert results[how].returncode == 2, results[how].stderr
    outputs = sorted(path.name for path in (tmp_path / "one by one").iterdir()
                     if not path.name.startswith("."))  # the manifest names its own folder
    assert len(outputs) == 15
    for name in outputs:
        assert (tmp_path / "at once" / name).read_bytes() == \
            (tmp_path / "one by one" / name).read_bytes(), name
    def without_times(text: str) -> str:
        text = text.replace("at once", "OUT").replace("one by one", "OUT")
        return re.sub(r"\s+", " ", re.sub(r"\d+\.\d\d s", "_ s", text))

    assert without_times(results["at once"].stdout) == without_times(results["one by one"].stdout)
    assert results["at once"].stderr == results["one by one"].stderr
    told = [line.split()[1] for line in results["at once"].stdout.splitlines()
            if line.startswith("built ")]
    assert told == [str(source) for source in sources if source != broken]


def test_a_build_leaves_no_copy_of_the_fonts_behind(tmp_path):
    """build.py ends the process without Python's slow teardown, which is when WeasyPrint
    would remove the copies of the fonts it made: the build removes them itself."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    content = tmp_path / "content"
    content.mkdir()
    source = write_source(content, BODY)
    result = run_build(str(source), "--out", str(tmp_path / "out"), "--only", "booklet",
                       env={"TMPDIR": str(folder)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "pub.pdf").stat().st_size > 0
    assert "built" in result.stdout  # what it printed is all there
    assert list(folder.iterdir()) == []
