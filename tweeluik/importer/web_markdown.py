"""What a website's Markdown leaves in a letter, taken out before the letter is read.

Step 0 of the pipeline (bringing a letter in), for a ``.md`` file from a website (Jekyll,
Hugo, docsify): HTML written into the Markdown, links within the site, pictures kept on
the site, and the site's template codes. None of it means anything on paper, and a
source holding it would not build; each kind is said once, with what to do.
"""

from __future__ import annotations

import re

from ..errors import printable


def website_leftovers(text: str) -> tuple[str, list[str]]:
    """``text`` without what only the website understood, and what was done."""
    said: list[str] = []
    for clean in (_without_modules, _without_template_codes, _without_contents_marks,
                  _without_contents_lists,
                  _without_components, _without_box_fences, _repair_links,
                  _without_site_pictures, _without_html):
        text = clean(text, said)
    return text, said


#: An MDX file's lines that bring in or hand out code: 'import Hero from "./hero"'.
_MODULE_LINE = re.compile(r"^(?:import\s+(?:[\w*{},\s]+\s+from\s+)?[\"'][^\"'\n]+[\"'];?|"
                          r"export\s+(?:const|let|var|default|function|async)\b[^\n]*)[ \t]*$",
                          re.MULTILINE)


def _without_modules(text: str, said: list[str]) -> str:
    """An MDX page's import and export lines left out (its components are, as HTML is)."""
    if _MODULE_LINE.search(text):
        _once(said, "left out the page's 'import' and 'export' lines (MDX code for its website)")
    return _MODULE_LINE.sub("", text)


def _once(said: list[str], message: str) -> None:
    if message not in said:
        said.append(message)


#: A site generator's codes: Liquid's '{% include … %}' and '{{ site.url }}', kramdown's
#: '{: .class }' attribute lists.
_TEMPLATE_CODE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{:[^{}\n]*\}", re.DOTALL)


#: What only a site generator writes, never an author (who may write a mail-merge
#: '{{ naam }}'): Liquid's '{% … %}' tags and Hugo's '{{< … >}}' shortcodes.
SITE_CODE = re.compile(r"\{%.*?%\}|\{\{[<%].*?[>%]\}\}", re.DOTALL)


#: A link within a website, by its path from the site's root: '[notulen](/vereniging/)'.
SITE_LINK = re.compile(r"\]\(/[^/)\s][^)\s]*\)")


#: A line that asks a site generator for a table of contents: VuePress's and GitLab's
#: '[[toc]]', Python-Markdown's '[TOC]', Typora's '${toc}' (kramdown's '{:toc}' is a
#: template code).
_CONTENTS_MARK = re.compile(r"^[ \t]*(?:\[\[_?toc_?\]\]|\[toc\]|\$\{toc\})[ \t]*$",
                            re.IGNORECASE | re.MULTILINE)


def _without_contents_marks(text: str, said: list[str]) -> str:
    """A site's mark for its table of contents left out."""
    found = _CONTENTS_MARK.search(text)
    if found:
        _once(said, f"left out the website's mark for a table of contents "
                    f"({found.group(0).strip()}); it only means something to the site")
    return _CONTENTS_MARK.sub("", text)


#: An item of a page's own table of contents: a link to a place in the page, alone.
_CONTENTS_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[^\[\]\n]+\]\(#[^()\s]*\)[ \t]*")


def _without_contents_lists(text: str, said: list[str]) -> str:
    """A page's own table of contents (a list of two links or more, each to a heading of
    the page, and nothing else) left out: the booklet makes its own. Every line keeps
    its number."""
    lines = text.split("\n")
    at = 0
    while at < len(lines):
        end = at
        while end < len(lines) and _CONTENTS_ITEM.fullmatch(lines[end]):
            end += 1
        if end - at >= 2:
            _once(said, f"left out the page's own table of contents ({end - at} links to its "
                        "headings): on paper they lead nowhere (a booklet with lessons has a "
                        "contents page of its own)")
            lines[at:end] = [""] * (end - at)
        at = max(end, at + 1)
    return "\n".join(lines)


#: The fence of a site's box (VuePress's '::: tip', '::: details Screenshots',
#: Docusaurus's ':::note', a Pandoc div '::: {.warning}'): its kind and its title.
_BOX_FENCE = re.compile(r"^[ \t]*:{3,}[ \t]*(\{[^}\n]*\}|[\w-]+)?[ \t]*(.*?)[ \t]*$")


#: A site's component on a line of its own, as Nuxt Content writes one:
#: '::youtube{id="ipvi5A4NmQY"}', closed by a line '::' (three colons or more are a box).
_COMPONENT = re.compile(r"^[ \t]*::(?!:)([\w-]+)?[ \t]*(\{[^}\n]*\})?[ \t]*$")
_VIDEO_ID = re.compile(r"""\bid\s*=\s*["']?([\w-]{6,20})""")


def _without_components(text: str, said: list[str]) -> str:
    """A site's components ('::youtube{id="…"}' … '::') without their marks, each said
    (a YouTube video with its address, for the author to write in if it matters); the
    text between them stays. Every line keeps its number."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        component = _COMPONENT.fullmatch(line)
        if component is None:
            continue
        lines[at] = ""
        name, attributes = component.group(1) or "", component.group(2) or ""
        video = _VIDEO_ID.search(attributes) if name.lower() == "youtube" else None
        if video is not None:
            _once(said, "left out a video the web page showed ('::youtube', "
                        f"https://www.youtube.com/watch?v={video.group(1)}): paper cannot "
                        "play it; write its address where it stood if readers should look "
                        "it up")
        elif name:
            _once(said, f"left out the website's component '::{printable(name)}', which "
                        "only the site can show; its text is kept")
    return "\n".join(lines)


def _without_box_fences(text: str, said: list[str]) -> str:
    """A site's boxes ('::: tip' … ':::') without their fences: their text stays, a box's
    title in bold at its start ('**Let op:** …'). Every line keeps its number. (A
    tweeluik source, '::: notes' and all, is copied as it is, not read here.)"""
    lines = text.split("\n")
    found = False
    for at, line in enumerate(lines):
        fence = _BOX_FENCE.fullmatch(line)
        if fence is None:
            continue
        found = True
        title = fence.group(2)
        lines[at] = f"**{title.rstrip(':')}:**" if title else ""  # run in: '**Let op:** …'
    if found:
        _once(said, "left out the marks of the website's boxes ('::: tip' … ':::'); their "
                    "text is kept, a box's title in bold at its start")
    return "\n".join(lines)


def _without_template_codes(text: str, said: list[str]) -> str:
    found = {code[:2] for code in _TEMPLATE_CODE.findall(text)}
    kinds = [shown for start, shown in (("{%", "{% … %}"), ("{{", "{{ … }}"), ("{:", "{: … }"))
             if start in found]
    if kinds:  # the kinds this text holds, and no other
        _once(said, f"left out the website's template codes ({', '.join(kinds)}); they "
                    "only mean something to the site")
    return _TEMPLATE_CODE.sub("", text)


#: A link, with a title after its address or not: [words](address "title").
_ANY_MARKDOWN_LINK = re.compile(r"""(?<!!)\[([^\[\]\n]+)\]\(([^()\s]*)(\s+(?:"[^"\n]*"|'[^'\n]*'))?\)""")


def _repair_links(text: str, said: list[str]) -> str:
    """Links that lead nowhere on paper: an e-mail address gets its 'mailto:', 'www.'
    its 'https://'; a link within the website ('/contact/', or a Hugo '{{< relref … >}}'
    the template codes left empty) or within the page ('#doelen') keeps its words only."""

    def repair(found: re.Match[str]) -> str:
        words, href = found.group(1), found.group(2)
        lower = href.lower()
        if lower.startswith(("http://", "https://", "mailto:", "tel:")) or href == "#":
            return found.group()  # (a bare '#': an address lost, which the check points at)
        if href.startswith("#"):
            _once(said, "links to a place within the web page ('#…', a page's own table of "
                  "contents) lead nowhere on paper: their words are kept, the link is left "
                  "out")
            return words
        if re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", href):
            _once(said, "an e-mail address written as a link got its 'mailto:'")
            return f"[{words}](mailto:{href})"
        if lower.startswith("www."):
            _once(said, "an address starting with www. got its 'https://'")
            return f"[{words}](https://{href})"
        _once(said, "links within the website (such as '/contact/') lead nowhere on paper: "
              "their words are kept, the link is left out; write the full address "
              "(https://…) where it matters")
        return words

    return _ANY_MARKDOWN_LINK.sub(repair, text)


#: A Markdown picture kept on the website: its address is the site's ('/img/…') or
#: another's ('https://…'), which the build never fetches.
_SITE_PICTURE = re.compile(r"!\[([^\[\]\n]*)\]\(\s*(/|https?://)[^()\s]*(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)",
                           re.IGNORECASE)


def _without_site_pictures(text: str, said: list[str]) -> str:
    """Without the pictures the site keeps, and the links that held only such a picture
    (a page's '[![header](/img/x.webp)](/img/x.webp)' left '[](/img/x.webp)', a link to
    the site with nothing to say, and the new source did not build)."""
    for alt, _ in _SITE_PICTURE.findall(text):
        _left_out_picture(alt, said)
    return _EMPTY_SITE_LINK.sub("", _SITE_PICTURE.sub("", text))


#: A link without words to a page or file of the site.
_EMPTY_SITE_LINK = re.compile(r"\[\s*\]\(\s*/[^()\s]*\s*\)")


def _left_out_picture(alt: str, said: list[str]) -> None:
    described = f" (“{printable(alt[:60])}”)" if alt.strip() else ""
    _once(said, f"left out a picture the web page showed{described}: save it in "
                "content/images/ and write ![description](images/NAME.jpg) where it goes")


_HTML_PICTURE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_ALT = re.compile(r"""\balt\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<!--.*?-->|</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>", re.DOTALL)


def _without_html(text: str, said: list[str]) -> str:
    """Without the HTML written into it (the build takes none): a picture is left out
    with what to do instead, other tags keep their words."""
    for picture in _HTML_PICTURE.findall(text):
        alt = _HTML_ALT.search(picture)
        _left_out_picture(alt.group(2) if alt else "", said)
    text = _HTML_PICTURE.sub("", text)
    tags = sorted({found.split()[0].strip("</>") for found in _HTML_TAG.findall(text)
                   if not found.startswith("<!--")})
    if _HTML_TAG.search(text):
        shown = ", ".join(f"<{tag}>" for tag in tags[:4]) or "comments"
        said.append(f"left out the web page's HTML ({shown}); the words inside are kept")
    return _HTML_TAG.sub("", text)
