import re

from survey import charts


def test_bar_chart_is_a_named_image_with_printed_values():
    svg = charts.bar_chart(
        chart_id="c1",
        title="Handlungsfelder",
        desc="Anteile",
        bars=[charts.Bar("Aus- und Weiterbildung", 40, "40 %"), charts.Bar("<b>", None, "< 5")],
    )
    assert 'role="img" aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Handlungsfelder</title>' in svg
    assert '<desc id="c1-desc">Anteile</desc>' in svg
    assert ">40 %</text>" in svg
    # hidden values are said, not drawn; labels are escaped
    assert "&lt;b&gt;: &lt; 5 (nicht ausgewiesen)" in svg
    assert "<b>" not in svg
    # scale ends at the next round number above the largest value
    assert ">50 %</text>" in svg
    assert "style=" not in svg  # the CSP forbids inline styles


def test_stacked_bar_chart_marks_parts_by_pattern_and_prints_them():
    svg = charts.stacked_bar_chart(
        chart_id="c2",
        title="Themen",
        desc="Split",
        legend=["zentrales Thema", "auf der Agenda", "kein Thema"],
        rows=[charts.StackedRow("Digitalisierung", [20, 36, 44]), charts.StackedRow("X", None)],
    )
    assert 'id="c2-hatch"' in svg and 'fill="url(#c2-hatch)"' in svg
    for text in ("20 %", "36 %", "44 %", "zentrales Thema", "X: nicht ausgewiesen"):
        assert text in svg
    # white text only on the darkest part
    assert svg.count('fill="#ffffff"') == 1


def test_line_chart_leaves_gaps_and_keeps_labels_apart():
    svg = charts.line_chart(
        chart_id="c3",
        title="Trend",
        desc="Zeitverlauf",
        x_labels=["2019", "2024", "2026"],
        series=[("A", [20, None, 30]), ("B", [21, 40, 31])],
    )
    assert svg.count("<polyline") == 1  # A has no line across its gap
    assert "2019" in svg and "2026" in svg
    assert 'stroke-dasharray="8 4"' in svg  # B is dashed, not only another colour
    # 20 % and 21 % sit on almost the same spot: their labels must not overlap
    labels = {
        m.group(3): float(m.group(2))
        for m in re.finditer(r'<text x="([\d.]+)" y="([\d.]+)"[^>]*font-weight="bold">(\d+) %', svg)
    }
    assert abs(labels["20"] - labels["21"]) >= charts.SMALL


def test_nice_maximum():
    assert charts.nice_maximum([3, 8]) == 10
    assert charts.nice_maximum([26]) == 50
    assert charts.nice_maximum([None]) == 10
    assert charts.nice_maximum([100]) == 100


def test_charts_come_from_the_template_with_unlocalised_numbers(settings):
    settings.LANGUAGE_CODE = "de"
    svg = charts.bar_chart(
        chart_id="c4", title="T", desc="D", bars=[charts.Bar("A", 12.5, "12,5 %")]
    )
    # the partial drops the whitespace between elements, and SVG wants "206.2", not "206,2"
    assert "><" in svg and "\n" not in svg
    assert 'width="206.2"' in svg and ">12,5 %</text>" in svg
