"""Bringing in an e-mail saved by a mail program (.eml), and what mailings add to letters.

Real saved e-mails (a company's notice to its customers, a consumer foundation's and a
software firm's newsletters with a dozen pictures in the message, a short letter whose
signature a program had pasted in UTF-8 into a Latin-1 message, a project's signed
announcement on a mailing list) could not be brought in at all: '.eml' was not a format
the import took. The messages here are my own, built with the standard library to hold
what those did.
"""

from __future__ import annotations

import io
from email.message import EmailMessage

import pytest
from PIL import Image

from tweeluik.importer.letter import read_letter
from tweeluik.importer.pieces import Piece, Span
from tweeluik.model import Image as ImageBlock
from tweeluik.model import plain_text

from .conftest import bring_in, run_project

pytestmark = pytest.mark.slow


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (90, 60), "seagreen").save(out, "PNG")
    return out.getvalue()


LETTER_TEXT = """\
Beste leden,

Het jaar zit erop. Wat we leerden, staat hieronder.

1. Begin klein
Een kop koffie opent meer deuren dan een folder.

2. Luister eerst
Wie vraagt wat er speelt, hoeft minder te raden.

Met vriendelijke groet,

Anna de Wit
voorzitter
"""

LETTER_PAGE = """\
<html><body>
<p>Wordt deze e-mail niet goed weergegeven? <a href="https://mail.example/online">Bekijk
hem online</a>.</p>
<p>Beste leden,</p>
<p>Het jaar zit erop. Wat we leerden, staat hieronder.</p>
<p><img src="cid:plein.1@wijk.example" alt="Het plein met de nieuwe bankjes"></p>
<h2>1. Begin klein</h2><p>Een kop koffie opent meer deuren dan een folder.</p>
<h2>2. Luister eerst</h2><p>Wie vraagt wat er speelt, hoeft minder te raden.</p>
<p>Met vriendelijke groet,</p><p>Anna de Wit<br>voorzitter</p>
<p><img src="cid:icoon.2@wijk.example" alt="Facebook"></p>
<h3>Colofon</h3>
<p>Je ontvangt deze nieuwsbrief omdat je lid bent van Wijkteam Lindelaan.
<a href="https://mail.example/uit">Afmelden</a></p>
<p>KvK-nummer 12345678</p>
</body></html>
"""


def newsletter() -> bytes:
    """A mailing as a mail program saves it: a plain text and a web page of the same
    letter, the page's pictures in the message, and a Word file attached."""
    message = EmailMessage()
    message["From"] = "Wijkteam Lindelaan <secretariaat@wijk.example>"
    message["To"] = "leden@wijk.example"
    message["Subject"] = "Fwd: [Leden] Jaarbrief 2026: wat we leerden"
    message["Date"] = "Tue, 01 Dec 2026 10:12:00 +0100"
    message["Message-ID"] = "<jaarbrief-2026@wijk.example>"
    message.set_content(LETTER_TEXT)
    message.add_alternative(LETTER_PAGE, subtype="html")
    page = message.get_payload()[1]
    page.add_related(_png(), "image", "png", cid="<plein.1@wijk.example>")
    page.add_related(_png(), "image", "png", cid="<icoon.2@wijk.example>")
    message.add_attachment(b"PK\x03\x04 (a Word file)", maintype="application",
                           subtype="vnd.openxmlformats-officedocument.wordprocessingml."
                                   "document", filename="jaarbrief-2026.docx")
    return bytes(message)


def test_a_saved_mailing_comes_in_with_its_pictures_title_date_and_sender(project):
    pub, report, source = bring_in(project, newsletter(), "brief.eml")
    meta = pub.meta
    # the subject is the title, without what the mail program and the list put before it
    assert meta.title == "Jaarbrief 2026: wat we leerden"
    assert str(meta.date) == "2026-12-01"
    # the name the mail was sent under is the organisation, said in the report
    assert meta.organisation == "Wijkteam Lindelaan"
    assert "took “Wijkteam Lindelaan”, the name the e-mail was sent under" in report
    assert "left out the e-mail's header at the top" in report
    assert [plain_text(lesson.title) for lesson in pub.lessons] == ["Begin klein",
                                                                     "Luister eerst"]
    assert meta.signatories == ("Anna de Wit (voorzitter)",)
    # (the closing's count is its own paragraphs: the greeting is said on its own line)
    assert "closing       0 paragraphs" in report and "greeting      Met vriendelijke " \
        "groet," in report
    # the page is read (its picture is the message's own part), not the plain text
    pictures = [block for block in pub.introduction.blocks if isinstance(block, ImageBlock)]
    assert [picture.alt for picture in pictures] == ["Het plein met de nieuwe bankjes"]
    saved = sorted((project / "content" / "images").iterdir())
    assert len(saved) == 1 and saved[0].read_bytes().startswith(b"\x89PNG")
    # the browser line and the mailing's foot (icon, heading, why, chamber) stay out
    for mailing_only in ("weergegeven", "Facebook", "Colofon", "Afmelden",
                         "12345678"):
        assert mailing_only not in source, mailing_only
    assert "left out “Wordt deze e-mail niet goed weergegeven? …”, the line a mailing " \
           "sets above itself" in report
    assert "left out the mailing's foot (4 paragraphs from “Colofon”)" in report
    # a Word file attached is said, with what to do, not read
    assert "the e-mail has a file attached, 'jaarbrief-2026.docx': if the letter is in it, " \
           "save the attachment and bring that in on its own" in report


def test_a_plain_text_mail_in_latin_1_comes_in_unwrapped_and_mended(project):
    """A plain text e-mail in Latin-1 whose program wrapped its lines (format=flowed)
    and pasted a UTF-8 word into it, with the program's signature under '-- '."""
    text = ("Beste leden,\n\nDe algemene ledenvergadering is op \n12 december in het "
            "buurthuis \nCafé De Linde. \nWe hopen u daar te zien.\n\n"
            "Met vriendelijke groet,\n\nJoost Bakker\nsecretaris, Buurtvereniging "
            "BRUGGE\n\n-- \nWijk en wij: samen sterk.\n")
    # (the body as a Latin-1 program writes it, with the one word in UTF-8)
    body = text.encode("latin-1").replace(b"BRUGGE", "Brügge".encode())
    raw = (b"From: Joost Bakker <joost@wijk.example>\r\n"
           b"Subject: Uitnodiging ledenvergadering\r\n"
           b"Date: Wed, 25 Nov 2026 09:00:00 +0100 (CET)\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: text/plain; charset=iso-8859-1; format=flowed\r\n"
           b"Content-Transfer-Encoding: 8bit\r\n\r\n") + body
    pub, report, source = bring_in(project, raw, "brief.eml")
    assert pub.meta.title == "Uitnodiging ledenvergadering"
    # (the report quotes the date as the e-mail wrote it)
    assert "date          2026-11-25, from “Wed, 25 Nov 2026 09:00:00 +0100 (CET)”" in report
    # the wrapped lines go on where the program broke them (short as they are, they
    # would be kept as lines broken on purpose)
    assert "ledenvergadering is op 12 december in het buurthuis Café De Linde. We hopen " \
           "u daar te zien." in source
    # the word in the wrong character set is mended, and the report says so
    assert "Brügge" in source and "BrÃ" not in source
    assert "mended 1 word garbled by a wrong character set (“BrÃ¼gge” now reads " \
           "“Brügge”)" in report
    # the mail program's motto under '-- ' is left out: the letter is signed above it
    assert "samen sterk" not in source
    assert "left out the e-mail's signature under '-- ' (“Wijk en wij: samen sterk." in report
    assert pub.meta.signatories == ("Joost Bakker (secretaris)",)


def test_a_letter_sent_on_as_an_attached_email_is_read(project):
    inner = EmailMessage()
    inner["From"] = "Wijkteam Oost <info@oost.example>"
    inner["Subject"] = "Terugblik op het jaar"
    inner["Date"] = "Mon, 30 Nov 2026 08:00:00 +0100"
    inner.set_content("Beste buren,\n\nHet jaar was vol en goed.\n\nHartelijke groet,\n\n"
                      "Sanne Vos\n")
    outer = EmailMessage()
    outer["From"] = "Piet <piet@mail.example>"
    outer["Subject"] = "Fw: doorsturen"
    outer["Date"] = "Tue, 01 Dec 2026 12:00:00 +0100"
    outer.set_content("Zie bijlage.\n")
    outer.add_attachment(inner)
    pub, report, source = bring_in(project, bytes(outer), "brief.eml")
    assert pub.meta.title == "Terugblik op het jaar" and str(pub.meta.date) == "2026-11-30"
    assert "Het jaar was vol en goed." in source and "Zie bijlage" not in source
    assert "the letter came as an e-mail attached to this one" in report


def deeply_nested(depth: int) -> bytes:
    head = b"From: a@b.example\r\nSubject: diep\r\nMIME-Version: 1.0\r\n"
    body = b""
    for level in range(depth):
        body += f'Content-Type: multipart/mixed; boundary="b{level}"\r\n\r\n--b{level}\r\n' \
            .encode()
    body += b"Content-Type: text/plain\r\n\r\nBeste buren,\r\n\r\nTe diep.\r\n"
    for level in reversed(range(depth)):
        body += f"\r\n--b{level}--\r\n".encode()
    return head + body


@pytest.mark.parametrize(("data", "said"), [
    (b"\x00\x01\x02PK" * 20, "this is not an e-mail tweeluik can read"),
    (b"Dit is geen e-mail maar gewone tekst.\n", "this is not an e-mail tweeluik can read"),
    (deeply_nested(3000), "this is not an e-mail tweeluik can read"),
    (deeply_nested(40), "this is not an e-mail tweeluik can read"),
    (b"From: a@b.example\r\nSubject: leeg\r\nMIME-Version: 1.0\r\nContent-Type: multipart/"
     b'mixed; boundary="x"\r\n\r\n' + b"--x\r\nContent-Type: image/png\r\n\r\nxx\r\n" * 600
     + b"--x--\r\n", "this is not an e-mail tweeluik can read"),
    (b"From: a@b.example\r\nSubject: alleen een bijlage\r\nMIME-Version: 1.0\r\nContent-Type:"
     b' multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: application/pdf\r\n'
     b'Content-Disposition: attachment; filename="brief.pdf"\r\n\r\n%PDF-1.4\r\n--x--\r\n',
     "this e-mail holds no text of its own; if the letter is in a file attached to it, "
     "save the attachment and bring that in"),
])
def test_a_hostile_or_empty_mail_is_refused_in_one_line(project, data, said):
    """Binary data, a text without a header, parts nested 3,000 and 40 deep (mail
    programs nest three or four), 600 parts, a
    message with only an attachment: one line saying what to do, no traceback, nothing
    written."""
    mail = project / "brief.eml"
    mail.write_bytes(data)
    result = run_project(project, "import", str(mail))
    assert result.returncode != 0
    assert said in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not list((project / "content").iterdir())


def test_a_file_from_outlook_or_a_pdf_is_refused_with_how_to_save_it(project):
    for name, said in (("brief.msg", "in Outlook, choose File › Save As and save the message as HTML"),
                       ("brief.pdf", "a PDF keeps no paragraphs to read")):
        (project / name).write_bytes(b"\xd0\xcf\x11\xe0 not read")
        result = run_project(project, "import", str(project / name))
        assert result.returncode != 0 and said in result.stderr, result.stderr


def _letter(*paragraphs: str) -> list[Piece]:
    return [Piece((Span(text),), (text,)) for text in paragraphs]


def test_a_mailings_foot_is_left_out_of_a_pasted_letter_too():
    letter = read_letter(_letter(
        "Beste buren,", "Het speelveld is klaar. Dank aan iedereen die hielp.",
        "Met vriendelijke groet,", "Anna de Wit",
        "© 2026 Buurtvereniging Lindelaan",
        "U ontvangt deze e-mail omdat u zich aanmeldde voor onze nieuwsbrief."))
    kept = " ".join(piece.text for piece in [*letter.introduction, *letter.closing])
    assert "©" not in kept and "ontvangt" not in kept
    assert letter.signatories == ["Anna de Wit"]
    assert any("left out the mailing's foot (2 paragraphs from “© 2026" in note.message
               for note in letter.notes)


def test_words_about_leaving_in_the_letters_own_text_stay():
    """'Afmelden' in a letter is often for a meeting, not for the mailing, and the
    chamber of commerce can be news (a real association's minutes ended so): only a
    paragraph about the mailing itself, or a registration with its number, at the
    letter's end, starts a foot."""
    letter = read_letter(_letter(
        "Beste buren,", "Afmelden voor de ledenvergadering kan tot 1 december.",
        "Wie zich uitschrijven wil als lid, meldt dat bij de secretaris.",
        "Onze nieuwe statuten staan nu ook bij de Kamer van Koophandel.",
        "Met vriendelijke groet,", "Anna de Wit"))
    kept = " ".join(piece.text for piece in letter.introduction)
    assert "Afmelden voor de ledenvergadering" in kept and "uitschrijven" in kept
    assert "Kamer van Koophandel" in kept  # (a chamber's name is no registration)
    assert not any("mailing's foot" in note.message for note in letter.notes)


def test_a_title_ending_on_a_german_date_keeps_its_full_stop():
    """'am 21.08.' is a date (a real computer centre's notice was titled so): only a
    sentence's full stop leaves a title."""
    header = ("From: Rechenzentrum Nord <info@nord.example>",
              "Subject: Probelauf der Notstromanlage am 21.08.")
    letter = read_letter([Piece(tuple(Span(line) for line in header), header),
                          *_letter("Sehr geehrte Damen und Herren,",
                                   "am Dienstag testen wir die Anlage.",
                                   "Mit freundlichen Grüßen", "Jana Berger")])
    assert letter.title == "Probelauf der Notstromanlage am 21.08."
    header = ("From: Wijkteam Oost <info@oost.example>", "Subject: Een jaar vol lessen.")
    letter = read_letter([Piece(tuple(Span(line) for line in header), header),
                          *_letter("Beste leden,", "Het jaar was goed.", "Groet,", "Anna de Wit")])
    assert letter.title == "Een jaar vol lessen"


def test_the_name_an_email_was_sent_under_signs_when_it_stands_under_the_greeting():
    """A short letter signed 'mark anton', in small letters, as its sender's mail
    program named him (a real appointment letter did): that is the signatory."""
    letter = read_letter(_letter("Beste Joost,", "Hierbij bevestigen we de afspraak.",
                                 "Met vriendelijke groet", "jan de boer"), sender="jan de boer")
    assert letter.signatories == ["jan de boer"]
    assert any("took “jan de boer”, the name the e-mail was sent under, as the signatory"
               in note.message for note in letter.notes)
    assert read_letter(_letter("Beste Joost,", "Hierbij bevestigen we de afspraak.",
                               "Met vriendelijke groet", "jan de boer")).signatories == []


def test_a_letter_saying_why_its_reader_gets_it_keeps_that_sentence():
    """'You received this letter because …' is the letter's own word; only a sentence
    about an e-mail or a newsletter starts a mailing's foot."""
    letter = read_letter(_letter(  # (no greeting: its last paragraphs could be a foot)
        "Dear members,", "The garden is ready for the summer.",
        "You received this letter because you are a member of the garden club."))
    kept = " ".join(piece.text for piece in [*letter.introduction, *letter.closing])
    assert "You received this letter because" in kept
    assert not any("mailing's foot" in note.message for note in letter.notes)
