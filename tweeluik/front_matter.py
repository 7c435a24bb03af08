"""Find a source's front matter and read it as YAML, safely and within bounds.

Step 1 of the pipeline, with ``source`` and ``settings``: the lines between the two
``---`` at the top → plain YAML values. Only the safe loader, ``yes``/``no``/``on``
read as words (only ``true`` and ``false`` are booleans), at most
``MAX_SETTINGS_DEPTH`` levels and ``MAX_YAML_NODES`` values, so a hostile file cannot
make the reader work without end.
"""

from __future__ import annotations

import re

import yaml

from .errors import Diagnostics, printable
from .source_characters import REFUSED


def split_front_matter(text: str, diagnostics: Diagnostics) -> tuple[str, str, int] | None:
    """Split ``---``-fenced front matter from the body; return (front, body, body line)."""
    lines = text.split("\n")
    if not text.strip():
        diagnostics.error(1, "the file is empty; start it with front matter: a line '---', "
                          "a line 'title: …', and a line '---'")
        return None
    if lines[0].strip() != "---":
        diagnostics.error(1, "the file must start with front matter: a line '---', then "
                          "'title: …' and the other settings, then a line '---'")
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    diagnostics.error(1, "the front matter that starts here is never closed; add a line "
                      "'---' after the last setting")
    return None


MAX_SETTINGS_DEPTH = 16  # lists and keys inside each other; a real setting needs three


class NestedTooDeep(yaml.MarkedYAMLError):
    """Settings nested deeper than ``MAX_SETTINGS_DEPTH`` (YAML's composer recurses on
    each level, so a thousand levels would end in a RecursionError)."""


class FrontMatterLoader(yaml.SafeLoader):
    """YAML 1.2-style booleans: only true/false, so 'language: no' or 'title: Ja' stay text;
    settings nested at most ``MAX_SETTINGS_DEPTH`` deep."""

    depth = 0

    def compose_node(self, parent, index):
        self.depth += 1
        try:
            if self.depth > MAX_SETTINGS_DEPTH:
                raise NestedTooDeep(problem="nested too deep",
                                     problem_mark=self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


FIRST_LINE = 2  # the front matter's first line in the file


MAX_YAML_NODES = 2000


def count_nodes(node, limit: int) -> int:
    """How many YAML nodes hang below ``node`` (stops counting past ``limit``)."""
    count, stack = 0, [node]
    while stack and count <= limit:
        current = stack.pop()
        count += 1
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return count


def front_matter_root(front: str, diagnostics: Diagnostics) -> yaml.MappingNode | None:
    """The front matter's settings as a YAML mapping node, or ``None`` once what is
    wrong with it (not YAML, nested too deep, empty, not settings, far too large) is
    reported."""
    try:
        # Refused characters were reported with their column already; YAML would only
        # report the first of them again, less precisely.
        loader = FrontMatterLoader(REFUSED.sub("_", front))
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except NestedTooDeep as error:
        line = FIRST_LINE + error.problem_mark.line if error.problem_mark else FIRST_LINE
        diagnostics.error(line, f"the settings are nested more than {MAX_SETTINGS_DEPTH} deep "
                          "here; a setting holds a text, a list or a few keys (see 'Settings' "
                          "in README.md)")
        return None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = printable(error.problem or "malformed").rstrip(".")
        diagnostics.error(FIRST_LINE + mark.line if mark else FIRST_LINE,
                          f"the front matter is not valid YAML ({problem}); write one "
                          "setting per line as 'key: value'",
                          mark.column + 1 if mark else None)
        return None
    except yaml.YAMLError as error:
        diagnostics.error(FIRST_LINE, f"the front matter is not valid YAML "
                          f"({printable(str(error))})")
        return None

    if root is None:
        diagnostics.error(1, "the front matter is empty; add at least 'title: …'")
        return None
    if not isinstance(root, yaml.MappingNode):
        diagnostics.error(FIRST_LINE + root.start_mark.line,
                          "the front matter must be settings written as 'key: value'")
        return None
    if count_nodes(root, MAX_YAML_NODES) > MAX_YAML_NODES:
        diagnostics.error(FIRST_LINE, "the front matter is far too large; it holds a few "
                          "settings, one per line")
        return None
    return root
