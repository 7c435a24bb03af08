"""Booklet writer, PDF output (step 3b): the structure tree that makes the screen booklet
a PDF/UA-1 file.

WeasyPrint tags a PDF page by page: a paragraph, list or section that crosses a page
break becomes two structure elements, a link's text and its annotation land in nested
``Link`` and ``Span`` elements, running heads and folios are tagged content that no
element owns, and list markers, footnotes and definition lists get thin tags. Because
tweeluik writes the HTML itself, it can do better: ``structure_tree_kept()`` puts
``add_structure_tree`` in the place of WeasyPrint's ``add_tags`` for the length of one
of our ``write_pdf`` calls, and it builds one structure element per HTML element,
however many pages the element's boxes fall on:

- ``section`` is ``Sect``, ``h1``–``h6``, ``p``, ``blockquote`` keep their meaning,
  ``ul``/``ol``/``dl`` are ``L`` with ``LI``, ``Lbl`` (the marker, or a ``dt``) and
  ``LBody``; ``figure`` (or a lone ``img``) is a ``Figure`` with the picture's ``alt``
  as ``/Alt`` and its ``figcaption`` as ``Caption``; a footnote is a ``Note`` with an
  ``/ID``; ``a`` is a ``Link`` holding its annotations (``OBJR``), each annotation
  printable and with a ``/Contents`` that says where it goes; a ``table`` is a
  ``Table`` of ``TR`` rows, each header cell a ``TH`` with the ``/Scope`` it heads;
- ``div``, ``header``, ``em`` and other grouping or inline elements add no element of
  their own: their text belongs to the nearest element that means something;
- everything in the page margins (running heads, folios), leaders, text the stylesheet
  adds as ornament, pictures with an empty ``alt`` and elements marked
  ``aria-hidden="true"`` become artifacts: their marked content is turned into
  ``/Artifact`` in the page's content stream before it is written.

The WeasyPrint and pydyf internals used here (the page's box, box types, a page
stream's tags and operators, the name ``add_tags`` in ``weasyprint.pdf``) are reached
through ``weasyprint_internals``; the box attributes read (``element``, ``element_tag``,
``children``, ``link_annotation``, ``is_leader``) have their contract tests there too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pydyf

from .weasyprint_internals import (
    box_classes,
    page_box,
    pdf_tagging_replaced_by,
    placed_box,
    stream_operators,
    stream_tags,
)

#: HTML elements that are structure elements of their own, and their PDF type.
ROLES = {
    "section": "Sect", "article": "Art", "p": "P", "blockquote": "BlockQuote",
    "h1": "H1", "h2": "H2", "h3": "H3", "h4": "H4", "h5": "H5", "h6": "H6",
    "ul": "L", "ol": "L", "dl": "L", "li": "LI", "figure": "Figure",
    "figcaption": "Caption", "a": "Link", "table": "Table", "thead": "THead",
    "tbody": "TBody", "tfoot": "TFoot", "tr": "TR", "th": "TH", "td": "TD",
    "caption": "Caption",
}
PICTURES = ("img", "{http://www.w3.org/2000/svg}svg")
NULL = b"null"
#: Structure elements whose children are blocks (a footnote is placed in the nearest).
BLOCK_HOLDERS = ("/Document", "/Part", "/Art", "/Sect", "/Div", "/BlockQuote", "/LBody",
                 "/Note", "/TD", "/TH")  # pydyf writes bytes as they are


class _TreeBuilder:
    """The structure tree of one PDF as it is built, page by page."""

    def __init__(self, pdf, document_element):
        self.pdf = pdf
        self.box_types = box_classes()  # margin, text, replaced, footnote area, placeholder
        self.elements: dict[tuple[object, str], pydyf.Dictionary] = {}
        self.last_item: dict[object, pydyf.Dictionary] = {}  # a dl's last LI
        self.parents: dict[object, object] = {}  # HTML element → its parent
        self.owner_of: dict[object, pydyf.Dictionary] = {}  # HTML element → its owner
        self.annotations: list[tuple[pydyf.Dictionary, pydyf.Dictionary]] = []
        self.seen_annotations: set[int] = set()
        self.items: dict[int, object] = {}  # id of a structure element → its HTML
        self.by_reference: dict[object, pydyf.Dictionary] = {
            document_element.reference: document_element}
        self.notes = 0
        self.page_number = 0
        self.page_nums: dict[int, object] = {}
        self.artifacts: set[int] = set()

    # The HTML --------------------------------------------------------------------------
    def know_document(self, html_root) -> None:
        if html_root not in self.parents:
            self.parents[html_root] = None
            self.parents.update((kid, parent) for parent in html_root.iter() for kid in parent)

    def parent_of(self, html_element):
        return self.parents.get(html_element)

    def is_hidden(self, html_element) -> bool:
        while html_element is not None:
            if html_element.get("aria-hidden") == "true":
                return True
            html_element = self.parent_of(html_element)
        return False

    def parent_for(self, html_element, fallback: pydyf.Dictionary) -> pydyf.Dictionary:
        """The structure element of ``html_element``'s nearest ancestor that has one
        (a footnote laid out at the foot of the page still belongs to its paragraph)."""
        ancestor = self.parent_of(html_element)
        while ancestor is not None:
            if ancestor in self.owner_of:
                return self.owner_of[ancestor]
            ancestor = self.parent_of(ancestor)
        return fallback

    def item_labelled_by(self, html_element, pseudo: str):
        """The list item whose label this generated text is: an item's marker, or the
        text before the item's first child (a dash or number set in the flow)."""
        if html_element.tag == "li" and pseudo in ("marker", "before"):
            return html_element
        parent = self.parent_of(html_element)
        if (pseudo == "before" and parent is not None and parent.tag == "li"
                and len(parent) and parent[0] is html_element):
            return parent
        return None

    def block_for(self, html_element, fallback: pydyf.Dictionary) -> pydyf.Dictionary:
        """The nearest enclosing structure element that holds blocks: a footnote is read
        after the paragraph that calls it, as the page shows it."""
        parent = self.parent_for(html_element, fallback)
        while parent["S"] not in BLOCK_HOLDERS and "P" in parent:
            parent = self.by_reference[parent["P"]]
        return parent

    def enclosing_link(self, html_element):
        while html_element is not None:
            if html_element.tag == "a":
                return html_element
            html_element = self.parent_of(html_element)
        return None

    # Structure elements ------------------------------------------------------------
    def new(self, role: str, parent: pydyf.Dictionary, first: bool = False
            ) -> pydyf.Dictionary:
        if parent["S"] == "/LI" and role not in ("Lbl", "LBody"):
            parent = self.body_of_item(parent)
        element = pydyf.Dictionary({
            "Type": "/StructElem", "S": f"/{role}", "K": pydyf.Array(),
            "Pg": self.pdf.page_references[self.page_number], "P": parent.reference,
        })
        self.pdf.add_object(element)
        parent["K"].insert(0 if first else len(parent["K"]), element.reference)
        self.by_reference[element.reference] = element
        return element

    def keyed(self, html_element, role: str, parent: pydyf.Dictionary,
              first: bool = False) -> pydyf.Dictionary:
        key = (html_element, role)
        if key not in self.elements:
            self.elements[key] = self.new(role, parent, first)
            self.items[id(self.elements[key])] = html_element
            if (lang := html_element.get("lang")) and html_element.tag != "html":
                self.elements[key]["Lang"] = pydyf.String(lang)
            if role == "TH":  # which cells it heads: its column, or its row
                scope = "/Row" if html_element.get("scope") == "row" else "/Column"
                self.elements[key]["A"] = pydyf.Dictionary({"O": "/Table", "Scope": scope})
        return self.elements[key]

    def for_element(self, html_element, parent: pydyf.Dictionary) -> pydyf.Dictionary:
        """The structure element that owns what ``html_element`` shows, made on first
        sight under ``parent``."""
        if (html_element, "Note") in self.elements:
            return self.elements[(html_element, "Note")]
        tag = html_element.tag
        if tag == "li":  # its body is made when it has something to show
            return self.keyed(html_element, "LI", parent)
        if tag == "dt":
            item = self.keyed(html_element, "LI", parent)
            self.last_item[self.parent_of(html_element)] = item
            return self.keyed(html_element, "Lbl", item)
        if tag == "dd":
            item = self.last_item.get(self.parent_of(html_element))
            if item is None:
                item = self.keyed(html_element, "LI", parent)
            return self.keyed(html_element, "LBody", item)
        if tag in PICTURES:
            if parent["S"] == "/Figure":
                self.describe_figure(parent, html_element)
                return parent
            figure = self.keyed(html_element, "Figure", parent)
            self.describe_figure(figure, html_element)
            return figure
        role = ROLES.get(tag)
        if role is None:
            return parent
        element = self.keyed(html_element, role, parent)
        if role == "Figure":
            picture = next((kid for kid in html_element.iter() if kid.tag in PICTURES), None)
            if picture is not None:
                self.describe_figure(element, picture)
        return element

    def body_of_item(self, item: pydyf.Dictionary) -> pydyf.Dictionary:
        return self.keyed(self.items[id(item)], "LBody", item)

    def describe_figure(self, figure: pydyf.Dictionary, picture) -> None:
        if "Alt" in figure:
            return
        if picture.tag == "img":
            text = picture.get("alt") or ""
        else:
            title = picture.find("{http://www.w3.org/2000/svg}title")
            text = title.text if title is not None and title.text else ""
        if text:
            figure["Alt"] = pydyf.String(text)

    def note(self, html_element, parent: pydyf.Dictionary) -> pydyf.Dictionary:
        key = (html_element, "Note")
        if key not in self.elements:
            self.notes += 1
            note = self.keyed(html_element, "Note", parent)
            note["ID"] = pydyf.String(f"note-{self.notes}")
        return self.elements[key]

    # Content -------------------------------------------------------------------------
    def content(self, owner: pydyf.Dictionary, mcid: int) -> None:
        if owner["S"] == "/LI":
            owner = self.body_of_item(owner)
        if owner.get("Pg") == self.pdf.page_references[self.page_number]:
            owner["K"].append(mcid)
        else:
            reference = pydyf.Dictionary({
                "Type": "/MCR", "MCID": mcid,
                "Pg": self.pdf.page_references[self.page_number]})
            owner["K"].append(reference)
        self.page_nums[mcid] = owner.reference

    def annotation(self, owner: pydyf.Dictionary, annotation: pydyf.Dictionary,
                   text: str) -> None:
        if id(annotation) in self.seen_annotations:
            return
        self.seen_annotations.add(id(annotation))
        reference = pydyf.Dictionary({
            "Type": "/OBJR", "Obj": annotation.reference,
            "Pg": self.pdf.page_references[self.page_number]})
        self.pdf.add_object(reference)
        owner["K"].append(reference.reference)
        annotation["F"] = 4  # printable: what the screen shows, the reader gets
        if "A" in annotation:  # an address on the web
            address = str(annotation["A"]["URI"].data.decode("latin-1"))[1:-1]
            annotation["Contents"] = pydyf.String(f"{text} ({address})" if text else address)
        elif text:
            annotation["Contents"] = pydyf.String(text)
        self.annotations.append((owner, annotation))


def _link_text(html_element) -> str:
    return " ".join(" ".join(html_element.itertext()).split())


def _walk(builder: _TreeBuilder, box, owner: pydyf.Dictionary, tags: dict,
          artifact: bool) -> None:
    """Give each piece of marked content in ``box`` to its structure element."""
    margin_box, text_box, replaced_box, footnote_area, placeholder = builder.box_types
    if isinstance(box, placeholder):
        box = placed_box(box)
    html_element = box.element
    element_tag = box.element_tag if html_element is not None else None
    if isinstance(box, margin_box) or getattr(box, "is_leader", False):
        artifact = True
    elif html_element is not None and not artifact:
        if element_tag == "html":
            builder.know_document(html_element)
        if builder.is_hidden(html_element) or is_decorative_picture(html_element):
            artifact = True
        elif element_tag is not None and "::" in element_tag:
            owner, artifact = _generated(builder, box, html_element, element_tag, owner)
        elif html_element.tag not in ("html", "body"):
            owner = builder.for_element(html_element, builder.parent_for(html_element, owner))
            builder.owner_of[html_element] = owner
    if box.link_annotation is not None:
        link = builder.enclosing_link(html_element)
        link_owner = builder.elements.get((link, "Link"), owner)
        builder.annotation(link_owner, box.link_annotation,
                           _link_text(link) if link is not None else "")
    if isinstance(box, (text_box, replaced_box)) and box in tags:
        mcid = tags.pop(box)["mcid"]
        if artifact:
            builder.artifacts.add(mcid)
        else:
            builder.content(owner, mcid)
    for child in getattr(box, "children", ()):
        if isinstance(box, footnote_area) and child.element is not None and not artifact:
            note = builder.note(child.element, builder.block_for(child.element, owner))
            builder.owner_of[child.element] = note
            _walk(builder, child, note, tags, artifact)
        else:
            _walk(builder, child, owner, tags, artifact)


def is_decorative_picture(html_element) -> bool:
    """A picture with an empty ``alt``: decoration, as HTML has it (a logo without an
    organisation's name to say)."""
    return html_element.tag == "img" and html_element.get("alt") == ""


def _shows_text(box, text_box: Any) -> bool:
    if isinstance(box, text_box):
        return bool(box.text.strip())
    return any(_shows_text(child, text_box) for child in getattr(box, "children", ()))


def _generated(builder: _TreeBuilder, box, html_element, element_tag: str,
               owner: pydyf.Dictionary) -> tuple[pydyf.Dictionary, bool]:
    """(owner, is an artifact) of text that the stylesheet generates: a list item's
    marker or drawn bullet is its label, a footnote's number its label, the page number
    after a contents entry and a footnote call belong to what they follow; quotation
    marks, rules and other ornaments are artifacts."""
    pseudo = element_tag.split("::", 1)[1]
    if owner["S"] == "/Lbl":  # the lines and text of a label already made
        return owner, False
    item = builder.item_labelled_by(html_element, pseudo)
    if item is not None:
        if not _shows_text(box, builder.box_types[1]):
            return owner, True  # a bullet drawn as a shape
        return builder.keyed(item, "Lbl", builder.keyed(item, "LI", owner), first=True), False
    if pseudo == "footnote-marker" and owner["S"] == "/Note":
        return builder.keyed(html_element, "Lbl", owner), False
    if pseudo == "footnote-call" or html_element.tag == "a":
        return owner, False
    return owner, True


def _make_artifacts(stream, mcids: set[int]) -> None:
    """Turn the marked content with these MCIDs into artifacts in ``stream``."""
    if not mcids:
        return
    operators = stream_operators(stream)
    for index, item in enumerate(operators):
        if (isinstance(item, pydyf.Dictionary) and item.get("MCID") in mcids
                and index > 0 and index + 1 < len(operators) and operators[index + 1] == b"BDC"):
            operators[index - 1] = "/Artifact"
            del item["MCID"]


def add_structure_tree(pdf, document, pdf_version, page_streams) -> None:
    """Build the booklet's structure tree (called by WeasyPrint in place of its own)."""
    parent_tree = pydyf.Dictionary({"Nums": pydyf.Array()})
    pdf.add_object(parent_tree)
    root = pydyf.Dictionary({"Type": "/StructTreeRoot", "ParentTree": parent_tree.reference})
    pdf.add_object(root)
    top = pydyf.Dictionary({"Type": "/StructElem", "S": "/Document", "K": pydyf.Array(),
                            "P": root.reference})
    pdf.add_object(top)
    root["K"] = pydyf.Array([top.reference])
    pdf.catalog["StructTreeRoot"] = root.reference

    builder = _TreeBuilder(pdf, top)
    for page_number, (page, stream) in enumerate(zip(document.pages, page_streams, strict=True)):
        tags = stream_tags(stream)
        builder.page_number, builder.page_nums, builder.artifacts = page_number, {}, set()
        _walk(builder, page_box(page), top, tags, artifact=False)
        builder.artifacts.update(kid["mcid"] for kid in tags.values())  # nobody's
        tags.clear()
        _make_artifacts(stream, builder.artifacts)
        count = max([*builder.page_nums, *builder.artifacts], default=-1) + 1
        parent_tree["Nums"].append(page_number)
        parent_tree["Nums"].append(pydyf.Array(
            [builder.page_nums.get(mcid, NULL) for mcid in range(count)]))
    for number, (owner, annotation) in enumerate(builder.annotations,
                                                 start=len(document.pages)):
        parent_tree["Nums"].append(number)
        parent_tree["Nums"].append(owner.reference)
        annotation["StructParent"] = number
    pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
    pdf.catalog["MarkInfo"] = pydyf.Dictionary({"Marked": "true"})


@contextmanager
def structure_tree_kept() -> Iterator[None]:
    """Within this block WeasyPrint tags PDFs with ``add_structure_tree``."""
    with pdf_tagging_replaced_by(add_structure_tree):
        yield
