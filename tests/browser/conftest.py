"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Without Chromium the tests are skipped with one line saying how to enable them; with
CI=true a missing Chromium fails the run instead, so CI can never pass without them.
"""

import contextlib
import json
import os
import re
from pathlib import Path

import pytest

from tests.browser.checks import assert_wcag_beyond_axe
from tests.htmlcheck import html_errors
from tests.sample import small_directory

# Playwright's sync API runs an event loop in the test thread; Django's ORM would
# refuse to run beside it in the factories and in the live server's flush.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"
NARROW, WIDE = 360, 1280
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BROWSER_DIR = Path(__file__).parent


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _missing_browser_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return (
            f"Browser-Tests übersprungen: kein Chromium unter {CHROMIUM}. "
            "Aktivieren mit `apt-get install chromium` (oder CHROMIUM=/pfad/zu/chromium)."
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return (
            "Browser-Tests übersprungen: Playwright fehlt. "
            "Aktivieren mit `.venv/bin/pip install -e '.[browser]'`."
        )
    return None


MISSING = _missing_browser_reason()
if MISSING and not _in_ci():
    # the test modules import Playwright, so they are not even collected; in CI they are,
    # and fail
    collect_ignore_glob = ["test_*.py"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter, config):
    # one line instead of one skip per test
    if MISSING and not _in_ci():
        terminalreporter.write_line(MISSING, yellow=True, bold=True)


@pytest.fixture(scope="session")
def browser():
    if MISSING:
        pytest.fail(MISSING.replace("übersprungen", "in CI nicht ausführbar"))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[_failed] = report.failed
    return report


_failed = pytest.StashKey[bool]()


@pytest.fixture
def new_context(browser, request):
    """Factory for fresh browser contexts: each one is a new browser profile.

    When the test fails, every page still open is saved as failed-<test>-<n>.png."""
    contexts = []

    def make(**kwargs):
        kwargs.setdefault("viewport", {"width": WIDE, "height": 900})
        kwargs.setdefault("locale", "de-DE")
        context = browser.new_context(**kwargs)
        context.set_default_timeout(10_000)
        # the first page of a run builds the map and warms every cache; on a shared 2-core
        # machine that alone took longer than 10 s
        context.set_default_navigation_timeout(30_000)
        contexts.append(context)
        return context

    yield make
    if request.node.stash.get(_failed, False):
        SCREENSHOTS.mkdir(exist_ok=True)
        pages = [page for context in contexts for page in context.pages]
        for number, page in enumerate(pages):
            with contextlib.suppress(Exception):  # a closed page has nothing to show
                page.screenshot(path=SCREENSHOTS / f"failed-{request.node.name}-{number}.png")
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def _clear_cache():
    # cached fragments (the home map) and rate limits must not leak from test to test
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture
def nojs_page(new_context):
    return new_context(java_script_enabled=False).new_page()


def _axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def axe_violations(page, *, contrast: bool = True) -> list[dict]:
    # evaluate() runs outside the page's CSP, so the nonce-only script-src does not block it
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_script())
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    if not contrast:
        # nine tenths of axe's time on a page of charts; colours do not change with width
        options["rules"] = {"color-contrast": {"enabled": False}}
    result = page.evaluate("options => axe.run(document, options)", options)
    return result["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            target = " ".join(t if isinstance(t, str) else json.dumps(t) for t in node["target"])
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            reasons = "; ".join(check["message"] for check in checks)
            lines.append(f"    {target}  {reasons}")
    return "\n".join(lines)


def assert_accessible(page, name: str, *, contrast: bool = True) -> None:
    violations = axe_violations(page, contrast=contrast)
    if violations:
        pytest.fail(
            f"axe: {len(violations)} Verstöße (WCAG 2.2 A/AA) auf '{name}' ({page.url}):\n"
            + format_violations(violations),
            pytrace=False,
        )


def assert_no_sideways_scroll(page, name: str) -> None:
    overflow = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const exempt = '.table-responsive, .visually-hidden, .visually-hidden-focusable';
            // inside a box that scrolls sideways itself, width is that box's business
            const inScroller = el => {
                for (let node = el.parentElement; node && node !== document.body;
                     node = node.parentElement) {
                    const overflow = getComputedStyle(node).overflowX;
                    if (overflow === 'auto' || overflow === 'scroll') return true;
                }
                return false;
            };
            const wide = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 1
                    && getComputedStyle(el).position !== 'fixed' && !el.closest(exempt)
                    && !inScroller(el))
                .slice(0, 5)
                .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + (el.className && typeof el.className === 'string'
                        ? '.' + el.className.trim().split(/\\s+/).join('.') : ''));
            return {scroll: document.documentElement.scrollWidth, width, wide};
        }"""
    )
    assert overflow["scroll"] <= overflow["width"] and not overflow["wide"], (
        f"'{name}' scrollt bei {overflow['width']} px seitwärts "
        f"(Breite des Inhalts {overflow['scroll']} px); zu breit: {overflow['wide']}"
    )


# English that Django or a package shows where no German translation reaches the page
ENGLISH = re.compile(
    r"\b(Today|Now|Choose|Clock|Calendar|Show|Hide|Add|Remove|Save|Delete|History|Change|"
    r"Changes|Changed by|Search|Action|Home|Log out|View site|Password|Enabled|Disabled|"
    r"Whether|Set password|Reset password|Object|Comment|Date/time|None|results?|total|"
    r"Users?|Groups?|Permissions|Yes|Unknown|Filter by|Select all)\b"
)


def assert_german(page, name: str) -> None:
    english = ENGLISH.findall(page.locator("body").inner_text())
    assert not english, f"Englisch auf '{name}': {sorted(set(english))}"


class PageChecker:
    """Checks one browser page: valid HTML as served, axe, what axe cannot see
    (tests/browser/checks.py), no sideways scrolling at 360 px, and screenshots at 360 and
    1280 px for a person to look at.

    Colours (axe's contrast, control borders, focus indicators) do not change with the
    width and are checked at 1280 px; layout (target sizes, tab order) at both widths."""

    def __init__(self, page, *, javascript: bool = True, tab_order: bool = True):
        self.page = page
        self.javascript = javascript
        # Django's admin puts its filters and sort buttons before what they act on; its
        # order is consistent, and its markup is Django's, so the admin skips this check
        self.tab_order = tab_order
        self.document = None
        page.on("response", self._remember_document)

    def _remember_document(self, response):
        if response.request.resource_type == "document" and response.frame == self.page.main_frame:
            self.document = response

    def __call__(self, name: str, *, screenshot: bool = True) -> None:
        page = self.page
        page.wait_for_load_state("load")
        assert self.document is not None, "keine Seite geladen"
        html = self.document.text()
        errors = html_errors(html)
        assert not errors, f"HTML-Fehler auf '{name}' ({page.url}):\n" + "\n".join(errors)
        if not self.javascript:
            # axe's promise never settles where scripts are off; the server's HTML is the
            # same, so axe reads it in a scripted page at the same address
            context = page.context.browser.new_context(viewport=page.viewport_size, locale="de-DE")
            try:
                checker = PageChecker(context.new_page(), tab_order=self.tab_order)
                checker._visit(page.url, name, screenshot=screenshot)
            finally:
                context.close()
            return
        viewport = page.viewport_size
        try:
            for width in (WIDE, NARROW):
                page.set_viewport_size({"width": width, "height": 800})
                if screenshot:
                    SCREENSHOTS.mkdir(exist_ok=True)
                    page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
                assert_accessible(page, f"{name} @ {width}px", contrast=width == WIDE)
                assert_wcag_beyond_axe(
                    page, f"{name} @ {width}px", colours=width == WIDE, tab_order=self.tab_order
                )
                if width == NARROW:
                    assert_no_sideways_scroll(page, name)
        finally:
            page.set_viewport_size(viewport)

    def _visit(self, url: str, name: str, *, screenshot: bool) -> None:
        self.page.goto(url)
        self(name, screenshot=screenshot)


@pytest.fixture
def check_page(page):
    return PageChecker(page)


@pytest.fixture
def directory(transactional_db):
    return small_directory()
