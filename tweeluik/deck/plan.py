"""Turn a publication into a slide plan: plain data, no PowerPoint in sight.

Step 3a of the deck writer (like Pandoc's ``Presentation.hs``): content model + theme +
the geometry of the template's layouts → a ``DeckPlan`` with one ``SlidePlan`` per
slide, every text already measured and sized to fit its placeholder. ``pptx_writer``
then writes that plan with python-pptx. Being data, the plan is tested without a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyphen

from ..errors import SourceError
from ..fonts import load_metrics
from ..labels import LANGUAGE_TAGS, format_date, labels_for
from ..model import (
    Code,
    Emph,
    Image,
    Inlines,
    Lesson,
    LineBreak,
    Link,
    Publication,
    Strong,
    Text,
    blocks_text,
    plain_text,
)
from ..theme import Theme
from .fit import WIDTH_SAFETY, Box, Piece, Style, fit_text, text_height, widest_word

#: Slide kinds, the layout each uses by default, and the placeholder roles it fills.
SLIDE_KINDS = {
    "title": ("Title Slide", ("organisation", "title", "subtitle", "date")),
    "agenda": ("Agenda", ("title", "body")),
    "lesson": ("Lesson", ("number", "title", "message")),
    "lesson_picture": ("Lesson with Picture", ("number", "title", "message", "picture")),
    "closing": ("Closing", ("title", "body", "signatories")),
}
AGENDA_LIMIT = 12
DEFAULT_MESSAGE_WORDS = 30


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
    warnings: tuple[SourceError, ...] = field(default=())


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
    return runs


def first_sentence(text: str, max_words: int = DEFAULT_MESSAGE_WORDS) -> str:
    """The first sentence of ``text``, at most ``max_words`` words."""
    sentence = re.split(r"(?<=[.!?…])\s+(?=[^a-z])", text.strip(), maxsplit=1)[0]
    words = sentence.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]).rstrip(",;:–—") + " …"
    return sentence


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
        self.warnings: list[SourceError] = []
        self._hyphenator: pyphen.Pyphen | None = None

    @property
    def hyphenator(self) -> pyphen.Pyphen:
        """The dictionary for breaking over-wide words (loaded only when one turns up)."""
        if self._hyphenator is None:
            tag = LANGUAGE_TAGS[self.pub.meta.language].replace("-", "_")
            self._hyphenator = pyphen.Pyphen(lang=tag)
        return self._hyphenator

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(SourceError(self.pub.source, line, message))

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

    def text(self, kind: str, role: str, runs_per_paragraph: list[list[RunPlan]],
             what: str, line: int | None) -> TextPlan | None:
        """Measure and size one placeholder's text; shorten or hyphenate past the limits."""
        frame = self.geometry(kind).frames.get(role)
        if frame is None:
            return None
        rs = _role_style(kind, role)
        style = self.style_files(rs.typeface)
        largest, smallest = self.sizes(rs)
        paragraphs = [[run for run in runs if run.text] for runs in runs_per_paragraph]
        paragraphs = [runs for runs in paragraphs if runs]

        def pieces(paragraphs_):
            return tuple(
                tuple(Piece(r.text.upper() if rs.caps else r.text, rs.bold or r.bold,
                            rs.italic != r.italic) for r in runs)
                for runs in paragraphs_)

        fit = fit_text(pieces(paragraphs), style, frame.inner, largest, smallest)
        if fit is None:
            word, width = widest_word(pieces(paragraphs), style, smallest)
            if width > frame.inner.width:
                paragraphs = self.hyphenate(paragraphs, style, rs, smallest, frame.inner.width)
                self.warn(line, f"{what}: the word '{word}' is too wide for the slide even "
                          f"at {smallest:g} pt; it is hyphenated there. A shorter word or a "
                          "hyphen of your own reads better")
                fit = fit_text(pieces(paragraphs), style, frame.inner, largest, smallest)
        if fit is None and rs.can_shorten:
            sentence = [[RunPlan(first_sentence("".join(r.text for r in paragraphs[0])))]]
            fit = fit_text(pieces(sentence), style, frame.inner, largest, smallest)
            if fit is not None:
                paragraphs = sentence
            else:
                paragraphs, fit = self.shorten(paragraphs, pieces, style, frame, smallest)
            self.warn(line, f"{what} is too long for its slide even at {smallest:g} pt; "
                      "the slide shows the start of it and the speaker notes the whole. "
                      "Write a shorter one (one sentence reads best)")
        if fit is None:
            paragraphs, fit = self.shorten(paragraphs, pieces, style, frame, smallest)
            self.warn(line, f"{what} is too long for its slide even at {smallest:g} pt; "
                      "it is cut short on the slide. Make it shorter")
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
        """Insert hyphens into words wider than ``width`` so that each piece fits."""

        def too_wide(text: str, bold: bool, italic: bool) -> bool:
            metrics = load_metrics(style.file(rs.bold or bold, rs.italic != italic))
            return metrics.text_width(text.upper() if rs.caps else text, size) * WIDTH_SAFETY > width

        out = []
        for runs in paragraphs:
            new_runs = []
            for run in runs:
                words = []
                for word in run.text.split(" "):
                    while word and too_wide(word, run.bold, run.italic):
                        positions = [p for p in self.hyphenator.positions(word)]
                        cut = next((p for p in reversed(positions)
                                    if not too_wide(word[:p] + "-", run.bold, run.italic)), None)
                        if cut is None:  # no syllable break fits: break between letters
                            cut = max(1, next(i for i in range(len(word), 0, -1)
                                              if not too_wide(word[:i] + "-", run.bold, run.italic)))
                        words.append(word[:cut] + "-")
                        word = word[cut:]
                    words.append(word)
                text = " ".join(words).replace("- ", "-")
                new_runs.append(RunPlan(text, run.bold, run.italic, run.href, run.accent))
            out.append(new_runs)
        return out

    def shorten(self, paragraphs, pieces, style: Style, frame: Frame, smallest: float):
        """Keep as many words as fit at ``smallest``, then an ellipsis."""
        words: list[tuple[RunPlan, str]] = []
        for runs in paragraphs[:1]:
            for run in runs:
                for word in run.text.split():
                    words.append((run, word))
        low, high, best = 1, len(words), None
        while low <= high:
            middle = (low + high) // 2
            candidate = self._words_to_runs(words[:middle])
            fit = fit_text(pieces([candidate]), style, frame.inner, smallest, smallest)
            if fit is not None:
                best, low = (candidate, fit), middle + 1
            else:
                high = middle - 1
        if best is None:
            candidate = [RunPlan("…")]
            return [candidate], fit_text(pieces([candidate]), style, frame.inner, smallest, 1)
        return [best[0]], best[1]

    @staticmethod
    def _words_to_runs(words: list[tuple[RunPlan, str]]) -> list[RunPlan]:
        runs: list[RunPlan] = []
        for index, (run, word) in enumerate(words):
            last = index == len(words) - 1
            text = word.rstrip(",;:–—") + " …" if last else word + " "
            if runs and runs[-1].bold == run.bold and runs[-1].italic == run.italic \
                    and runs[-1].href == run.href:
                runs[-1] = RunPlan(runs[-1].text + text, run.bold, run.italic, run.href)
            else:
                runs.append(RunPlan(text, run.bold, run.italic, run.href))
        return runs

    # -- slides ----------------------------------------------------------------------

    def title_slide(self) -> SlidePlan:
        meta = self.pub.meta
        date = format_date(meta.date, meta.language) if meta.date else meta.date_text
        texts = [
            self.text("title", "organisation", [[RunPlan(meta.organisation or "")]],
                      "the organisation", meta.line_of("organisation")),
            self.text("title", "title", [[RunPlan(meta.title)]], "the title", meta.line_of("title")),
            self.text("title", "subtitle", [[RunPlan(meta.subtitle or "")]], "the subtitle",
                      meta.line_of("subtitle")),
            self.text("title", "date", [[RunPlan(date or "")]], "the date", meta.line_of("date")),
        ]
        intro = self.pub.introduction
        notes = ([plain_text(intro.salutation)] if intro.salutation else []) + blocks_text(intro.blocks)
        return SlidePlan("title", self.layout_names["title"], _present(texts), tuple(notes))

    def agenda_slide(self) -> SlidePlan:
        items = [[RunPlan(f"{lesson.number}", bold=True, accent=True), RunPlan("\u2003"),
                  *inlines_to_runs(lesson.title)] for lesson in self.pub.lessons]
        texts = [
            self.text("agenda", "title", [[RunPlan(self.labels["agenda"])]], "the agenda title", None),
            self.text("agenda", "body", items, "the agenda", None),
        ]
        return SlidePlan("agenda", self.layout_names["agenda"], _present(texts), ())

    def lesson_slide(self, lesson: Lesson) -> SlidePlan:
        image = next((b for b in lesson.blocks if isinstance(b, Image)), None)
        kind = "lesson_picture" if image is not None and "picture" in \
            self.geometry("lesson_picture").frames else "lesson"
        where = f"lesson {lesson.number}"
        if lesson.key_message is not None:
            message = [inlines_to_runs(lesson.key_message)]
            what = f"the key message of {where}"
        else:
            body = blocks_text(lesson.blocks)
            message = [[RunPlan(first_sentence(body[0]))]] if body else []
            what = f"the first sentence of {where} (it has no key message)"
        title_runs = inlines_to_runs(lesson.title)
        geometry = self.geometry(kind)
        if "number" not in geometry.frames:
            title_runs = [RunPlan(f"{lesson.number}  ", accent=True), *title_runs]
        texts = [
            self.text(kind, "number", [[RunPlan(str(lesson.number))]], f"the number of {where}",
                      lesson.line),
            self.text(kind, "title", [title_runs], f"the title of {where}", lesson.line),
            self.text(kind, "message", message, what, lesson.key_message_line or lesson.line),
        ]
        notes = lesson_notes(lesson, self.labels)
        picture = PicturePlan(image.path, image.alt, image.width_px, image.height_px) \
            if kind == "lesson_picture" and image is not None else None
        return SlidePlan(kind, self.layout_names[kind], _present(texts), notes, picture, lesson.line)

    def closing_slide(self) -> SlidePlan:
        closing, meta = self.pub.closing, self.pub.meta
        title = inlines_to_runs(closing.title) if closing.title else [RunPlan(self.labels["closing"])]
        body_texts = blocks_text(closing.blocks)
        words = [[RunPlan(first_sentence(body_texts[0]))]] if body_texts else \
            [[RunPlan(self.labels["thanks"])]]
        texts = [
            self.text("closing", "title", [title], "the closing title", closing.line),
            self.text("closing", "body", words, "the closing words", closing.line),
            self.names("closing", "signatories", meta.signatories, meta.line_of("signatories")),
        ]
        notes = tuple(body_texts + ([", ".join(meta.signatories)] if meta.signatories else []))
        return SlidePlan("closing", self.layout_names["closing"], _present(texts), notes,
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
            subject=meta.description or meta.subtitle or "",
            keywords=", ".join(meta.keywords),
            language_tag=LANGUAGE_TAGS[meta.language],
            warnings=tuple(self.warnings),
        )


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
