"""Read a source file and check its front matter.

Step 1 of the pipeline: bytes on disk → text that is safe to parse, plus a checked
``Meta``. Every problem is collected in a ``Diagnostics`` list with the line (and, where
it helps, the column) it is on; reading goes on past a mistake so that one run reports
all of them. Only a file that cannot be read as text at all stops here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .disk_errors import describe_read_error
from .errors import Diagnostics
from .front_matter import split_front_matter
from .model import Meta
from .settings import front_matter_to_meta
from .source_characters import check_characters, drop_soft_hyphens

MAX_SOURCE_BYTES = 500 * 1024  # some 250 booklet pages of running text; a long letter is 30 KB


@dataclass(frozen=True)
class SourceText:
    """A source file split into its front matter and its Markdown body."""

    path: Path
    meta: Meta
    body: str
    body_first_line: int  # the 1-based line in the file where ``body`` starts


def read_source(path: Path, diagnostics: Diagnostics) -> SourceText | None:
    """Read ``path``, check its characters and its front matter. Returns ``None`` when
    the file cannot be read as a publication at all (the reason is in ``diagnostics``)."""
    data = read_bytes(path, diagnostics)
    if data is None:
        return None
    text = decode_source(path, data, diagnostics)
    if text is None:
        return None
    check_characters(text, diagnostics)
    text = drop_soft_hyphens(text, diagnostics)
    split = split_front_matter(text, diagnostics)
    if split is None:
        return None
    front, body, body_first_line = split
    meta = front_matter_to_meta(path, front, diagnostics)
    return SourceText(path, meta, body, body_first_line)


def read_bytes(path: Path, diagnostics: Diagnostics) -> bytes | None:
    """The file's bytes, or ``None`` with a message that says why they cannot be read."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            diagnostics.error(None, "this is not a file (a folder or a device); a source must "
                              "be a Markdown file")
            return None
        if size > MAX_SOURCE_BYTES:
            diagnostics.error(None, f"the file is {size / 1024:,.0f} KB; a publication source "
                              "must stay under 500 KB of text (images go in their own files): "
                              "split it into several publications")
            return None
        with path.open("rb") as stream:
            data = stream.read(MAX_SOURCE_BYTES + 1)
        if len(data) > MAX_SOURCE_BYTES:
            diagnostics.error(None, "the file is larger than 500 KB; a publication source "
                              "must stay under 500 KB of text: split it into several "
                              "publications")
            return None
        return data
    except OSError as error:
        diagnostics.error(None, f"cannot read this file ({describe_read_error(error)})")
        return None


def decode_source(path: Path, data: bytes, diagnostics: Diagnostics) -> str | None:
    """Decode UTF-8 (with or without a byte-order mark); explain any other encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        diagnostics.error(1, "the file is saved as UTF-16; save it as UTF-8 "
                          "(in most editors: Save as… → Encoding: UTF-8)")
        return None
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        if b"\x00" in data[:4096]:
            diagnostics.error(line, "this is not a text file (it holds binary data); a source "
                              "must be Markdown text saved as UTF-8")
        else:
            diagnostics.error(line, "this line is not valid UTF-8 (probably Latin-1 or "
                              "Windows-1252); save the file as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


