"""The studio's own words, in Dutch (the default) and English.

Part of step 5 (the studio, a face). The page gets them all at once; nothing else of the
studio speaks to the author.
"""

from __future__ import annotations

WORDS = {
    "nl": {
        "lang": "nl",
        "studio": "tweeluik studio",
        "publication": "Publicatie",
        "choose": "Kies een publicatie",
        "bring_in": "Brief binnenhalen",
        "bring_in_hint": "Sleep een Word- of LibreOffice-bestand (.docx, .odt), tekst (.txt, "
                         ".md), een bewaarde webpagina (.html) of e-mail (.eml) hierheen, of "
                         "kies er een.",
        "choose_file": "Bestand kiezen",
        "text": "Tekst",
        "text_hint": "Wat u hier typt, wordt meteen bewaard en opnieuw opgemaakt.",
        "understood": "Wat tweeluik begreep",
        "problems": "Wat er te verbeteren is",
        "no_problems": "Geen problemen gevonden.",
        "error": "Fout",
        "warning": "Waarschuwing",
        "note": "Opmerking",
        "line": "regel",
        "pages": "Boekje",
        "slides": "Dia's",
        "no_slides": "Installeer LibreOffice om de dia's hier te zien; het bestand zelf wordt wel gemaakt.",
        "sketched_slides": ("Deze dia's tekent tweeluik zelf uit het plan van de presentatie: "
                            "tekst, maten en kleuren kloppen, de tekeningen van de sjabloon "
                            "ziet u als hun kleuren. Met LibreOffice ziet u ze precies zoals "
                            "PowerPoint."),
        "files": "Bestanden",
        "download": "Downloaden",
        "saved": "Bewaard",
        "saving": "Bewaren…",
        "building": "Bezig met opmaken…",
        "built": "Klaar om",
        "refused": "Niet opgemaakt: zie wat er te verbeteren is",
        "not_saved": "Niet bewaard",
        "page": "Bladzijde",
        "slide": "Dia",
        "close": "Sluiten",
        "lesson": "Les",
        "key_message": "Kernboodschap",
        "slide_shows": "De dia toont",
        "introduction": "Inleiding",
        "closing": "Slot",
        "signatories": "Ondertekend door",
        "title": "Titel",
        "organisation": "Organisatie",
        "date": "Datum",
        "none": "geen",
        "report": "Verslag van het binnenhalen",
        "upload_refused": "Alleen Word- en LibreOffice-bestanden (.docx, .odt), tekst (.txt, "
                          ".md), webpagina's (.html) en e-mails (.eml) met een gewone naam "
                          "kunnen worden binnengehaald.",
        "upload_too_large": "Het bestand is groter dan 20 MB; een brief is veel kleiner.",
        "file_booklet": "Het boekje, A5, voor het scherm en de e-mail.",
        "file_a4-duplex": "Voor de printer op kantoor: A4, dubbelzijdig, kantelen langs de "
                          "korte kant, op ware grootte; vouwen en twee nietjes in de vouw.",
        "file_print-shop": "Voor de drukker: zeg 'A5, geniet, snijden op de TrimBox, 3 mm afloop'.",
        "file_deck": "De dia's voor de ledenvergadering (PowerPoint), met de hele tekst in de notities.",
        "file_web": "De webpagina: één bestand voor de website van de vereniging.",
        "skip": "Naar de tekst",
        "settings": "Gegevens",
        "asset_refused": "Alleen een logo (.png, .jpg, .svg) of een diasjabloon (.pptx, .potx) met een "
                         "gewone naam kan naast de publicatie worden gezet.",
        "asset_unreadable": "Dit bestand kan tweeluik niet lezen; bewaar het opnieuw vanuit het programma "
                            "waarin het is gemaakt.",
        "logo": "Logo",
        "template": "Diasjabloon",
        "drop_hint": "Sleep hier ook een logo (.png, .jpg, .svg) of het diasjabloon van uw organisatie "
                     "(.pptx, .potx) heen: het komt bij de gekozen publicatie.",
        "subtitle": "Ondertitel",
        "language": "Taal",
    },
    "en": {
        "lang": "en",
        "studio": "tweeluik studio",
        "publication": "Publication",
        "choose": "Choose a publication",
        "bring_in": "Bring a letter in",
        "bring_in_hint": "Drop a Word or LibreOffice file (.docx, .odt), text (.txt, .md), a "
                         "saved web page (.html) or e-mail (.eml) here, or choose one.",
        "choose_file": "Choose a file",
        "text": "Text",
        "text_hint": "What you type here is saved at once and laid out again.",
        "understood": "What tweeluik understood",
        "problems": "What to fix",
        "no_problems": "No problems found.",
        "error": "Error",
        "warning": "Warning",
        "note": "Note",
        "line": "line",
        "pages": "Booklet",
        "slides": "Slides",
        "no_slides": "Install LibreOffice to see the slides here; the file itself is made all the same.",
        "sketched_slides": ("tweeluik draws these slides itself from the deck's plan: the "
                            "text, sizes and colours are right, the template's drawings show "
                            "as their colours. With LibreOffice you see them exactly as "
                            "PowerPoint does."),
        "files": "Files",
        "download": "Download",
        "saved": "Saved",
        "saving": "Saving…",
        "building": "Laying out…",
        "built": "Done at",
        "refused": "Not laid out: see what to fix",
        "not_saved": "Not saved",
        "page": "Page",
        "slide": "Slide",
        "close": "Close",
        "lesson": "Lesson",
        "key_message": "Key message",
        "slide_shows": "The slide shows",
        "introduction": "Introduction",
        "closing": "Closing",
        "signatories": "Signed by",
        "title": "Title",
        "organisation": "Organisation",
        "date": "Date",
        "none": "none",
        "report": "Import report",
        "upload_refused": "Only Word and LibreOffice files (.docx, .odt), text (.txt, .md), web "
                          "pages (.html) and e-mails (.eml) with a plain name can be brought "
                          "in.",
        "upload_too_large": "The file is larger than 20 MB; a letter is far smaller.",
        "file_booklet": "The booklet, A5, for the screen and for e-mail.",
        "file_a4-duplex": "For the office printer: A4, double-sided, flip on the short edge, "
                          "actual size; fold and staple twice on the fold.",
        "file_print-shop": "For a print shop: say 'A5, saddle-stitched, trim on the TrimBox, 3 mm bleed'.",
        "file_deck": "The slides for the members' meeting (PowerPoint), the whole text in the notes.",
        "file_web": "The web page: one file for the association's website.",
        "skip": "Skip to the text",
        "settings": "Details",
        "asset_refused": "Only a logo (.png, .jpg, .svg) or a slide template (.pptx, .potx) with a plain "
                         "name can be put beside the publication.",
        "asset_unreadable": "tweeluik cannot read this file; save it again from the program it was made in.",
        "logo": "Logo",
        "template": "Slide template",
        "drop_hint": "Drop a logo (.png, .jpg, .svg) or your organisation's slide template (.pptx, "
                     ".potx) here too: it goes with the chosen publication.",
        "subtitle": "Subtitle",
        "language": "Language",
    },
}


def studio_words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["nl"])


def language_from(accept_language: str) -> str:
    """``nl`` or ``en`` from a browser's Accept-Language header (Dutch when unsure)."""
    for part in accept_language.split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("nl"):
            return "nl"
        if tag.startswith("en"):
            return "en"
    return "nl"
