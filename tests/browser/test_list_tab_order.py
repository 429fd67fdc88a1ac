"""At desktop width the keyboard walks the list page in its visual order."""

from django.urls import reverse
from playwright.sync_api import expect


def focus_walk(page, stop, limit=200):
    """Press Tab from the top of the page until ``stop`` has the focus; the focused
    elements' ids, classes and boxes in order."""
    walk = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const el = document.activeElement;
                const box = el.getBoundingClientRect();
                return {
                    inFilter: !!el.closest('#filter'),
                    inResults: !!el.closest('#ergebnisse'),
                    x: box.x, visible: box.width > 0 && box.height > 0,
                    text: (el.innerText || el.value || '').trim().slice(0, 40),
                };
            }"""
        )
        walk.append(info)
        if stop.evaluate("el => el === document.activeElement"):
            return walk
    raise AssertionError("Ziel nicht mit Tab erreicht")


def test_tab_order_follows_the_visual_order_at_desktop_width(live_server, page, directory):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("netzwerke:network-list"))
    first_result = page.locator("#ergebnisse section article a").first
    walk = focus_walk(page, first_result)
    regions = [
        ("filter" if w["inFilter"] else "results" if w["inResults"] else "top") for w in walk
    ]
    # the filters (left column) are passed before the results (right column) …
    assert "filter" in regions
    assert regions.index("filter") < regions.index("results")
    assert "filter" not in regions[regions.index("results") :]
    # … and every filter stop lies left of every result stop
    filter_x = max(w["x"] for w in walk if w["inFilter"] and w["visible"])
    results_x = min(w["x"] for w in walk if w["inResults"] and w["visible"])
    assert filter_x < results_x


def test_skip_link_jumps_over_the_filters(live_server, page, directory):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("netzwerke:network-list"))
    skip = page.get_by_role("link", name="Filter überspringen, zu den Ergebnissen")
    for _ in range(30):
        page.keyboard.press("Tab")
        if skip.evaluate("el => el === document.activeElement"):
            break
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    in_results = page.evaluate("() => !!document.activeElement.closest('#ergebnisse')")
    assert in_results
