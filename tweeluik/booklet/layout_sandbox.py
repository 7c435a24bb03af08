"""The Jinja2 sandbox a booklet layout runs in, with a bound on the work it may do.

Part of step 3a (booklet writer): ``html`` renders the layout in this environment.
Jinja2's immutable sandbox keeps a layout away from files and Python's insides; a
layout may come from anyone, so this environment also bounds what it can cost:

- every ``{% for %}`` loop counts its rounds against one budget per render
  (``MAX_LOOP_ROUNDS``), so nested loops cannot run for hours;
- no text or list made by ``*``, ``+``, ``~``, ``%``, a filter or a method may exceed
  ``MAX_TEXT`` items (``*`` is checked before it multiplies), no number handed to a
  filter or method may exceed ``MAX_NUMBER`` (``'x'|center(10**9)``), no power may
  exceed 64, and no format may ask for a width of seven digits, so no expression can
  fill the memory;
- the whole document may not exceed ``MAX_DOCUMENT`` characters;
- a macro that calls itself without end stops at Python's recursion limit.

Going over a bound raises ``LayoutTooCostly`` (a ``SecurityError``); ``render_layout``
reports it, and every other mistake of a layout, as one ``SourceError`` with the
layout's line. The bounds are far above what a publication within the
README's limits needs (300 lessons, 5,000 paragraphs).

Two Jinja2 code-generator methods are extended here, and nowhere else:
``CodeGenerator.visit_For`` writes a loop's iterable through ``self.visit``, and
``CodeGenerator.visit_Concat`` writes a ``~`` chain as one call. tests/test_sandbox.py
has a contract test for each.
"""

from __future__ import annotations

import functools
import re
import sys
import traceback
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import Any, cast

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..errors import SourceError
from ..paths import real

#: A publication at the README's limits takes the default layouts some 5,000 rounds (one
#: per paragraph); a million leaves room for any layout and stops a runaway in seconds.
MAX_LOOP_ROUNDS = 1_000_000
MAX_TEXT = 20_000_000
MAX_DOCUMENT = 100_000_000
MAX_NUMBER = 1_000_000
_LONG_NUMBER = re.compile(r"\d{7,}")


class LayoutLoader(jinja2.FileSystemLoader):
    """Loads templates from the layout folder only: no symbolic link leads out of it."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        root = real(self.searchpath[0])
        if filename is None or not real(filename).is_relative_to(root):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


def layout_environment(folder: Path, what: str) -> BoundedSandbox:
    """The sandbox for the layout in ``folder``: it loads only that folder's files, and
    its ``unknown_kind(kind)`` stops a layout that has no case for a kind of content
    (``what`` names the result: "the booklet", "the web edition")."""
    def unknown_kind(kind: object) -> None:
        raise SecurityError(f"the layout has no case for content of kind {kind!r}; add one "
                            f"so that nothing is left out of {what}")

    env = BoundedSandbox(loader=LayoutLoader(folder), autoescape=True,
                         undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["unknown_kind"] = unknown_kind
    return env


class LayoutTooCostly(SecurityError):
    """A layout went over one of the bounds on its work."""


class _BoundedCode(CodeGenerator):
    """Jinja2's code generator, writing every loop's iterable through
    ``environment.counted`` and every ``~`` chain through ``environment.bounded``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loop_iterables: list[nodes.Node] = []

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        self._loop_iterables.append(node.iter)
        try:
            super().visit_For(node, frame)
        finally:
            self._loop_iterables.pop()

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> None:
        if self._loop_iterables and node is self._loop_iterables[-1]:
            self.write("environment.counted(")
            super().visit(node, *args, **kwargs)
            self.write(")")
            return
        super().visit(node, *args, **kwargs)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded(")
        super().visit_Concat(node, frame)
        self.write(")")


def _bounded_binop(name: str, function):
    """``function`` for operator ``name``, refusing beforehand what would be too large."""
    def checked(left: Any, right: Any) -> Any:
        if name == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(times, int) \
                        and len(sequence) * times > MAX_TEXT:
                    raise LayoutTooCostly(f"the layout makes a text or list of more than "
                                          f"{MAX_TEXT:,} items")
        if name == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise LayoutTooCostly(f"the power {right} is too large for a layout (at most 64)")
        if name == "%" and isinstance(left, str) and _LONG_NUMBER.search(left):
            raise LayoutTooCostly("a format in the layout asks for a width or number too "
                                  "large")
        return _checked_size(function(left, right))
    return checked


def _checked_size(value: Any) -> Any:
    if isinstance(value, str | list | tuple) and len(value) > MAX_TEXT:
        raise LayoutTooCostly(f"the layout makes a text or list of more than {MAX_TEXT:,} "
                              f"items ({len(value):,})")
    return value


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox with bounds on loops, text sizes and numbers. Call
    ``start_render`` before each render: the loop budget is per document."""

    code_generator_class = _BoundedCode
    intercepted_binops = frozenset({"*", "**", "+", "//", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.binop_table = {name: _bounded_binop(name, function)
                            for name, function in self.default_binop_table.items()}
        self.filters = {name: _bounded_call(function) for name, function in self.filters.items()}
        self.rounds_left = MAX_LOOP_ROUNDS

    def start_render(self) -> None:
        self.rounds_left = MAX_LOOP_ROUNDS

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.rounds_left -= 1
            if self.rounds_left < 0:
                raise LayoutTooCostly(f"the layout's loops ran more than "
                                      f"{MAX_LOOP_ROUNDS:,} rounds")
            yield item

    def bounded(self, text: Any) -> Any:
        return _checked_size(text)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_arguments(args, kwargs)
        # The sandbox hands str.format out wrapped; the string is the wrapped method's owner
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if isinstance(owner, str) and _LONG_NUMBER.search(owner):
            raise LayoutTooCostly("a format in the layout asks for a width or number too "
                                  "large")
        return _checked_size(super().call(__context, __obj, *args, **kwargs))

    def render_document(self, template: jinja2.Template, **values: Any) -> str:
        """The template rendered, its total size bounded as it is made."""
        self.start_render()
        parts, size = [], 0
        writing = cast(Generator[str, None, None], template.generate(**values))
        for part in writing:
            size += len(part)
            if size > MAX_DOCUMENT:  # raised where the layout is, so its line is known
                writing.throw(LayoutTooCostly(f"the layout writes more than "
                                              f"{MAX_DOCUMENT:,} characters"))
            parts.append(part)
        return "".join(parts)


def _check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            raise LayoutTooCostly(f"the number {value} is too large for a layout "
                                  f"(at most {MAX_NUMBER:,})")


def _bounded_call(function):
    @functools.wraps(function)  # keeps Jinja2's pass_context / pass_environment marks
    def checked(*args: Any, **kwargs: Any) -> Any:
        _check_arguments(args, kwargs)
        return _checked_size(function(*args, **kwargs))
    return checked


def render_layout(environment: BoundedSandbox, path: Path, **values: Any) -> str:
    """The layout at ``path`` (a file of the environment's folder) rendered with
    ``values``; any mistake of the layout is one ``SourceError`` naming its line."""
    try:
        template = environment.get_template(path.name)
        return environment.render_document(template, **values)
    except jinja2.TemplateSyntaxError as error:
        where = Path(error.filename) if error.filename else path
        raise SourceError(where, error.lineno, f"template error: {error.message}") from None
    except SecurityError as error:
        raise SourceError(path, _layout_line(path), f"the layout is not allowed to do "
                          f"this: {error}") from None
    except RecursionError:
        raise SourceError(path, _layout_line(path), "the layout calls a macro within itself "
                          "without end; give the calls a condition that stops them") from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as error:
        raise SourceError(path, _layout_line(path), f"template error: {error}") from None


def _layout_line(path: Path) -> int | None:
    """The line of the layout being rendered when an error was raised (from the
    traceback: Jinja2 maps its code's lines back to the template's)."""
    frames = traceback.extract_tb(sys.exc_info()[2])
    lines = [frame.lineno for frame in frames if frame.filename and Path(frame.filename).name == path.name]
    return lines[-1] if lines else None
