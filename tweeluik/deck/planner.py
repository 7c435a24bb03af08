"""Turn a publication into a slide plan: plain data, no PowerPoint in sight.

Step 3a of the deck writer (like Pandoc's ``Presentation.hs``): content model + theme +
the template's description (``template.TemplateInfo``) → a ``DeckPlan`` (``plan``) with
one ``SlidePlan`` per slide. The planner composes the slides (title, agenda, lessons or
the letter's parts, closing); ``furniture`` places the logo and the footer, ``fitting``
sizes each text.

Two designs: tweeluik's own (our template, or any template with ``deck: design:
tweeluik``) sets our typefaces, colours and styles; an organisation's template keeps
its own, and only the sizes and the words are ours.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import NOTE, printable
from ..hyphenation import NO_EXCEPTIONS, Exceptions
from ..labels import LANGUAGE_TAGS, format_date
from ..model import (
    Block,
    Image,
    Inlines,
    Lesson,
    Publication,
    StandIn,
    blocks_text,
    links_in,
    plain_text,
)
from ..sentences import split_sentences, word_count
from ..theme import Theme
from .box_room import with_room_for_text
from .fitting import inner
from .furniture import SlideFurniture
from .layouts import publication_layouts
from .plan import DeckPlan, PicturePlan, RunPlan, SlidePlan, TextPlan
from .roles import design_of
from .runs import SEPARATOR, document_property, inlines_to_runs, joined_names
from .template import (
    TemplateInfo,
)

SLOGAN_WORDS = 12   # a closing sentence this short may stand alone on the closing slide


AGENDA_LIMIT = 60   # lessons; past this an agenda would take more slides than it saves
#: An agenda may take two slides, or one for every this many lessons, and no more: a
#: template whose box holds two lessons a slide would spend a slide for every two.
AGENDA_PER_SLIDE = 8


#: The points of each list the deck's size for points is settled on (more stand where
#: they fit at that size, up to ``letters.MOST_POINTS``).
SETTLED_POINTS = 3


def lesson_notes(lesson: Lesson, labels: dict[str, str]) -> tuple[str, ...]:
    """The speaker notes of a lesson's slide: the author's own notes first, if any, then
    the lesson's whole text, so the presenter can always read along."""
    text = ([plain_text(lesson.key_message)] if lesson.key_message else []) \
        + blocks_text(lesson.blocks)
    if lesson.notes is None:
        return tuple(text)
    own = [plain_text(paragraph.inlines) for paragraph in lesson.notes]
    return (*own, f"— {labels['full_text']} —", *text)


class _Planner(SlideFurniture):
    """Composes the slides: title, agenda, lessons or parts, closing, with the logo
    and the footer."""

    # -- slides ----------------------------------------------------------------------

    def with_links(self, notes: list[str], blocks: tuple[Block, ...],
                   *inlines: Inlines | None) -> tuple[str, ...]:
        """Speaker notes followed by the addresses of the links in that part of the text."""
        found = links_in(blocks, *inlines)
        if found:
            notes = [*notes, f"{self.labels['links']}:",
                     *(f"• {plain_text(link.children)}: {link.href}" for link in found)]
        return tuple(notes)

    def slide(self, kind: str, texts: list[TextPlan | None], notes: tuple[str, ...],
              picture: PicturePlan | None = None, line: int | None = None) -> SlidePlan:
        layout = self.layouts[kind].layout
        texts = [*texts, self.label(kind, texts)]
        footer = self.footer(kind, texts)
        logo = self.logo(kind, [*texts, footer]) if kind in ("title", "closing") else None
        whole = " ".join(notes)
        cut = [text for text in dict.fromkeys(self._cut) if " ".join(text.split()) not in
               " ".join(whole.split())]
        self._cut = []
        return SlidePlan(kind, layout.name, _present(texts), (*cut, *notes), picture, line,
                         layout.master, layout.position, footer, logo)

    def title_slide(self) -> SlidePlan:
        meta = self.pub.meta
        date = format_date(meta.date, meta.language) if meta.date else meta.date_text
        values = {"title": meta.title, "subtitle": meta.subtitle or "",
                  "organisation": meta.organisation or "", "date": date or ""}
        lines = {role: meta.line_of(role) for role in values}
        slots = self.layouts["title"].slots
        texts = [self.text("title", "title", [[RunPlan(meta.title)]], "the title", lines["title"])]
        # A footer or date strip too small to read from the room: the organisation and the
        # date stand under the subtitle instead, when they fit there (unless the template
        # named the box for them).
        strips = [role for role in ("organisation", "date") if values[role]
                  and (slot := slots.get(role)) is not None and slot.shared_with is None
                  and slot.placeholder.kind in ("footer", "date") and "subtitle" in slots
                  and slot.placeholder.role_name != role  # a box named for it is meant
                  and slots["subtitle"].shared_with is None
                  and (slot.placeholder.style.size or 12.0) < READABLE_STRIP_PT * self.template.scale]
        moved: set[str] = set()
        for role in ("subtitle", "organisation", "date"):
            slot = slots.get(role)
            if slot is None or slot.shared_with is not None or role in moved:
                continue
            if role == "subtitle":  # the organisation and date may share its box
                shared = [other for other in ("organisation", "date")
                          if (s := slots.get(other)) is not None and s.shared_with == "subtitle"
                          and values[other]]
                paragraphs, left_out = self.shared_subtitle(values, [*shared, *strips])
                if any(other in left_out for other in shared):  # they have no box at all
                    paragraphs, left_out = self.shared_subtitle(values, shared)
                    strips = []
                moved = {other for other in strips if other not in left_out}
                left_out = [other for other in left_out if other not in strips]
                texts.append(self.text("title", "subtitle", paragraphs, "the subtitle",
                                       lines["subtitle"]))
                for other in left_out:
                    self.warn(lines[other], f"the {other} does not fit on the title slide: "
                              f"its slide layout '{self.layouts['title'].layout.name}' has no "
                              f"box for it, and the subtitle's box is too small to hold it "
                              "too; it is in the speaker notes. Choose a title layout with a "
                              "footer or date box under 'deck: layouts: title:'",
                              once=f"title:{other}")
                    self._cut.append(values[other])
            else:
                paragraphs = [[RunPlan(values[role])]] if values[role] else []
                sharing = slots.get("organisation")
                if role == "date" and sharing is not None and sharing.shared_with == "date" \
                        and values["organisation"]:  # 'Naam | datum', as the prompt asks
                    paragraphs = self.name_and_date(values["organisation"], values[role],
                                                    lines["organisation"])
                texts.append(self.text("title", role, paragraphs, f"the {role}", lines[role]))
        intro = self.pub.introduction
        notes = ([plain_text(intro.salutation)] if intro.salutation else []) \
            + blocks_text(intro.blocks)
        for role in ("organisation", "date", "subtitle"):
            if values[role] and role not in slots:
                self.warn(lines[role], f"the {role} has no place on the title slide: its slide "
                          f"layout '{self.layouts['title'].layout.name}' has no box for it, nor "
                          "a subtitle to share; it is in the speaker notes",
                          once=f"title:{role}")
                notes.insert(0, values[role])
        return self.slide("title", texts, self.with_links(notes, intro.blocks, intro.salutation))

    def name_and_date(self, organisation: str, date: str, line: int | None
                      ) -> list[list[RunPlan]]:
        """What a title slide's box for 'Naam | datum' holds: the organisation and the
        date on one line as its prompt has them, else on two; else the date alone (the
        organisation goes to the notes, said)."""
        for paragraphs in ([[RunPlan(f"{organisation} | {date}" if date else organisation)]],
                           [[RunPlan(organisation)], [RunPlan(date)]] if date else []):
            if paragraphs and self.fits("title", "date", paragraphs):
                return paragraphs
        self.warn(line, f"the organisation does not fit on the title slide: the box of its "
                  f"slide layout '{self.layouts['title'].layout.name}' for a name and a date "
                  "holds the date only; it is in the speaker notes", once="title:organisation")
        self._cut.append(organisation)
        return [[RunPlan(date)]] if date else []

    def shared_subtitle(self, values: dict[str, str], shared: list[str]
                        ) -> tuple[list[list[RunPlan]], list[str]]:
        """What the subtitle's box holds when the organisation and the date have no box
        of their own: all three on lines of their own if they fit; else the organisation
        and the date on one line under the subtitle; else the subtitle alone (the others
        are returned, for the notes)."""
        subtitle = [[RunPlan(values["subtitle"])]] if values["subtitle"] else []
        lines = [[RunPlan(values[role])] for role in shared]
        if not shared or self.fits("title", "subtitle", [*subtitle, *lines]):
            return [*subtitle, *lines], []
        joined = [[RunPlan(SEPARATOR.join(values[role] for role in shared))]]
        if len(shared) > 1 and self.fits("title", "subtitle", [*subtitle, *joined]):
            return [*subtitle, *joined], []
        if not subtitle:
            return lines[:1], shared[1:]
        return subtitle, shared

    def agenda_groups(self) -> list[list[Lesson]]:
        """The lessons of each agenda slide: as many slides as they need, shared out
        evenly (five lessons on two slides: three and two, not four and one), each no
        fuller than it reads well."""
        lessons = list(self.pub.lessons)
        groups = []
        while lessons:
            count = len(lessons)
            while count > 1 and self.fits("agenda", "body",
                                          self.agenda_items(lessons[:count])) is None:
                count -= 1
            needed = -(-len(lessons) // count)  # slides, at this many a slide
            count = -(-len(lessons) // needed)
            groups.append(lessons[:count])
            lessons = lessons[count:]
        return groups

    def agenda_slides(self, groups: list[list[Lesson]]) -> list[SlidePlan]:
        """The agenda's slides, titled 'Vandaag', or 'Vandaag (1 van 2)' and on when it
        takes several (every slide's title its own)."""
        slides = []
        for number, lessons in enumerate(groups, start=1):
            title = self.labels["agenda"] if len(groups) == 1 else \
                self.labels["agenda_part"].format(number=number, count=len(groups))
            # what is said of them points at the front matter's 'deck:', where the agenda
            # and its layout are chosen (else at the first lesson it lists)
            line = self.pub.meta.line_of("deck") or lessons[0].line
            texts = [self.text("agenda", "title", [[RunPlan(title)]], "the agenda title", line),
                     self.text("agenda", "body", self.agenda_items(lessons), "the agenda",
                               line)]
            slides.append(self.slide("agenda", texts, ()))
        return slides

    def agenda_items(self, lessons: list[Lesson]) -> list[list[RunPlan]]:
        return [[RunPlan(f"{lesson.number}", bold=True, accent=True), RunPlan("\u2003"),
                 *inlines_to_runs(lesson.title)] for lesson in lessons]

    def lesson_words(self, lesson: Lesson):
        """(kind of slide, title runs, message paragraphs, the message's line, what the
        message is) of a lesson's slide."""
        image = next((b for b in lesson.blocks if isinstance(b, Image)), None)
        kind = "lesson_picture" if image is not None and \
            "picture" in self.layouts["lesson_picture"].slots else "lesson"
        where = f"lesson {lesson.number}"
        message_line = lesson.key_message_line or lesson.line
        if lesson.key_message is not None:
            message = [inlines_to_runs(lesson.key_message)]
            what = f"the key message of {where}"
        else:
            fallback = lesson.stand_in
            message = [[RunPlan(fallback[0])]] if fallback else []
            message_line = fallback[1] if fallback else lesson.line
            what = f"the first sentence of {where} (it has no key message)"
        title_runs = inlines_to_runs(lesson.title)
        if self.slot(kind, "number") is None:
            # (no-break spaces: the number stays on the line with the title's first word)
            title_runs = [RunPlan(f"{lesson.number}\u00a0\u00a0", accent=True), *title_runs]
        return kind, title_runs, message, message_line, what

    def points_that_fit(self, kind: str, stand_in: StandIn | None) -> list[list[RunPlan]]:
        """A part without a key message that says it in a list: as many of its points
        (two or more, in order) as fit its slide at the deck's size for points
        (``settle_points_size``); none when two do not (its first point stands alone, as a
        sentence)."""
        points = stand_in.points if stand_in is not None else ()
        settled = self.deck_sizes.get((kind, "points"))
        for count in range(len(points), 1, -1):
            paragraphs = [[RunPlan(point)] for point in points[:count]]
            fit = self.fits(kind, "message", paragraphs, bulleted=True)
            if fit is not None and (settled is None or fit.size >= settled):
                return paragraphs
        return []

    def settle_deck_sizes(self) -> None:
        """One size per role across the lesson slides: the largest at which every lesson's
        title (and key message) fits, below the range where the box is too small for it;
        a text that fits at no size is left out of the reckoning (it is shortened on its
        own slide). In a template's design, the closing on the lessons' layout takes their
        title's size."""
        found: dict[tuple[str, str], list[float]] = {}
        for lesson in self.pub.lessons:
            kind, title_runs, message, _, _ = self.lesson_words(lesson)
            for role, paragraphs in (("title", [title_runs]), ("message", message)):
                slot = self.slot(kind, role)
                if not paragraphs or slot is None:
                    continue
                fit = self.fits(kind, role, paragraphs)
                if fit is None and self.box_too_small(inner(slot), self.style_for(kind, role)[0],
                                                      self.sizes(kind, role)[1]):
                    fit = self.small_box_fit(kind, role, paragraphs)
                elif fit is None and role == "title":
                    fit = self.long_title_fit(kind, paragraphs)
                if fit is not None:
                    found.setdefault((kind, role), []).append(fit.size)
        for role in ("title", "message"):  # a lesson with a picture is a lesson slide too
            both = [*found.get(("lesson", role), []), *found.get(("lesson_picture", role), [])]
            for kind in ("lesson", "lesson_picture"):
                if (kind, role) in found:
                    found[(kind, role)] = both
        self.deck_sizes = {key: min(sizes) for key, sizes in found.items()}
        if self.design == "template" and ("lesson", "title") in self.deck_sizes \
                and self.layouts["closing"].layout == self.layouts["lesson"].layout:
            # on the lessons' layout, the closing's title at theirs: a short 'Tot slot' set
            # larger than every heading before it read as a jump (a real template's deck)
            self.deck_sizes[("closing", "title")] = self.deck_sizes[("lesson", "title")]

    def settle_points_size(self) -> None:
        """One size for the points of every list the slides show: the largest, no larger
        than the key messages', at which the first ``SETTLED_POINTS`` points of each list
        fit (a key message's size set a list's points so large that two of three fit); a
        list that fits at no size is left out of the reckoning (its first point stands
        alone)."""
        parts = [(self.lesson_words(lesson)[0], lesson.stand_in) for lesson in self.pub.lessons
                 if lesson.key_message is None]
        parts += [("lesson", section.stand_in) for section in self.pub.introduction.sections]
        sizes = []
        for kind, stand_in in parts:
            if stand_in is None or not stand_in.points:
                continue
            paragraphs = [[RunPlan(point)] for point in stand_in.points[:SETTLED_POINTS]]
            fit = self.fits(kind, "message", paragraphs, bulleted=True)
            if fit is not None:
                sizes.append(fit.size)
        if sizes:
            for kind in ("lesson", "lesson_picture"):
                self.deck_sizes[(kind, "points")] = min(sizes)

    def lesson_slide(self, lesson: Lesson) -> SlidePlan:
        image = next((b for b in lesson.blocks if isinstance(b, Image)), None)
        kind, title_runs, message, message_line, what = self.lesson_words(lesson)
        where = f"lesson {lesson.number}"
        if message and self.slot(kind, "message") is None:
            layout = self.layouts[kind].layout.name
            self.warn(lesson.line, f"the slide layout '{layout}' has no text box for the key "
                      "messages; they are only in the speaker notes. Choose a layout with a "
                      f"title and a text box under 'deck: layouts: {kind}:'", once=f"msg:{kind}")
        points = self.points_that_fit(kind, lesson.stand_in if lesson.key_message is None
                                      else None)
        texts = [
            self.text(kind, "number", [[RunPlan(str(lesson.number))]], f"the number of {where}",
                      lesson.line),
            self.text(kind, "title", [title_runs], f"the title of {where}", lesson.line),
            self.text(kind, "message", points, f"the first points of {where}", message_line,
                      bulleted=True) if points else
            self.text(kind, "message", message, what, message_line),
        ]
        notes = self.with_links(list(lesson_notes(lesson, self.labels)), lesson.blocks,
                                lesson.key_message)
        picture = None
        slot = self.slot(kind, "picture")
        if kind == "lesson_picture" and image is not None and slot is not None:
            picture = PicturePlan(image.path, image.alt, image.width_px, image.height_px,
                                  slot.placeholder.order)
        return self.slide(kind, texts, notes, picture, lesson.line)

    def text_slides(self) -> list[SlidePlan]:
        """A letter without lessons: one slide per part of its text (the reader decided
        them: one per '###' heading, else the whole letter), each on the lesson layout
        with its first sentence and, in the notes, its text."""
        return [self.text_slide(section) for section in self.pub.introduction.sections]

    def text_slide(self, section) -> SlidePlan:
        """One slide of a letter without lessons: a title and the first sentence."""
        title = inlines_to_runs(section.title) if section.title is not None \
            else [RunPlan(self.labels["in_brief"])]
        found = section.stand_in
        message = [[RunPlan(found[0])]] if found else []
        message_line = found[1] if found else section.line
        points = self.points_that_fit("lesson", found)
        texts = [self.text("lesson", "title", [title], "the title of a text slide",
                           section.line),
                 self.text("lesson", "message", points, "the first points of a section",
                           message_line, bulleted=True) if points else
                 self.text("lesson", "message", message, "the first sentence of a section",
                           message_line)]
        return self.slide("lesson", texts, self.with_links(blocks_text(section.blocks),
                                                          section.blocks),
                          line=section.line or message_line)

    def closing_words(self) -> tuple[list[list[RunPlan]], int | None, str, str]:
        """What the closing slide says, the line it comes from, and what it is: the
        closing's own key message; else its last short sentence (a slogan) when that fits;
        else its words, which ``text`` shortens to whole sentences if they do not fit;
        a letter with nothing after its lessons, its ``end_card``. The last item is the
        advice given when they are shortened."""
        closing = self.pub.closing
        advice = "Make it shorter (one sentence reads best)"
        if closing.key_message is not None:
            return ([inlines_to_runs(closing.key_message)], closing.key_message_line,
                    "the key message of the closing", advice)
        paragraphs = list(closing.words)
        if not paragraphs and closing.greeting is not None:  # the letter's own last words
            words = plain_text(closing.greeting.inlines).strip().rstrip(",")
            return [[RunPlan(words)]], closing.greeting.line, "the greeting", advice
        if not paragraphs and not self.pub.meta.signatories:  # nothing after the lessons
            return self.end_card(), self.pub.meta.line_of("title"), \
                "the title, organisation and date", ("To choose the words for the closing "
                                                     "slide, write them under a line '---' "
                                                     "after the last lesson")
        if not paragraphs:  # nothing of the letter's own: no words of ours either
            return [], closing.line, "the closing words", advice
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

    def end_card(self) -> list[list[RunPlan]]:
        """What the closing slide says for a letter with nothing after its lessons (no
        closing words, greeting or names): its own title, organisation and date. (The
        slide keeps its own title: two slides of one title are one too many for a
        screen reader.)"""
        meta = self.pub.meta
        date = format_date(meta.date, meta.language) if meta.date else meta.date_text
        return [[RunPlan(value)] for value in (meta.title, meta.organisation, date) if value]

    def closing_slide(self) -> SlidePlan:
        closing, meta = self.pub.closing, self.pub.meta
        title = inlines_to_runs(closing.title) if closing.title \
            else [RunPlan(self.labels["closing"])]
        words, line, what, advice = self.closing_words()
        signatories = self.slot("closing", "signatories")
        names_line = meta.line_of("signatories")
        texts: list[TextPlan | None] = [
            self.text("closing", "title", [title], "the closing title", closing.line)]
        shared = signatories is not None and signatories.shared_with == "body" \
            and bool(meta.signatories)
        with_names = [*words, [RunPlan(joined_names(meta.signatories))]]
        too_full = shared and not self.fits("closing", "body", with_names)
        under = self.names_under_words("closing", words, meta.signatories) if too_full else None
        if under is not None:  # one box for both, holding them with the names smaller
            texts.append(under)
        elif too_full and self.fits("closing", "body", words):
            # One box for both, too small for both: the words stay whole, the names go to
            # the notes (cutting the words would change what the slide says).
            texts.append(self.text("closing", "body", words, what, line, advice))
            self.warn(names_line, f"the slide layout '{self.layouts['closing'].layout.name}' "
                      f"has one text box for {what} and the signatories, too small for both; "
                      "the signatories are in the speaker notes. Choose a layout with a "
                      "larger box, or one with a second box, under 'deck: layouts: closing:'",
                      once="closing-names")
        elif shared:
            texts.append(self.text("closing", "body", with_names, what, line, advice,
                                   keep_last=True))
        else:
            texts.append(self.text("closing", "body", words, what, line, advice))
            texts.append(self.names("closing", "signatories", meta.signatories, names_line))
        body_texts = ([plain_text(closing.key_message)] if closing.key_message else []) \
            + blocks_text(closing.blocks)
        notes = body_texts + ([", ".join(meta.signatories)] if meta.signatories else [])
        if self.slot("closing", "body") is None:
            self.warn(line, f"the slide layout '{self.layouts['closing'].layout.name}' has no "
                      "text box for the closing words and the signatories; they are only in "
                      "the speaker notes. Choose a layout with a text box under 'deck: "
                      "layouts: closing:'", once="closing-body")
        return self.slide("closing", texts, self.with_links(notes, closing.blocks,
                                                           closing.key_message),
                          line=closing.line)

    def plan(self) -> DeckPlan:
        meta = self.pub.meta
        slides = [self.title_slide()]
        if meta.deck.agenda and self.pub.lessons:
            groups = self.agenda_groups() if len(self.pub.lessons) <= AGENDA_LIMIT else []
            most = max(2, -(-len(self.pub.lessons) // AGENDA_PER_SLIDE))
            if len(groups) > most:
                layout = self.layouts["agenda"].layout.name
                self.warn(meta.line_of("deck"), f"no agenda: the text box of the slide layout "
                          f"'{printable(layout)}' holds its {len(self.pub.lessons)} lessons only "
                          f"on {len(groups)} slides, more than it saves; choose a layout with a "
                          "larger box under 'deck: layouts: agenda:', or set 'deck: agenda: "
                          "false' to leave it out without this warning")
            elif groups:
                slides.extend(self.agenda_slides(groups))
            else:
                self.warn(meta.line_of("deck"), f"no agenda: {len(self.pub.lessons)} lessons "
                          f"would fill too many slides (at most {AGENDA_LIMIT}); set 'deck: "
                          "agenda: false' to leave it out without this warning")
        self.settle_deck_sizes()
        self.settle_points_size()
        slides.extend(self.lesson_slide(lesson) for lesson in self.pub.lessons)
        if not self.pub.lessons:
            slides.extend(self.text_slides())
        slides.append(self.closing_slide())
        if any(isinstance(block, Image) for lesson in self.pub.lessons for block in lesson.blocks) \
                and "picture" not in self.layouts.get("lesson_picture",
                                                      self.layouts["lesson"]).slots:
            self.warn(meta.line_of("deck"), "the slide template has no layout with a picture "
                      "box beside room for a lesson's title and words; the lessons' pictures "
                      "are in the booklet only", once="pictures", severity=NOTE)
        return DeckPlan(
            slides=with_room_for_text(self.numbered(slides), self.template),
            title=document_property(meta.title),
            author=document_property(meta.organisation or ""),
            subject=document_property(meta.description or meta.subtitle or ""),
            keywords=document_property(", ".join(meta.keywords)),
            language_tag=LANGUAGE_TAGS[meta.language],
            design=self.design,
            warnings=tuple(self.warnings),
            hints_left_out=self.template.printed_hints,
        )


#: How many of a template's printed fill-in hints a warning names.
MAX_HINTS_SAID = 5
#: A footer or date box set smaller than this (points, on a 13.33-inch slide) cannot be
#: read from the back of a room: the title slide's organisation and date go elsewhere.
READABLE_STRIP_PT = 18.0


def _present(texts: list[TextPlan | None]) -> tuple[TextPlan, ...]:
    return tuple(text for text in texts if text is not None and text.paragraphs)


def publication_to_deck_plan(publication: Publication, theme: Theme, template: TemplateInfo,
                             fonts: Path, exceptions: Exceptions = NO_EXCEPTIONS) -> DeckPlan:
    """Plan every slide of the deck for ``publication`` in ``template``."""
    layouts = publication_layouts(publication, template)
    planner = _Planner(publication, theme, template, layouts, design_of(publication), fonts,
                       exceptions)
    if template.printed_hints:
        hints = ", ".join(f"'{printable(hint)}'" for hint in template.printed_hints[:MAX_HINTS_SAID])
        more = len(template.printed_hints) - MAX_HINTS_SAID
        planner.warn(publication.meta.line_of("deck"), f"the slide template prints fill-in "
                     f"hints its author left on its slides ({hints}"
                     f"{f' and {more} more' if more > 0 else ''}), in text boxes of its own; "
                     "tweeluik leaves them out of the deck. To show the words meant there, fill "
                     "them in in the template (in PowerPoint: View, Slide Master)",
                     severity=NOTE)
    if publication.meta.deck.master is None and template.slides_master:
        number = template.slides_master + 1
        planner.warn(publication.meta.line_of("deck"), f"the slide template's own slides use "
                     f"its slide master {number} ('{printable(template.masters[number - 1])}'), "
                     "so tweeluik takes the layouts of that master; write 'deck: master: 1' "
                     "to use the first", severity=NOTE)
    if template.printed_dates:
        dates = ", ".join(f"'{printable(date)}'" for date in template.printed_dates[:MAX_HINTS_SAID])
        planner.warn(publication.meta.line_of("deck"), f"the slide template prints a date of "
                     f"its own ({dates}) on its slides, in a text box of its master or a layout, "
                     "beside the publication's; tweeluik leaves it as it is. Change or remove "
                     "it in the template (in PowerPoint: View, Slide Master)")
    if template.slide_backgrounds:
        count = template.slide_backgrounds
        planner.warn(publication.meta.line_of("deck"), f"{count} of the slide template's own "
                     f"slides carr{'ies' if count == 1 else 'y'} a background picture or colour "
                     "gradient that its layouts and master do not have; tweeluik makes the "
                     "slides from the layouts, so they show without it. To keep it, set it on "
                     "the slide master or the layouts (in PowerPoint: View, Slide Master, "
                     "Background Styles)")
    if template.cleaned:
        planner.warn(publication.meta.line_of("deck"), f"the slide template held "
                     f"{' and '.join(template.cleaned)}; tweeluik removed them from the deck")
    return planner.plan()


def lesson_to_slide(lesson: Lesson, publication: Publication, theme: Theme,
                    template: TemplateInfo, fonts: Path) -> SlidePlan:
    """Plan the slide of one lesson."""
    layouts = publication_layouts(publication, template)
    return _Planner(publication, theme, template, layouts, design_of(publication),
                    fonts).lesson_slide(lesson)
