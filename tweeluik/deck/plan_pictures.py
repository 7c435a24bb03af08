"""The deck's plan drawn as pictures: a preview of the slides where LibreOffice is not
installed.

Step 4 (the deck), a second emitter of the plan beside the python-pptx writer: each
slide's template backdrop (as the reader saw it behind the boxes), then every text in its
box, at the size, in the typeface, colour, alignment and anchor the plan chose, broken
into lines by the same font files the plan measured with, and the picture and the logo in
their places. It is a sketch of the slide, not PowerPoint: the template's own drawings
show only as the colours behind them.
"""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..fonts import measuring_font
from ..images import svg_with_plain_size
from ..theme import Theme
from .fit import PARAGRAPH_GAP, hang
from .plan import DeckPlan, SlidePlan, TextPlan
from .template import LayoutInfo, PlaceholderInfo, TemplateInfo

#: Pixels per point, as the studio shows LibreOffice's pictures of the slides.
SCALE = 0.8
LINE_HEIGHT = 1.15  # of the size, where neither the plan nor the template sets one


def draw_slides(plan: DeckPlan, template: TemplateInfo, theme: Theme, fonts: Path
                ) -> list[bytes]:
    """Each slide of ``plan`` as PNG bytes."""
    return [draw_slide(slide, template, theme, fonts) for slide in plan.slides]


def draw_slide(slide: SlidePlan, template: TemplateInfo, theme: Theme, fonts: Path) -> bytes:
    layout = template.layout_of(slide.master, slide.position)
    width, height = round(template.width * SCALE), round(template.height * SCALE)
    picture = Image.new("RGB", (width, height), "#FFFFFF")
    canvas = ImageDraw.Draw(picture)
    _backdrop(canvas, layout, width, height)
    boxes = {placeholder.order: placeholder for placeholder in layout.placeholders}
    if slide.picture is not None and slide.picture.placeholder in boxes:
        _place_picture(picture, slide.picture.path, boxes[slide.picture.placeholder])
    for text in (*slide.texts, *((slide.footer,) if slide.footer else ())):
        box = boxes.get(text.placeholder)
        if box is not None:
            _text(canvas, text, box, theme, fonts)
    if slide.logo is not None:
        logo = slide.logo
        _paste(picture, _open(logo.path, logo.format, theme, round(logo.width * SCALE)),
               (logo.left, logo.top, logo.width, logo.height), cover=False)
    out = BytesIO()
    picture.save(out, "PNG", compress_level=1)
    return out.getvalue()


def _backdrop(canvas: ImageDraw.ImageDraw, layout: LayoutInfo, width: int, height: int) -> None:
    rows = layout.backdrop
    for row, cells in enumerate(rows):
        for column, colour in enumerate(cells):
            if colour:
                canvas.rectangle((column * width / len(cells), row * height / len(rows),
                                  (column + 1) * width / len(cells),
                                  (row + 1) * height / len(rows)), fill=colour)
    # a box with a fill of its own (a title bar) over the slide's backdrop
    for placeholder in layout.placeholders:
        if not placeholder.cells:
            continue
        frame = placeholder.frame
        band = frame.height / len(placeholder.cells)
        for index, strip in enumerate(placeholder.cells):
            step = frame.width / len(strip)
            for column, (shade, _) in enumerate(strip):
                if shade:
                    canvas.rectangle(((frame.left + column * step) * SCALE,
                                      (frame.top + index * band) * SCALE,
                                      (frame.left + (column + 1) * step) * SCALE,
                                      (frame.top + (index + 1) * band) * SCALE), fill=shade)


def _text(canvas: ImageDraw.ImageDraw, text: TextPlan, box: PlaceholderInfo, theme: Theme,
          fonts: Path) -> None:
    style = text.style if not text.design else None
    if text.design:
        face = theme.serif if text.typeface == "serif" else theme.sans
        files, colour = face.files, theme.colours.get(text.colour, "#000000")
    else:
        files = measuring_font((style.typeface if style else None) or "Calibri", fonts).files
        colour = (style.colour_hex if style else None) or "#000000"
    bold = text.bold or bool(style and style.bold)
    italic = text.italic or bool(style and style.italic)
    frame = box.frame if text.insets is None else replace(
        box.frame, inset_left=text.insets[0], inset_top=text.insets[1],
        inset_right=text.insets[2], inset_bottom=text.insets[3])
    inner = frame.inner_width * SCALE
    lines: list[list[tuple[str, ImageFont.FreeTypeFont, str]]] = []
    pitches: list[float] = []  # each line's, by its paragraph's size
    hangs: list[tuple[float, bool]] = []  # each line's indent, and whether a bullet leads it
    for number, paragraph in enumerate(text.paragraphs):
        size = text.size_of(number) * SCALE
        indent = hang(size, style.bullet_hang * SCALE if style and style.bullet_hang
                      else None) if text.bulleted else 0.0
        words: list[tuple[str, ImageFont.FreeTypeFont, str]] = []
        for run in paragraph:
            font = _font(files, bold or run.bold, italic or run.italic, size)
            tint = theme.colours.get("accent", colour) if run.accent else colour
            chunk = run.text.upper() if text.caps or (style and style.caps) else run.text
            words.extend((word, font, tint) for word in chunk.replace("\u2060", "").split(" "))
        wrapped = _wrap(words, inner - indent)
        lines.extend(wrapped)
        pitches.extend([size * _line_height(text, style)] * len(wrapped))
        if number < len(text.paragraphs) - 1:  # the space after it, as the writer sets
            pitches[-1] += size * PARAGRAPH_GAP
        hangs.extend((indent, text.bulleted and at == 0) for at in range(len(wrapped)))
    anchor = text.anchored_at
    total = sum(pitches)
    top = frame.top * SCALE + frame.inset_top * SCALE
    room = frame.inner_height * SCALE
    if anchor == "middle":
        top += (room - total) / 2
    elif anchor == "bottom":
        top += room - total
    align = (style.align if style else None) or (box.style.align if box.style else None) or "l"
    for line, pitch, (indent, bullet) in zip(lines, pitches, hangs, strict=True):
        used = sum(font.getlength(word + " ") for word, font, _ in line)
        left = frame.left * SCALE + frame.inset_left * SCALE + indent
        if bullet and line:
            font = line[0][1]
            tint = theme.colours.get("accent", colour) if text.design else colour
            canvas.text((left - indent, top), "\u2022", font=font, fill=tint)
        if align == "ctr":
            left += (inner - indent - used) / 2
        elif align == "r":
            left += inner - indent - used
        for word, font, tint in line:
            canvas.text((left, top), word, font=font, fill=tint)
            left += font.getlength(word + " ")
        top += pitch


def _wrap(words, width: float) -> list[list]:
    """Words into lines no wider than ``width`` (a word wider than a line stands alone)."""
    lines: list[list] = [[]]
    used = 0.0
    for word, font, tint in words:
        wide = font.getlength(word + " ")
        if lines[-1] and used + font.getlength(word) > width:
            lines.append([])
            used = 0.0
        lines[-1].append((word, font, tint))
        used += wide
    return lines


def _line_height(text: TextPlan, style) -> float:
    if style is not None and style.line_spacing is not None:
        kind, value = style.line_spacing
        return value * LINE_HEIGHT if kind == "pct" else value / max(text.size, 1.0)
    return LINE_HEIGHT


def _font(files: dict[str, Path], bold: bool, italic: bool, size: float):
    key = {(False, False): "regular", (False, True): "italic", (True, False): "bold",
           (True, True): "bold_italic"}[(bold, italic)]
    path = files.get(key) or next(iter(files.values()))
    return ImageFont.truetype(str(path), max(1, round(size)))


def _open(path: Path, kind: str, theme: Theme, width_px: int) -> Image.Image:
    if kind == "svg":
        import resvg_py
        png = resvg_py.svg_to_bytes(svg_string=svg_with_plain_size(path),
                                    width=max(8, width_px), skip_system_fonts=True,
                                    font_files=[str(file) for file in theme.font_files()])
        return Image.open(BytesIO(bytes(png)))
    return Image.open(path)


def _place_picture(picture: Image.Image, path: Path, box: PlaceholderInfo) -> None:
    frame = box.frame
    _paste(picture, Image.open(path), (frame.left, frame.top, frame.width, frame.height),
           cover=True)


def _paste(picture: Image.Image, image: Image.Image, place: tuple[float, float, float, float],
           cover: bool) -> None:
    """``image`` in ``place`` (points): filling it and cut to it (``cover``), or whole."""
    left, top, width, height = (round(value * SCALE) for value in place)
    with image:
        image = image.convert("RGBA")
        scale = (max if cover else min)(width / image.width, height / image.height)
        image = image.resize((max(1, round(image.width * scale)),
                              max(1, round(image.height * scale))))
        x, y = (image.width - width) // 2, (image.height - height) // 2
        if cover:
            image = image.crop((x, y, x + width, y + height))
            picture.paste(image, (left, top), image)
        else:
            picture.paste(image, (left + (width - image.width) // 2,
                                  top + (height - image.height) // 2), image)
