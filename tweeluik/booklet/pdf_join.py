"""Join the PDFs of a booklet laid out in groups into one booklet (step 3b, PDF output).

A long booklet's final layout is made in groups of lessons on every core (``groups``),
each written as a PDF of its own by the same writer as a whole booklet: tagged, with its
structure tree, bookmarks and named destinations. ``joined`` puts them together with
pikepdf (qpdf) into the file one layout would have given:

- the pages in order;
- one structure tree: each group's elements under the first group's ``Document``
  element, in order, and one parent tree, each group's keys moved on past those before
  it, with the pages' ``StructParents`` and the annotations' ``StructParent`` moved
  with them (how a screen reader finds the element that owns marked content or a link);
- one outline: each group's top-level bookmarks after those of the groups before;
- the footnotes' ``/ID`` numbered through the booklet (each group counts from 1: its
  numbers are moved on past the footnotes of the groups before);
- one set of named destinations, in name order. The first group holds the contents,
  whose links go to lessons laid out in other groups: it was given stand-in anchors for
  them (``groups``), and the destination each lesson's own group gives replaces the
  stand-in;
- one copy of each font: every group embeds its own subset of a font, cut by HarfBuzz
  with the font's glyph numbers kept, so the subsets of one font are merged into one,
  holding every glyph any group drew (``merged_fonts``);
- the first group's catalogue: language, metadata (the PDF/UA-1 claim), viewer
  preferences, and a file identifier derived from the content, as the print variants
  have.
"""

from __future__ import annotations

import warnings
from io import BytesIO

import pikepdf
from pikepdf import Array, Dictionary, Name

from .font_join import merged_fonts

PDF_VERSION = "1.7"  # as WeasyPrint writes the tagged booklet


def joined(pdfs: list[bytes]) -> bytes:
    """One booklet from the PDFs of its groups, in order (see the module's docstring)."""
    target = pikepdf.open(BytesIO(pdfs[0]))
    tree = target.Root.StructTreeRoot
    document = _document_element(tree)
    keys = _parent_tree_pairs(tree)
    next_key = max((key for key, _ in keys), default=-1) + 1
    destinations = _named_destinations(target.Root)
    notes = _notes_numbered_on(document, 0)
    sources = []
    for data in pdfs[1:]:
        source = pikepdf.open(BytesIO(data))
        sources.append(source)  # kept open until the join is saved
        first_new = len(target.pages)
        with warnings.catch_warnings():  # named destinations: joined below
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            target.pages.extend(source.pages)
        offset = next_key
        for page in target.pages[first_new:]:
            _move_keys(page.obj, offset)
        source_tree = source.Root.StructTreeRoot
        numbered = notes
        for kid in _document_element(source_tree).K:
            element = target.copy_foreign(kid)
            element.P = document
            document.K.append(element)
            numbered = max(numbered, _notes_numbered_on(element, notes))
        notes = numbered
        for key, value in _parent_tree_pairs(source_tree):
            keys.append((key + offset, _copied(target, value)))
            next_key = max(next_key, key + offset + 1)
        _chain_outlines(target, source)
        for name, destination in _named_destinations(source.Root).items():
            destinations[name] = _copied(target, destination)
    tree.ParentTree = Dictionary(Nums=Array([item for key, value in sorted(
        keys, key=lambda pair: pair[0]) for item in (key, value)]))
    if "/ParentTreeNextKey" in tree:
        tree.ParentTreeNextKey = next_key
    if destinations:
        target.Root.Names.Dests = Dictionary(Names=Array([
            item for name in sorted(destinations, key=lambda name: name.encode("utf-8"))
            for item in (pikepdf.String(name), destinations[name])]))
    merged_fonts(target)
    out = BytesIO()
    target.save(out, deterministic_id=True, force_version=PDF_VERSION,
                fix_metadata_version=False,
                object_stream_mode=pikepdf.ObjectStreamMode.generate)
    for source in sources:
        source.close()
    target.close()
    return out.getvalue()


def _copied(target: pikepdf.Pdf, value: pikepdf.Object) -> pikepdf.Object:
    """``value`` from another PDF in ``target``: an indirect object copied (once: qpdf
    keeps one copy of each object of a source), a direct array item by item."""
    if not isinstance(value, pikepdf.Object):  # null, a number
        return value
    if value.is_indirect:
        return target.copy_foreign(value)
    if isinstance(value, Array):
        return Array([_copied(target, item) for item in value])
    return value


def _notes_numbered_on(element: pikepdf.Object, before: int) -> int:
    """The footnotes (``Note`` elements) under ``element``, numbered ``note-N`` by the
    group in the order it met them, numbered on past the ``before`` footnotes of the
    groups before (as the booklet laid out whole numbers them); the last number."""
    last = before
    for kid in element.get("/K", Array()) if isinstance(element.get("/K"), Array) else ():
        if not isinstance(kid, Dictionary) or kid.get("/Type") in (Name.MCR, Name.OBJR):
            continue
        if kid.get("/S") == Name.Note and str(kid.get("/ID", "")).startswith("note-"):
            number = int(str(kid.ID).removeprefix("note-")) + before
            kid.ID = pikepdf.String(f"note-{number}")
            last = max(last, number)
        last = max(last, _notes_numbered_on(kid, before))
    return last


def _document_element(tree: pikepdf.Object) -> pikepdf.Object:
    """The ``Document`` element at the top of a structure tree (WeasyPrint writes it as
    the one kid of the root, in an array or alone)."""
    kids = tree.K
    return kids[0] if isinstance(kids, Array) else kids


def _parent_tree_pairs(tree: pikepdf.Object) -> list[tuple[int, pikepdf.Object]]:
    """The parent tree's (key, value) pairs."""
    return [(int(key), value) for key, value in _leaves(tree.ParentTree, "/Nums")]


def _leaves(node: pikepdf.Object, kind: str) -> list[tuple[pikepdf.Object, pikepdf.Object]]:
    """The (key, value) pairs of a number tree (``kind`` "/Nums") or a name tree
    ("/Names"), in order, however it is split into kids (WeasyPrint writes them flat)."""
    pairs: list[tuple[pikepdf.Object, pikepdf.Object]] = []
    items = node.get(kind, Array())
    pairs.extend((items[index], items[index + 1]) for index in range(0, len(items), 2))
    for kid in node.get("/Kids", Array()):
        pairs.extend(_leaves(kid, kind))
    return pairs


def _move_keys(page: pikepdf.Object, offset: int) -> None:
    """A page's parent tree keys, and those of its annotations, ``offset`` further on."""
    if "/StructParents" in page:
        page.StructParents = int(page.StructParents) + offset
    for annotation in page.get("/Annots", Array()):
        if "/StructParent" in annotation:
            annotation.StructParent = int(annotation.StructParent) + offset


def _named_destinations(root: pikepdf.Object) -> dict[str, pikepdf.Object]:
    """The named destinations of a PDF's catalogue, by name."""
    if "/Names" not in root or "/Dests" not in root.Names:
        return {}
    return {str(name): destination for name, destination in _leaves(root.Names.Dests,
                                                                     "/Names")}


def _chain_outlines(target: pikepdf.Pdf, source: pikepdf.Pdf) -> None:
    """The source's top-level bookmarks after the target's."""
    if "/Outlines" not in source.Root or "/First" not in source.Root.Outlines:
        return
    outlines = target.copy_foreign(source.Root.Outlines)
    if "/Outlines" not in target.Root or "/First" not in target.Root.Outlines:
        target.Root.Outlines = Dictionary(Type=Name.Outlines, Count=0)
    root = target.Root.Outlines
    item = outlines.First
    while True:
        item.Parent = root
        if "/Next" not in item:
            break
        item = item.Next
    if "/Last" in root:
        root.Last.Next = outlines.First
        outlines.First.Prev = root.Last
    else:
        root.First = outlines.First
    root.Last = outlines.Last
    root.Count = int(root.get("/Count", 0)) + int(outlines.get("/Count", 0))
