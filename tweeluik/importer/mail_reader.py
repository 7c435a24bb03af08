"""Take a saved e-mail (``.eml``) apart: its header, its letter and its pictures (step 0,
bringing a letter in).

A mail program saves a message as MIME: a header (who sent it, when, about what) and
parts, each in its own encoding and character set. The standard library's ``email``
package reads those; this module chooses what the import reads from them: the message's
web page when it has one (a mailing is written as one), else its plain text, the pictures
the page shows from the message's own parts (``cid:``), and what is attached, to say it.
The letter itself is read by the HTML or the text reader, as a saved page or a pasted
text would be. Nothing is fetched.
"""

from __future__ import annotations

import email.errors
import email.message
import email.policy
import re
from dataclasses import dataclass, field
from email.parser import BytesParser
from urllib.parse import unquote

from ..errors import printable
from ..letters import is_greeting
from .garbled_text import decoded_text
from .pieces import Picture, picture_kind

#: How deep parts may stand inside parts; a mail program nests three or four.
MAX_PART_DEPTH = 20
#: How many parts a message may have; a mailing with its pictures has some dozens.
MAX_PARTS = 500
#: Headers every saved message has one of; a file with none of them is no e-mail.
_HEADER_NAMES = ("from", "to", "subject", "date", "message-id", "mime-version")


class MailProblem(Exception):
    """The file is no e-mail this module can read."""


@dataclass
class Mail:
    """What the import reads from a saved e-mail."""

    header: tuple[str, ...]      # 'From: …', 'Subject: …', 'Date: …', as a memo's lines
    sender: str                  # the name the message was sent under, if any
    html: str | None             # the message's web page, when it has one
    text: str                    # else its plain text
    pictures: dict[str, bytes] = field(default_factory=dict)  # by Content-ID, file name
    attached: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # name, keys
    problems: list[str] = field(default_factory=list)
    shown: set[str] = field(default_factory=set)  # the pictures the page showed

    def not_shown(self) -> list[str]:
        """The names of the files attached to the message that its page did not show."""
        return [name for name, keys in self.attached if not self.shown & set(keys)]

    def picture(self, name: str) -> tuple[Picture | None, str | None]:
        """The picture the page shows by ``name`` ('cid:logo@x', or a part's file name),
        when the message holds it as PNG or JPEG; else what to do, for the report."""
        key = unquote(name[4:] if name.lower().startswith("cid:") else name).strip("<>")
        shown = printable(key[:60])
        data = self.pictures.get(key.lower())
        if data is None:
            return None, (f"left out a picture the e-mail names but does not hold "
                          f"('{shown}'): save it in content/images/ and write "
                          "![description](images/NAME.jpg) where it goes")
        self.shown.add(key.lower())
        kind = picture_kind(data)
        if kind is None:
            return None, (f"left out the e-mail's picture '{shown}': only PNG and JPEG "
                          "pictures come in; save it as one in content/images/ and write "
                          "![description](images/NAME.png) where it goes")
        return Picture(data, kind, ""), None


def read_mail(data: bytes) -> Mail:
    """The header, the letter, the pictures and the attachments of a saved e-mail."""
    if b"\x00" in data[:4096]:
        raise MailProblem("it holds binary data")
    try:
        message = BytesParser(policy=email.policy.default).parsebytes(data)
        parts = _parts(message)
    except (RecursionError, email.errors.MessageError, ValueError, LookupError) as error:
        raise MailProblem(str(error)) from None
    if not any(message.get(name) for name in _HEADER_NAMES):
        raise MailProblem("it has no header")
    forwarded = _forwarded_message(message, parts)
    problems = []
    if forwarded is not None:
        problems.append("the letter came as an e-mail attached to this one; the attached "
                        "e-mail is read")
        message, parts = forwarded, _parts(forwarded)
    body_html = _body(message, "html")
    body_plain = _body(message, "plain")
    html = _text_of(body_html) if body_html is not None else None
    text = _unflowed(body_plain) if body_plain is not None else ""
    text, signature = _without_mail_signature(text)
    if signature:
        problems.append(f"left out the e-mail's signature under '-- ' (“"
                        f"{printable(signature[:40])} …”): the letter above it is signed "
                        "already")
    pictures: dict[str, bytes] = {}
    attached: list[tuple[str, tuple[str, ...]]] = []
    for part, _depth in parts:
        if part.is_multipart() or part in (body_html, body_plain):
            continue
        payload = _payload(part)
        names = [_content_id(part), (part.get_filename() or "").strip(),
                 (part.get("content-location") or "").strip()]
        keys = tuple(name.lower() for name in names if name)
        if part.get_content_maintype() == "image" or picture_kind(payload):
            pictures.update((key, payload) for key in keys)
        if part.get_content_disposition() == "attachment" and names[1]:
            attached.append((names[1], keys))
    return Mail(_header_lines(message), _sender(message), html, text, pictures, attached,
                problems)


def _parts(message: email.message.EmailMessage) -> list[tuple[email.message.Message, int]]:
    """Every part of the message with its depth, bounded: a message nested deeper than
    mail programs nest, or with more parts than a mailing has, is refused."""
    found: list[tuple[email.message.Message, int]] = []
    waiting: list[tuple[email.message.Message, int]] = [(message, 0)]
    while waiting:
        part, depth = waiting.pop()
        if depth > MAX_PART_DEPTH:
            raise MailProblem(f"its parts stand more than {MAX_PART_DEPTH} deep")
        found.append((part, depth))
        if len(found) > MAX_PARTS:
            raise MailProblem(f"it has more than {MAX_PARTS} parts")
        if part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                waiting.extend((child, depth + 1) for child in reversed(children)
                               if isinstance(child, email.message.Message))
    return found


def _forwarded_message(message: email.message.EmailMessage,
                       parts: list[tuple[email.message.Message, int]]
                       ) -> email.message.EmailMessage | None:
    """The e-mail attached whole to a message that says next to nothing itself (a
    letter sent on as an attachment), else None."""
    attached = [part for part, _ in parts if part.get_content_type() == "message/rfc822"]
    if len(attached) != 1:
        return None
    own = _body(message, "plain")
    own_words = len(_text_of(own).split()) if own is not None else 0
    inner = attached[0].get_payload()
    if own_words > 40 or not isinstance(inner, list) or not inner:
        return None
    return inner[0] if isinstance(inner[0], email.message.EmailMessage) else None


def _body(message: email.message.EmailMessage, kind: str) -> email.message.Message | None:
    """The message's own text of ``kind`` ('html' or 'plain'), not an attachment."""
    try:
        return message.get_body(preferencelist=(kind,))
    except (KeyError, AttributeError):
        return None


def _payload(part: email.message.Message) -> bytes:
    """A part's bytes, decoded from the transfer encoding (quoted-printable, base64)."""
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _text_of(part: email.message.Message) -> str:
    """A text part's words, in the character set it names, else UTF-8, else Windows'."""
    return decoded_text(_payload(part), part.get_content_charset())


def _unflowed(part: email.message.Message) -> str:
    """A plain text part's words with the lines a mail program wrapped put together
    again, when it says it wrapped them ('format=flowed', RFC 3676: a line that ends in a
    space goes on in the next)."""
    text = _text_of(part).replace("\r\n", "\n")
    if str(part.get_param("format", "")).lower() != "flowed":
        return text
    delete_space = str(part.get_param("delsp", "")).lower() == "yes"
    lines: list[str] = []
    going_on = False
    for line in text.split("\n"):
        line = line[1:] if line.startswith(" ") else line  # (stuffed: ' From', ' >')
        if going_on and lines:
            lines[-1] += line
        else:
            lines.append(line)
        going_on = line.endswith(" ") and line.rstrip() != "--"
        if going_on and delete_space:
            lines[-1] = lines[-1][:-1]
    return "\n".join(lines)


#: The line a mail program sets above the signature it adds under every message.
_SIGNATURE_LINE = re.compile(r"^-- ?$", re.MULTILINE)
#: How many lines above that line a letter's greeting may stand for the letter to be
#: signed above it.
_GREETING_LINES = 10


def _without_mail_signature(text: str) -> tuple[str, str]:
    """A plain text e-mail without the signature its mail program adds under '-- '
    (a motto, an address) when the letter is signed above it; else only without the
    '-- ' line, as the names may stand under it. Also the words left out."""
    found = list(_SIGNATURE_LINE.finditer(text))
    if not found:
        return text, ""
    above, below = text[:found[-1].start()], text[found[-1].end():]
    lines = [line for line in above.splitlines() if line.strip()][-_GREETING_LINES:]
    if any(is_greeting(line.strip()) for line in lines) and below.strip():
        return above, " ".join(below.split())
    return above + below, ""


def _content_id(part: email.message.Message) -> str:
    return (part.get("content-id") or "").strip().strip("<>").strip()


def _header_lines(message: email.message.EmailMessage) -> tuple[str, ...]:
    """The sender, subject and date, as the lines of a memo's header the letter reader
    takes the title and the date from; none when fewer than two are known."""
    lines = []
    # ('Sent:', Outlook's word, tells the letter reader that this is an e-mail's header)
    for name, shown in (("from", "From"), ("subject", "Subject"), ("date", "Sent")):
        try:
            # (the date as it was written, which the report quotes; the others decoded)
            value = " ".join((next((str(raw) for key, raw in message.raw_items()
                                    if key.lower() == "date"), "") if name == "date"
                              else str(message.get(name) or "")).split())
        except (ValueError, LookupError, email.errors.MessageError):
            value = ""
        if value:
            lines.append(f"{shown}: {value}")
    if message.get("message-id"):  # (always an e-mail's: the reader says "the e-mail's")
        lines.append(f"Message-ID: {' '.join(str(message.get('message-id')).split())}")
    return tuple(lines) if len(lines) >= 2 else ()


def _sender(message: email.message.EmailMessage) -> str:
    """The name the message was sent under ('Anna de Vries <anna@…>'), not the address."""
    try:
        addresses = message.get("from").addresses  # type: ignore[union-attr]
        name = addresses[0].display_name if addresses else ""
    except (AttributeError, IndexError, ValueError, LookupError, email.errors.MessageError):
        return ""
    return " ".join(name.split()) if "@" not in name else ""

