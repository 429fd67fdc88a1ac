from django.urls import reverse

from tests.sample import small_statistics


def test_statistics_show_charts_with_tables(live_server, page, check_page, directory):
    data = small_statistics(directory)
    page.goto(live_server.url + reverse("survey:statistics"))
    check_page("statistik")

    page.get_by_role("link", name="Alle Zahlen der Netzwerkerhebung 2026").click()
    assert page.locator(".stat-n").inner_text().endswith("n = 12")
    # the breakdowns by Land and type fold away; a visitor opens them
    closed = page.locator("details.stat-details:not([open]) > summary")
    assert closed.count() >= 1
    while closed.count():
        closed.first.click()
    charts = page.locator("figure.stat-chart svg")
    assert charts.count() >= 3
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.is_visible()
        # every chart names itself and has its table beside it
        assert chart.locator("title").count() == 1
        table = chart.locator("xpath=ancestor::section[1]").get_by_role("table")
        assert table.is_visible()
    topic_table = page.get_by_role("table", name="Qualifizierung für die Digitalisierung")
    assert topic_table.get_by_role("row").count() >= 4
    check_page("statistik-erhebung")

    page.get_by_label("Bundesland", exact=True).select_option(label="Nordrhein-Westfalen")
    page.get_by_role("button", name="Anzeigen").click()
    assert "land=NW" in page.url
    assert page.locator(".stat-n").inner_text().endswith("n = 8")
    check_page("statistik-gefiltert", screenshot=False)

    page.goto(live_server.url + reverse("survey:statistics-wave", args=[data.empty.slug]))
    assert page.get_by_text("noch keine angenommenen Antworten").is_visible()
    check_page("statistik-leer", screenshot=False)
