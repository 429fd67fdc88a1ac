"""WCAG 2.2 AA checks that axe does not make, computed in the browser from rendered styles.

- ``control_border_problems``: every visible input, select, textarea and outlined button
  has a boundary (border or fill) of at least 3:1 against what is behind it (1.4.11).
- ``focus_problems``: pressing Tab through the page, each element that takes the focus
  changes visibly, and the indicator (outline, shadow, border, background or stroke) has
  at least 3:1 against its background (2.4.7, 1.4.11). The same round records the tab
  order, and ``tab_order_problems`` reports where the focus jumps against the reading order
  (up, or back to the left on a line) (2.4.3).
- ``target_size_problems``: targets of at least 24 × 24 px, or spaced so that 24 px circles
  around the small ones touch nothing else, except inline links in text and targets whose
  link a large enough target on the page also has (2.5.8).
- ``heading_problems``: the first heading is h1 and no level is skipped (1.3.1).

Each function returns a list of German problem texts; ``assert_wcag_beyond_axe`` fails a
test with all of them. tests/browser/test_checks.py shows every check failing on a page
made broken on purpose.
"""

from pathlib import Path

import pytest

SCRIPT = (Path(__file__).parent / "checks.js").read_text(encoding="utf-8")
# A page with more tab stops than this is a problem of its own (the home map had 742).
TAB_LIMIT = 300


def _load(page) -> None:
    # evaluate() runs outside the page's CSP, like axe
    if not page.evaluate("() => typeof window.__a11y !== 'undefined'"):
        page.evaluate(SCRIPT)


def control_border_problems(page) -> list[str]:
    _load(page)
    return page.evaluate("() => __a11y.controlBorders()")


def target_size_problems(page) -> list[str]:
    _load(page)
    return page.evaluate("() => __a11y.targetSizes()")


def heading_problems(page) -> list[str]:
    _load(page)
    return page.evaluate("() => __a11y.headingOutline()")


def tab_through(page, *, limit: int = TAB_LIMIT) -> None:
    """Press Tab from the top of the page until the focus comes round again, recording
    every focused element's styles before and after and its place on the page."""
    _load(page)
    page.mouse.move(0, 0)  # no hover styles in the "before" state
    page.evaluate("() => __a11y.startFocusLog()")
    pressed = 0
    while pressed < limit:
        for _ in range(10):
            page.keyboard.press("Tab")
        pressed += 10
        if page.evaluate("() => __a11y.focusSeen()"):
            # leave the page as it was for screenshots and later checks
            page.evaluate("() => document.activeElement && document.activeElement.blur()")
            return
    raise AssertionError(f"{page.url}: mehr als {limit} Tabstopps auf einer Seite")


def focus_problems(page) -> list[str]:
    """After ``tab_through``: elements whose focus is not visible enough."""
    return page.evaluate("() => __a11y.focusProblems()")


def tab_order_problems(page) -> list[str]:
    """After ``tab_through``: where the tab order runs against the reading order."""
    return page.evaluate("() => __a11y.tabOrderProblems()")


def tab_sequence(page) -> list[str]:
    """After ``tab_through``: the focused elements in order, described."""
    return page.evaluate("() => __a11y.tabSequence()")


def wcag_problems(page, *, colours: bool = True, tab_order: bool = True) -> dict[str, list[str]]:
    """All checks on the page as it is now; those of colour (borders, focus indicator, the
    headings) only with ``colours``, since they do not change with the width, and the tab
    order only with ``tab_order``."""
    problems = {"Zielgröße (2.5.8)": target_size_problems(page)}
    if colours:
        problems["Überschriften (1.3.1)"] = heading_problems(page)
        problems["Ränder von Bedienelementen (1.4.11)"] = control_border_problems(page)
    if tab_order or colours:
        tab_through(page)
    if tab_order:
        problems["Fokusreihenfolge (2.4.3)"] = tab_order_problems(page)
    if colours:
        problems["Fokus sichtbar (2.4.7, 1.4.11)"] = focus_problems(page)
    return {check: found for check, found in problems.items() if found}


def assert_wcag_beyond_axe(page, name: str, **kwargs) -> None:
    problems = wcag_problems(page, **kwargs)
    if problems:
        lines = [f"WCAG 2.2 jenseits von axe auf '{name}' ({page.url}):"]
        for check, found in problems.items():
            lines.append(f"{check}:")
            lines.extend(f"    {problem}" for problem in found)
        pytest.fail("\n".join(lines), pytrace=False)
