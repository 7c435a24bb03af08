"""Bad input gets one line, ``file:LINE: message``, exit code 2, and no output."""

from __future__ import annotations

import pytest

from tweeluik.errors import SourceError
from tweeluik.parse import parse_publication

from .conftest import run_build

OK_FRONT = "---\ntitle: Proef\n---\n"

# (name, whole file text, expected line, words the message must contain)
CASES = [
    ("missing title", "---\nsubtitle: Zonder titel\n---\n## Les\n\nTekst.\n", 1,
     "has no 'title'"),
    ("empty title", "---\ntitle:\n---\n## Les\n\nTekst.\n", 1, "has no 'title'"),
    ("title is a list", "---\ntitle:\n  - een\n  - twee\n---\n## Les\n\nTekst.\n", 2,
     "'title' must be a line of text, not a list"),
    ("no text", OK_FRONT + "\n", 4, "there is no text below the front matter"),
    ("malformed front matter", "---\ntitle: Proef\nsubtitle: [open\n---\n## Les\n", 3,
     "not valid YAML"),
    ("unclosed front matter", "---\ntitle: Proef\n\n## Les\n\nTekst.\n", 1, "never closed"),
    ("no front matter", "## Les\n\nTekst.\n", 1, "must start with front matter"),
    ("unknown key", "---\ntitle: Proef\nsubtitel: Iets\n---\n## Les\n\nTekst.\n", 3,
     "unknown setting 'subtitel' (did you mean 'subtitle'?)"),
    ("duplicate key", "---\ntitle: Proef\ntitle: Nog eens\n---\n## Les\n\nTekst.\n", 3,
     "'title' is set twice (first on line 2)"),
    ("bad language", "---\ntitle: Proef\nlanguage: fr\n---\n## Les\n\nTekst.\n", 3,
     "language 'fr' is not supported"),
    ("empty lesson title", OK_FRONT + "## Les\n\nTekst.\n\n## \n\nMeer.\n", 8,
     "lesson 2 has no title"),
    # a web page's pull quote with its credit on a line of its own
    ("key message of two paragraphs",
     OK_FRONT + "## Les\n\n> Samen komen we verder.\n>\n> — Anneke, wijkteam Noord\n\nTekst.\n",
     6, "must be a single paragraph: join its lines into one (a credit such as '— Name' goes "
        "at the end of the same line), or put a line of text above the quote"),
    ("wrong lesson number", OK_FRONT + "## 1. Een\n\nTekst.\n\n## 3. Twee\n\nTekst.\n", 8,
     "this is lesson 2, but its heading says 3"),
    ("missing image", OK_FRONT + "## Les\n\n![Een foto](images/weg.png)\n", 6,
     "the image 'images/weg.png' does not exist"),
    ("remote image", OK_FRONT + "## Les\n\n![Foto](https://example.com/a.png)\n", 6,
     "tweeluik never downloads anything"),
    ("image outside content", OK_FRONT + "## Les\n\n![Foto](../../etc/passwd)\n", 6,
     "outside the content folder"),
    ("raw html", OK_FRONT + "## Les\n\nTekst <script>alert(1)</script>.\n", 6,
     "raw HTML (<script>) is not allowed"),
    ("setext heading", OK_FRONT + "## Les\n\nTekst\n---\n", 6, "a line of '=' or '-'"),
    ("hash heading", OK_FRONT + "# Titel\n\n## Les\n\nTekst.\n", 4, "'#' headings are not used"),
    ("code block", OK_FRONT + "## Les\n\n    ingesprongen tekst\n", 6, "this is a code block"),
    ("notes outside lesson", OK_FRONT + "::: notes\nHoi\n:::\n\n## Les\n\nTekst.\n", 4,
     "speaker notes ('::: notes') belong inside a lesson"),
    ("unknown block", OK_FRONT + "## Les\n\n::: kader\nTekst\n:::\n", 6, "unknown block '::: kader'"),
    ("template outside", "---\ntitle: Proef\ndeck:\n  template: ../../huisstijl.pptx\n---\n## Les\n\nTekst.\n",
     3, "lies outside the content folder"),
    ("relative link", OK_FRONT + "## Les\n\nEen [link](andere.md).\n", 6,
     "the link 'andere.md' is not a full web, e-mail or phone address; links must start "
     "with https://, http://, mailto: or tel:"),
    ("control character", OK_FRONT + "## Les\n\nTekst\x0bmet tab.\n", 6,
     "invisible character U+000B"),
    ("image without description", OK_FRONT + "## Les\n\n![](images/x.png)\n", 6,
     "does not exist"),
    ("table too wide", OK_FRONT + "## Les\n\n|" + " a |" * 7 + "\n|" + " - |" * 7 + "\n", 6,
     "this table has 7 columns; at most 6 fit across the booklet's page"),
    ("image in a table", OK_FRONT + "## Les\n\n| a | b |\n| - | - |\n| ![x](x.png) | c |\n",
     8, "a table's cell holds an image"),
]


@pytest.mark.parametrize("name, text, line, words", CASES, ids=[case[0] for case in CASES])
def test_error_points_at_line(source_dir, name, text, line, words):
    path = source_dir / "pub.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        parse_publication(path)
    assert caught.value.line == line, caught.value.format()
    assert words in caught.value.message


def test_image_needs_a_description(source_dir):
    from PIL import Image
    (source_dir / "images").mkdir()
    Image.new("RGB", (10, 10)).save(source_dir / "images" / "x.png")
    path = source_dir / "pub.md"
    path.write_text(OK_FRONT + "## Les\n\n![](images/x.png)\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        parse_publication(path)
    assert (caught.value.line, "has no description" in caught.value.message) == (6, True)


def test_not_utf8(source_dir):
    path = source_dir / "pub.md"
    path.write_bytes((OK_FRONT + "## Les\n\nCaf\xe9.\n").encode("latin-1"))
    with pytest.raises(SourceError) as caught:
        parse_publication(path)
    assert caught.value.line == 6
    assert "not valid UTF-8" in caught.value.message


@pytest.mark.slow
def test_command_prints_one_line_exits_2_and_writes_nothing(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    source = content / "kapot.md"
    source.write_text("---\ntitle: Proef\nsubtitel: x\n---\n## Les\n\nTekst.\n", encoding="utf-8")
    out = tmp_path / "output"
    result = run_build(str(source), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{source}:3: unknown setting 'subtitel' (did you mean 'subtitle'?); known settings: "
        "title, subtitle, organisation, date, language, signatories, description, keywords, "
        "layout, links, logo, cover-image, made-with, deck"]
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists() or not any(out.glob("[!.]*"))


@pytest.mark.slow
def test_failed_build_leaves_previous_outputs_untouched(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    source = content / "pub.md"
    source.write_text("---\ntitle: Proef\n---\n## Les\n\nTekst.\n", encoding="utf-8")
    out = tmp_path / "output"
    assert run_build(str(source), "--out", str(out), "--only", "deck").returncode == 0
    before = {path.name: path.read_bytes() for path in out.iterdir()}  # the manifest too
    source.write_text("---\ntitle: Proef\n---\n## Les\n\n![x](weg.png)\n", encoding="utf-8")
    result = run_build(str(source), "--out", str(out), "--only", "deck")
    assert result.returncode == 2
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before


@pytest.mark.slow
def test_a_motto_in_bold_between_quotation_marks_is_no_lesson_title(source_dir):
    """A newsletter's motto set in bold ('‘Samen zorgen, samen leren’') is a quotation,
    not a lesson title written another way: no warning that says to make it one."""
    path = source_dir / "pub.md"
    path.write_text(OK_FRONT + "**‘Samen zorgen, samen leren’**\n\nBeste leden,\n\n"
                    "Een inleiding.\n", encoding="utf-8")
    result = run_build(str(path), "--check")
    assert result.returncode == 0, result.stderr
    assert "lesson title" not in result.stderr, result.stderr


@pytest.mark.slow
def test_a_remark_in_italics_is_no_lesson_title(source_dir):
    """A real association's page ends on a remark set in italics ('Terugbetaling van
    contributie is niet mogelijk.'): a sentence, not a lesson title written another way;
    nor is a real form's aside in bold between brackets ('(in te vullen door de club)'),
    nor a real post's opening sentence set as a heading."""
    path = source_dir / "pub.md"
    path.write_text(OK_FRONT + "### Op 16 juni besprak de gemeente ons plan.\n\n"
                    "Beste leden,\n\nDe contributie is twintig euro.\n\n"
                    "*Terugbetaling van contributie is niet mogelijk.*\n\n"
                    "**(in te vullen door de club)**\n\n"
                    "**Betalen kan tot 1 maart!**\n", encoding="utf-8")
    result = run_build(str(path), "--check")
    assert result.returncode == 0, result.stderr
    assert "lesson title" not in result.stderr, result.stderr
    assert "a lesson starts with" not in result.stderr, result.stderr


@pytest.mark.slow
def test_lesson_titles_written_another_way_are_named_with_the_fix(source_dir):
    """No '## ' lessons, but lines that look like lesson titles: each is a warning at its
    line with the '## ' line to write; the letter still builds, without lessons."""
    path = source_dir / "pub.md"
    path.write_text(OK_FRONT + "Beste leden,\n\nEen inleiding.\n\n"        # lines 4-6
                    "**1. Het begint met de ontmoeting**\n\nTekst.\n\n"   # 8
                    "2. Samen doen\n\nTekst.\n\n"                          # 12
                    "### 3. Luisteren\n\nTekst.\n\n"                       # 16
                    "*Vier: vertrouwen*\n\nTekst.\n", encoding="utf-8")    # 20
    result = run_build(str(path), "--check")
    assert result.returncode == 0, result.stderr
    shown = str(path)
    assert result.stderr.splitlines() == [
        f"{shown}:8: warning: this line looks like a lesson title set in bold; a lesson "
        "starts with '## ': write '## 1. Het begint met de ontmoeting'",
        f"{shown}:12: warning: '2. Samen doen' alone on a line is a numbered list in "
        "Markdown; for a lesson write '## 2. Samen doen'",
        f"{shown}:16: warning: a lesson starts with '## ', not '###': write '## 3. Luisteren'",
        f"{shown}:20: warning: this line looks like a lesson title set in italics; a lesson "
        "starts with '## ': write '## Vier: vertrouwen'"]
    assert run_build(str(path), "--check", "--strict").returncode == 2


@pytest.mark.slow
def test_at_most_25_problems_are_printed_and_a_last_line_counts_the_rest(tmp_path):
    """The README: every problem in the order of the file, at most 25, and a last line
    counting the rest. Thirty lessons each numbered one too high make thirty errors."""
    body = "".join(f"## {number + 1}. Les {number}\n\nTekst.\n\n" for number in range(1, 31))
    source = tmp_path / "veel.md"
    source.write_text("---\ntitle: Veel\n---\n" + body, encoding="utf-8")
    result = run_build("--check", str(source))
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if "veel.md:" in line]
    assert len(lines) == 26, result.stderr
    assert all("heading says" in line for line in lines[:25])
    assert "… and 5 more (5 of them errors) not shown" in lines[25]


def test_a_table_without_column_names_is_read_and_warned_about(source_dir):
    """A table whose first row is empty (a copied order form) has no column headers: it
    is set without them, and the check asks for a name over each column."""
    from tweeluik.errors import Diagnostics
    from tweeluik.model import Table
    path = source_dir / "pub.md"
    path.write_text(OK_FRONT + "## Les\n\n|  |  |\n| - | - |\n| Naam | € 5 |\n",
                    encoding="utf-8")
    diagnostics = Diagnostics(path)
    publication = parse_publication(path, diagnostics=diagnostics)
    table = publication.lessons[0].blocks[0]
    assert isinstance(table, Table) and table.header == () and len(table.rows) == 1
    warned = [item.line for item in diagnostics.items
              if "this table's first row is empty" in item.message]
    assert warned == [6]
