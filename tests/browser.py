"""A real browser for the tests: Debian's Chromium, driven by Playwright (no browser is
downloaded), and axe-core (vendored in ``tests/vendor``) to check pages for WCAG 2.1 A
and AA."""

from __future__ import annotations

from pathlib import Path

from .conftest import ROOT, need_tool

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Chromium as the probe of this machine starts it: no calls home, no first-run pages.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]


def launch(playwright):
    """Debian's Chromium, headless."""
    return playwright.chromium.launch(executable_path=need_tool("chromium"),
                                      args=CHROMIUM_FLAGS)


def axe_violations(page) -> list[str]:
    """What axe-core finds against WCAG 2.1 A and AA on the page as it is now, one line
    per rule with the first places it failed."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [f"{item['id']} ({item['impact']}): {item['help']} at "
            + "; ".join(node["target"][0] for node in item["nodes"][:3])
            for item in result["violations"]]


def network_requests(page) -> list[str]:
    """Start recording every request the page makes that leaves the machine (anything
    but ``file:`` and ``data:``); such requests are refused."""
    seen: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            seen.append(url)
            route.abort()

    page.route("**/*", guard)
    return seen


def page_url(path: Path) -> str:
    return path.resolve().as_uri()
