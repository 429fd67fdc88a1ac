"""Each check of tests/browser/checks.py fails on a page broken on purpose, and passes on
the same page repaired: the checks can see what they claim to see."""

import pytest

from tests.browser import checks

PAGE = """<!DOCTYPE html><html lang="de"><head><title>Prüfseite</title><style>
body {{ font: 16px/1.5 sans-serif; margin: 1rem; background: #fff; color: #212529; }}
{css}</style></head><body>{body}</body></html>"""


@pytest.fixture(scope="module")
def scratch(browser):
    """One page for all broken pages of this module (no server, no database)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def show(page, body, css=""):
    page.set_content(PAGE.format(css=css, body=body))


def broken_then_repaired(page, check, body, broken, repaired):
    """The check's problems on the broken page; it finds none once the CSS is repaired."""
    show(page, body, broken)
    problems = check(page)
    show(page, body, repaired)
    assert check(page) == []
    return problems


def test_control_borders(scratch):
    body = (
        '<h1>x</h1><label for="a">Name</label> <input id="a"> '
        '<input type="checkbox" id="b" class="box"><label for="b">ja</label>'
    )
    # Bootstrap's 1.5:1, on a text field and a styled checkbox
    show(
        scratch, body, "input { border: 1px solid #ced4da; } .box { appearance: none; width: 1em; }"
    )
    problems = checks.control_border_problems(scratch)
    assert len(problems) == 2 and "input#a" in problems[0], problems
    assert "1.49:1" in problems[0], problems
    show(
        scratch, body, "input { border: 1px solid #6c757d; } .box { appearance: none; width: 1em; }"
    )
    assert checks.control_border_problems(scratch) == []


CASES = {
    # an autocomplete's search field has no border; the box around it has
    "field-in-a-box": (
        checks.control_border_problems,
        '<h1>x</h1><span class="box"><span><input aria-label="Suche"></span></span>',
        "input { border: 0; } .box { display: inline-block; border: 1px solid %s; }",
        ("#ccc", "#767676"),
        1,
    ),
    "outlined-button": (
        checks.control_border_problems,
        '<h1>x</h1><button class="btn">Los</button>',
        ".btn { background: transparent; border: 1px solid %s; }",
        ("#9ec5fe", "#0a58ca"),
        1,
    ),
    "small-buttons-side-by-side": (
        checks.target_size_problems,
        '<h1>x</h1><button class="s">a</button><button class="s">b</button>',
        ".s { width: 16px; height: 16px; padding: 0; margin: %s; border: 0; }",
        ("0", "0 6px"),
        2,
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_broken_then_repaired(scratch, case):
    check, body, css, (broken, repaired), count = CASES[case]
    assert len(broken_then_repaired(scratch, check, body, css % broken, css % repaired)) == count


def test_text_button_has_no_box(scratch):
    # a text button (transparent border) is a link to look at, not a box
    show(
        scratch,
        '<h1>x</h1><button class="btn">Los</button>',
        ".btn { background: transparent; border: 1px solid transparent; }",
    )
    assert checks.control_border_problems(scratch) == []


def test_focus_must_show(scratch):
    body = '<h1>x</h1><p><a href="#a">eins</a> <a href="#b" id="b">zwei</a></p>'
    show(scratch, body, "a:focus { outline: none; } #b:focus-visible { outline: 3px solid #000; }")
    checks.tab_through(scratch)
    problems = checks.focus_problems(scratch)
    assert len(problems) == 1 and "eins" in problems[0] and "keine sichtbare" in problems[0], (
        problems
    )


def test_focus_indicator_contrast(scratch):
    body = (
        '<h1>x</h1><button id="k">Knopf</button>'
        '<div style="background:#0c2d57;padding:1rem"><a href="#x">dunkel</a></div>'
    )
    # Bootstrap's pale ring: 1.4:1 on white; a dark outline vanishes on dark blue
    show(
        scratch,
        body,
        "button:focus { outline: none; box-shadow: 0 0 0 .25rem rgba(13,110,253,.25); }"
        "a:focus { outline: 3px solid #000; } a { color: #fff; }",
    )
    checks.tab_through(scratch)
    problems = checks.focus_problems(scratch)
    assert len(problems) == 2, problems
    assert "Schatten" in problems[0] and "Umriss" in problems[1], problems
    show(
        scratch,
        body,
        "*:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px;"
        " box-shadow: 0 0 0 2px #fff; } a { color: #fff; }",
    )
    checks.tab_through(scratch)
    assert checks.focus_problems(scratch) == []


def test_target_size(scratch):
    toc = "".join(f'<li><a href="#t{n}">Abschnitt {n}</a></li>' for n in range(3))
    body = f'<h1>x</h1><ul class="toc">{toc}</ul><p>Ein Satz mit <a href="#s">Link</a> darin.</p>'
    problems = broken_then_repaired(
        scratch,
        checks.target_size_problems,
        body,
        ".toc { font-size: 14px; line-height: 1.5; }",  # 21 px apart
        ".toc a { display: inline-block; padding: .25rem 0; }",
    )
    assert len(problems) == 3 and all("Abschnitt" in p for p in problems), problems


def test_tab_order(scratch):
    # the list page as it was: results first in the markup, filters shown to their left
    body = """<h1>x</h1><div style="display:flex">
      <section style="order:2;width:60%">
        <a href="#r1">Ergebnis 1</a><br><a href="#r2">Ergebnis 2</a></section>
      <aside style="order:1;width:40%">
        <label><input type="checkbox"> Filter</label></aside></div>"""
    show(scratch, body)
    checks.tab_through(scratch)
    problems = checks.tab_order_problems(scratch)
    assert len(problems) == 1 and "nach oben" in problems[0] and "Filter" in problems[0], problems
    show(scratch, body.replace("order:2", "order:0").replace("order:1", "order:3"))
    checks.tab_through(scratch)
    assert checks.tab_order_problems(scratch) == []
    assert (
        checks.tab_sequence(scratch)[0].startswith("a") and len(checks.tab_sequence(scratch)) == 3
    )


def test_tab_order_back_on_a_line(scratch):
    body = '<h1>x</h1><p><a href="#2" tabindex="2">zwei</a> <a href="#1" tabindex="1">eins</a></p>'
    show(scratch, body)
    checks.tab_through(scratch)
    problems = checks.tab_order_problems(scratch)
    assert len(problems) == 1 and "links" in problems[0], (
        problems,
        scratch.evaluate('() => JSON.stringify(__a11y._log().map(e => e.key ? "K" : e.name))'),
    )


def test_heading_outline(scratch):
    show(scratch, "<h1>Netzwerke</h1><h3>Karte</h3><h2>Liste</h2><h3>Eintrag</h3>")
    problems = checks.heading_problems(scratch)
    assert len(problems) == 1 and "h1 → h3" in problems[0], problems
    show(scratch, "<h2>Start</h2><h1>Netzwerke</h1>")
    assert "nicht h1" in checks.heading_problems(scratch)[0]
    show(scratch, "<h1>Netzwerke</h1><h2>Karte</h2><div hidden><h4>versteckt</h4></div><h3>x</h3>")
    assert checks.heading_problems(scratch) == []


def test_assert_collects_every_check(scratch):
    show(
        scratch,
        '<h2>x</h2><input aria-label="x" style="border:1px solid #eee">',
        "input:focus { outline: none; }",
    )
    with pytest.raises(pytest.fail.Exception) as failure:
        checks.assert_wcag_beyond_axe(scratch, "kaputt")
    message = str(failure.value)
    for check in ("Überschriften", "Ränder", "Fokus sichtbar"):
        assert check in message
