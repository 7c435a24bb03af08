"""Bringing in a web page saved as HTML: a site's page, a mailing, a hostile page.

Real pages (a volunteer foundation's board note and Christmas mailing, a Swiss
association's invitation sent as HTML) could not be brought in at all: '.html' was not
a format the import took. These pages are my own, built to hold what those did.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tweeluik.model import Image as ImageBlock
from tweeluik.model import ListBlock, Paragraph, Quote, Subheading, Table, plain_text

from .conftest import bring_in, run_project

pytestmark = pytest.mark.slow


SITE_PAGE = """\
<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>Buurtvereniging Lindelaan</title>
<style>p { color: red }</style><script>document.write("niet lezen")</script></head>
<body>
<h1><a href="https://lindelaan.example/">Lindelaan.example</a></h1>
<nav><a href="/">Home</a> <a href="/agenda">Agenda</a></nav>
<div class="menu"><a href="/leden">Leden</a><a href="/bestuur">Bestuur</a></div>
<span style="display:none">Lees deze brief in je browser</span>
<form><label>Zoeken</label><input name="q"><button>Zoek</button></form>
<div class="container">
  <h3>12 december 2026</h3>
  <h1>Terugblik op het buurtjaar</h1>
  <h5>Anna de Wit</h5>
  <p>Beste buren,</p>
  <p>Dit jaar deden we <strong>meer dan ooit</strong> samen. Lees het
     <a href="https://lindelaan.example/verslag">hele verslag</a> op de site, of
     <a href="#onder">onderaan</a> deze brief.</p>
  <img src="https://cdn.example/kop.jpg" alt="De straat in de zomer">
  <img src="https://mail.example/open.gif?id=8f2" width="1" height="1" alt="">
  <img src="plein%20foto.png" alt="Het plein met de nieuwe bankjes">
  <h4>Wat we deden</h4>
  <ul>
    <li>Het speelveld kreeg nieuw gras
      <ol><li>in april gezaaid<br>(met hulp van de school)</li><li>in juni open</li></ol>
    </li>
    <li><p>Drie buurtetentjes</p><p>Het laatste in de regen, onder de luifel.</p></li>
  </ul>
  <blockquote><p>Samen zorgen is samen leren.</p></blockquote>
  <iframe src="https://video.example/embed/buurtfeest" title="Het buurtfeest"></iframe>
  <table>
    <tr><th>Wat</th><th>Aantal</th></tr>
    <tr><td>Etentjes</td><td>3</td></tr>
    <tr><td>Klusdagen <em>buiten</em></td><td>5</td></tr>
  </table>
  <table role="presentation"><tr><td>Buurthuis De Linde</td><td>Lindelaan 12</td></tr></table>
  <table><tr><td>Naam</td><td>: Buurtvereniging Lindelaan</td></tr>
    <tr><td>Opgericht</td><td>: 1998</td></tr></table>
  <p>Wie wil helpen, meldt zich bij het bestuur.<br><br>Tot in het nieuwe jaar!</p>
  <p>Anna de Wit<br>voorzitter<br>Telefoon: 06-12345678</p>
</div>
</body></html>
"""


def bring_in_page(project: Path, html: str | bytes, name: str = "brief.html"):
    """Import a saved page (see ``conftest.bring_in``)."""
    return bring_in(project, html, name)


def test_a_saved_web_page_comes_in_with_its_structure(project):
    Image.new("RGB", (120, 80), "seagreen").save(project / "plein foto.png")
    pub, report, source = bring_in_page(project, SITE_PAGE)
    meta = pub.meta
    assert meta.title == "Terugblik op het buurtjaar" and str(meta.date) == "2026-12-12"
    assert meta.signatories == ("Anna de Wit (voorzitter)",)
    assert plain_text(pub.introduction.salutation) == "Beste buren,"
    # what only a screen shows is not the letter's
    for screen_only in ("niet lezen", "color: red", "Home", "Agenda", "Leden", "Zoeken",
                        "Lees deze brief", "Lindelaan.example"):
        assert screen_only not in source, screen_only
    assert "left out 2 lines of the page's menus and buttons above its title" in report
    # emphasis and a link to the web are kept; a link to a place in the page keeps its words
    assert "**meer dan ooit**" in source
    assert "[hele verslag](https://lindelaan.example/verslag)" in source
    assert "of onderaan deze brief" in source
    # the picture beside the page comes in, the one on the web is said
    blocks = pub.introduction.blocks
    pictures = [block for block in blocks if isinstance(block, ImageBlock)]
    assert [picture.alt for picture in pictures] == ["Het plein met de nieuwe bankjes"]
    assert "left out 1 picture kept on the web (“De straat in de zomer”)" in report
    # a video in a frame is said, with its address, never left out without a word
    assert "left out 1 video or page the page showed in a frame " \
           "(https://video.example/embed/buurtfeest)" in report
    assert any(isinstance(block, Subheading) and plain_text(block.inlines) == "Wat we deden"
               for block in blocks)
    lists = [block for block in blocks if isinstance(block, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 2
    inner = [block for block in lists[0].items[0].blocks if isinstance(block, ListBlock)]
    assert inner and inner[0].ordered and len(inner[0].items) == 2  # a list in an item
    # an item's line break is kept, its second line under its first
    assert "  1. in april gezaaid\\\n     (met hulp van de school)\n" in source
    assert "Het laatste in de regen" in " ".join(
        plain_text(block.inlines) for block in lists[0].items[1].blocks
        if isinstance(block, Paragraph))  # an item's second paragraph stays with it
    assert any(isinstance(block, Quote) for block in blocks)
    tables = [block for block in blocks if isinstance(block, Table)]
    assert len(tables) == 1 and [plain_text(cell.inlines) for cell in tables[0].header] == \
        ["Wat", "Aantal"]
    assert "| Klusdagen *buiten* | 5 |" in source  # a cell's words keep their spaces
    assert "Buurthuis De Linde · Lindelaan 12" in source  # a layout table's row: a line
    # a table of labels and values, without a header row: a line each, as it reads
    assert "\nNaam: Buurtvereniging Lindelaan\n" in source and "\nOpgericht: 1998\n" in source
    # two line breaks end a paragraph; the signer's telephone stays under the names
    assert "Wie wil helpen, meldt zich bij het bestuur.\n\nTot in het nieuwe jaar!" in source
    assert "Telefoon" not in source and "left out “Telefoon: 06-12345678” under the names" \
        in report
    assert "could head a lesson" not in report  # (nor a layout table's row)


MAILING = """\
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
</head><body><table><tr><td>
<table><tr><td><a href="https://mail.example/archief">Eerdere nieuwsbrieven</a></td></tr></table>
<h1>Nieuwsbrief van de Lindelaan</h1>
<p>Beste buren,<br><br>Het jaar zit erop. Dank aan iedereen die hielp.</p>
<p><strong>Het speelveld</strong><br>Het gras ligt er, de kinderen spelen er al.<br><br>
<strong>De etentjes</strong><br>Drie keer aten we samen, \xe9\xe9n keer in de regen.</p>
<h3><a href="https://lindelaan.example/flyer.pdf">Bekijk de flyer</a></h3>
<p><strong><a href="https://lindelaan.example/verslag">Lees het hele verslag</a></strong></p>
<p>Volgend jaar weer, met nog meer buren.</p>
<p><span style="font-size:18px">Het nieuwe seizoen</span></p><p>We beginnen in maart.</p>
<p><strong>De buurtprijs</strong><br><span style="font-size:18px">Wie won er dit jaar</span></p>
<p>De jury koos het plein.</p>
<p><a href="https://www.facebook.com/sharer/sharer.php?u=x">Deel deze nieuwsbrief</a></p>
<p>Met vriendelijke groet,<br>Bram Jansen</p>
<p><em>Copyright © 2026 Buurtvereniging Lindelaan, Alle rechten voorbehouden.</em></p>
</td></tr></table></body></html>
"""


def test_a_mailing_saved_as_html_reads_its_parts(project):
    """A mailing lays itself out in tables, parts its text with two line breaks and
    heads a part with a line in bold over a line break (a real foundation's Christmas
    mailing): its parts come in as parts, in the encoding the mailing names."""
    pub, report, source = bring_in_page(project, MAILING.encode("cp1252"))
    assert pub.meta.title == "Nieuwsbrief van de Lindelaan"
    assert plain_text(pub.introduction.salutation) == "Beste buren,"
    headings = [plain_text(section.title) for section in pub.introduction.sections
                if section.title]
    # (a line set large heads a part too; under a bold line, it is that part's subtitle)
    assert headings == ["Het speelveld", "De etentjes", "Het nieuwe seizoen", "De buurtprijs"]
    assert "één keer in de regen" in source
    assert pub.meta.signatories == ("Bram Jansen",)
    assert "Eerdere nieuwsbrieven" not in source
    assert "write '## Deel" not in report and "write '## Bekijk" not in report  # (links)
    assert "Copyright" not in source
    assert "left out the mailing's foot (1 paragraph from “Copyright © 2026" in report
    # a link alone, set large or in bold, is a button: its words stay, heading nothing
    assert "[Bekijk de flyer](https://lindelaan.example/flyer.pdf)" in source
    assert "### [" not in source
    # a button to share the mailing leads nowhere on paper
    assert "Deel deze nieuwsbrief" not in source
    assert "left out 1 button to share or forward the page" in report


@pytest.mark.parametrize(("page", "what"), [
    ("<html><body>" + "<div>" * 1500 + "<p>Diep verstopt, maar gelezen.</p>"
     + "</div>" * 1500 + "</body></html>", "Diep verstopt, maar gelezen."),
    ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
     "<body><h1>Een oude pagina</h1><p>Beste buren,</p><p>Nog steeds leesbaar.</p>"
     "</body></html>", "Nog steeds leesbaar."),
    ("<html><body><h1>Brief</h1><p>Beste buren,</p><p>Een plaatje <img src='../../../etc/"
     "passwd'> en <img src='file:///etc/shadow'> blijven buiten.</p></body></html>",
     "blijven buiten."),
])
def test_a_hostile_or_odd_page_comes_in_without_harm(project, page, what):
    """A page nested thousands deep, an XHTML page with its XML declaration, pictures
    that point outside the page's folder: the words come in, nothing else is read."""
    pub, report, source = bring_in_page(project, page)
    assert what in source
    assert "root:" not in source


@pytest.mark.parametrize(("data", "said"), [
    (b"\x00\x01\x02" * 10, "paste it into a .txt file"),
    # deeper than the HTML parser goes (2,048): nothing it read holds words
    (b"<html><body>" + b"<div>" * 5000 + b"<p>Te diep.</p>" + b"</div>" * 5000
     + b"</body></html>", "holds no text to import"),
])
def test_a_page_that_is_not_html_says_what_to_do(project, data, said):
    page = project / "brief.html"
    page.write_bytes(data)
    result = run_project(project, "import", str(page))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.startswith("brief.html: ") and said in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (project / "content" / "brief.md").exists()


def test_a_heading_left_out_above_the_salutation_is_said_to_be_a_heading(project):
    """A real mailing's second heading stood above its salutation and was left out, 'an
    address or a letterhead', the report said: it was neither."""
    _, report, _ = bring_in_page(project, (
        "<html><body><p>Nieuwsbrief van de Lindelaan</p><h1>Samen sterk</h1>"
        "<h1>Terugblik op het jaar</h1><p>Beste buren,</p><p>Het jaar zit erop. Dank aan "
        "iedereen die hielp.</p><p>Met vriendelijke groet,<br>Bram Jansen</p></body></html>"))
    assert "above the salutation (“Terugblik op het jaar”): a heading;" in report
    assert "an address or a letterhead" not in report


def test_a_pages_main_part_its_byline_and_a_table_headed_in_bold(project):
    """A real board note put its writer's name in a heading under the title (its byline)
    and no signature below; pages keep the letter in their 'main' beside a column of
    other news; a mailing heads its tables in bold rather than with header cells."""
    pub, _, source = bring_in_page(project, (
        "<html><body><header><p>Welkom op de site van de buurt</p></header>"
        "<main><h1>Notitie van het bestuur</h1><h5>Karin Geertsma</h5>"
        "<p>Het bestuur heeft besloten de contributie gelijk te houden.</p>"
        "<table><tr><td><b>Post</b></td><td><b>Bedrag</b></td></tr>"
        "<tr><td>Koffie</td><td>120</td></tr><tr><td>Zaalhuur</td><td>300</td></tr></table>"
        "<p>Vragen kunnen altijd bij het bestuur.</p></main>"
        "<aside><p>Lees ook: de nieuwe speeltuin is open.</p></aside></body></html>"))
    assert pub.meta.title == "Notitie van het bestuur"
    assert pub.meta.signatories == ("Karin Geertsma",)  # the byline signs, once
    assert "### Karin Geertsma" not in source and source.count("Karin Geertsma") == 1
    assert "speeltuin" not in source and "Welkom op de site" not in source  # outside main
    assert "| Post | Bedrag |" in source and "| Koffie | 120 |" in source
