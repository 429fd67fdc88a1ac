"""The keyboard's way through the two busiest pages: the home map costs one tab stop and
its arrow keys move between regions; the list's filters come before its results, with a
link that skips them."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from tests.browser import checks


def test_home_map_is_one_tab_stop(live_server, page, directory):
    page.goto(live_server.url + reverse("netzwerke:home"))
    checks.tab_through(page)
    stops = checks.tab_sequence(page)
    in_map = page.evaluate("() => __a11y._log().filter(e => e.el && e.el.closest('svg')).length")
    assert in_map == 1, stops
    # the map had 400 Kreis links in the tab order (742 stops); now the page is short
    assert len(stops) < 40, stops
    assert checks.tab_order_problems(page) == []

    first = page.locator("svg[data-map-keys] a").first
    first.focus()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.closest('svg') !== null")
    moved = page.evaluate("() => document.activeElement.getAttribute('tabindex')")
    assert focused and moved == "0"
    assert first.get_attribute("tabindex") == "-1"
    # the Kreis table carries the same links for keyboard and screen reader users
    page.get_by_text("Tabelle: Netzwerke je Kreis").click()
    expect(page.get_by_role("row", name=re.compile("Bielefeld"))).to_be_visible()


def test_list_filters_come_before_the_results(live_server, page, directory):
    page.goto(live_server.url + reverse("netzwerke:network-list"))
    checks.tab_through(page)
    stops = checks.tab_sequence(page)
    skip = next(i for i, s in enumerate(stops) if "zu den ergebnissen" in s.lower())
    first_filter = next(i for i, s in enumerate(stops) if s.startswith("input#f-"))
    first_result = next(i for i, s in enumerate(stops) if directory.owl.name in s)
    assert skip < first_filter < first_result, stops
    assert checks.tab_order_problems(page) == []
    # the skip link lands on the results
    page.get_by_role("link", name="Filter überspringen, zu den Ergebnissen").focus()
    page.keyboard.press("Enter")  # the skip link shows only on focus, as a keyboard user meets it
    assert page.evaluate("() => document.activeElement.id") == "ergebnisse"
    # from there Tab walks the result area (chips, sort, downloads) to the first result,
    # and never back through a filter
    after_skip = []
    for _ in range(15):
        page.keyboard.press("Tab")
        after_skip.append(page.evaluate("() => document.activeElement.textContent.trim()"))
        if page.evaluate("() => document.activeElement.id").startswith("f-"):
            raise AssertionError(f"Tab kam nach dem Sprunglink wieder in die Filter: {after_skip}")
        if after_skip[-1] == directory.owl.name:
            break
    expect(page.get_by_role("link", name=directory.owl.name)).to_be_focused()
