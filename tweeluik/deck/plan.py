"""Turn a publication into a slide plan: plain data, no PowerPoint in sight.

Step 3a of the deck writer (like Pandoc's ``Presentation.hs``): content model + theme +
the geometry of the template's layouts → a ``DeckPlan`` with one ``SlidePlan`` per
slide, every text already measured and sized to fit its placeholder. ``pptx_writer``
then writes that plan with python-pptx. Being data, the plan is tested without a file.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from pathlib import Path

from ..checks import is_greeting, key_message_fallback
from ..errors import WARNING, Diagnostic, SourceError
from ..fonts import load_metrics
from ..hyphenation import break_points
from ..labels import LANGUAGE_TAGS, format_date, labels_for
from ..model import (
    Block,
    Code,
    Emph,
    Image,
    Inlines,
    Lesson,
    LineBreak,
    Link,
    Paragraph,
    Publication,
    Strong,
    Text,
    UnknownKind,
    blocks_text,
    links_in,
    plain_text,
)
from ..sentences import split_sentences, word_count
from ..theme import Theme
from .fit import WIDTH_SAFETY, Box, Fit, Piece, Style, fit_text, text_height, widest_word
from .shorten import ELLIPSIS, Shortened, describe, shorter_versions

#: Slide kinds, the layout each uses by default, and the placeholder roles it fills.
SLIDE_KINDS = {
    "title": ("Title Slide", ("organisation", "title", "subtitle", "date")),
    "agenda": ("Agenda", ("title", "body")),
    "lesson": ("Lesson", ("number", "title", "message")),
    "lesson_picture": ("Lesson with Picture", ("number", "title", "message", "picture")),
    "closing": ("Closing", ("title", "body", "signatories")),
}
AGENDA_LIMIT = 12
SLOGAN_WORDS = 12  # a closing sentence this short may stand alone on the closing slide


@dataclass(frozen=True)
class Frame:
    """Where a placeholder sits on the slide and its text insets, in points."""

    placeholder: int  # the placeholder's idx in its layout
    left: float
    top: float
    width: float
    height: float
    inset_left: float = 7.2
    inset_top: float = 3.6
    inset_right: float = 7.2
    inset_bottom: float = 3.6

    @property
    def inner(self) -> Box:
        return Box(self.width - self.inset_left - self.inset_right,
                   self.height - self.inset_top - self.inset_bottom)


@dataclass(frozen=True)
class LayoutGeometry:
    """A template layout: its name and the frame of each placeholder role it has."""

    name: str
    frames: dict[str, Frame]


@dataclass(frozen=True)
class RunPlan:
    """A run of text with its own emphasis or link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    accent: bool = False


@dataclass(frozen=True)
class TextPlan:
    """What goes into one placeholder: paragraphs of runs, and how they are set."""

    role: str
    paragraphs: tuple[tuple[RunPlan, ...], ...]
    typeface: str   # "sans" or "serif", resolved through the theme
    size: float     # points, chosen by measuring
    bold: bool = False
    italic: bool = False
    colour: str = "ink"
    caps: bool = False
    anchor: str = "top"


@dataclass(frozen=True)
class PicturePlan:
    """An image for a picture placeholder, with its alternative text."""

    path: Path
    alt: str
    width_px: int
    height_px: int


@dataclass(frozen=True)
class SlidePlan:
    """One slide: its kind, the layout it uses, its texts, picture and speaker notes."""

    kind: str
    layout: str
    texts: tuple[TextPlan, ...]
    notes: tuple[str, ...]
    picture: PicturePlan | None = None
    source_line: int | None = None

    def text(self, role: str) -> TextPlan | None:
        return next((text for text in self.texts if text.role == role), None)


@dataclass(frozen=True)
class DeckPlan:
    """The whole deck: slides, document properties, and warnings for the author."""

    slides: tuple[SlidePlan, ...]
    title: str
    author: str
    subject: str
    keywords: str
    language_tag: str
    warnings: tuple[Diagnostic, ...] = field(default=())


# --- text styles per role -----------------------------------------------------------


@dataclass(frozen=True)
class RoleStyle:
    """How a role's text is set; its sizes come from the theme's [deck] entry ``sizes``."""

    typeface: str
    sizes: str
    bold: bool = False
    italic: bool = False
    colour: str = "ink"
    caps: bool = False
    anchor: str = "top"
    can_shorten: bool = False


ROLE_STYLES = {
    ("title", "organisation"): RoleStyle("sans", "organisation", bold=True, colour="muted", caps=True),
    ("title", "title"): RoleStyle("sans", "title", bold=True, anchor="bottom"),
    ("title", "subtitle"): RoleStyle("serif", "subtitle", italic=True, colour="muted"),
    ("title", "date"): RoleStyle("sans", "date", colour="muted"),
    ("agenda", "title"): RoleStyle("sans", "agenda_title", bold=True, colour="accent", caps=True),
    ("agenda", "body"): RoleStyle("sans", "agenda"),
    ("lesson", "number"): RoleStyle("sans", "number", bold=True, colour="accent"),
    ("lesson", "title"): RoleStyle("sans", "lesson_title", bold=True, anchor="bottom"),
    ("lesson", "message"): RoleStyle("serif", "key_message", italic=True, can_shorten=True),
    ("closing", "title"): RoleStyle("sans", "closing_title", bold=True),
    ("closing", "body"): RoleStyle("serif", "closing", italic=True, can_shorten=True),
    ("closing", "signatories"): RoleStyle("sans", "signatories", colour="muted"),
}


def _role_style(kind: str, role: str) -> RoleStyle:
    return ROLE_STYLES[("lesson" if kind == "lesson_picture" else kind, role)]


# --- building the plan ---------------------------------------------------------------


def inlines_to_runs(inlines: Inlines, bold: bool = False, italic: bool = False,
                    href: str | None = None) -> list[RunPlan]:
    """Inline content as runs; emphasis toggles italic, so it shows inside italic text too."""
    runs: list[RunPlan] = []
    for node in inlines:
        if isinstance(node, Text | Code):
            runs.append(RunPlan(node.text, bold, italic, href))
        elif isinstance(node, LineBreak):
            runs.append(RunPlan(" ", bold, italic, href))
        elif isinstance(node, Emph):
            runs.extend(inlines_to_runs(node.children, bold, not italic, href))
        elif isinstance(node, Strong):
            runs.extend(inlines_to_runs(node.children, True, italic, href))
        elif isinstance(node, Link):
            runs.extend(inlines_to_runs(node.children, bold, italic, node.href))
        else:
            raise UnknownKind(node, "the deck's inline writer")
    return runs


def folded(runs: list[RunPlan]) -> list[RunPlan]:
    """Runs with their white space folded as ``split_sentences`` folds it."""
    out: list[RunPlan] = []
    previous_space = True
    for run in runs:
        text = " ".join(run.text.split())
        if run.text[:1].isspace() and text and not previous_space:
            text = " " + text
        if run.text[-1:].isspace() and text:
            text += " "
        if text:
            out.append(RunPlan(text, run.bold, run.italic, run.href, run.accent))
            previous_space = text.endswith(" ")
    if out:
        last = out[-1]
        out[-1] = RunPlan(last.text.rstrip(), last.bold, last.italic, last.href, last.accent)
    return [run for run in out if run.text]


def runs_prefix(runs: list[RunPlan], shortened: Shortened) -> list[RunPlan]:
    """The runs cut to the shortened text, keeping their emphasis and links."""
    kept = shortened.text.removesuffix(ELLIPSIS)
    out: list[RunPlan] = []
    remaining = len(kept)
    for run in folded(runs):
        if remaining <= 0:
            break
        piece = run.text[:remaining]
        out.append(RunPlan(piece, run.bold, run.italic, run.href, run.accent))
        remaining -= len(piece)
    if out:
        last = out[-1]
        out[-1] = RunPlan(last.text.rstrip(" ,;:–—-"), last.bold, last.italic, last.href,
                          last.accent)
    if shortened.text.endswith(ELLIPSIS):
        out.append(RunPlan(ELLIPSIS))
    return out


def lesson_notes(lesson: Lesson, labels: dict[str, str]) -> tuple[str, ...]:
    """The speaker notes of a lesson's slide: the author's own notes first, if any, then
    the lesson's whole text, so the presenter can always read along."""
    text = ([plain_text(lesson.key_message)] if lesson.key_message else []) \
        + blocks_text(lesson.blocks)
    if lesson.notes is None:
        return tuple(text)
    own = [plain_text(paragraph.inlines) for paragraph in lesson.notes]
    return (*own, f"— {labels['full_text']} —", *text)


class _Planner:
    def __init__(self, publication: Publication, theme: Theme,
                 layouts: dict[str, LayoutGeometry], layout_names: dict[str, str]):
        self.pub = publication
        self.theme = theme
        self.layouts = layouts
        self.layout_names = layout_names
        self.labels = labels_for(publication.meta.language)
        self.warnings: list[Diagnostic] = []

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(Diagnostic(self.pub.source, line, message, WARNING))

    def style_files(self, typeface: str) -> Style:
        face = self.theme.serif if typeface == "serif" else self.theme.sans
        return Style(face.files["regular"], face.files["italic"], face.files["bold"],
                     face.files["bold_italic"])

    def sizes(self, rs: RoleStyle) -> tuple[float, float]:
        """(largest, smallest) in points for a role, from the theme."""
        return self.theme.deck[rs.sizes]

    def geometry(self, kind: str) -> LayoutGeometry:
        return self.layouts[self.layout_names[kind]]

    # -- fitting ---------------------------------------------------------------------

    def pieces(self, rs: RoleStyle, paragraphs) -> tuple[tuple[Piece, ...], ...]:
        """Paragraphs of runs as styled pieces to measure (caps applied)."""
        return tuple(
            tuple(Piece(r.text.upper() if rs.caps else r.text, rs.bold or r.bold,
                        rs.italic != r.italic) for r in runs)
            for runs in paragraphs)

    def fits(self, kind: str, role: str, paragraphs) -> Fit | None:
        """The largest size in the role's range at which ``paragraphs`` fit, if any."""
        frame = self.geometry(kind).frames.get(role)
        if frame is None:
            return None
        rs = _role_style(kind, role)
        largest, smallest = self.sizes(rs)
        return fit_text(self.pieces(rs, paragraphs), self.style_files(rs.typeface),
                        frame.inner, largest, smallest)

    def text(self, kind: str, role: str, runs_per_paragraph: list[list[RunPlan]],
             what: str, line: int | None,
             advice: str = "Make it shorter (one sentence reads best)") -> TextPlan | None:
        """Measure and size one placeholder's text; hyphenate or shorten past the limits,
        saying so."""
        frame = self.geometry(kind).frames.get(role)
        if frame is None:
            return None
        rs = _role_style(kind, role)
        style = self.style_files(rs.typeface)
        largest, smallest = self.sizes(rs)
        paragraphs = [[run for run in runs if run.text] for runs in runs_per_paragraph]
        paragraphs = [runs for runs in paragraphs if runs]
        if not paragraphs:
            return None

        fit = fit_text(self.pieces(rs, paragraphs), style, frame.inner, largest, smallest)
        if fit is None:
            word, width = widest_word(self.pieces(rs, paragraphs), style, smallest)
            if width > frame.inner.width:
                paragraphs = self.hyphenate(paragraphs, style, rs, smallest, frame.inner.width)
                self.warn(line, f"{what}: the word '{word}' is too wide for the slide even at "
                          f"{smallest:g} pt; it is hyphenated there. A shorter word or a "
                          "hyphen of your own reads better")
                fit = fit_text(self.pieces(rs, paragraphs), style, frame.inner, largest, smallest)
        if fit is None:
            paragraphs, fit, shortened = self.shorten(paragraphs, rs, style, frame, smallest)
            where = "the speaker notes keep the whole" if rs.can_shorten else "the notes keep it"
            self.warn(line, f"{what} is too long for its slide even at {smallest:g} pt; "
                      f"{describe(shortened)}, and {where}. {advice}")
        return TextPlan(role, tuple(tuple(runs) for runs in paragraphs), rs.typeface,
                        fit.size, rs.bold, rs.italic, rs.colour, rs.caps, rs.anchor)

    def names(self, kind: str, role: str, names: tuple[str, ...], line: int | None) -> TextPlan | None:
        """Names set in lines that break only between names (never inside 'Pieter-Jan')."""
        frame = self.geometry(kind).frames.get(role)
        if frame is None or not names:
            return None
        rs = _role_style(kind, role)
        style = self.style_files(rs.typeface)
        separator = "  ·  "
        size, smallest = self.sizes(rs)
        while size >= smallest:
            lines = pack_items(list(names), separator, style, size, frame.inner.width)
            if lines and text_height(len(lines), len(lines), size) <= frame.inner.height:
                return TextPlan(role, tuple((RunPlan(text),) for text in lines), rs.typeface,
                                size, rs.bold, rs.italic, rs.colour, rs.caps, rs.anchor)
            size -= 1
        return self.text(kind, role, [[RunPlan(separator.join(names))]], "the signatories", line)

    def hyphenate(self, paragraphs, style: Style, rs: RoleStyle, size: float,
                  width: float) -> list[list[RunPlan]]:
        """Insert hyphens into words wider than ``width`` so that each piece fits: at the
        last dictionary break point that fits, else between letters. Linear in the word:
        the letters' widths are summed once."""
        language = self.pub.meta.language
        out = []
        for runs in paragraphs:
            new_runs = []
            for run in runs:
                metrics = load_metrics(style.file(rs.bold or run.bold, rs.italic != run.italic))
                hyphen = metrics.text_width("-", size) * WIDTH_SAFETY
                words = []
                for word in run.text.split(" "):
                    shown = word.upper() if rs.caps else word
                    ends = list(itertools.accumulate(
                        (metrics.text_width(char, size) * WIDTH_SAFETY for char in shown),
                        initial=0.0))
                    if ends[-1] <= width:
                        words.append(word)
                        continue
                    points = set(break_points(word, language))
                    start = 0
                    while ends[-1] - ends[start] > width:
                        # the furthest cut whose piece (with its hyphen) still fits
                        limit = bisect.bisect_right(ends, ends[start] + width - hyphen) - 1
                        limit = max(limit, start + 1)
                        cut = next((p for p in range(limit, start, -1) if p in points), limit)
                        words.append(word[start:cut] + "-")
                        start = cut
                    words.append(word[start:])
                text = " ".join(words).replace("- ", "-")
                new_runs.append(RunPlan(text, run.bold, run.italic, run.href, run.accent))
            out.append(new_runs)
        return out

    def shorten(self, paragraphs, rs: RoleStyle, style: Style, frame: Frame,
                smallest: float) -> tuple[list[list[RunPlan]], Fit, Shortened]:
        """The first paragraph cut to whole sentences, else clauses, else words, each the
        longest that fits at the smallest size; never less than one word."""
        runs = paragraphs[0]
        text = plain_text_of(runs)
        last: tuple[list[list[RunPlan]], Shortened] | None = None
        for shortened in shorter_versions(text):
            candidate = [runs_prefix(runs, shortened)]
            last = (candidate, shortened)
            fit = fit_text(self.pieces(rs, candidate), style, frame.inner, smallest, smallest)
            if fit is not None:
                return candidate, fit, shortened
        # Not even one word fits at the smallest size: the box is too small for its
        # role. Set the first word as large as it goes rather than leave an empty box.
        candidate, shortened = last if last is not None else (
            [runs], Shortened(text, "words", word_count(text)))
        fit = fit_text(self.pieces(rs, candidate), style, frame.inner, smallest, 1, step=0.5)
        if fit is None:
            fit = Fit(1.0, (plain_text_of(candidate[0]),), frame.inner.height)
        return candidate, fit, shortened

    # -- slides ----------------------------------------------------------------------

    def with_links(self, notes: list[str], blocks: tuple[Block, ...],
                   *inlines: Inlines | None) -> tuple[str, ...]:
        """Speaker notes followed by the addresses of the links in that part of the text."""
        found = links_in(blocks, *inlines)
        if found:
            notes = [*notes, f"{self.labels['links']}:",
                     *(f"• {plain_text(link.children)}: {link.href}" for link in found)]
        return tuple(notes)

    def title_slide(self) -> SlidePlan:
        meta = self.pub.meta
        date = format_date(meta.date, meta.language) if meta.date else meta.date_text
        texts = [
            self.text("title", "organisation", [[RunPlan(meta.organisation or "")]],
                      "the organisation", meta.line_of("organisation")),
            self.text("title", "title", [[RunPlan(meta.title)]], "the title",
                      meta.line_of("title")),
            self.text("title", "subtitle", [[RunPlan(meta.subtitle or "")]], "the subtitle",
                      meta.line_of("subtitle")),
            self.text("title", "date", [[RunPlan(date or "")]], "the date", meta.line_of("date")),
        ]
        intro = self.pub.introduction
        notes = ([plain_text(intro.salutation)] if intro.salutation else []) \
            + blocks_text(intro.blocks)
        return SlidePlan("title", self.layout_names["title"], _present(texts),
                         self.with_links(notes, intro.blocks, intro.salutation))

    def agenda_slide(self) -> SlidePlan:
        items = [[RunPlan(f"{lesson.number}", bold=True, accent=True), RunPlan("\u2003"),
                  *inlines_to_runs(lesson.title)] for lesson in self.pub.lessons]
        texts = [
            self.text("agenda", "title", [[RunPlan(self.labels["agenda"])]],
                      "the agenda title", None),
            self.text("agenda", "body", items, "the agenda", None),
        ]
        return SlidePlan("agenda", self.layout_names["agenda"], _present(texts), ())

    def lesson_slide(self, lesson: Lesson) -> SlidePlan:
        image = next((b for b in lesson.blocks if isinstance(b, Image)), None)
        kind = "lesson_picture" if image is not None and "picture" in \
            self.geometry("lesson_picture").frames else "lesson"
        where = f"lesson {lesson.number}"
        message_line = lesson.key_message_line or lesson.line
        if lesson.key_message is not None:
            message = [inlines_to_runs(lesson.key_message)]
            what = f"the key message of {where}"
        else:
            fallback = key_message_fallback(lesson)
            message = [[RunPlan(fallback[0])]] if fallback else []
            message_line = fallback[1] if fallback else lesson.line
            what = f"the first sentence of {where} (it has no key message)"
        title_runs = inlines_to_runs(lesson.title)
        geometry = self.geometry(kind)
        if "number" not in geometry.frames:
            title_runs = [RunPlan(f"{lesson.number}  ", accent=True), *title_runs]
        texts = [
            self.text(kind, "number", [[RunPlan(str(lesson.number))]], f"the number of {where}",
                      lesson.line),
            self.text(kind, "title", [title_runs], f"the title of {where}", lesson.line),
            self.text(kind, "message", message, what, message_line),
        ]
        notes = self.with_links(list(lesson_notes(lesson, self.labels)), lesson.blocks,
                                lesson.key_message)
        picture = PicturePlan(image.path, image.alt, image.width_px, image.height_px) \
            if kind == "lesson_picture" and image is not None else None
        return SlidePlan(kind, self.layout_names[kind], _present(texts), notes, picture,
                         lesson.line)

    def closing_words(self) -> tuple[list[list[RunPlan]], int | None, str, str]:
        """What the closing slide says, the line it comes from, and what it is: the
        closing's own key message; else its last short sentence (a slogan) when that fits;
        else its words, which ``text`` shortens to whole sentences if they do not fit.
        The last item is the advice given when they are shortened."""
        closing = self.pub.closing
        advice = "Make it shorter (one sentence reads best)"
        if closing.key_message is not None:
            return ([inlines_to_runs(closing.key_message)], closing.key_message_line,
                    "the key message of the closing", advice)
        paragraphs = [block for block in closing.blocks if isinstance(block, Paragraph)
                      and not is_greeting(plain_text(block.inlines))]
        if not paragraphs:
            return [[RunPlan(self.labels["thanks"])]], closing.line, "the closing words", advice
        last = split_sentences(plain_text(paragraphs[-1].inlines))
        if last and word_count(last[-1]) <= SLOGAN_WORDS and len(last) + len(paragraphs) > 2:
            slogan = [[RunPlan(last[-1])]]
            if self.fits("closing", "body", slogan):
                return slogan, paragraphs[-1].line, "the last sentence of the closing", advice
        everything = [inlines_to_runs(block.inlines) for block in paragraphs]
        if self.fits("closing", "body", everything):
            return everything, paragraphs[0].line, "the closing words", advice
        return ([inlines_to_runs(paragraphs[0].inlines)], paragraphs[0].line,
                "the closing words", "To choose the words for the closing slide, write them as "
                "a '>' quote right under the '---'")

    def closing_slide(self) -> SlidePlan:
        closing, meta = self.pub.closing, self.pub.meta
        title = inlines_to_runs(closing.title) if closing.title \
            else [RunPlan(self.labels["closing"])]
        words, line, what, advice = self.closing_words()
        texts = [
            self.text("closing", "title", [title], "the closing title", closing.line),
            self.text("closing", "body", words, what, line, advice),
            self.names("closing", "signatories", meta.signatories, meta.line_of("signatories")),
        ]
        body_texts = ([plain_text(closing.key_message)] if closing.key_message else []) \
            + blocks_text(closing.blocks)
        notes = body_texts + ([", ".join(meta.signatories)] if meta.signatories else [])
        return SlidePlan("closing", self.layout_names["closing"], _present(texts),
                         self.with_links(notes, closing.blocks, closing.key_message),
                         source_line=closing.line)

    def plan(self) -> DeckPlan:
        meta = self.pub.meta
        slides = [self.title_slide()]
        if meta.deck.agenda:
            if len(self.pub.lessons) <= AGENDA_LIMIT:
                slides.append(self.agenda_slide())
            else:
                self.warn(meta.line_of("deck"), f"no agenda slide: {len(self.pub.lessons)} "
                          f"lessons do not fit on one slide (at most {AGENDA_LIMIT}); set "
                          "'deck: agenda: false' to leave it out without this warning")
        slides.extend(self.lesson_slide(lesson) for lesson in self.pub.lessons)
        slides.append(self.closing_slide())
        return DeckPlan(
            slides=tuple(slides),
            title=meta.title,
            author=meta.organisation or "",
            subject=document_property(meta.description or meta.subtitle or ""),
            keywords=", ".join(meta.keywords),
            language_tag=LANGUAGE_TAGS[meta.language],
            warnings=tuple(self.warnings),
        )


MAX_PROPERTY = 255  # PowerPoint's limit for a document property


def document_property(text: str) -> str:
    """``text`` cut at a word to fit a document property (the PDF keeps it whole)."""
    if len(text) <= MAX_PROPERTY:
        return text
    cut = text[:MAX_PROPERTY - 1].rsplit(" ", 1)[0].rstrip(",;:–—")
    return cut + "…"


def plain_text_of(runs: list[RunPlan]) -> str:
    return "".join(run.text for run in runs)


def pack_items(items: list[str], separator: str, style: Style, size: float,
               width: float) -> list[str] | None:
    """Whole items joined by ``separator``, as few lines as fit ``width``; ``None`` when
    one item alone is too wide."""
    metrics = load_metrics(style.regular)

    def measure(text: str) -> float:
        return metrics.text_width(text, size) * WIDTH_SAFETY

    lines: list[str] = []
    for item in items:
        if measure(item) > width:
            return None
        if lines and measure(lines[-1] + separator + item) <= width:
            lines[-1] += separator + item
        else:
            lines.append(item)
    return lines


def _present(texts: list[TextPlan | None]) -> tuple[TextPlan, ...]:
    return tuple(text for text in texts if text is not None and text.paragraphs)


def resolve_layout_names(publication: Publication,
                         layouts: dict[str, LayoutGeometry]) -> dict[str, str]:
    """Map each slide kind the deck needs to a layout in the template, failing loudly."""
    chosen = dict(publication.meta.deck.layouts)
    template = publication.meta.deck.template
    where = f"the template {template.name}" if template else "the default template"
    kinds = [kind for kind in SLIDE_KINDS if kind != "agenda" or publication.meta.deck.agenda]
    names: dict[str, str] = {}
    for kind in kinds:
        name = chosen.get(kind, SLIDE_KINDS[kind][0])
        if name not in layouts and kind == "lesson_picture" and kind not in chosen:
            name = names["lesson"]  # no picture layout: pictures stay in the booklet
        if name not in layouts:
            raise SourceError(
                publication.source, publication.meta.line_of("deck"),
                f"{where} has no slide layout named '{name}' (for the "
                f"{kind.replace('_', ' ')} slide); layouts it has: {', '.join(sorted(layouts))}. "
                f"Rename a layout in PowerPoint, or choose one in the front matter under "
                f"'deck: layouts: {kind}: …'")
        if "title" not in layouts[name].frames:
            raise SourceError(publication.source, publication.meta.line_of("deck"),
                              f"the slide layout '{name}' has no title placeholder; choose a "
                              f"layout with a title for the {kind.replace('_', ' ')} slide")
        names[kind] = name
    return names


def publication_to_deck_plan(publication: Publication, theme: Theme,
                             layouts: dict[str, LayoutGeometry]) -> DeckPlan:
    """Plan every slide of the deck for ``publication``."""
    names = resolve_layout_names(publication, layouts)
    return _Planner(publication, theme, layouts, names).plan()


def lesson_to_slide(lesson: Lesson, publication: Publication, theme: Theme,
                    layouts: dict[str, LayoutGeometry]) -> SlidePlan:
    """Plan the slide of one lesson."""
    names = resolve_layout_names(publication, layouts)
    return _Planner(publication, theme, layouts, names).lesson_slide(lesson)
