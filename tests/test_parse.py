"""The parser on real snippets: what lands where in the content model, with which lines."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tweeluik.model import (
    Emph,
    Image,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Strong,
    Subheading,
    Text,
    plain_text,
)
from tweeluik.parse import parse_publication

from .conftest import LESSONS_BODY, SAMPLE, write_source


def test_sections_salutation_lessons_and_closing(source_dir):
    pub = parse_publication(write_source(source_dir, LESSONS_BODY))
    assert plain_text(pub.introduction.salutation) == "Beste leden,"
    assert [plain_text(b.inlines) for b in pub.introduction.blocks] == ["Een inleiding met nadruk."]
    assert [lesson.number for lesson in pub.lessons] == [1, 2]
    assert [lesson.title_text for lesson in pub.lessons] == ["Eerste les", "Tweede les"]
    assert plain_text(pub.lessons[0].key_message) == "De kern van de eerste les."
    assert pub.lessons[1].key_message is None
    assert [plain_text(b.inlines) for b in pub.closing.blocks] == ["Tot ziens."]


def test_line_numbers_are_lines_in_the_file(source_dir):
    path = write_source(source_dir, LESSONS_BODY)
    lines = path.read_text().split("\n")
    pub = parse_publication(path)
    first, second = pub.lessons
    assert lines[first.line - 1] == "## 1. Eerste les"
    assert lines[second.line - 1] == "## Tweede les"
    assert lines[first.blocks[0].line - 1] == "Tekst van de eerste les."
    assert lines[pub.closing.line - 1] == "---"


def test_inline_markup_becomes_model_nodes(source_dir):
    body = """
    ## Les

    Een *schuine* en **vette** tekst met een [link](https://example.nl) en `code`.
    """
    pub = parse_publication(write_source(source_dir, body))
    inlines = pub.lessons[0].blocks[0].inlines
    assert Emph((Text("schuine"),)) in inlines
    assert Strong((Text("vette"),)) in inlines
    assert Link("https://example.nl", (Text("link"),)) in inlines
    assert plain_text(inlines) == "Een schuine en vette tekst met een link en code."


def test_dutch_typography_quotes_dashes_and_elisions(source_dir):
    body = """
    ## Les

    Hij zei "kom" en 'ga' -- 's avonds op 't plein, met auto's... In '96 al.
    """
    pub = parse_publication(write_source(source_dir, body))
    text = plain_text(pub.lessons[0].blocks[0].inlines)
    assert text == "Hij zei “kom” en ‘ga’ – ’s avonds op ’t plein, met auto’s… In ’96 al."


def test_typography_changes_no_letters_only_dashes_and_ellipses(source_dir):
    """The typographer's dashes and ellipses, and nothing that changes what the author
    wrote: a list's '(c)' stays (it became '©'), and so do '?????', '+-' and ',,'."""
    body = """
    ## Les

    Kies (a) koffie, (b) thee of (c) water --- of niets... Wie????? Nee!!!!! 2009--2010, +- 5.
    Naam: ..............
    """
    pub = parse_publication(write_source(source_dir, body))
    text = plain_text(pub.lessons[0].blocks[0].inlines)
    # (a real form's dots to write on stayed one '…': more than three periods stay)
    assert text == "Kies (a) koffie, (b) thee of (c) water — of niets… Wie????? Nee!!!!! " \
        "2009–2010, +- 5. Naam: .............."


def test_title_in_italics_and_typed_number(source_dir):
    body = """
    ## 1. *Niet alles hoeft tegelijk*

    Tekst.

    ## Les 2: Tweede

    Tekst.
    """
    pub = parse_publication(write_source(source_dir, body))
    assert pub.lessons[0].title == (Emph((Text("Niet alles hoeft tegelijk"),)),)
    assert pub.lessons[1].title_text == "Tweede"


def test_lists_quotes_subheadings_and_notes(source_dir):
    body = """
    ## Les

    > Kern.

    ### Een tussenkop

    - een
    - twee

    3. drie
    4. vier

    > Een citaat in de tekst.

    ::: notes
    Vertel dit verhaal.

    En dit.
    :::
    """
    lesson = parse_publication(write_source(source_dir, body)).lessons[0]
    kinds = [type(block) for block in lesson.blocks]
    assert kinds == [Subheading, ListBlock, ListBlock, Quote]
    bullets, numbered = lesson.blocks[1], lesson.blocks[2]
    assert not bullets.ordered and len(bullets.items) == 2
    assert numbered.ordered and numbered.start == 3
    assert [plain_text(p.inlines) for p in lesson.notes] == ["Vertel dit verhaal.", "En dit."]


def test_image_is_resolved_and_measured(source_dir):
    (source_dir / "images").mkdir()
    from PIL import Image as PILImage
    PILImage.new("RGB", (300, 200), "white").save(source_dir / "images" / "foto.png")
    body = """
    ## Les

    ![Een foto van de buurt](images/foto.png)
    """
    block = parse_publication(write_source(source_dir, body)).lessons[0].blocks[0]
    assert isinstance(block, Image)
    assert block.path == (source_dir / "images" / "foto.png").resolve()
    assert (block.alt, block.width_px, block.height_px) == ("Een foto van de buurt", 300, 200)


def test_front_matter_fields(source_dir):
    front = """
    title: "De \\"beste\\" titel"
    subtitle: Ondertitel -- met streep
    organization: Wijkteam
    date: 2026-12-12
    language: en
    signatories: Anna, Bram; Carla
    keywords: [a, b]
    deck:
      agenda: true
      layouts:
        lesson: Sectiekop
    """
    meta = parse_publication(write_source(source_dir, "## Les\n\nTekst.\n", front)).meta
    assert meta.title == "De “beste” titel"
    assert meta.subtitle == "Ondertitel – met streep"
    assert meta.organisation == "Wijkteam"
    assert meta.date == dt.date(2026, 12, 12)
    assert meta.language == "en"
    assert meta.signatories == ("Anna", "Bram", "Carla")
    assert meta.keywords == ("a", "b")
    assert meta.deck.agenda is True
    assert dict(meta.deck.layouts) == {"lesson": "Sectiekop"}


def test_yaml_no_and_yes_stay_text(source_dir):
    front = "title: Ja\nsubtitle: no\n"
    meta = parse_publication(write_source(source_dir, "## Les\n\nTekst.\n", front)).meta
    assert (meta.title, meta.subtitle) == ("Ja", "no")


def test_model_is_immutable(source_dir):
    pub = parse_publication(write_source(source_dir, LESSONS_BODY))
    with pytest.raises(dataclasses.FrozenInstanceError):
        pub.lessons[0].number = 5
    assert isinstance(pub.lessons, tuple)


def test_sample_publication():
    pub = parse_publication(SAMPLE)
    assert len(pub.lessons) >= 5
    assert pub.introduction.salutation is not None
    assert len(pub.introduction.blocks) >= 3
    assert any(isinstance(block, Image) for lesson in pub.lessons for block in lesson.blocks)
    assert any(isinstance(block, ListBlock) for lesson in pub.lessons for block in lesson.blocks)
    assert pub.closing.blocks and pub.meta.signatories
    assert all(isinstance(block, Paragraph | ListBlock | Image | Quote | Subheading)
               for lesson in pub.lessons for block in lesson.blocks)


def test_script_links_stay_plain_text(source_dir):
    body = """
    ## Les

    Een [link](javascript:alert(1)) blijft tekst.
    """
    inlines = parse_publication(write_source(source_dir, body)).lessons[0].blocks[0].inlines
    assert not any(isinstance(node, Link) for node in inlines)
    assert plain_text(inlines) == "Een [link](javascript:alert(1)) blijft tekst."


def test_a_heading_under_a_parts_heading_stays_in_its_part(source_dir):
    """In a letter without lessons each '###' heads a part (a slide of its own); a
    '####' under one is a heading inside that part, at level 4."""
    path = write_source(source_dir, "Beste buren,\n\n### Mails\n\nDrie mails.\n\n"
                        "#### Sintfeest\n\nIn november.\n\n### Inkopen\n\nOp de markt.\n")
    pub = parse_publication(path)
    titles = [plain_text(section.title) for section in pub.introduction.sections
              if section.title is not None]
    assert titles == ["Mails", "Inkopen"]
    inner = [block for block in pub.introduction.sections[-2].blocks
             if isinstance(block, Subheading)]
    assert [(plain_text(block.inlines), block.level) for block in inner] == [("Sintfeest", 4)]


def test_a_points_notes_stand_in_for_its_key_message_before_a_label(source_dir):
    """A real meeting's action points, each a lesson of notes in a list, grouped under
    headings the import left as lines of text at the end of the point above: lesson 2's
    slide showed the next group's heading ('Bestuur & Organisatie'). Without a sentence
    of its own, a lesson's first note stands in, not a label."""
    path = write_source(source_dir, "## 1. Leden werven\n\n- Een folder voor de buurt\n\n"
                        "Bestuur & Organisatie\n\n## 2. Kas controleren\n\n"
                        "Twee leden kijken de boeken na.\n\n- Voor de vergadering\n")
    first, second = parse_publication(path).lessons
    assert first.stand_in is not None and first.stand_in[0] == "Een folder voor de buurt"
    assert second.stand_in is not None and second.stand_in[0] == \
        "Twee leden kijken de boeken na."


def test_a_heading_under_a_heading_starts_again_in_the_closing(source_dir):
    """A '####' in the closing after a '###' in the last lesson is level 3: the closing
    is a part of its own, under its own title, and no level is skipped."""
    path = write_source(source_dir, "## Les\n\n### Deel\n\nTekst.\n\n---\n\n"
                        "#### Dank\n\nAan iedereen.\n")
    pub = parse_publication(path)
    (heading,) = [block for block in pub.closing.blocks if isinstance(block, Subheading)]
    assert heading.level == 3


@pytest.mark.parametrize(("language", "expected"), [
    ("nl", "Ze zei “welkom” en ‘tot ziens’."),
    ("de", "Ze zei „welkom“ en ‚tot ziens‘."),
])
def test_quotation_marks_are_those_of_the_publications_language(source_dir, language,
                                                                 expected):
    """A German letter's quotes opened high, as Dutch ones do: „so“ is German."""
    body = "## Een les\n\nZe zei \"welkom\" en 'tot ziens'.\n"
    pub = parse_publication(write_source(source_dir, body,
                                         f"title: \"Een \\\"proef\\\"\"\nlanguage: {language}\n"))
    assert plain_text(pub.lessons[0].blocks[0].inlines) == expected
    assert pub.meta.title == ("Een „proef“" if language == "de" else "Een “proef”")
