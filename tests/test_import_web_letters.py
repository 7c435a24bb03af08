"""Letters as association websites leave them, brought in: a blog post's Markdown with
its own headings, a page copied without its empty lines or without a title, and the
comment forms, counters and photo names around a letter. Each case is one that real
letters from association websites showed (in words of our own)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from docx import Document
from PIL import Image

from tweeluik.model import Image as ImageBlock
from tweeluik.model import Subheading, plain_text
from tweeluik.parse import parse_publication

from .conftest import LAYOUTS, run_project

pytestmark = pytest.mark.slow


def bring_in(project: Path, name: str, text: str):
    """Import a letter file, check the new source (it must build), and return its
    publication, the report and the source's text."""
    letter = project / name
    letter.write_text(textwrap.dedent(text), encoding="utf-8")
    result = run_project(project, "import", str(letter))
    assert result.returncode == 0, result.stderr
    target = next((project / "content").glob("*.md"))
    check = run_project(project, "--check", str(target))
    assert check.returncode == 0, check.stderr
    return parse_publication(target), result.stdout, target.read_text(encoding="utf-8")


BLOG_POST = """\
    ---
    title: 'Nieuws uit het bestuur, november'
    date: 2026-11-28
    author: Anna de Wit
    ---

    Een korte terugblik op de maand en wat er komt.

    ## Wat we deden

    We spraken met de gemeente over de speelplek aan de Lindelaan.

    ## Wat er komt

    In januari zoeken we twee mensen voor de kascommissie.

    ### Hoe u zich aanmeldt

    Een mail aan het secretariaat is genoeg.
    """


def test_a_blog_posts_headings_head_the_parts_of_the_letter(project):
    # A website's Markdown post with '## ' headings: before, the report said the letter
    # had no lessons and told the author to write '## ## Wat we deden'.
    pub, report, source = bring_in(project, "november.md", BLOG_POST)
    assert "## ##" not in report
    assert "took the 3 Markdown headings as the headings of the letter's parts" in report
    assert [line for line in source.splitlines() if line.startswith("#")] == [
        "### Wat we deden", "### Wat er komt", "### Hoe u zich aanmeldt"]
    assert pub.lessons == ()
    assert list(pub.meta.signatories) == ["Anna de Wit"]  # the post's author signs it
    assert "its title, date and author are used" in report
    headings = [plain_text(block.inlines) for block in pub.introduction.blocks
                if isinstance(block, Subheading)]
    assert headings == ["Wat we deden", "Wat er komt", "Hoe u zich aanmeldt"]


def test_numbered_markdown_headings_are_lessons_and_the_others_head_their_parts(project):
    post = BLOG_POST.replace("## Wat we deden", "## 1. Wat we deden").replace(
        "## Wat er komt", "## 2. Wat er komt")
    pub, report, source = bring_in(project, "november.md", post)
    assert [lesson.title_text for lesson in pub.lessons] == ["Wat we deden", "Wat er komt"]
    assert "### Hoe u zich aanmeldt" in source
    assert any(isinstance(block, Subheading) for block in pub.lessons[1].blocks)


def test_a_letter_without_a_title_takes_its_files_name_and_builds(project):
    # Eight of twenty real letters had no title line; before, the import wrote a TODO
    # the build refused. Now the file's name stands in, as in Pandoc, and the report
    # says so.
    pub, report, _ = bring_in(project, "03_kerstbrief-2026.txt", """\
        Beste leden,

        Het jaar zit er bijna op. We danken iedereen die meehielp.

        Met vriendelijke groet,

        Anna de Wit
        """)
    assert pub.meta.title == "Kerstbrief 2026"
    assert "title         Kerstbrief 2026, from the file's name" in report
    assert "took the file's name “Kerstbrief 2026” as the title" in report
    built = run_project(project, str(project / "content" / "03_kerstbrief-2026.md"),
                        "--only", "booklet")
    assert built.returncode == 0, built.stderr


def test_what_a_blog_leaves_around_a_letter_is_left_out_and_the_name_is_found(project):
    pub, report, source = bring_in(project, "brief.txt", """\
        top of page

        Nieuws van de voorzitter

        DSC_0412

        Updated: Jun 23, 2026

        Beste buren,

        De bankjes op het plein zijn er eindelijk. Dank aan iedereen die meedacht.

        Anna de Wit

        Board President

        12 views0 comments

        Recent Posts

        See All

        Geen opmerkingen:

        Een reactie posten

        bottom of page
        """)
    assert pub.meta.title == "Nieuws van de voorzitter"
    assert list(pub.meta.signatories) == ["Anna de Wit (Board President)"]
    for leftover in ("top of page", "DSC_0412", "Updated: Jun 23, 2026", "12 views0 comments",
                     "Recent Posts", "See All",
                     "Geen opmerkingen", "Een reactie posten", "bottom of page"):
        assert leftover not in source
        assert f"left out “{leftover}" in report


def test_a_comment_forms_label_is_not_a_signatory(project):
    pub, _, source = bring_in(project, "brief.txt", """\
        Alle vrijwilligers bedankt!

        Beste vrijwilligers,

        Zonder jullie was er geen buurtfeest geweest. Heel hartelijk dank.

        Nog geen reacties.

        Geef een reactie

        Bericht
        """)
    assert pub.meta.signatories == ()
    assert "Bericht" not in source


def test_a_page_copied_without_its_empty_lines_keeps_its_paragraphs(project):
    pub, report, _ = bring_in(project, "brief.txt", """\
        Nieuwe voorzitter

        Beste mensen
        Tijdens de vrijwilligersmiddag nam onze voorzitter afscheid na vele jaren.
        Het was al langer bekend dat hij wilde stoppen, maar een opvolger vinden was lastig.
        Daarom heb ik besloten het voorzitterschap op mij te nemen, en ik heb er zin in!
        Frans de Vries
        """)
    assert plain_text(pub.introduction.salutation) == "Beste mensen,"
    assert "added the comma after the salutation" in report
    assert len(pub.introduction.blocks) == 3
    assert list(pub.meta.signatories) == ["Frans de Vries"]


def test_a_hard_wrapped_email_is_not_cut_into_lines(project):
    pub, _, _ = bring_in(project, "brief.txt", """\
        Nieuws

        Beste leden,

        De vergadering van maandag gaat niet door omdat de zaal
        onverwacht bezet is door een andere vereniging, die een
        feest geeft. We zoeken een nieuwe datum.

        Groet,

        Anna de Wit
        """)
    assert len(pub.introduction.blocks) == 1


@pytest.mark.parametrize(("ending", "names", "organisation"), [
    ("Met vriendelijke groet namens het bestuur, Anna de Wit", ["Anna de Wit"], None),
    ("Sincerely,\n\nAnna de Wit\nPresident, Lindelaan Tennis Club", ["Anna de Wit (President)"],
     "Lindelaan Tennis Club"),
])
def test_signatures_as_websites_print_them(project, ending, names, organisation):
    text = ("Nieuws\n\nBeste leden,\n\nDe bankjes op het plein zijn er eindelijk. Dank aan "
            f"iedereen die meedacht.\n\n{ending}\n")
    pub, _, _ = bring_in(project, "brief.txt", text)
    assert list(pub.meta.signatories) == names
    if organisation:
        assert pub.meta.organisation == organisation


def test_a_masthead_picture_above_the_title_keeps_the_title(project, tmp_path):
    # A Word newsletter opens with its masthead picture, then its name and issue in bold;
    # before, the title was not found, the picture was lost and the issue line was
    # taken for a lesson title set in bold.
    picture = tmp_path / "kop.png"
    Image.new("RGB", (200, 60), "navy").save(picture)
    document = Document()
    document.add_picture(str(picture))
    document.paragraphs[-1]._p.find(".//{*}docPr").set("descr", "De kop van de nieuwsbrief")
    document.add_paragraph().add_run("Nieuwsbrief van de Lindelaan").bold = True
    document.add_paragraph().add_run("Najaar 2026").bold = True
    document.add_paragraph("Beste buren,")
    document.add_paragraph("De bankjes op het plein zijn er eindelijk. Dank aan iedereen.")
    document.add_paragraph("Met vriendelijke groet,")
    document.add_paragraph("Anna de Wit")
    document.save(project / "nieuwsbrief.docx")
    result = run_project(project, "import", str(project / "nieuwsbrief.docx"))
    assert result.returncode == 0, result.stderr
    pub = parse_publication(project / "content" / "nieuwsbrief.md")
    assert pub.meta.title == "Nieuwsbrief van de Lindelaan"
    assert pub.meta.subtitle == "Najaar 2026"  # its issue line, not a lesson title in bold
    assert isinstance(pub.introduction.blocks[0], ImageBlock)
    assert pub.introduction.blocks[0].alt == "De kop van de nieuwsbrief"


def test_paragraphs_typed_as_a_numbered_list_stay_a_numbered_list(project):
    # A club letter listing its committees as '1. …' paragraphs: before, they were
    # escaped into paragraphs that began with a typed '1.', and no list.
    from tweeluik.model import ListBlock
    pub, _, source = bring_in(project, "brief.txt", """\
        Vrijwilligers gezocht

        Beste leden,

        Het seizoen begint bijna. Drie commissies zoeken nog mensen:

        1. De baancommissie houdt de banen en het clubhuis in orde, het hele jaar door.

        2. De jeugdcommissie maakt het programma voor de jongste leden en hun ouders.

        3. De feestcommissie organiseert het zomerfeest en de nieuwjaarsborrel.

        Meld u aan bij het secretariaat.

        Met vriendelijke groet,

        Anna de Wit
        """)
    lists = [block for block in pub.introduction.blocks if isinstance(block, ListBlock)]
    assert len(lists) == 1 and lists[0].ordered and len(lists[0].items) == 3
    assert "1\\." not in source
    first = lists[0].items[0].blocks[0]
    assert plain_text(first.inlines).startswith("De baancommissie houdt")


AGENDA_POST = """\
    ---
    title: 'Kom naar de ledenvergadering'
    date: 2026-11-20
    author: Bestuur
    ---

    Op dinsdag 8 december houden we de jaarlijkse ledenvergadering in het buurthuis.

    De agenda:

    1. Opening en mededelingen
    2. Verslag van de vorige vergadering
    3. Jaarverslag en kascommissie
    4. Begroting voor het nieuwe jaar
    5. Rondvraag
    6. Sluiting

    Wie komt, laat het ons even weten via het formulier hieronder.

    ## Wie er komen

    1. Eva Kok (fiets)
    2. Fenna Bos (bus)
    3. Gert Jan (lopend)
    4. Hanna Mol (fiets)
    5. Ilse Kuip (auto)
    6. Jan Berg (bus)
    7. Karel Wit (fiets)
    8. Lies Vaart (fiets)

    Ook komen, maar nog zonder opgave:

    -   Anna de Wit
    -   Bram Smit
    -   Carla Post
    -   Daan Vos
    """


def test_a_markdown_agenda_stays_a_numbered_list_and_a_list_of_names_is_no_signature(
        project):
    """Two real invitations to an association's general meeting, blog posts in Markdown:
    their agendas ('1. …' lines one under the other) were joined into one paragraph
    '1. Opening 2. Verslag …'; once they were not, an agenda of ten items over a list
    of who comes numbered on from 11 made lessons of them all; and the list of who
    comes, under its heading, was taken for the names that sign the letter, the
    heading's word among them."""
    from tweeluik.model import ListBlock
    pub, _, source = bring_in(project, "alv.md", AGENDA_POST)
    lists = [block for block in pub.introduction.blocks if isinstance(block, ListBlock)]
    assert [(found.ordered, len(found.items)) for found in lists][0] == (True, 6)
    assert (False, 4) in [(found.ordered, len(found.items)) for found in lists]
    assert [plain_text(item.blocks[0].inlines) for item in lists[0].items][:2] == \
        ["Opening en mededelingen", "Verslag van de vorige vergadering"]
    assert pub.meta.signatories == ()
    assert "- Anna de Wit" in source and "Wie er komen" in source
    assert not pub.lessons  # the agenda's 1 to 6 go on with 7 and 8 of who comes: no lessons


def test_a_markdown_list_inside_a_numbered_step_stays_inside_it(project):
    """A real club's procedure page: numbered steps with bullets indented under them.
    The steps were joined into the bullets before them ('… de zaal. 2. Stuur …'), and
    once apart, the bullets stood between lists of one step each."""
    from tweeluik.model import ListBlock
    pub, _, source = bring_in(project, "draaiboek.md", """\
        # Het zomerfeest

        1. Kies een datum met het bestuur.
           - Vraag of de zaal vrij is.
        2. Nodig de vrijwilligers uit:
           - de barploeg
           - de keuken
        3. Stuur een week vooraf een herinnering.

        Met vriendelijke groet,

        Anna de Wit
        """)
    steps = pub.introduction.blocks[0]
    assert isinstance(steps, ListBlock) and steps.ordered and len(steps.items) == 3
    inner = [block for item in steps.items for block in item.blocks
             if isinstance(block, ListBlock)]
    assert [len(found.items) for found in inner] == [1, 2]
    assert plain_text(steps.items[2].blocks[0].inlines) == "Stuur een week vooraf een herinnering."


SITE_POST = """\
    ---
    layout: post
    title: "Plannen voor het nieuwe jaar"
    date: 2026-12-28
    categories: [nieuws]
    ---

    Wij wensen u een goed en gezond nieuw jaar.
    {: .lead }

    ### Wat blijft
    Het buurtcafé blijft elke vrijdag open, met [de vaste kok](/over-ons/kok.html "Wie kookt").
    ![De kok aan het werk]({{ site.baseurl }}/img/kok.jpg)

    ### Wat verandert
    De contributie gaat met een euro omhoog. Lees meer in [het verslag](/docs/verslag.pdf ':ignore').
    Zie ook [de statuten]({{< relref "statuten.md" >}}).

    | Lid      | Nu   | Straks |
    | -------- | ---: | -----: |
    | Gezin    | € 20 | € 21   |
    | Alleen   | € 10 | € 11   |

    ## Ander nieuws
    {% include berichten.html tag='nieuws' %}
    """


def test_what_a_site_generator_leaves_in_a_post_is_left_out_and_it_builds(project):
    """A real association's Jekyll post: a heading with its paragraph right under it (no
    empty line) became one heading of 363 characters, the site's codes ('{: .t60 }',
    '{% include … %}') were printed, a picture on the site and a link with a title
    left a source that did not build, a heading over the site's list of posts stood
    alone at the end, and a table's lines were joined into one paragraph of pipes."""
    pub, report, source = bring_in(project, "post.md", SITE_POST)
    titles = [plain_text(section.title) for section in pub.introduction.sections
              if section.title is not None]
    assert titles == ["Wat blijft", "Wat verandert"]
    text = " ".join(line for line in source.split("\n") if not line.startswith("#"))
    for code in ("{:", "{%", "{{", "site.baseurl", "/img/", ":ignore", "/docs/", "/over-ons/"):
        assert code not in source, code
    assert "met de vaste kok." in text and "Lees meer in het verslag." in text
    assert "Zie ook de statuten." in text  # a Hugo link within the site: its words
    assert "| Gezin    | € 20 | € 21   |" in source.split("\n")  # a table, as it was
    from tweeluik.model import Table
    tables = [block for section in pub.introduction.sections for block in section.blocks
              if isinstance(block, Table)]
    assert [len(table.rows) for table in tables] == [2]
    assert "left out the website's template codes ({% … %}, {{ … }}, {: … })" in report
    assert "left out a picture the web page showed (“De kok aan het werk”)" in report
    assert "the heading “Ander nieuws” stands at the end of the letter and heads no text" \
        in report


def test_html_in_a_websites_markdown_is_left_out_with_what_to_do(project):
    # A blog post with a portrait as <img> and a <span>: before, the new source held the
    # HTML and the check refused it ("raw HTML is not allowed").
    pub, report, source = bring_in(project, "bio.md", """\
        ---
        categories: [nieuws]
        title: Een nieuw jaar
        ---

        Beste leden, we kijken terug op een mooi jaar met <span class="nadruk">veel</span>
        nieuwe gezichten.

        <img src="/_img/portret.png" alt="Portret van Anna"> Anna de Wit is voorzitter
        sinds het voorjaar.
        """)
    assert "<" not in source.split("---", 2)[2]
    assert "veel nieuwe gezichten" in source
    assert "left out a picture the web page showed (“Portret van Anna”)" in report
    assert "left out the web page's HTML (<span>); the words inside are kept" in report


def test_one_heading_low_in_a_letter_is_no_lesson_title_written_wrongly(project):
    # A post that ends with a heading about its writer: before, the check called the
    # '###' heading a lesson title written wrongly.
    _, _, source = bring_in(project, "bericht.md", """\
        ---
        categories: [nieuws]
        title: Een nieuw jaar
        ---

        We kijken terug op een mooi jaar met veel nieuwe gezichten in de buurt.

        We kijken ook vooruit: in maart begint de tuin achter het buurthuis.

        ## Over de schrijver

        Anna de Wit is voorzitter sinds het voorjaar.
        """)
    assert "### Over de schrijver" in source
    check = run_project(project, "--check", str(project / "content" / "bericht.md"))
    assert "a lesson starts with '## '" not in check.stderr


@pytest.mark.parametrize(("author", "ending", "names"), [
    ("Bram Smit (penningmeester)", "", ["Bram Smit (penningmeester)"]),
    ("Bram Smit", "\nGroet,\n\nBram Smit", ["Bram Smit"]),  # signed under the text too: once
    ("Bestuur", "", []),  # a group is no person to sign
    # named in the last sentence (a real post welcomed its writer to the board): signs
    ("Bram Smit", "\nWelkom aan de nieuwe penningmeester, Bram Smit, en veel succes.",
     ["Bram Smit"]),
    # a site's id for its author (a real Hugo post's 'michael-boelen') is no name; the
    # post was signed under its text by another board member, who alone signs
    ("bram-smit", "\nnamens het bestuur,  \n\nCarla Post", ["Carla Post"]),
    ("bram-smit", "", []),
    ("Bram Smit", "\nMet vriendelijke groet,\n\nCarla Post", ["Carla Post"]),
])
def test_a_posts_author_signs_it(project, author, ending, names):
    post = BLOG_POST.replace("author: Anna de Wit", f"author: {author}") + \
        textwrap.indent(ending, "    ")
    pub, _, _ = bring_in(project, "november.md", post)
    assert list(pub.meta.signatories) == names


def test_an_organisation_named_as_a_compound_is_found(project):
    pub, report, _ = bring_in(project, "brief.txt", """\
        Afscheid van de voorzitter

        Beste buren,

        Na acht jaar neemt onze voorzitter afscheid van de Wijkbelangenvereniging De
        Hofsteden. We danken hem voor zijn inzet.

        Met vriendelijke groet,

        Anna de Wit
        """)
    assert pub.meta.organisation == "Wijkbelangenvereniging De Hofsteden"


@pytest.mark.parametrize("named", ["header.jpg", "../elders.jpg", "/etc/header.jpg",
                                   "https://example.org/header.jpg", "kapot.jpg"])
def test_a_posts_own_picture_comes_in_from_beside_it_only(project, tmp_path, named):
    """A real Hugo page bundle names its picture in the front matter ('image:
    image.jpeg', beside the post). It comes in at the top of the text, to be described;
    a picture elsewhere (above the post's folder, anywhere on the disk, on the web) is
    never read, and a file that is no picture is left out; each is said in the report."""
    post = tmp_path / "bundle"
    post.mkdir()
    Image.new("RGB", (400, 300), (200, 80, 60)).save(post / "header.jpg")
    Image.new("RGB", (400, 300), (20, 80, 160)).save(tmp_path / "elders.jpg")
    (post / "kapot.jpg").write_text("geen plaatje", encoding="utf-8")
    (post / "index.md").write_text(textwrap.dedent(f"""\
        ---
        title: "De zomer-bbq"
        date: 2026-06-01
        image: {named}
        categories: [activiteiten]
        ---

        Beste buren,

        Op zaterdag 20 juni staat de barbecue weer klaar op het pleintje.
        """), encoding="utf-8")
    result = run_project(project, "import", str(post / "index.md"))
    assert result.returncode == 0, result.stderr
    source = next((project / "content").glob("*.md"))
    assert run_project(project, "--check", str(source)).returncode == 0
    text = source.read_text(encoding="utf-8")
    pictures = sorted((project / "content" / "images").glob("*")) \
        if (project / "content" / "images").exists() else []
    if named == "header.jpg":
        assert len(pictures) == 1
        assert pictures[0].read_bytes() == (post / "header.jpg").read_bytes()
        assert text.index(f"](images/{pictures[0].name})") < text.index("Op zaterdag 20 juni")
        assert "a picture without a description: describe it" in result.stdout
    else:
        assert pictures == [] and "![" not in text
        assert f"left out the post's picture '{named}'" in result.stdout


def test_a_mail_kept_as_a_model_is_no_signature_and_its_fields_are_no_names(project):
    """A real club keeps the mails it sends on its website, for the next volunteer: a
    greeting above the next heading closes one mail, not the page, and its mail-merge
    fields ('{vereniging-naam}') are neither the organisation nor a name; the check
    points at each field."""
    pub, report, source = bring_in(project, "sint.md", """\
        # Sinterklaas

        ## De zakjes

        We maken elk jaar zakjes voor alle zwemmers.

        ## Mails

        ### Uitnodiging

        Dag {lid-voornaam}

        Op woensdag komt de Sint naar het zwembad.

        Sportieve groeten
        {vereniging-naam}

        ### Foto's

        Dag {lid-voornaam}

        De foto's staan op de website.
        """)
    assert pub.meta.signatories == ()
    assert pub.meta.organisation is None
    assert "{vereniging-naam}" in source
    check = run_project(project, "--check", str(next((project / "content").glob("*.md"))))
    assert check.stderr.count("is a mail-merge field") == 3, check.stderr


def test_an_organisation_that_opens_a_sentence_is_found(project):
    """A real neighbourhood association's post: "Buurtvereniging … heeft een nieuwe
    website": its name opens the sentence, with no 'van' or 'namens' before it. A name
    further in a sentence with nothing that says it is the sender is still passed over."""
    pub, report, _ = bring_in(project, "post.md", """\
        ---
        title: "We gaan digitaal"
        date: 2026-05-22
        categories: [nieuws]
        ---

        Beste buren,

        Bewonersvereniging Het Lindeplein heeft een website. Daar staan de activiteiten.

        Wie liever post krijgt, krijgt die ook. Dat regelt de Stichting Buurtpost Zuid.
        """)
    assert pub.meta.organisation == "Bewonersvereniging Het Lindeplein"
    assert "took “Bewonersvereniging Het Lindeplein”, named in the letter" in report



def test_a_title_that_wishes_is_no_salutation_without_its_comma(project):
    # A salutation that lost its comma ('Beste mensen') is still one; a new-year title
    # that starts the same way ('Beste wensen voor 2027') stays the title.
    pub, _, _ = bring_in(project, "brief.txt", """\
        Beste wensen voor 2027

        Beste leden,

        Het jaar zit erop. Dank aan iedereen die meehielp.

        Groet,

        Anna de Wit
        """)
    assert pub.meta.title == "Beste wensen voor 2027"
    assert plain_text(pub.introduction.salutation) == "Beste leden,"


def test_a_blogs_motto_and_side_column_are_the_pages_and_the_post_keeps_its_title(project):
    # A blog prints its motto above every post and its side column's headings after it;
    # the post's own title stood under the motto and the date, and was lost.
    pub, report, source = bring_in(project, "post.txt", """\
        Our Mission: neighbours who know each other look after each other and the street.

        Monday, November 2, 2026

        A year of small wins!

        Dear neighbours,

        The benches on the square are finally there. Thank you to all who helped.

        Anna de Wit

        Our Sponsors
        """)
    assert pub.meta.title == "A year of small wins!"
    assert "Our Mission" not in source and "Our Sponsors" not in source
    assert "left out “Our Mission: neighbours who know each other …”, the web site's motto" \
        in report
    assert "left out “Our Sponsors” at the end" in report
    assert list(pub.meta.signatories) == ["Anna de Wit"]


def test_a_title_that_trails_off_is_still_the_title(project):
    pub, _, source = bring_in(project, "brief.txt", """\
        Een woord van het bestuur….

        Het jaar zit erop. Dank aan iedereen die meehielp met de bankjes.

        Ook volgend jaar rekenen we op u.

        Met vriendelijke groet,

        Anna de Wit
        """)
    assert pub.meta.title == "Een woord van het bestuur…"
    assert "Een woord van het bestuur" not in source.split("---", 2)[2]


def test_the_report_names_only_the_template_codes_a_post_holds(project):
    """The report says which of a site's codes it left out, and no other kind."""
    _, report, source = bring_in(project, "post.md", """\
        ---
        title: "Nieuws"
        categories: [nieuws]
        ---

        Beste buren, het buurtcafé is vrijdag weer open.

        {% include agenda.html %}
        """)
    assert "left out the website's template codes ({% … %}); they" in report
    assert "{%" not in source


def test_a_numbered_point_set_in_bold_is_a_plain_lesson_title(project):
    """A real association's post listed the board's action points as '1. **Title**'
    with notes under each, in groups under headings: the lessons' titles came in as '## 1. **Title**', bold in
    the deck where the template's titles are not, and the report printed the stars. A
    title wholly in bold is a title."""
    pub, report, source = bring_in(project, "alv.md", """\
        ---
        title: Actiepunten van de ledenvergadering
        categories:
          - Vereniging
        ---

        Uit de vergadering kwamen deze punten voor het bestuur:

        ### Leden

        1. **Nieuwe leden werven**
           - Een folder voor de buurt
           - Een stand op de markt

        ### Geld

        2. **De kas laten controleren**
           - Twee leden voor de kascommissie
           - Een verslag in de volgende vergadering

        3. **Een nieuwe website**
           - Met de agenda van de buurt erop
        """)
    assert [lesson.title_text for lesson in pub.lessons] == [
        "Nieuwe leden werven", "De kas laten controleren", "Een nieuwe website"]
    assert "## 1. Nieuwe leden werven" in source and "**" not in source.split("\n## 1.")[1]
    assert "**" not in report


@pytest.mark.parametrize("mark", ["[[toc]]", "[TOC]", "${toc}"])
def test_a_sites_mark_for_its_contents_is_left_out_and_offers_no_lesson(project, mark):
    """A real youth club's how-to page opened with '[[toc]]' (its wiki's table of
    contents): the report offered it as a lesson title ("write '## [[toc]]'")."""
    _, report, source = bring_in(project, "uitleg.md", f"""\
        ---
        title: "Het bos aanvragen"
        categories: [handboek]
        ---

        {mark}

        ### Wanneer

        Vraag het bos drie maanden voor het kamp aan bij de boswachter.

        ### Hoe

        Stuur de boswachter een brief met de data en het aantal leden.
        """)
    assert mark not in source and mark not in report.replace(
        f"left out the website's mark for a table of contents ({mark})", "")
    assert f"left out the website's mark for a table of contents ({mark})" in report


def test_a_sites_boxes_keep_their_text_and_the_letter_builds(project):
    """A real youth club's how-to page put its tips in VuePress boxes ('::: tip' …
    ':::', '::: details Screenshots'): the new source kept the fences, and its check
    failed ('unknown block'). The text stays, a box's title runs in, in bold."""
    _, report, source = bring_in(project, "uitleg.md", """\
        ---
        title: "Het bos aanvragen"
        categories: [handboek]
        ---

        ::: tip
        Vraag het bos drie maanden voor het kamp aan.
        :::

        :::warning Let op
        De boswachter antwoordt alleen op een brief.
        :::

        Wie vroeg begint, kiest zelf het bos.
        """)
    assert "left out the marks of the website's boxes" in report
    assert "::: tip" not in source and ":::warning" not in source
    assert "**Let op:** De boswachter antwoordt alleen op een brief." in source
    assert "Vraag het bos drie maanden voor het kamp aan." in source
    assert ":::" not in source and "Wie vroeg begint" in source


def test_a_table_too_wide_for_the_page_comes_in_as_lines(project):
    """A real camp plan's table had 8 columns: the new source kept it and its check
    failed (at most 6 fit). Each row becomes a line, its cells after their column's
    name; a table that fits stays a table."""
    _, report, source = bring_in(project, "tenten.md", """\
        ---
        title: "Tenten"
        categories: [kamp]
        ---

        Zo verdeelden we de tenten.

        |          | Totaal | Groep | Patrouille | Garage | Shelter | Senior |
        |----------|--------|-------|------------|--------|---------|--------|
        | Sloebers | 3      |       | 2          |        |         | 1      |
        | Keuken   | 2      | 2     |            |        |         |        |

        | Tent  | Aantal |
        | ----- | ------ |
        | Groep | 12     |
        """)
    assert "a table of 7 columns is wider than the booklet's page" in report
    assert "- **Sloebers**: Totaal 3 · Patrouille 2 · Senior 1" in source
    assert "- **Keuken**: Totaal 2 · Groep 2" in source
    assert "| Tent" in source and "| Totaal" not in source


def test_pictures_beside_a_markdown_file_come_in_and_missing_ones_are_said(project):
    """A real how-to page showed screenshots, one picture a line, their files beside
    it: they ran into one paragraph with a title and the check failed; a picture that
    is not there made the check fail too. A picture beside the file comes in as the
    Word file's do; one that is missing is left out, with what to do."""
    from PIL import Image as PILImage
    PILImage.new("RGB", (400, 300), "#3A6EA5").save(project / "kaart.png")
    pub, report, source = bring_in(project, "route.md", """\
        ---
        title: "De route"
        categories: [kamp]
        ---

        Zo vind je het terrein.

        **Kaarten:**
        ![De kaart van het terrein](./kaart.png)
        ![De kaart van het dorp](./dorp.png)

        Tot op kamp.
        """)
    assert "(images/route-1.png)" in source and "![De kaart van het terrein]" in source
    assert (project / "content" / "images" / "route-1.png").is_file()
    assert "dorp.png" not in source
    # said at the line where it stood: under the picture that came in
    lines = source.split("\n")
    there = next(number for number, line in enumerate(lines, start=1) if "route-1.png" in line)
    assert f"content/route.md:{there + 1}: left out the post's picture './dorp.png', which " \
        "is not a file in its folder" in report, report


def test_words_kept_under_the_greeting_keep_their_markdown(project):
    """A real community centre's post went on under its 'Tot ziens!' with a statement
    whose title was bold: kept under the greeting, it was escaped and printed its
    stars ('**Gezamenlijk statement …**'), and the check warned of it."""
    _, _, source = bring_in(project, "update.md", """\
        ---
        title: "Update van het buurthuis"
        categories: [nieuws]
        ---

        Beste bezoekers,

        Het buurthuis is tot januari dicht.

        Tot ziens!

        **Samen houden we de buurt warm.**

        Anna de Wit
        """)
    assert "**Samen houden we de buurt warm.**" in source
    assert "\\*" not in source


def test_an_events_page_gives_its_events_date(project):
    """A real neighbourhood association's invitation is a site's event page: its front
    matter has 'event_date' and no 'date', and the booklet came out without a date."""
    pub, report, _ = bring_in(project, "bbq.md", """\
        ---
        title: ZomerBBQ 2026
        description: ""
        event_date: 2026-08-22
        event_date_start_time: 2026-08-22 16:30:00
        ---

        Noteer in uw agenda zaterdag 22 augustus: de buurt eet samen op het plein.
        """)
    assert str(pub.meta.date) == "2026-08-22"
    assert "its title and date are used" in report


def test_names_set_in_italics_under_a_post_sign_it(project):
    """A real club chairman's year letter set his name, and his role and club, in
    italics ('_…_'), the role over two lines: no signatory was found, and the report
    offered the name as a lesson title."""
    pub, report, _ = bring_in(project, "jaarbrief.md", """\
        ---
        title: "Kerstgroet"
        categories: [nieuws]
        ---

        Het jaar loopt ten einde. Dank aan iedereen die meehielp, op het veld en ernaast.

        Ik wens jullie fijne feestdagen.

        Met sportieve groet,

        _Anna de Wit_

        _voorzitter\x20\x20
        Volleybalclub De Spijker_
        """)
    assert pub.meta.signatories == ("Anna de Wit (voorzitter)",)
    assert "could head a lesson" not in report


@pytest.mark.parametrize(("role", "organisation"), [
    ("voorzitter", "Volleybalclub De Spijker"),
    ("1. Vorsitzende", "Turnverein Neustadt"),
])
def test_a_name_and_a_paragraph_of_role_and_club_sign_without_a_greeting(
        project, role, organisation):
    """A real German club's Christmas post ended on its chairman's name and, a paragraph
    of its own, his role ('1. Vorsitzender') and club, in italics, with no greeting
    above: no signatory was found (neither the paragraph of a role alone, nor a German
    role, was read), and the report offered the name as a lesson title."""
    pub, report, _ = bring_in(project, "kerstgroet.md", f"""\
        ---
        layout: post
        title: "Kerstgroet"
        ---

        Het jaar loopt ten einde. Dank aan iedereen die meehielp, op het veld en ernaast.

        Ik wens jullie fijne feestdagen en een goed begin van het nieuwe jaar.

        _Anna de Wit_

        _{role}\x20\x20
        {organisation}_
        """)
    assert pub.meta.signatories == (f"Anna de Wit ({role})",)
    assert pub.meta.organisation == organisation
    assert "could head a lesson" not in report


@pytest.mark.parametrize(("ending", "names", "organisation"), [
    ("Mit freundlichen Grüßen\n\nAnna Berger, Schriftführerin\nJonas Keller, Kassierer",
     ["Anna Berger (Schriftführerin)", "Jonas Keller (Kassierer)"], None),
    ("Viele Grüße,\n\nAnna Berger\nPräsidentin, Chorgemeinschaft Neustadt",
     ["Anna Berger (Präsidentin)"], "Chorgemeinschaft Neustadt"),
    ("Herzliche Grüße\n\nIm Namen des Vorstands,\nAnna Berger und Jonas Keller",
     ["Anna Berger", "Jonas Keller"], None),
    ("Sportliche Grüße\n\nEuer Vorsitzender,\nJonas Keller", ["Jonas Keller (Vorsitzender)"],
     None),
    ("Freundlich grüsst Sie\nDas Präsidium\nder Kirchenchor Neustadt\n\n"
     "Anna Berger   Jonas Keller", ["Anna Berger", "Jonas Keller"], "Kirchenchor Neustadt"),
])
def test_german_greetings_roles_and_leads_sign(project, ending, names, organisation):
    """Real letters of German-speaking clubs (a Swiss choir, a German volleyball club)
    closed with 'Mit freundlichen Grüssen' and a name with its role ('1. Vorsitzender'):
    the greeting was not read as one, and the roles went into the text."""
    text = ("Neuigkeiten\n\nLiebe Mitglieder,\n\nDie neuen Bänke auf dem Platz sind endlich "
            f"da. Danke allen, die mitgeholfen haben.\n\n{ending}\n")
    pub, _, _ = bring_in(project, "brief.txt", text)
    assert list(pub.meta.signatories) == names
    assert plain_text(pub.introduction.salutation) == "Liebe Mitglieder,"
    if organisation:
        assert pub.meta.organisation == organisation


def test_a_page_whose_text_is_in_its_front_matter_comes_in_whole(project):
    """A real federation's invitation came from a CMS whose page keeps its text in the
    front matter ('text_nl: |', beside the French), with nothing under it: the import
    brought in an empty letter titled after the file's name. Its links alone on a line
    were offered as lesson titles."""
    pub, report, source = bring_in(project, "uitnodiging.md", """\
        ---
        blueprint: article
        title: 'Algemene vergadering december'
        text_fr: |-
          Chers responsables,

          L'assemblée générale aura lieu le 14 décembre.
        text_nl: |-
          Beste clubverantwoordelijken,

          De algemene vergadering vindt plaats op zaterdag 14 december in het clubhuis.

          Wie een punt op de agenda wil, mailt het vóór 1 december naar bestuur@schaakclub.be.

          [Agenda](https://example.org/agenda.pdf)

          [Volmachten](https://example.org/volmacht.pdf)

          Met vriendelijke groet,

          Het bestuur
        ---
        """)
    assert pub.meta.title == "Algemene vergadering december"
    assert "the page's text stood in its front matter ('text_nl')" in report
    assert "De algemene vergadering vindt plaats" in source and "assemblée" not in source
    assert "could head a lesson" not in report


def test_a_site_picture_in_a_link_leaves_no_empty_link(project):
    """A real theatre company's page linked its poster to itself on the site
    ('[![poster](/img/x.webp)](/img/x.webp)'): the picture was left out and an empty
    link to the site stayed, so the new source did not build."""
    _, report, source = bring_in(project, "voorstelling.md", """\
        ---
        title: "De voorstelling"
        layout: post
        ---

        [![affiche]({{ site.baseurl }}/img/affiche.webp){:class="img"}]({{ site.baseurl }}/img/affiche.webp)

        ### 12 maart, in het cultuurcentrum

        Kom kijken naar ons nieuwe stuk.
        """)
    assert "left out a picture the web page showed (“affiche”)" in report
    assert "](/" not in source and "[]" not in source


def test_a_long_heading_marked_at_the_top_is_the_title(project):
    """A real guide opened with '# Handleiding: Hoe host ik een etentje? (of: hoe help
    ik iemand die …)', fifteen words: only a first line of ten words or fewer was taken,
    so the file's name became the title and the heading a part's. A heading the author
    marked at the top is the title, however long."""
    pub, report, source = bring_in(project, "gids.md", """\
        # Handleiding: zo organiseer je een straatdiner (of: hoe help je de buren die er een willen)

        In deze handleiding lees je hoe je een straatdiner voor de hele buurt opzet.

        ## De buren uitnodigen

        Loop langs de deuren en vertel wat je van plan bent.
        """)
    assert pub.meta.title.startswith("Handleiding: zo organiseer je een straatdiner")
    assert "from the file's name" not in report and "### Handleiding" not in source


def test_links_to_places_within_the_page_keep_their_words(project):
    """A real guide opened with its own table of contents, links to its headings
    ('[Voorbereiding](#hoe-ziet-de-voorbereiding-er-uit)'): kept, the check said each
    had no address, 'probably lost when the text was pasted'. Such a list is left out
    (the booklet has its own contents; a real association's letter opened on a list of
    its headings), a link to a heading in the text keeps its words, each with a note; in
    a source, the check says what such a link is."""
    pub, report, source = bring_in(project, "gids.md", """\
        # Zo organiseer je een straatdiner

        1. [Uitnodigen](#de-buren-uitnodigen)
        2. [Voorbereiden](#voorbereiden)

        ## De buren uitnodigen

        Loop langs de deuren en vertel wat je van plan bent.

        ## Voorbereiden

        Leen tafels bij de school en stoelen bij het buurthuis, zoals
        [bij het uitnodigen](#de-buren-uitnodigen) al gezegd.
        """)
    assert "(#" not in source and "Uitnodigen" not in source
    assert "zoals bij het uitnodigen al gezegd" in source
    assert "links to a place within the web page" in report
    assert "left out the page's own table of contents (2 links to its headings)" in report
    # (this letter has no lessons, so no contents page: the note does not say it has one)
    assert "on paper they lead nowhere (a booklet with lessons has a contents page" in report
    (project / "content" / "gids.md").write_text(
        source.replace("Leen tafels", "Zie [hierboven](#de-buren-uitnodigen). Leen tafels"),
        encoding="utf-8")
    check = run_project(project, "--check", str(project / "content" / "gids.md"))
    assert "points to a place in the web page it came from" in check.stderr, check.stderr
    assert "probably lost" not in check.stderr


def test_a_sites_video_component_becomes_its_address(project):
    """A real guide embedded a video as a Nuxt component, '::youtube{id="…"}' over a
    closing '::': both lines were printed as text (and its address alone, a reviewer
    found, means nothing on paper). The video is left out with its address in the
    report; another component's marks are left out, its text kept."""
    pub, report, source = bring_in(project, "gids.md", """\
        # Zo organiseer je een straatdiner

        Kijk eerst hoe het vorig jaar ging:

        ::youtube{id="dQw4w9WgXcQ"}
        ::

        ::callout
        Vraag de gemeente op tijd om een vergunning.
        ::

        Loop daarna langs de deuren.
        """)
    assert "youtube" not in source
    assert "::" not in source and "Vraag de gemeente op tijd" in source
    assert "left out a video the web page showed ('::youtube', " \
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in report


def test_an_opening_kept_in_the_front_matter_comes_above_the_text(project):
    """A real football club's year letter kept its salutation and first paragraph in
    its front matter's 'description' (the site shows it above the post): the import
    left the front matter out and the letter began mid-way. The opening is put above
    the text, with a note; a summary that repeats the text's start is not."""
    pub, report, source = bring_in(project, "jaar.md", """\
        ---
        title: Ons jaar 2026
        date: 2026-12-20
        categories: [nieuws]
        description: >-
          Beste buren en vrijwilligers,


          Het jaar loopt ten einde, tijd om terug te kijken op wat we samen deden.
        ---

        In het voorjaar plantten we veertig bomen langs de Kerkstraat.

        Met hartelijke groet,

        Anneke de Boer
        """)
    assert pub.introduction.salutation is not None
    assert "Beste buren en vrijwilligers," in source
    assert source.index("tijd om terug te kijken") < source.index("veertig bomen")
    assert "stood in the page's front matter ('description')" in report
    other = project / "samenvatting"
    (other / "content").mkdir(parents=True)
    (other / "layouts").symlink_to(LAYOUTS)
    _, _, repeated = bring_in(other, "jaar.md", """\
        ---
        title: Ons jaar 2026
        categories: [nieuws]
        description: >-
          Beste buren,

          In het voorjaar plantten we veertig bomen langs de Kerkstraat.
        ---

        Beste buren,

        In het voorjaar plantten we veertig bomen langs de Kerkstraat.
        """)
    assert repeated.count("veertig bomen") == 1


def test_a_first_heading_that_names_a_part_of_any_text_is_no_title(project):
    """A real association's letter to its members (a repository's README) opens on the
    heading 'Einleitung' over its salutation; with its table of contents left out, that
    heading stood first and became the title: 'Inleiding' names no letter."""
    pub, report, source = bring_in(project, "ledenbrief.md", """\
        # Inleiding

        Het bestuur zet de stukken van de vereniging voortaan op één plek, zodat iedereen
        ze kan lezen.

        # Wat er verandert

        De notulen staan voortaan online. Wie op papier wil, vraagt het de secretaris.
        """)
    assert pub.meta.title != "Inleiding" and "from the file's name" in report
    assert "### Inleiding" in source


def test_a_swiss_salutation_and_short_greeting_are_read(project):
    """A real association's invitation opened 'Liebes Vereinsmitglied' and closed 'LG &
    bis am Samschtig,' over a first name: neither was read."""
    pub, report, _ = bring_in(project, "einladung.txt", """\
        Einladung

        Liebes Vereinsmitglied

        Am Samstag treffen wir uns zum Jahresabschluss im Vereinslokal.

        LG & bis am Samschtig,

        Oli
        """)
    assert plain_text(pub.introduction.salutation) == "Liebes Vereinsmitglied,"
    assert pub.meta.signatories == ("Oli",)
    assert "greeting      LG & bis am Samschtig," in report


def test_a_site_posts_mdx_with_its_paragraphs_run_together_comes_in(project):
    """A real parish's news post, MDX from its website: its author given as the path of
    the site's file about her (the report said the author was used; nothing was), its
    paragraphs run together by the site's export ('…ondersteunen.Damiaanprijs …'), and
    '.mdx' was refused."""
    sentence = ("Elke donderdag koken vrijwilligers in de parochiezaal voor wie het nodig heeft, "
                "en wie wil, schuift mee aan tafel. ")
    pub, report, source = bring_in(project, "nieuws.mdx", f"""\
        ---
        title: Buurtprijs
        author: content/authors/A.W.md
        date: 2026-05-12T22:00:00.000Z
        ---
        import Hero from "../components/hero"

        {sentence * 4}Daar zijn we blij mee.De jury koos ons uit twaalf projecten.{sentence * 3}
        """)
    assert pub.meta.title == "Buurtprijs" and str(pub.meta.date) == "2026-05-12"
    assert "its title and date are used" in report and pub.meta.signatories == ()
    assert "Daar zijn we blij mee.\n\nDe jury koos ons" in source
    assert "split a paragraph where the page had run the next into it" in report
    assert "import Hero" not in source and "'import' and 'export' lines" in report
