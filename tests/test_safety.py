"""Robust and safe builds: a corpus of bad inputs, the resource policy, nothing lost,
reproducible outputs, and random sources from hypothesis."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import io
import json
import os
import re
import shutil
import threading
import time
import tomllib
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from tweeluik.cli import main

from .conftest import LAYOUTS, ROOT, SAMPLE, default_template, run_build, write_source

pytestmark = pytest.mark.slow


CORPUS = Path(__file__).parent / "corpus"
EXPECTED = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
TIME_LIMIT = 60  # seconds: no case may hang


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project folder: the corpus as its content/, the real layouts/."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(CORPUS, root / "content")
    (root / "layouts").symlink_to(LAYOUTS)
    return root


def build_in_process(root: Path, source: Path, *args: str) -> tuple[int, str, str, float]:
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(source), "--out", str(root / "output"), *args], root=root)
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - started


def check_outcome(root: Path, source: Path, expected: dict, code: int, stderr: str) -> None:
    shown = source.relative_to(root)
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    assert code == expected["exit"], stderr
    if code == 2:
        lines = [line for line in stderr.strip().splitlines() if ": note: " not in line]
        assert all(re.match(rf"{re.escape(str(shown))}(:\d+(:\d+)?)?: ", line) for line in lines)
        assert len(lines) == expected.get("lines", 1), lines
        assert re.match(rf"{re.escape(str(shown))}:{expected['line']}(:\d+)?: ", lines[0]), lines[0]
        assert expected["message"] in lines[0]
        assert not list((root / "output").glob(f"{source.stem}*"))
    else:
        if "warning" in expected:
            assert any(": warning: " in line and expected["warning"] in line
                       for line in stderr.splitlines()), stderr
        assert (root / "output" / f"{source.stem}.pdf").is_file()
        assert (root / "output" / f"{source.stem}.pptx").is_file()


def test_corpus_has_enough_cases():
    assert len(EXPECTED) >= 25
    assert sorted(EXPECTED) == sorted(path.name for path in CORPUS.glob("*.md"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_case(project, name):
    source = project / "content" / name
    code, _, stderr, seconds = build_in_process(project, source)
    check_outcome(project, source, EXPECTED[name], code, stderr)
    assert seconds < TIME_LIMIT


# --- generated cases ---------------------------------------------------------------------

FRONT = "---\ntitle: Proef\n---\n"
TEMPLATE = default_template()


def test_500_lessons_is_refused_at_lesson_301(project):
    source = project / "content" / "gen-500-lessons.md"
    source.write_text(FRONT + "".join(f"## Les {n}\n\nTekst.\n\n" for n in range(1, 501)),
                      encoding="utf-8")
    code, _, stderr, seconds = build_in_process(project, source)
    check_outcome(project, source, {"exit": 2, "line": 4 + 4 * 300,
                                    "message": "at most 300 lessons"}, code, stderr)
    assert seconds < TIME_LIMIT


def test_a_100_kb_paragraph_is_refused(project):
    source = project / "content" / "gen-100kb-paragraph.md"
    source.write_text(FRONT + "## Les\n\n" + "woord " * 17_000 + "\n", encoding="utf-8")
    code, _, stderr, seconds = build_in_process(project, source)
    check_outcome(project, source, {"exit": 2, "line": 6, "message": "this paragraph is"},
                  code, stderr)
    assert seconds < TIME_LIMIT


def test_pixel_bomb_is_refused(project):
    images = project / "content" / "images"
    Image.new("1", (20_000, 20_000)).save(images / "enorm.png")
    source = project / "content" / "gen-pixel-bomb.md"
    source.write_text(FRONT + "## Les\n\n![Een enorm plaatje](images/enorm.png)\n", encoding="utf-8")
    code, _, stderr, seconds = build_in_process(project, source)
    check_outcome(project, source, {"exit": 2, "line": 6, "message": "too many pixels"}, code, stderr)
    assert seconds < TIME_LIMIT


def test_symlink_out_of_the_content_folder_is_refused(project, tmp_path):
    secret = tmp_path / "geheim.png"
    Image.new("RGB", (20, 20), "red").save(secret)
    link = project / "content" / "images" / "link-naar-buiten.png"
    link.symlink_to(secret)
    source = project / "content" / "gen-symlink.md"
    source.write_text(FRONT + "## Les\n\n![Via een link](images/link-naar-buiten.png)\n",
                      encoding="utf-8")
    code, _, stderr, _ = build_in_process(project, source)
    check_outcome(project, source, {"exit": 2, "line": 6,
                                    "message": "lies outside the content folder"}, code, stderr)


def test_templates_in_content_stay_text(project):
    from pypdf import PdfReader
    source = project / "content" / "template-syntax.md"
    code, _, stderr, _ = build_in_process(project, source)
    assert code == 0, stderr
    text = " ".join(page.extract_text() for page in PdfReader(project / "output" / "template-syntax.pdf").pages)
    assert "{{ 7*7 }}" in text and "49" not in text
    assert "{% include" in text


# --- the resource policy: nothing from the network, nothing from outside --------------


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (the standard library's name)
        RecordingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        buffer = io.BytesIO()
        Image.new("RGB", (10, 10)).save(buffer, "PNG")
        self.wfile.write(buffer.getvalue())

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_server():
    RecordingHandler.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_nothing_is_ever_fetched_from_the_network(tmp_path, loopback_server):
    # A server on loopback that would answer happily; both the content and a layout
    # refer to it, and it must never see a request.
    root = tmp_path
    content = root / "content"
    content.mkdir()
    layouts = root / "layouts"
    shutil.copytree(LAYOUTS, layouts)
    template = layouts / "booklet" / "booklet.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "</head>", f'<link rel="stylesheet" href="{loopback_server}/style.css"></head>'),
        encoding="utf-8")
    in_content = write_source(content, f"## Les\n\n![Plaatje]({loopback_server}/plaatje.png)\n",
                              name="plaatje")
    code, _, stderr, _ = build_in_process(root, in_content)
    assert code == 2 and "never downloads anything" in stderr
    in_layout = write_source(content, "## Les\n\nTekst.\n", name="layout")
    code, _, stderr, _ = build_in_process(root, in_layout, "--only", "booklet")
    assert code == 2, stderr
    assert "nothing is loaded from the network" in stderr
    assert len(stderr.strip().splitlines()) == 1
    time.sleep(0.2)
    assert RecordingHandler.requests == []


def test_layout_cannot_read_files_outside(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    layouts = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, layouts)
    secret = tmp_path / "geheim.png"
    Image.new("RGB", (10, 10)).save(secret)
    template = layouts / "booklet" / "booklet.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "<body>", f'<body><img src="{secret.as_uri()}">'), encoding="utf-8")
    source = write_source(content, "## Les\n\nTekst.\n")
    code, _, stderr, _ = build_in_process(tmp_path, source, "--only", "booklet")
    assert code == 2 and "outside the content folder and layouts/" in stderr


def test_missing_layout_lists_those_that_exist(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    source = write_source(content, "## Les\n\nTekst.\n", "title: Proef\nlayout: zakboekje\n")
    code, _, stderr, _ = build_in_process(tmp_path, source, "--only", "booklet")
    assert code == 2
    assert stderr.strip() == ("content/pub.md:3: there is no booklet layout 'zakboekje' in "
                              "layouts/ (a folder with booklet.html and booklet.css); layouts "
                              "that exist: booklet")


# --- nothing lost, nothing touched ---------------------------------------------------------


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_touches_only_the_output_folder(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    (project / "layouts").symlink_to(LAYOUTS)
    content_before = tree_digest(project / "content")
    code, _, stderr, _ = build_in_process(project, project / "content" / SAMPLE.name, "--only", "deck")
    assert code == 0, stderr
    assert tree_digest(project / "content") == content_before
    assert sorted(p.name for p in project.iterdir()) == ["content", "layouts", "output"]
    assert [p.name for p in (project / "output").glob("[!.]*")] == [f"{SAMPLE.stem}.pptx"]


# --- reproducible --------------------------------------------------------------------------


def test_two_builds_are_byte_identical(sample_build, tmp_path):
    again = tmp_path / "again"
    result = run_build(str(SAMPLE), "--out", str(again))
    assert result.returncode == 0
    for first in (sample_build.booklet, sample_build.print_shop, sample_build.a4, sample_build.deck):
        assert (again / first.name).read_bytes() == first.read_bytes(), first.name


def test_source_date_epoch_sets_the_dates(tmp_path):
    from pptx import Presentation
    from pypdf import PdfReader
    content = tmp_path / "content"
    content.mkdir()
    source = write_source(content, "## Les\n\nTekst.\n", "title: Zonder datum\n")
    out = tmp_path / "out"
    result = run_build(str(source), "--out", str(out), env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert result.returncode == 0, result.stderr
    assert PdfReader(out / "pub.pdf").metadata["/CreationDate"] == "D:20260101000000Z"
    assert Presentation(str(out / "pub.pptx")).core_properties.created.isoformat() == "2026-01-01T00:00:00"


# --- random sources --------------------------------------------------------------------------

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

MARKDOWN_BITS = st.sampled_from([
    "## ", "### ", "# ", "> ", "- ", "1. ", "3) ", "---", "***", "::: notes", ":::", "*", "**", "_",
    "`", "[", "](", ")", "![", "](images/x.png)", "https://example.nl", "<b>", "<!-- x -->", "\\",
    "{{ x }}", "{% if %}", "    ", "\t", "\n", "\n\n", "Les", "Beste leden,", "'s", '"', "--", "…",
    "é", "ë", "ĳ", "🙂", "\u00ad", "\u200b", "a" * 60, "=", "|", "&amp;", "&#0;", "\x00", "\x0b",
])
BODY = st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=12)), max_size=60).map("".join)
FRONT_VALUE = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(),
                        st.lists(st.text(max_size=8), max_size=3))
FRONT_STRATEGY = st.dictionaries(
    st.sampled_from(["title", "subtitle", "organisation", "date", "language", "signatories",
                     "keywords", "deck", "layout", "titel", "description"]),
    FRONT_VALUE, max_size=6)


def front_matter_text(values: dict) -> str:
    import yaml
    return yaml.safe_dump(values, allow_unicode=True) if values else ""


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(front=FRONT_STRATEGY, body=BODY, raw_front=st.booleans())
def test_random_sources_parse_or_fail_cleanly(tmp_path_factory, front, body, raw_front):
    from tweeluik.booklet.html import find_layout, publication_to_html
    from tweeluik.deck.planner import publication_to_deck_plan
    from tweeluik.errors import SourceError
    from tweeluik.parse import parse_publication
    from tweeluik.theme import load_theme
    import datetime as dt
    folder = tmp_path_factory.mktemp("random")
    text = ("---\n" + (body[:40] if raw_front else front_matter_text(front)) + "---\n" + body)
    path = folder / "pub.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    theme = load_theme(LAYOUTS)
    try:
        pub = parse_publication(path)
        publication_to_html(pub, theme, find_layout(pub, LAYOUTS), LAYOUTS,
                            dt.datetime(2026, 1, 1), image_url=lambda image: "x.png")
        publication_to_deck_plan(pub, theme, TEMPLATE, LAYOUTS / "fonts")
    except SourceError as error:
        assert error.message
        for line in error.lines():
            assert "\n" not in line and "\x1b" not in line


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=BODY)
def test_random_sources_build_or_fail_cleanly(tmp_path_factory, body):
    root = tmp_path_factory.mktemp("random-build")
    (root / "content").mkdir()
    (root / "layouts").symlink_to(LAYOUTS)
    source = root / "content" / "pub.md"
    source.write_text("---\ntitle: Willekeurig\n---\n## Les\n\n" + body, encoding="utf-8")
    code, _, stderr, _ = build_in_process(root, source)
    assert code in (0, 2), stderr
    assert "internal error" not in stderr and "Traceback" not in stderr
    if code == 2:
        lines = stderr.strip().splitlines()
        assert lines and len(lines) <= 26  # at most 25 problems, then a line counting the rest
        assert all(re.match(r"content/pub\.md(:\d+(:\d+)?)?: ", line) for line in lines), lines



# --- the disk and the manifest: never an internal error, never a hang --------------------


def test_a_symbolic_link_loop_is_one_line(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    loop = content / "rond.md"
    loop.symlink_to(content / "rond.md")
    result = run_build(str(loop))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("rond.md: this is a symbolic link that leads nowhere "
                                          "(or to itself); replace it by the file it should point to")
    images = content / "images"
    images.mkdir()
    (images / "lus.png").symlink_to(images / "lus.png")
    source = write_source(content, "## Les\n\n![Een lus](images/lus.png)\n")
    result = run_build(str(source), "--check")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "is a symbolic link that leads nowhere" in result.stderr


def test_an_unreadable_source_is_one_line(tmp_path, monkeypatch, capsys):
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    source = write_source(content, "## Les\n\nTekst.\n")
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "pub.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert main([str(source), "--check"], root=tmp_path) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == ("content/pub.md: cannot read this file (permission denied: you may not "
                    "read it; check its permissions)")


@pytest.mark.parametrize("manifest", [
    '{"format": 1, "outputs": []}',
    '{"format": 1, "outputs": {"x": 5}}',
    '{"format": 1, "outputs": {"/p/pub.pptx": {"version": 1, "output": [], "inputs": "x"}}}',
    '[1, 2, 3]',
    'niet eens json',
    '{"format": 1, "outputs": ' + '[' * 100_000 + ']' * 100_000 + '}',  # deeper than Python recurses
])
def test_a_manifest_of_the_wrong_shape_means_rebuild(tmp_path, manifest):
    content = tmp_path / "content"
    content.mkdir()
    source = write_source(content, "## Les\n\nTekst.\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".tweeluik-manifest.json").write_text(manifest)
    result = run_build(str(source), "--out", str(out), "--only", "deck")
    assert result.returncode == 0, result.stderr
    again = run_build(str(source), "--out", str(out), "--only", "deck")
    assert "up to date" in again.stdout  # and the manifest it wrote is good


def test_a_manifest_that_names_a_device_does_not_hang(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    source = write_source(content, "## Les\n\nTekst.\n")
    out = tmp_path / "out"
    assert run_build(str(source), "--out", str(out), "--only", "deck").returncode == 0
    path = out / ".tweeluik-manifest.json"
    data = json.loads(path.read_text())
    entry = next(iter(data["outputs"].values()))
    entry["inputs"]["/dev/zero"] = {"size": 0, "mtime": 1, "sha256": "0" * 64}
    path.write_text(json.dumps(data))
    started = time.perf_counter()
    result = run_build(str(source), "--out", str(out), "--only", "deck")
    assert result.returncode == 0 and time.perf_counter() - started < TIME_LIMIT
    assert "up to date" not in result.stdout  # an input outside the project: rebuilt
    # A pipe inside the project that a manifest names: never opened, never waited on.
    pipe = content / "pijp"
    os.mkfifo(pipe)
    data = json.loads(path.read_text())
    entry = next(iter(data["outputs"].values()))
    entry["inputs"][str(pipe.resolve())] = {"size": 0, "mtime": 1, "sha256": "0" * 64}
    path.write_text(json.dumps(data))
    result = run_build(str(source), "--out", str(out), "--only", "deck", timeout=TIME_LIMIT)
    assert result.returncode == 0
    assert "up to date" not in result.stdout  # an input outside the project: rebuilt


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(values=st.dictionaries(
    st.sampled_from(["title", "subtitle", "organisation", "date", "language", "signatories",
                     "description", "keywords", "layout", "links", "deck"]),
    st.one_of(st.text(max_size=300), st.integers(), st.floats(allow_nan=True), st.booleans(),
              st.none(), st.dates(), st.datetimes(),
              st.lists(st.one_of(st.text(max_size=40), st.integers()), max_size=50),
              st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=3)),
    min_size=1, max_size=8))
def test_random_front_matter_values_read_or_fail_cleanly(tmp_path_factory, values):
    import yaml

    from tweeluik.errors import SourceError
    from tweeluik.parse import parse_publication
    folder = tmp_path_factory.mktemp("front")
    path = folder / "pub.md"
    front = yaml.safe_dump(values, allow_unicode=False)  # escapes: "\x1b", "\ud800" …
    path.write_text(f"---\n{front}---\n## Les\n\nTekst.\n", encoding="utf-8")
    try:
        meta = parse_publication(path).meta
    except SourceError as error:
        for line in error.lines():
            assert line.startswith(str(path)) and "\n" not in line
        return
    assert len(meta.title) <= 255 and "\x00" not in meta.title
    for text in (meta.title, meta.subtitle or "", meta.organisation or "", *meta.signatories):
        assert all(shown_in_a_value(char) for char in text), ascii(text)
        assert text.strip(" \u200d") or text == ""


def shown_in_a_value(char: str) -> bool:
    """What a front-matter value may hold: printable characters and spaces; the emoji
    joiner and a region flag's tag characters; private-use characters and characters newer
    than Python's Unicode table (the glyph check names them when no font draws them)."""
    return (char.isprintable() or char == " " or char == "\u200d"
            or "\U000e0020" <= char <= "\U000e007f"
            or unicodedata.category(char) in ("Co", "Cn"))


def test_invisible_characters_are_left_out_of_front_matter_values(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    front = ('title: "\\u200bJaarbrief\\u00ad 2026\\ufeff"\n'
             'organisation: "\\u202eWijkteams\\u202c Noord"\n'
             'signatories: ["An\\u200e Mol", "\\U0001F469\\u200d\\U0001F33E Eva"]\n'
             'subtitle: "\\u2060"\n')
    source = content / "pub.md"
    source.write_text(f"---\n{front}---\n## Les\n\n> Kern.\n\nTekst.\n", encoding="utf-8")
    result = run_build(str(source), "--check")
    assert result.returncode == 0, result.stderr
    said = result.stdout + result.stderr
    for line, code, key in ((2, "U+200B", "title"), (2, "U+00AD", "title"),
                            (3, "U+202E", "organisation"), (4, "U+200E", "signatories")):
        assert f"pub.md:{line}: warning: '{key}' holds the invisible character {code}" in said
    assert said.count("leaves it out of the title") == 3
    from tweeluik.parse import parse_publication
    meta = parse_publication(source).meta
    assert meta.title == "Jaarbrief 2026" and meta.organisation == "Wijkteams Noord"
    assert meta.signatories == ("An Mol", "\U0001F469\u200d\U0001F33E Eva")
    assert meta.subtitle is None  # nothing visible is left of it


def test_a_phone_photo_in_mpo_format_is_its_first_picture(tmp_path):
    from pptx import Presentation
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    first, second = Image.new("RGB", (300, 200), "red"), Image.new("RGB", (300, 200), "blue")
    first.save(content / "images" / "telefoon.jpg", format="MPO", save_all=True,
               append_images=[second])
    assert Image.open(content / "images" / "telefoon.jpg").format == "MPO"
    source = write_source(content, "## Les\n\n> Kern.\n\n![Een foto van de telefoon](images/telefoon.jpg)\n")
    result = run_build(str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    deck = Presentation(str(tmp_path / "out" / "pub.pptx"))
    pictures = [shape for shape in deck.slides[1].shapes if hasattr(shape, "image")]
    (picture,) = pictures
    assert picture.image.size == (300, 200) and picture.image.content_type == "image/jpeg"


def test_a_cut_off_image_is_refused(tmp_path):
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    Image.new("RGB", (400, 300), "green").save(content / "images" / "heel.jpg", quality=90)
    data = (content / "images" / "heel.jpg").read_bytes()
    (content / "images" / "half.jpg").write_bytes(data[:len(data) // 2])
    source = write_source(content, "## Les\n\n![Een halve foto](images/half.jpg)\n")
    result = run_build(str(source), "--check")
    assert result.returncode == 2
    assert result.stderr.strip().endswith("pub.md:8: the image 'half.jpg' is cut off (the file "
                                          "is incomplete, perhaps from an interrupted download "
                                          "or copy); save it again")


def test_301_links_are_refused_at_the_301st(project):
    source = project / "content" / "gen-400-links.md"
    source.write_text(FRONT + "## Les\n\n" + "".join(
        f"Zie [pagina {n}](https://example.nl/{n}).\n\n" for n in range(1, 401)), encoding="utf-8")
    code, _, stderr, seconds = build_in_process(project, source)
    check_outcome(project, source, {"exit": 2, "line": 6 + 2 * 300,
                                    "message": "this is link 301; a publication holds at most 300 links"},
                  code, stderr)
    assert seconds < TIME_LIMIT


def test_a_source_over_500_kb_is_refused(project):
    source = project / "content" / "gen-600kb.md"
    source.write_text(FRONT + "## Les\n\n" + "Een zin van de les.\n\n" * 30_000, encoding="utf-8")
    code, _, stderr, seconds = build_in_process(project, source)
    assert code == 2 and "must stay under 500 KB of text" in stderr, stderr
    assert seconds < TIME_LIMIT


def test_paragraph_5001_is_refused(project):
    source = project / "content" / "gen-6000-paragraphs.md"
    source.write_text(FRONT + "## Les\n\n" + "".join(f"Zin {n}.\n\n" for n in range(1, 6001)),
                      encoding="utf-8")
    code, _, stderr, seconds = build_in_process(project, source)
    check_outcome(project, source, {"exit": 2, "line": 6 + 2 * 5000,
                                    "message": "this is paragraph 5,001; a publication holds at "
                                               "most 5,000 paragraphs"}, code, stderr)
    assert seconds < TIME_LIMIT
