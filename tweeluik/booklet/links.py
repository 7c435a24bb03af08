"""Links on paper: the address of a link, where a reader of the printed booklet sees it.

Step 3a of the pipeline (booklet writer, with ``view``): a link whose words are not its
own address gets a footnote at the foot of its page holding the address, written for
reading (no ``https://``, no trailing slash); a long address also gets a small QR code
there, so a phone can open it. On screen the link itself stays clickable. The front
matter's ``links: off`` leaves the notes out.
"""

from __future__ import annotations

import io
import re
from urllib.parse import unquote

import segno
from markupsafe import escape

from ..model import Link, plain_text
from .view import LinkNotes

QR_FROM_LENGTH = 40  # addresses longer than this (as shown) also get a QR code


def readable_address(href: str) -> str:
    """An address as a person would write it: no scheme, no trailing slash."""
    address = re.sub(r"^(https?://|mailto:|tel:)", "", href.strip(), flags=re.IGNORECASE)
    address = address.rstrip("/")
    decoded = unquote(address)
    return decoded if decoded.isprintable() else address


def _same(text: str, href: str) -> bool:
    """True when a link's words already are its address (so paper needs no note)."""
    def simple(value: str) -> str:
        return readable_address(value).lower().removeprefix("www.")
    return simple(text) == simple(href)


def qr_code_svg(href: str, colour: str, title: str = "") -> str:
    """A QR code for ``href`` as inline SVG markup, with its quiet zone (and ``title``
    as its text for a screen reader)."""
    code = segno.make(href, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=1, border=4, dark=colour, light=None,
              title=title or None,
              xmldecl=False, svgns=True, nl=False, svgclass="qr", lineclass=None,
              omitsize=True)
    return buffer.getvalue().decode("utf-8")  # the title may hold any letter (an en dash)


def link_notes(style: str, colour: str) -> LinkNotes | None:
    """The note maker for the booklet, or ``None`` when links are left as their words."""
    if style == "off":
        return None
    codes: dict[str, str] = {}  # each layout of a build (copyfitting tries several) reuses them

    def note(link: Link) -> str:
        words = plain_text(link.children).strip()
        if _same(words, link.href):
            return ""
        address = readable_address(link.href)
        if len(address) > QR_FROM_LENGTH and link.href not in codes:
            try:
                codes[link.href] = qr_code_svg(link.href, colour, f"QR code: {address}")
            except segno.DataOverflowError:  # more than a QR code holds: the address alone
                codes[link.href] = ""
        qr = codes.get(link.href, "")
        kind = " with-qr" if qr else ""
        return (f'<span class="link-note{kind}">{qr}<a class="link-address" '
                f'href="{escape(link.href)}">{escape(address)}</a></span>')

    return note
