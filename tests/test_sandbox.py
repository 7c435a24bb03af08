"""A booklet layout is a data-only template: it cannot read files outside its folder,
reach Python's insides, or run commands, and trying says so in one line."""

from __future__ import annotations

import shutil
import time

import pytest

from .conftest import LAYOUTS, run_project, write_source

pytestmark = pytest.mark.slow

SECRET = "GEHEIM-7c1f"


@pytest.fixture
def project(tmp_path):
    shutil.copytree(LAYOUTS, tmp_path / "layouts")
    (tmp_path / "content").mkdir()
    (tmp_path / "geheim.txt").write_text(SECRET, encoding="utf-8")
    return tmp_path


def build_with_layout_line(project, line: str):
    """Build a publication whose layout has ``line`` added to its body."""
    template = project / "layouts" / "booklet" / "booklet.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("<body>", "<body>\n" + line, 1), encoding="utf-8")
    source = write_source(project / "content", "## Les\n\nTekst.\n")
    return run_project(project, str(source), "--only", "booklet")


@pytest.mark.parametrize("line, words", [
    # A walk through attributes to os.popen, the classic way out of a template.
    ("{{ cycler.__init__.__globals__.os.popen('cat ../geheim.txt').read() }}", "not allowed"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "not allowed"),
    ("{{ pub.title.__class__.__base__.__subclasses__() }}", "not allowed"),
    ("{{ pub.lessons[0].__class__ }}", "not allowed"),
    ("{% set x = pub.__setitem__('title', 'x') %}", "not allowed"),
    ("{{ pub.source }}", "template error"),  # the layout gets no paths at all
    ("{% include '../../geheim.txt' %}", "template error"),
    ("{% include '/etc/passwd' %}", "template error"),
])
def test_a_layout_cannot_reach_outside(project, line, words):
    result = build_with_layout_line(project, line)
    assert result.returncode == 2, result.stderr
    (message,) = result.stderr.splitlines()
    assert message.startswith("layouts/booklet/booklet.html:") and words in message, message
    assert "Traceback" not in result.stderr and SECRET not in result.stderr
    assert not (project / "output" / "pub.pdf").exists()


def test_a_symbolic_link_in_the_layout_leads_nowhere(project):
    (project / "layouts" / "booklet" / "stuk.html").symlink_to(project / "geheim.txt")
    result = build_with_layout_line(project, "{% include 'stuk.html' %}")
    assert result.returncode == 2
    assert "template error" in result.stderr and SECRET not in result.stderr


def test_a_refused_attachment_is_one_line_and_the_others_still_build(project):
    template = project / "layouts" / "booklet" / "booklet.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace(
        "</head>", '<link rel="attachment" href="file:///etc/passwd"></head>', 1),
        encoding="utf-8")
    first = write_source(project / "content", "## Les\n\nTekst.\n", name="een")
    second = write_source(project / "content", "## Les\n\nTekst.\n", name="twee")
    result = run_project(project, str(first), str(second))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "Traceback" not in result.stderr
    for line, name in zip(lines, ("een", "twee"), strict=True):
        assert line.startswith(f"content/{name}.md: the booklet layout 'booklet' tried to load "
                               "file:///etc/passwd: ")


def test_a_refusal_in_a_part_measured_on_another_core_is_one_line(project):
    """A long publication's booklet is first measured in parts on every core: a file
    the layout asks for on the last lesson's page is refused in a worker, and still
    told as one line."""
    style = project / "layouts" / "booklet" / "booklet.css"
    style.write_text(style.read_text(encoding="utf-8") + "\n#lesson-12 { background: "
                     "url(file:///etc/passwd) }\n", encoding="utf-8")
    lessons = "".join(f"## {n}. Les {n}\n\n" + "Een zin over de buurt en het plein. " * 60
                      + "\n\n" for n in range(1, 13))
    source = write_source(project / "content", lessons)
    result = run_project(project, str(source), "--only", "booklet")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("content/pub.md: the booklet layout 'booklet' tried to load "
                           "file:///etc/passwd: "), line
    assert not (project / "output" / "pub.pdf").exists()


def test_a_layout_that_only_reads_data_still_works(project):
    result = build_with_layout_line(project, "<!-- {{ pub.title|upper }} {{ pub.lessons|length }} "
                                             "{{ labels.contents }} -->")
    assert result.returncode == 0, result.stderr


# A layout may come from anyone: whatever it tries, it stops within seconds with its line.
COSTLY = [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "loops ran more than 1,000,000 rounds"),
    ("{% for i in range(100000) %}{% for j in pub.lessons * 1000 %}{{ j.title }}{% endfor %}{% endfor %}",
     "loops ran more than"),
    ("{{ 'x' * 10000000000 }}", "more than 20,000,000 items"),
    ("{{ ('x' * 1000000) * 1000000 }}", "more than 20,000,000 items"),
    ("{{ (range(100000)|list) * 100000 }}", "more than 20,000,000 items"),
    ("{{ 10 ** 100000000 }}", "power 100000000 is too large"),
    ("{{ 'x'|center(1000000000) }}", "number 1000000000 is too large"),
    ("{{ 'x'.ljust(1000000000) }}", "number 1000000000 is too large"),
    ("{{ '{:>999999999}'.format(1) }}", "width or number too large"),
    ("{{ '%999999999d' % 1 }}", "width or number too large"),
    ("{% set ns = namespace(s='xxxxxxxxxx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
     "{% endfor %}", "more than 20,000,000 items"),
    ("{% for i in range(100000) %}{% for j in range(1000) %}{{ 'x' * 1000 }}{% endfor %}{% endfor %}",
     "writes more than 100,000,000 characters"),
    ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}", "calls a macro within itself"),
]


@pytest.mark.parametrize("line, words", COSTLY)
def test_a_costly_layout_stops_with_its_line(project, line, words):
    started = time.monotonic()
    result = build_with_layout_line(project, line)
    assert time.monotonic() - started < 60
    assert result.returncode == 2, result.stderr
    (message,) = result.stderr.splitlines()
    body = (LAYOUTS / "booklet" / "booklet.html").read_text(encoding="utf-8").split("<body>")[0]
    line_number = body.count("\n") + 2  # the line after <body>
    assert message.startswith(f"layouts/booklet/booklet.html:{line_number}: ") and words in message, message
    assert not (project / "output" / "pub.pdf").exists()


def test_the_web_layout_is_bounded_too(project):
    template = project / "layouts" / "web" / "web.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("<body", "{{ 'x' * 10000000000 }}<body", 1), encoding="utf-8")
    source = write_source(project / "content", "## Les\n\nTekst.\n")
    result = run_project(project, str(source), "--only", "web")
    assert result.returncode == 2, result.stderr
    (message,) = result.stderr.splitlines()
    assert message.startswith("layouts/web/web.html:") and "more than 20,000,000 items" in message


def test_the_jinja2_code_generator_internals_the_bounds_rely_on():
    """The bounds extend two methods of Jinja2's code generator; if a new Jinja2 writes
    loops or ``~`` differently, this fails with the internal's name, not with a layout
    that runs unbounded."""
    from tweeluik.booklet.layout_sandbox import BoundedSandbox

    env = BoundedSandbox()
    code = env.compile("{% for i in items %}{{ i ~ 'x' }}{% endfor %}", raw=True)
    assert "environment.counted(" in code, "CodeGenerator.visit_For no longer visits the iterable"
    assert "environment.bounded(" in code, "CodeGenerator.visit_Concat is gone"
    assert env.from_string("{% for i in items %}{{ i ~ 'x' }}{% endfor %}").render(items=[1, 2]) == "1x2x"
