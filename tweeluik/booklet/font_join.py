"""One copy of each font in a booklet joined from groups (step 3b, PDF output).

Each group of a booklet laid out in groups (``groups``, ``pdf_join``) embeds its own
subset of every font it uses. WeasyPrint names a font after its description alone (the
same ``ABCDEF+Caladea`` in every group) and cuts it with HarfBuzz keeping the glyph
numbers (``HB_SUBSET_FLAGS_RETAIN_GIDS``): glyph 57 is the same letter in every
subset, and a subset holds only the glyphs its group drew (the others are empty). So
the subsets of one TrueType font merge into one font file holding each glyph any group
drew, with one width list (``/W``) and one map to Unicode (``/ToUnicode``), and every
page uses that font. Fonts this cannot merge (CFF outlines, a font with its own
encoding for missing glyphs) are left as they are: correct, only larger.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from math import ceil

import pikepdf
from fontTools.ttLib import TTFont
from pikepdf import Array, Dictionary, Name

_TO_UNICODE_PAIR = re.compile(rb"<([0-9a-fA-F]{4})> <([0-9a-fA-F]*)>")
_CMAP_HEAD = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
              b"/CIDSystemInfo\n<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n"
              b">> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
              b"1 begincodespacerange\n<0000> <ffff>\nendcodespacerange")
_CMAP_TAIL = b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"


def merged_fonts(pdf: pikepdf.Pdf) -> None:
    """Every page of ``pdf`` using one font object for each mergeable font."""
    by_name: dict[str, list[pikepdf.Object]] = {}
    for resources in _font_resources(pdf):
        for font in resources.values():
            if _mergeable(font):
                by_name.setdefault(str(font.BaseFont), [])
                if all(font.objgen != seen.objgen for seen in by_name[str(font.BaseFont)]):
                    by_name[str(font.BaseFont)].append(font)
    merged = {name: _merge(pdf, fonts) for name, fonts in by_name.items() if len(fonts) > 1}
    if not merged:
        return
    for resources in _font_resources(pdf):
        for key, font in list(resources.items()):
            if str(font.get("/BaseFont", "")) in merged and _mergeable(font):
                resources[key] = merged[str(font.BaseFont)]


def _font_resources(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    """The font dictionaries of every page's resources, and of the forms they draw."""
    seen: set[tuple[int, int]] = set()
    todo = [page.obj.get("/Resources") for page in pdf.pages]
    while todo:
        resources = todo.pop(0)  # in page order: the first group's fonts first
        if resources is None or not isinstance(resources, Dictionary):
            continue
        if resources.is_indirect:
            if resources.objgen in seen:
                continue
            seen.add(resources.objgen)
        if "/Font" in resources:
            yield resources.Font
        for xobject in resources.get("/XObject", Dictionary()).values():
            if xobject.get("/Subtype") == Name.Form and "/Resources" in xobject:
                todo.append(xobject.Resources)


def _mergeable(font: pikepdf.Object) -> bool:
    """A TrueType font as WeasyPrint embeds it: one CID font, Identity encoding."""
    if font.get("/Subtype") != Name.Type0 or font.get("/Encoding") != Name("/Identity-H"):
        return False
    cid_font = font.DescendantFonts[0]
    return (cid_font.get("/Subtype") == Name.CIDFontType2
            and "/FontFile2" in cid_font.FontDescriptor and "/ToUnicode" in font)


def _merge(pdf: pikepdf.Pdf, fonts: list[pikepdf.Object]) -> pikepdf.Object:
    """One font dictionary for the subsets ``fonts`` of one font (the first one's,
    holding every glyph, width and character of them all)."""
    first = fonts[0]
    widths: dict[int, float] = {}
    characters: dict[int, bytes] = {}
    subsets = []
    for font in fonts:  # in page order: the first group's width of a glyph is kept
        cid_font = font.DescendantFonts[0]
        drawn = _widths(cid_font.W)
        widths.update({glyph: width for glyph, width in drawn.items() if glyph not in widths})
        characters.update({glyph: text for glyph, text in
                           _characters(font.ToUnicode.read_bytes()).items()
                           if glyph not in characters})
        subsets.append((cid_font.FontDescriptor.FontFile2.read_bytes(), max(drawn, default=0)))
    program = _merged_program(subsets)
    cid_font = first.DescendantFonts[0]
    cid_font.W = _width_array(widths)
    cid_font.FontDescriptor.FontFile2 = pikepdf.Stream(pdf, program, Length1=len(program))
    first.ToUnicode = pikepdf.Stream(pdf, _to_unicode(characters))
    return first


#: The tables a merged font keeps: those that draw and measure glyphs (WeasyPrint has
#: dropped the layout tables; a table with a row per glyph that is not here could not
#: take the glyphs added to the end).
KEPT_TABLES = ("head", "hhea", "hmtx", "maxp", "glyf", "loca", "cmap", "OS/2", "name",
               "post", "cvt ", "fpgm", "prep", "gasp")


def _merged_program(subsets: list[tuple[bytes, int]]) -> bytes:
    """One TrueType font from subsets of it, each with the last glyph number it drew.

    Up to that number a subset kept the font's glyph numbers; the glyphs that its
    accented letters are built from and that lie beyond it were numbered on from there,
    differently in each subset. So the merged font starts from the subset that drew
    the highest number, takes from each other subset the glyphs it drew up to its
    last, and adds the parts of a built glyph that lie beyond that at the end."""
    with _quiet_font_tools():
        # recalcTimestamp: keep the date HarfBuzz wrote, not the time of the merge
        fonts = [(TTFont(BytesIO(program), recalcTimestamp=False), last)
                 for program, last in subsets]
        fonts.sort(key=lambda pair: -pair[1])
        base = fonts[0][0]
        for tag in sorted(set(base.keys()) - {*KEPT_TABLES, "GlyphOrder"}):
            del base[tag]
        order = list(base.getGlyphOrder())
        glyphs, metrics = base["glyf"], base["hmtx"]
        for other, last in fonts[1:]:
            other_order = other.getGlyphOrder()
            added: dict[str, str] = {}  # a part beyond ``last`` → its name in the merge

            def name_in_merge(name: str, other=other, last=last, added=added,
                              other_order=other_order) -> str:
                index = other.getGlyphID(name)
                if index <= last:
                    return order[index]
                if name not in added:
                    added[name] = f"tweeluik.{len(order)}"
                    order.append(added[name])
                    glyph = other["glyf"][name]
                    for component in getattr(glyph, "components", ()):
                        component.glyphName = name_in_merge(component.glyphName)
                    glyphs[added[name]] = glyph
                    metrics[added[name]] = other["hmtx"][name]
                return added[name]

            for index in range(min(last + 1, len(other_order))):
                glyph = other["glyf"][other_order[index]]
                if glyph.numberOfContours == 0 or glyphs[order[index]].numberOfContours != 0:
                    continue
                for component in getattr(glyph, "components", ()):
                    component.glyphName = name_in_merge(component.glyphName)
                glyphs[order[index]] = glyph
                metrics[order[index]] = other["hmtx"][other_order[index]]
        base.setGlyphOrder(order)
        out = BytesIO()
        base.save(out)
    return out.getvalue()


@contextmanager
def _quiet_font_tools() -> Iterator[None]:
    """fontTools' warnings kept off the screen while subsets are merged (HarfBuzz writes
    a creation date of 0, which fontTools remarks on)."""
    logger = logging.getLogger("fontTools")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _widths(array: pikepdf.Object) -> dict[int, float]:
    """A CID font's ``/W`` (runs of ``first [w w …]``) as glyph → width."""
    widths: dict[int, float] = {}
    items = list(array)
    index = 0
    while index + 1 < len(items):
        start, run = int(items[index]), items[index + 1]
        widths.update({start + offset: float(width) for offset, width in enumerate(run)})
        index += 2
    return widths


def _width_array(widths: dict[int, float]) -> Array:
    """``/W`` for glyph → width, one run for each row of consecutive glyphs."""
    array = Array()
    run: Array | None = None
    for glyph in sorted(widths):
        if run is None or glyph - 1 not in widths:
            run = Array()
            array.append(glyph)
            array.append(run)
        run.append(widths[glyph])
    return array


def _characters(cmap: bytes) -> dict[int, bytes]:
    """A ``/ToUnicode`` map's glyph → characters (UTF-16BE, in hex)."""
    return {int(glyph, 16): text for glyph, text in _TO_UNICODE_PAIR.findall(cmap)}


def _to_unicode(characters: dict[int, bytes]) -> bytes:
    """A ``/ToUnicode`` map written as WeasyPrint writes one, in batches of 100."""
    lines = [_CMAP_HEAD]
    items = sorted(characters.items())
    for batch in range(ceil(len(items) / 100)):
        part = items[batch * 100:(batch + 1) * 100]
        lines.append(f"{len(part)} beginbfchar".encode())
        lines.extend(b"<%04x> <%s>" % (glyph, text) for glyph, text in part)
        lines.append(b"endbfchar")
    lines.append(_CMAP_TAIL)
    return b"\n".join(lines)
