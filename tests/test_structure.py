"""The screen booklet is a PDF/UA-1 file, and the claim is checked: two independent
checkers from PyPI pass it (the sample, every letter fixture, a 100-lesson publication),
and the structure tree is walked here to assert what the checkers do not look at: one
element per paragraph however many pages it crosses, headings in order, lists, links
with their annotations, notes, figures, artifacts, and the tree's text in the order of
the source."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from .conftest import LAYOUTS, ROOT, SAMPLE, run_build, run_project, write_source

LETTERS = sorted(path for path in (ROOT / "tests" / "letters").glob("*.md")
                 if path.name != "README.md")
pytestmark = pytest.mark.slow


def checker(name: str) -> str:
    """A checker installed beside the Python running the tests (a test dependency)."""
    path = Path(sys.executable).parent / name
    assert path.exists(), f"{name} is missing: pip install -e '.[test]'"
    return str(path)


def outloud_findings(pdf: Path) -> list[dict]:
    result = subprocess.run([checker("outloud"), "--json", "-", "--fail-on", "never", str(pdf)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["results"][0]["findings"]


def assert_both_checkers_pass(pdf: Path) -> None:
    findings = outloud_findings(pdf)
    serious = [f"{f['rule']} p.{f.get('page')}: {f['message']}" for f in findings
               if f["severity"] in ("error", "warning")]
    assert serious == [], f"outloud on {pdf.name}: {serious}"
    result = subprocess.run([checker("pdfua"), "check", str(pdf)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, f"pdfua on {pdf.name}: {result.stdout}{result.stderr}"
    assert "errors=0 warnings=0" in result.stdout


@pytest.fixture(scope="module")
def letters_built(tmp_path_factory) -> dict[str, Path]:
    """Every letter fixture and the sample, built through the command line."""
    out = tmp_path_factory.mktemp("letters-ua")
    result = run_build(*map(str, LETTERS), str(SAMPLE), "--out", str(out), "--only", "booklet")
    assert result.returncode == 0, result.stderr
    return {path.stem: out / f"{path.stem}.pdf" for path in [*LETTERS, SAMPLE]}


@pytest.fixture(scope="module")
def hundred_lessons(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import publication
    finally:
        sys.path.remove(str(ROOT / "bench"))
    folder = tmp_path_factory.mktemp("hundred")
    (folder / "content").mkdir()
    source = folder / "content" / "honderd.md"
    source.write_text(publication(100), encoding="utf-8")
    # Copyfitting off: its five more layouts of the whole booklet (25 s) change which
    # page a lesson starts on, not how the structure tree is made.
    shutil.copytree(LAYOUTS, folder / "layouts")
    theme = folder / "layouts" / "theme.toml"
    text = theme.read_text(encoding="utf-8")
    assert "below = 0.33" in text
    theme.write_text(text.replace("below = 0.33", "below = 0"), encoding="utf-8")
    result = run_project(folder, str(source), "--out", str(folder / "out"), "--only", "booklet")
    assert result.returncode == 0, result.stderr
    assert "fitted" not in result.stderr and "starts on that page" not in result.stderr
    return folder / "out" / "honderd.pdf"


def test_the_sample_and_every_letter_pass_both_pdf_ua_checkers(letters_built):
    assert len(letters_built) >= 7
    for pdf in letters_built.values():
        assert_both_checkers_pass(pdf)


def test_a_hundred_lessons_pass_both_pdf_ua_checkers(hundred_lessons):
    assert_both_checkers_pass(hundred_lessons)


def test_the_booklet_claims_pdf_ua_1_and_says_its_title_and_language(letters_built):
    with pikepdf.open(letters_built[SAMPLE.stem]) as pdf:
        with pdf.open_metadata() as meta:
            assert meta.get("pdfuaid:part") == "1"
            assert meta.get("dc:title") == "Wat de wijk ons leerde"
        assert str(pdf.Root.Lang).startswith("nl")
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert bool(pdf.Root.MarkInfo.Marked)


def test_the_print_shop_file_keeps_the_tags_but_claims_nothing(letters_built):
    print_shop = letters_built[SAMPLE.stem].with_name(f"{SAMPLE.stem}-print-shop.pdf")
    with pikepdf.open(print_shop) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert b"pdfuaid:part" not in pdf.Root.Metadata.read_bytes()
    with pikepdf.open(letters_built[SAMPLE.stem]) as pdf:
        assert b'pdfuaid:part="1"' in pdf.Root.Metadata.read_bytes()


# ---- walking the structure tree -------------------------------------------------------

class Tree:
    """The structure tree of a PDF: elements in order, and each one's marked content."""

    def __init__(self, path: Path):
        self.pdf = pikepdf.open(path)
        self.pages = {page.objgen: number for number, page in enumerate(self.pdf.pages)}
        self.elements: list[tuple[int, pikepdf.Dictionary]] = []  # (depth, element)
        self.order: list[tuple[int, int]] = []  # (page, MCID) in tree order
        self.owner: dict[tuple[int, int], pikepdf.Dictionary] = {}
        self._walk(self.pdf.Root.StructTreeRoot.K, 0, None)

    def _kids(self, kids):
        return list(kids) if isinstance(kids, pikepdf.Array) else [kids]

    def _walk(self, kids, depth, element) -> None:
        for kid in self._kids(kids):
            if isinstance(kid, int) or (isinstance(kid, pikepdf.Object)
                                        and kid._type_code == pikepdf.ObjectType.integer):
                key = (self.pages[element.Pg.objgen], int(kid))
                self.order.append(key)
                self.owner[key] = element
            elif kid.get("/Type") == "/MCR":
                page = kid.Pg if "/Pg" in kid else element.Pg
                key = (self.pages[page.objgen], int(kid.MCID))
                self.order.append(key)
                self.owner[key] = element
            elif kid.get("/Type") == "/OBJR":
                continue
            else:
                self.elements.append((depth, kid))
                self._walk(kid.get("/K", pikepdf.Array()), depth + 1, kid)

    def of_type(self, role: str) -> list[pikepdf.Dictionary]:
        return [element for _, element in self.elements if role == element.S]

    def pages_of(self, element) -> set[int]:
        return {key[0] for key, owner in self.owner.items() if owner.objgen == element.objgen}


def marked_text(path: Path) -> tuple[dict[tuple[int, int], str], list[str]]:
    """The text of each (page, MCID), and the text shown outside any MCID (artifacts)."""
    texts: dict[tuple[int, int], str] = {}
    outside: list[str] = []
    for number, page in enumerate(PdfReader(path).pages):
        stack: list = []

        def before(operator, args, cm, tm, stack=stack):
            if operator == b"BDC":
                properties = args[1] if len(args) > 1 else {}
                stack.append(properties.get("/MCID") if hasattr(properties, "get") else None)
            elif operator == b"BMC":
                stack.append(None)
            elif operator == b"EMC" and stack:
                stack.pop()

        def shown(text, cm, tm, font, size, number=number, stack=stack):
            mcid = next((item for item in reversed(stack) if item is not None), None)
            if mcid is None:
                outside.append(text)
            else:
                texts[(number, int(mcid))] = texts.get((number, int(mcid)), "") + text

        page.extract_text(visitor_operand_before=before, visitor_text=shown)
    return texts, outside


def letters_only(text: str) -> str:
    """Letters of ``text``: not spaces, hyphens or digits (a footnote's call is a digit
    in the paragraph's text)."""
    return re.sub(r"[\W\d_]", "", text).lower()


class _Paragraphs(HTMLParser):
    """The text of each ``<p>``, ``<li>`` and heading of the booklet's HTML, in order,
    leaving out what is hidden from readers."""

    BLOCKS = {"p", "h1", "h2", "h3"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.found: list[str] = []
        self.current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "meta"):
            return
        hidden = (dict(attrs).get("aria-hidden") == "true" or any(h for _, h in self.stack)
                  or (dict(attrs).get("id") or "").startswith("spare-"))  # dropped or not
        self.stack.append((tag, hidden))
        if "link-note" in (dict(attrs).get("class") or ""):
            hidden = True  # a footnote: read after its paragraph (see the notes' test)
            self.stack[-1] = (tag, True)
        if tag in self.BLOCKS and not hidden:
            self.current = []

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag in self.BLOCKS and self.current is not None:
            self.found.append("".join(self.current))
            self.current = None

    def handle_data(self, data):
        if self.current is not None and not any(h for _, h in self.stack):
            self.current.append(data)


def booklet_html(source: Path) -> str:
    code = ("import sys; from pathlib import Path; from tweeluik.builder import read_and_check, "
            "creation_time; from tweeluik.errors import Diagnostics; "
            "from tweeluik.theme import load_theme; from tweeluik.booklet.render import _Booklet; "
            "from tweeluik.booklet.view import NO_FITTING; from tweeluik.session import "
            "WriterSession; s = Path(sys.argv[1]); "
            "p = read_and_check(s, Diagnostics(s)); layouts = Path(sys.argv[2]); "
            "b = _Booklet(p, load_theme(layouts), layouts, s.parent, creation_time(p), "
            "WriterSession()); "
            "print(b.html_for(NO_FITTING))")
    result = subprocess.run([sys.executable, "-c", code, str(source), str(ROOT / "layouts")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_tree_reads_the_source_text_in_order(letters_built):
    for name in (SAMPLE.stem, "clean-jaarbrief", "zonder-lessen-met-kopjes"):
        pdf = letters_built[name]
        source = SAMPLE if name == SAMPLE.stem else ROOT / "tests" / "letters" / f"{name}.md"
        texts, _ = marked_text(pdf)
        tree = Tree(pdf)
        stream = "".join(letters_only(texts.get(key, "")) for key in tree.order)
        parser = _Paragraphs()
        parser.feed(booklet_html(source))
        at = 0
        for paragraph in parser.found:
            wanted = letters_only(paragraph)
            if not wanted:
                continue
            found = stream.find(wanted, at)
            assert found >= 0, f"{name}: not found in the tree's text after the last: {paragraph!r}"
            at = found + len(wanted)


def test_a_paragraph_across_a_page_break_is_one_element(hundred_lessons):
    tree = Tree(hundred_lessons)
    paragraphs = tree.of_type("/P")
    crossing = [element for element in paragraphs if len(tree.pages_of(element)) > 1]
    assert crossing, "no paragraph crosses a page in 100 lessons: the test proves nothing"
    # and no element of any kind is cut in two: each lesson is one Sect
    titles = [element for element in tree.of_type("/H2")]
    sections = tree.of_type("/Sect")
    assert len(titles) >= 100
    lesson_sections = [s for s in sections if any(
        kid.get("/S") == "/H2" for kid in tree._kids(s.K) if isinstance(kid, pikepdf.Dictionary))]
    assert len(lesson_sections) == len(titles)


def test_headings_never_skip_a_level(letters_built, hundred_lessons):
    for pdf in [*letters_built.values(), hundred_lessons]:
        tree = Tree(pdf)
        levels = [int(str(element.S)[2]) for _, element in tree.elements
                  if re.fullmatch(r"/H[1-6]", str(element.S))]
        assert levels[0] == 1, pdf.name
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, f"{pdf.name}: H{before} then H{after}"


def test_a_heading_under_a_subheading_is_one_level_lower_and_looks_it(tmp_path):
    """A real procedure page's '#### Sint bij AZL' under '### Mails' looked like its
    parent. A '####' under a '###' is an H4, set in the text's italics (and an h4 on
    the web page); written right under a lesson's title it is an H3, so no level is
    skipped; both checkers pass."""
    (tmp_path / "content").mkdir()
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    source = write_source(tmp_path / "content", (
        "## Draaiboek\n\nWat we elk jaar doen.\n\n### Mails\n\nDrie mails gaan rond.\n\n"
        "#### Sintfeest\n\nDe eerste gaat in november.\n\n#### Kerst\n\nDe tweede in "
        "december.\n\n### Inkopen\n\nWe kopen in bij de markt.\n\n"
        "## Tweede les\n\n#### Losse kop\n\nMeteen onder de les.\n"))
    result = run_project(tmp_path, str(source), "--out", str(tmp_path / "out"),
                         "--only", "booklet")
    assert result.returncode == 0, result.stderr
    pdf_path = tmp_path / "out" / "pub.pdf"
    assert_both_checkers_pass(pdf_path)
    tree = Tree(pdf_path)
    headings = [(str(element.S), str(element.get("/ActualText", "")))
                for _, element in tree.elements if re.fullmatch(r"/H[2-6]", str(element.S))]
    levels = [role for role, _ in headings if role != "/H2"]
    assert levels == ["/H3", "/H4", "/H4", "/H3", "/H3"], headings
    fonts: dict[str, str] = {}
    for page in PdfReader(pdf_path).pages:
        page.extract_text(visitor_text=lambda text, _cm, _tm, font, _size: fonts.setdefault(
            text.strip(), str(font.get("/BaseFont")) if font else ""))
    assert fonts["Sintfeest"].endswith("-Italic") and "Caladea" in fonts["Sintfeest"], fonts
    assert fonts["Mails"].endswith("-Bold"), fonts
    web = run_project(tmp_path, str(source), "--out", str(tmp_path / "out"), "--only", "web")
    assert web.returncode == 0, web.stderr
    page = (tmp_path / "out" / "pub.html").read_text(encoding="utf-8")
    assert re.findall(r"<(h[34])>", page) == ["h3", "h4", "h4", "h3", "h3"]


def test_lists_are_items_with_labels_and_bodies(letters_built):
    tree = Tree(letters_built[SAMPLE.stem])
    lists = tree.of_type("/L")
    assert len(lists) >= 4  # contents, colophon, a bulleted list, an ordered list
    for element in lists:
        for kid in tree._kids(element.K):
            assert kid.S == "/LI"
            assert {str(part.S) for part in tree._kids(kid.K)} <= {"/Lbl", "/LBody"}
    labelled = [kid for kid in tree.of_type("/Lbl")]
    texts, _ = marked_text(letters_built[SAMPLE.stem])
    shown = {"".join(texts.get(key, "") for key, owner in tree.owner.items()
                     if owner.objgen == label.objgen).strip() for label in labelled}
    assert "–" in shown  # the dash of a bullet


def test_an_ordered_list_labels_its_items_with_their_numbers(tmp_path):
    source = write_source(tmp_path, """
        Beste leden,

        Een inleiding.

        ## 1. Drie stappen

        > Zo doen we het.

        Wat we leerden:

        1. eerst luisteren;
        2. dan samen plannen;
        3. en pas dan beginnen.

        ---

        Groet.
        """)
    result = run_build(str(source), "--out", str(tmp_path / "out"), "--only", "booklet")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / "pub.pdf"
    tree = Tree(pdf)
    texts, _ = marked_text(pdf)
    labels = ["".join(texts.get(key, "") for key, owner in tree.owner.items()
                      if owner.objgen == label.objgen).strip() for label in tree.of_type("/Lbl")]
    assert [label for label in labels if label.endswith(".")] == ["1.", "2.", "3."]
    assert_both_checkers_pass(pdf)


def test_links_hold_their_annotations_which_say_where_they_go(letters_built):
    pdf_path = letters_built["clean-jaarbrief"]
    tree = Tree(pdf_path)
    parents = dict(zip(*[iter(tree.pdf.Root.StructTreeRoot.ParentTree.Nums)] * 2, strict=True))
    links = 0
    for page in tree.pdf.pages:
        for annotation in page.get("/Annots", []):
            if annotation.Subtype != "/Link":
                continue
            links += 1
            assert int(annotation.F) & 4, "a link that is not printed"
            owner = parents[int(annotation.StructParent)]
            assert owner.S == "/Link"
            assert any(kid.get("/Type") == "/OBJR" and kid.Obj.objgen == annotation.objgen
                       for kid in tree._kids(owner.K) if isinstance(kid, pikepdf.Dictionary))
            contents = str(annotation.Contents)
            assert contents, "a link that does not say where it goes"
            if "/Dest" in annotation:  # the words of the entry, not the anchor's name
                assert contents != str(annotation.Dest), contents
            if "/A" in annotation:
                assert str(annotation.A.URI) in contents
    assert links > 10


def test_link_footnotes_are_notes_with_a_label_and_the_address_as_a_link(letters_built):
    tree = Tree(letters_built["clean-jaarbrief"])
    notes = tree.of_type("/Note")
    assert len(notes) >= 2
    ids = [str(note.ID) for note in notes]
    assert len(set(ids)) == len(ids)
    for note in notes:
        roles = [str(kid.S) for kid in tree._kids(note.K) if isinstance(kid, pikepdf.Dictionary)]
        assert roles[0] == "/Lbl" and "/Link" in roles


def test_pictures_are_figures_with_their_description(letters_built):
    tree = Tree(letters_built[SAMPLE.stem])
    figures = tree.of_type("/Figure")
    alts = [str(figure.get("/Alt", "")) for figure in figures]
    assert "Vereniging van Wijkteams Zuidoever" in alts  # the logo
    assert any(alt.startswith("Kaart van de Rivierenbuurt") for alt in alts)
    assert all(alts)
    qr_tree = Tree(letters_built["clean-jaarbrief"])  # a long address gets a QR code
    qr_alts = [str(figure.get("/Alt", "")) for figure in qr_tree.of_type("/Figure")]
    assert any(alt.startswith("QR code: www.wijkteams-noord.example.nl/") for alt in qr_alts)


def test_running_heads_folios_and_leaders_are_artifacts(letters_built):
    pdf = letters_built[SAMPLE.stem]
    texts, outside = marked_text(pdf)
    tree = Tree(pdf)
    assert set(texts) == set(tree.owner), "marked content that no element owns"
    shown_outside = "".join(outside)
    assert "....." in shown_outside  # the contents' leaders
    assert re.search(r"\b11\b", shown_outside)  # a folio
    in_tree = "".join(texts[key] for key in tree.order)
    assert "....." not in in_tree


def test_a_table_is_a_table_with_column_headers_and_passes_both_checkers(tmp_path):
    """A Markdown table in the booklet: a Table of a THead and a TBody, each header cell
    a TH that says it heads its column (/Scope), a TD for every cell; the header row
    is repeated on the next page when a table runs over, and both checkers pass."""
    rows = "".join(f"| {2000 + year} | {300 + year} | € {year} |\n" for year in range(40))
    (tmp_path / "content").mkdir()
    (tmp_path / "layouts").symlink_to(LAYOUTS)
    source = write_source(tmp_path / "content", "## Les\n\nDe cijfers van veertig jaar.\n\n"
                                    "| Jaar | Leden | Kas |\n| ---- | ---: | ---: |\n" + rows)
    result = run_project(tmp_path, str(source), "--out", str(tmp_path / "out"),
                         "--only", "booklet")
    assert result.returncode == 0, result.stderr
    pdf_path = tmp_path / "out" / "pub.pdf"
    assert_both_checkers_pass(pdf_path)
    roles: dict[str, int] = {}
    scopes = set()
    with pikepdf.open(pdf_path) as pdf:
        for element in pdf.objects:
            if isinstance(element, pikepdf.Dictionary) and element.get("/Type") == "/StructElem":
                role = str(element.S)
                roles[role] = roles.get(role, 0) + 1
                if role == "/TH":
                    scopes.add((str(element.A.O), str(element.A.Scope)))
    assert roles["/Table"] == 1 and roles["/THead"] == 1 and roles["/TBody"] == 1
    assert roles["/TH"] == 3 and roles["/TD"] == 3 * 40 and roles["/TR"] == 41
    assert scopes == {("/Table", "/Column")}
    pages = [page.extract_text() for page in PdfReader(pdf_path).pages]
    with_rows = [text for text in pages if "2039" in text or "2000" in text]
    assert len(with_rows) == 2 and all("Jaar" in text and "Leden" in text for text in with_rows)
