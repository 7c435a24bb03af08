"""The web edition: the publication as one self-contained HTML page.

Step 3c of the pipeline (a writer beside the booklet and the deck). From the same plain
data the booklet's layout sees (``booklet.view``), the web layout (``layouts/web/``, a
sandboxed Jinja2 template and its stylesheet) makes one HTML file that an association
can put on its website or send round: styles inline, pictures embedded as ``data:``
addresses, the theme's typefaces embedded and cut down to the characters the page uses,
no script, nothing fetched from anywhere. Links are real links (no footnotes, no QR
codes). The same source gives the same bytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import re
from pathlib import Path

from markupsafe import Markup

from .booklet.layout_sandbox import render_layout
from .booklet.view import publication_to_view
from .font_subsets import as_woff
from .layout_folders import WEB_LAYOUT
from .model import Image, Picture, Publication
from .session import WriterSession
from .theme import Theme

TEMPLATE = "web.html"
STYLESHEET = "web.css"
MEDIA_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
               "svg": "image/svg+xml"}
#: Characters every subset keeps, whatever the page says: ASCII and the punctuation
#: tweeluik itself sets. The rest are the characters the page shows, so the fonts stay
#: small and are cut quickly.
ALWAYS = "".join(chr(code) for code in range(0x20, 0x7F)) + "\u00a0‘’“”…–—·•\u2060"


#: The longest side of a photo in the web edition, in pixels: sharp on a wide screen,
#: and a page of a few photos stays a few megabytes (a phone's photo is 4000 pixels).
WEB_PICTURE_SIDE = 1600


def data_address(path: Path) -> str:
    """A picture file as a ``data:`` address: an SVG as it is, a PNG or JPEG no larger
    than ``WEB_PICTURE_SIDE`` on its longest side and upright."""
    kind = path.suffix.lower().lstrip(".")
    if kind == "svg":
        media, data = MEDIA_TYPES["svg"], path.read_bytes()
    else:
        media, data = _web_picture(path)
    return f"data:{media};base64,{base64.b64encode(data).decode('ascii')}"


def _web_picture(path: Path) -> tuple[str, bytes]:
    from PIL import Image as PILImage
    from PIL import ImageOps
    with PILImage.open(path) as opened:
        turned = opened.getexif().get(0x0112, 1) not in (0, 1)
        small = max(opened.size) <= WEB_PICTURE_SIDE
        if small and not turned and opened.format in ("PNG", "JPEG"):
            return MEDIA_TYPES[opened.format.lower()], path.read_bytes()
        opened.draft("RGB", (WEB_PICTURE_SIDE, WEB_PICTURE_SIDE))  # a JPEG decodes smaller
        picture = ImageOps.exif_transpose(opened)
        picture.thumbnail((WEB_PICTURE_SIDE, WEB_PICTURE_SIDE), PILImage.Resampling.LANCZOS)
        buffer = io.BytesIO()
        if picture.mode in ("RGBA", "LA", "P"):
            picture.save(buffer, "PNG", optimize=True)
            return MEDIA_TYPES["png"], buffer.getvalue()
        picture.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True)
        return MEDIA_TYPES["jpeg"], buffer.getvalue()


def font_subset(path: Path, characters: str, session: WriterSession) -> bytes:
    """The font at ``path`` cut down to ``characters``, as WOFF (the same bytes each
    time: no time stamp is written). Watch mode and the studio ask again after every
    save, mostly for the same characters: the session keeps the last few answers, keyed
    by the file's size and time of change as well."""
    stat = path.stat()
    key = (str(path), (stat.st_size, stat.st_mtime_ns), characters)
    if key not in session.font_subsets:
        session.font_subsets[key] = as_woff(session.subsetter().subset(path, characters))
    return session.font_subsets[key]


def faces_shown(page: str) -> set[tuple[str, str]]:
    """The (typeface, style) pairs the page needs, by the stylesheet's rules: running
    text is serif (italic for salutations and key messages), headings, labels and
    captions sans (bold for headings). A face left out is drawn by the browser from the
    regular one."""
    needed = {("serif", "regular"), ("serif", "italic"), ("sans", "regular"), ("sans", "bold")}
    if "<strong>" in page:
        needed |= {("serif", "bold"), ("serif", "bold_italic")}
    if re.search(r"<h[1-3][^>]*>(?:(?!</h[1-3]>).)*<em>", page, flags=re.DOTALL):
        needed.add(("sans", "bold_italic"))
    return needed


def font_faces(theme: Theme, page: str, session: WriterSession) -> str:
    """@font-face rules for the theme's typefaces that the page needs, each file
    embedded as a subset of the characters it shows."""
    characters = shown_characters(page)
    needed = faces_shown(page)
    rules = []
    for kind, face in (("serif", theme.serif), ("sans", theme.sans)):
        for style, path in face.files.items():
            if (kind, style) not in needed:
                continue
            woff = base64.b64encode(font_subset(path, characters, session)).decode("ascii")
            rules.append(
                f'@font-face {{ font-family: "{face.family}"; '
                f'font-weight: {"bold" if "bold" in style else "normal"}; '
                f'font-style: {"italic" if "italic" in style else "normal"}; '
                f'font-display: swap; src: url("data:font/woff;base64,{woff}") format("woff"); }}')
    return "\n".join(rules)


def shown_characters(page: str) -> str:
    """Every character the page's text shows (tags and addresses left out), with the
    ones every subset keeps."""
    text = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.DOTALL)
    text = re.sub(r"<[^>]*>", " ", text)
    shown = {char for char in html.unescape(text) if char.isprintable() or char == "\u00a0"}
    return "".join(sorted(shown | set(ALWAYS)))


def render_web_edition(publication: Publication, theme: Theme, layouts: Path,
                       created: dt.datetime, session: WriterSession | None = None) -> bytes:
    """The web edition of ``publication`` as UTF-8 bytes (``session`` keeps the layout's
    compiled template and the font subsets for the next build)."""
    session = session or WriterSession()
    folder = layouts / WEB_LAYOUT
    addresses: dict[Path, str] = {}  # a picture shown twice is made small once

    def picture_address(picture: Image | Picture) -> str:
        if picture.path not in addresses:
            addresses[picture.path] = data_address(picture.path)
        return addresses[picture.path]

    view = publication_to_view(publication, picture_address, created)
    environment = session.environment(folder, "the web edition")

    def page(stylesheet: str) -> str:
        return render_layout(environment, folder / TEMPLATE, pub=view, labels=view["labels"],
                             stylesheet=Markup(stylesheet))

    style = theme.css_variables() + (folder / STYLESHEET).read_text(encoding="utf-8")
    draft = page(style)
    return page(font_faces(theme, draft, session) + "\n" + style).encode("utf-8")
