"""The names and roles under a letter: who signed it, and on whose behalf.

Step 0 of the pipeline (bringing a letter in), pure. A signature is a line of names
("Anna, Bram en Carla"), a name a line, or names with their roles ("Anna de Wit,
voorzitter"; "namens het bestuur, Anna en Bram"); roles are kept apart from the names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..letters import MERGE_FIELD
from ..sentences import ends_a_sentence
from .line_kinds import ADDRESS_LINE, CONTACT_LINE, WEB_ADDRESS_ALONE
from .pieces import Piece, Span

ORGANISATION_WORDS = re.compile(r"\b\w*(vereniging|stichting|wijkteams?|buurtvereniging|"
                                r"bewonersvereniging|coöperatie|cooperatie|association|"
                                r"foundation|society|club|comité|committee|netwerk|network|"
                                r"platform|collectief|werkgroep|buurthuis|gemeente|"
                                # German: Turnverein, Stiftung, Chorgemeinschaft
                                r"verein|stiftung|genossenschaft|verband|gemeinschaft|"
                                r"kirchenchor|gemeinde|behörde|"
                                # a legal form: a company's, an association's
                                r"gmbh|vzw|asbl)\b|\be\.\s?v\.|\bb\.\s?v\.|\bltd\b",
                                re.IGNORECASE)


#: A name that ends in its legal form's abbreviation ('… e.V.', '… B.V.'): its full stop
#: ends no sentence.
LEGAL_FORM_AT_THE_END = re.compile(r"(\b\w\.\s?){2,}$")


def organisation_in(text: str) -> str | None:
    if MERGE_FIELD.search(text):  # '{vereniging-naam}' stands for one; it is none
        return None
    behalf = ON_BEHALF.search(text)
    if behalf and ORGANISATION_WORDS.search(behalf.group(1)):
        return behalf.group(1).strip()
    role = re.match(rf"{ROLE_START}\s*[,–—-]\s*(?=\S)", text, re.IGNORECASE)
    if role is not None:  # "President, St. George's Tennis Club": the role is not its name
        text = text[role.end():]
    if ORGANISATION_WORDS.search(text) and len(text.split()) <= 10 \
            and (not ends_a_sentence(text) or LEGAL_FORM_AT_THE_END.search(text)):
        # "der Kirchenchor Dürnten" under "Das Präsidium": the article is not its name
        return re.sub(r"^(?:de|het|der|die|das|des|the)\s+(?=[A-Z])", "",
                      text.strip().rstrip(","))
    return None


#: An organisation named in the text: "Vereniging Zuidkant", "Stichting De Linde".
ORGANISATION_NAME = re.compile(
    r"\b((?:[A-Z][a-zà-ÿ]+)?"  # a compound: Wijkbelangenvereniging, Seniorenvereniging
    r"(?:[Vv]ereniging|[Ss]tichting|[Ww]ijkteams?|[Cc]oöperatie|[Bb]ewonersgroep|"
    r"[Bb]ewonerscommissie|[Ww]erkgroep|[Cc]lub|[Aa]ssociation|[Ff]oundation|[Ss]ociety)"
    r"(?:\s+(?:van|voor|de|der|den|het|'t|of|the|[A-Z][\w'’-]+))*\s+[A-Z][\w'’-]+)")


ON_BEHALF = re.compile(r"\b(?:namens|on behalf of|im namen)\s+"
                       r"(?:het bestuur van\s+|the board of\s+|des vorstand(?:e)?s\s+)?"
                       r"(?:de\s+|het\s+|the\s+|des\s+|der\s+)?(.+?)[,.]?$", re.IGNORECASE)


#: A function under a signature: "voorzitter", "interim voorzitter", "secretary", and
#: the German ones of a club ("1. Vorsitzender", "Kassiererin").
ROLE = (r"(?:(?:interim|waarnemend|wnd\.?|algemeen|vice|oud|plv\.?|plaatsvervangend|acting|vice-|"
        r"deputy|former|board|club|\d\.|stv\.|stellvertretende[r]?|erste[r]?|zweite[r]?|"
        r"vize|national|general|honorary|hon\.|executive|regional|landelijk|regionaal)[\s-]*)?"
        r"(?:voorzitter|voorzitster|secretaris|penningmeester|"
        r"bestuurslid|bestuursleden|coördinator|coordinator|directeur|trainer|"
        r"ledenadministratie|wijkcoördinator|teamleider|president|secretary|treasurer|"
        r"chair(?:man|woman|person)?|board member|director|coach|manager|"
        r"vorsitzende[r]?|präsident(?:in)?|kassier(?:er)?(?:in)?|kassenwart(?:in)?|"
        r"schatzmeister(?:in)?|schriftführer(?:in)?|geschäftsführer(?:in)?|beisitzer(?:in)?|"
        r"vorstandsmitglied|vorstand|aktuar(?:in)?|obmann|obfrau|dirigent(?:in)?|"
        r"trainerin|leiter(?:in)?|teamleiter(?:in)?|koordinator(?:in)?|sekretär(?:in)?|"
        r"präsidium)"
        r"(?:\s+.{1,80})?")


ROLE_LINE = re.compile(rf"^{ROLE}[.,]?$", re.IGNORECASE)
#: What stands where a letter on paper was signed by hand: '[signed]', '(w.g.)', 'gez.'.
SIGNED_MARK = re.compile(r"[\[(]?\s*(signed|getekend|was getekend|w\.\s?g\.?|gez\.?|"
                         r"gezeichnet|sig\.?)\s*[\])]?[.,]?", re.IGNORECASE)


#: A role alone, without what may follow it ("President" of "President, St. George's").
ROLE_START = ROLE.removesuffix(r"(?:\s+.{1,80})?")


#: "Anna de Wit – interim voorzitter", "Anna de Wit, secretaris", "Anna de Wit (voorzitter)".
NAME_AND_ROLE = re.compile(rf"^(?P<name>[^,–—(]+?)\s*(?:\s[–—-]\s|,|\()\s*(?P<role>{ROLE})\)?[.,]?$",
                           re.IGNORECASE)


#: What follows a greeting on its line: "namens het bestuur, Jan van der Lei".
BEHALF_AND_NAMES = re.compile(r"(?P<lead>(?:namens|on behalf of|im namen)\s[^,]{1,60},)\s*"
                              r"(?P<names>.+)$", re.IGNORECASE)


#: A line that stands before names: "Uw voorzitter,", "Namens het bestuur,".
LEAD_LINE = re.compile(rf"^(?:(?:uw|jullie|je|de|het|your|the|ihr|ihre|euer|eure|dein|deine|"
                       rf"der|die|das|unser|unsere)\s+(?P<role>{ROLE})|"
                       r"namens\s+(?:het\s+bestuur|de\s+werkgroep|het\s+team|ons\s+allen|"
                       r"iedereen)|on behalf of the (?:board|committee|team)|"
                       r"(?:im\s+namen\s+des|für\s+den)\s+vorstand(?:e)?s?)[,.:]?$",
                       re.IGNORECASE)


PARTICLES = {"van", "de", "der", "den", "ter", "ten", "te", "'t", "’t", "el", "al", "bin",
             "da", "di", "du", "le", "la", "von", "vom", "zu", "op", "in", "het", "bij", "d'",
             "o'", "mc", "ben", "ibn", "abu"}


def split_names(text: str, allow_single: bool = False) -> list[str] | None:
    """The names in a signature line ("Anna, Bram en Carla"), or ``None`` when it is not
    a line of names; with ``allow_single``, one name alone counts too."""
    if MERGE_FIELD.search(text) or ADDRESS_LINE.search(text) \
            or WEB_ADDRESS_ALONE.fullmatch(text.strip().rstrip(".")):
        return None  # '{voornaam}' stands for a name; 'Dorpsstraat 1' is an address
    names = [item for item in re.split(r"\s*(?:,|;|·|\||&|\t+|\s{3,}|\s+(?:en|and|und|et)\s+)\s*",
                                       text.strip().rstrip("."))
             if item]
    if not names or (len(names) < 2 and not allow_single):
        return None
    for name in names:
        words = re.sub(r"\([^)]*\)", "", name).split()
        if not 1 <= len(words) <= 6 or len(name) > 60 or ":" in name:
            return None
        if any(not (word[0].isupper() or word.lower() in PARTICLES or word.isdigit())
               or any(char.isdigit() for char in word) and not word.isdigit()
               for word in words):
            return None
    return names


def names_in(piece: Piece) -> list[str] | None:
    """The names of a paragraph that is a signature: a line of names, or a name a line."""
    if len(piece.lines) > 1:
        found = [split_names(line, allow_single=True) for line in piece.lines]
        if all(found):
            return [name for names in found for name in names or []]
        return None
    return split_names(piece.text)


def trimmed(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """A title's spans without a full stop or colon at the end, and without bold when it
    is all in bold (a heading is set bold by the layout; '1. **Title**', as a website's
    Markdown numbers its points, is a title, not a title with emphasis in it)."""
    if not spans:
        return spans
    visible = [span for span in spans if span.text.strip()]
    if visible and all(span.bold for span in visible):
        spans = tuple(replace(span, bold=False) for span in spans)
    text = "".join(span.text for span in spans).strip()
    marks = re.fullmatch(r"(\*\*|__)([^*_].*?[^*_]|[^*_])\1([.:]?)", text)
    if marks and marks.group(1) not in marks.group(2):
        spans = (replace(spans[0], text=marks.group(2) + marks.group(3)),) \
            if len(spans) == 1 else spans
    last = spans[-1]
    return (*spans[:-1], replace(last, text=last.text.rstrip().rstrip(".:")))


#: Markdown emphasis marks at the start or end of a line.
EMPHASIS_AT_THE_ENDS = re.compile(r"^[*_]+(?=\S)|(?<=\S)[*_]+$")


def signature_parts(lines: list[str]) -> tuple[list[str], str | None, list[str]]:
    """Names (a role kept with its name, "Anna de Wit (secretaris)"), an organisation,
    and the lines that are neither, from the lines under the greeting. Lead lines such
    as "Uw voorzitter," give their role to the name under them; "Namens het bestuur,"
    and every line not understood are returned to stay in the text."""
    names: list[str] = []
    organisation = None
    kept: list[str] = []
    pending: str | None = None  # a role from a lead line, for the next name
    for line in lines:
        written = line.strip()
        # read without the Markdown emphasis a post sets its names in ('_Lothar Voigt_',
        # a role and club in italics over two lines); a line kept stays as written
        text = EMPHASIS_AT_THE_ENDS.sub("", written).strip()
        if not text:
            continue
        behalf = BEHALF_AND_NAMES.fullmatch(text)
        if behalf and NAME_AND_ROLE.match(behalf.group("names").strip()):
            # 'Namens het bestuur, Peter Veld, wnd. voorzitter' on one line (not
            # 'Namens alle buurthuizen, Dankuwel.')
            found = organisation_in(behalf.group("lead").rstrip(","))
            organisation = organisation or (found if found and ORGANISATION_WORDS.search(
                behalf.group("lead")) else None)
            text = behalf.group("names").strip()
        lead = LEAD_LINE.match(text)
        if lead:
            pending = lead.group("role")
            if pending is None:
                kept.append(written)
            continue
        with_role = NAME_AND_ROLE.match(text)
        if with_role and split_names(with_role.group("name"), allow_single=True):
            names.append(f"{with_role.group('name').strip()} ({with_role.group('role').strip()})")
            pending = None
            continue
        role_first = re.match(rf"(?P<role>{ROLE_START})\s*[,–—-]\s*(?P<rest>\S.*)$", text,
                              re.IGNORECASE)
        if role_first and names and "(" not in names[-1]:  # "President, Tennis Club X"
            names[-1] = f"{names[-1]} ({role_first.group('role')})"
            organisation = organisation or role_first.group("rest").rstrip(".,")
            continue
        if ROLE_LINE.match(text) and names and "(" not in names[-1]:
            named = ORGANISATION_NAME.search(text)
            role = text[:named.start()].strip() if named else text
            if named:
                organisation = organisation or named.group(1)
            names[-1] = f"{names[-1]} ({role.rstrip('.,')})"
            continue
        found = organisation_in(text)
        if found and ORGANISATION_WORDS.search(text):
            organisation = organisation or found
            continue
        if WEB_ADDRESS_ALONE.fullmatch(text) and text[0].isupper() and organisation is None:
            organisation = text  # 'Lobbywatch.ch' under the greeting: who sent it
            continue
        line_names = split_names(text, allow_single=True)
        if line_names:
            if pending and len(line_names) == 1:
                line_names = [f"{line_names[0]} ({pending})"]
            names.extend(line_names)
            pending = None
            continue
        kept.append(written)
    return names, organisation, kept


def is_role_and_organisation(piece: Piece) -> bool:
    """True for a paragraph of a role alone, or a role and an organisation, such as a post
    sets under the paragraph of its writer's name ("_1. Vorsitzender_" over the club)."""
    lines = [EMPHASIS_AT_THE_ENDS.sub("", line.strip()).strip()
             for line in piece.lines or (piece.text,)]
    lines = [line for line in lines if line]
    return bool(lines) and bool(ROLE_LINE.match(lines[0])) and len(lines) <= 3 and all(
        ROLE_LINE.match(line) or organisation_in(line) for line in lines)


def is_signature(piece: Piece) -> bool:
    """True for a paragraph that is only names, names with roles, and lead lines (and
    perhaps the signer's telephone or e-mail address under them)."""
    lines = piece.lines or (piece.text,)
    names, _, kept = signature_parts(list(lines))
    words = len(" ".join(line for line in lines if not CONTACT_LINE.search(line)).split())
    return bool(names) and not [line for line in kept if not CONTACT_LINE.search(line)] \
        and (len(names) > 1 or words <= 8)
