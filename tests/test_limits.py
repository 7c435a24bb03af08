"""Sources at the README's limits build, all five files, and finish: the corpus of the
largest inputs tweeluik promises to take (made by bench/generate.py). How long each takes
is measured in the benchmark (``bench/bench.py --limits``, target ≤ 60 s each); here a
case that hangs fails at the time-out."""

from __future__ import annotations

import importlib.util

import pytest

from tweeluik.text_limits import MAX_LESSONS, MAX_LINKS, MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS
from tweeluik.source import MAX_SOURCE_BYTES

from .conftest import ROOT, run_build, write_source

pytestmark = pytest.mark.slow

_spec = importlib.util.spec_from_file_location("generate", ROOT / "bench" / "generate.py")
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)
CASES = ["lessons-each-with-the-same-large-picture", "paragraphs",
         "links-each-with-a-note-and-a-qr-code", "the-most-text-in-the-longest-paragraphs",
         "lists-pasted-as-one-sentence", "emphasis-nested-twelve-deep"]


@pytest.fixture(scope="module")
def bodies(tmp_path_factory):
    folder = tmp_path_factory.mktemp("limits")
    return folder, generate.at_the_limits(folder, MAX_LESSONS, MAX_PARAGRAPHS, MAX_LINKS,
                                          MAX_PARAGRAPH_CHARS, MAX_SOURCE_BYTES)


def test_the_corpus_has_a_case_for_each_limit(bodies):
    assert sorted(bodies[1]) == sorted(CASES)


@pytest.mark.parametrize("name", CASES)
def test_a_source_at_the_limits_builds(bodies, name):
    folder, texts = bodies
    source = write_source(folder, texts[name], name=name)
    assert source.stat().st_size <= MAX_SOURCE_BYTES
    result = run_build(str(source), "--out", str(folder / "out" / name), timeout=240)
    assert result.returncode == 0, result.stderr
    assert len(list((folder / "out" / name).glob(f"{name}*"))) == 5


def test_a_picture_shown_in_every_lesson_is_read_and_prepared_once(tmp_path, monkeypatch,
                                                                   capsys):
    """The check reads a picture file once, and the slides prepare it once, however many
    lessons show it (reading a PNG's orientation decodes it whole: 300 lessons showing a
    7000-pixel picture took over 90 s before)."""
    from PIL import Image

    from tweeluik import images
    from tweeluik.cli import main
    from tweeluik.deck import pptx_writer
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (tmp_path / "layouts").symlink_to(ROOT / "layouts")
    Image.new("RGB", (400, 300), (200, 100, 50)).save(content / "images" / "plein.png")
    write_source(content, "Beste leden,\n\n" + "".join(
        f"## {n}. Les\n\n> Kern {n}.\n\n![Het plein](images/plein.png)\n\nTekst.\n\n"
        for n in (1, 2, 3)))
    calls = {"checked": 0, "prepared": 0}
    check, prepare = images.check_image, pptx_writer.picture_for_slide

    def counted_check(*args):
        calls["checked"] += 1
        return check(*args)

    def counted_prepare(*args):
        calls["prepared"] += 1
        return prepare(*args)

    monkeypatch.setattr(images, "check_image", counted_check)
    monkeypatch.setattr(pptx_writer, "picture_for_slide", counted_prepare)
    monkeypatch.chdir(tmp_path)
    assert main(["content/pub.md", "--only", "deck"], root=tmp_path) == 0, capsys.readouterr()
    assert calls == {"checked": 1, "prepared": 1}


def test_a_qr_code_is_made_once_however_often_the_booklet_is_laid_out(tmp_path, monkeypatch,
                                                                      capsys):
    from tweeluik.booklet import links, render
    from tweeluik.cli import main
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "layouts").symlink_to(ROOT / "layouts")
    address = "https://example.nl/wijkteams/verslagen/2026/het-hele-verslag-van-de-avond"
    long_lesson = "Een zin van de les die de pagina vult. " * 160
    write_source(content, f"Beste leden,\n\n## 1. Les\n\nZie [het verslag]({address}).\n\n"
                          f"{long_lesson}\n\n## 2. Les\n\nTekst.\n")
    made, layouts = [], []
    qr, lay_out = links.qr_code_svg, render._Booklet.lay_out
    monkeypatch.setattr(links, "qr_code_svg", lambda *args: made.append(args) or qr(*args))
    monkeypatch.setattr(render._Booklet, "lay_out",
                        lambda self, html: layouts.append(html) or lay_out(self, html))
    monkeypatch.chdir(tmp_path)
    assert main(["content/pub.md", "--only", "booklet"], root=tmp_path) == 0, \
        capsys.readouterr()
    assert len(layouts) >= 2 and len(made) == 1
