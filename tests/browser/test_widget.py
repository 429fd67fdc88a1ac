"""The widget in a partner's page: a page of another origin (a second local server on
another port) frames /einbetten/, which renders; the same page cannot frame /netzwerke/.
Also the /daten/ snippet generator without JavaScript, and both pages through the checks."""

import http.server
import re
import threading

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import PageChecker

PARTNER_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Kreis Beispiel</title></head>
<body><h1>Fachkräfte im Kreis</h1>
<iframe id="widget" title="Netzwerke" src="{site}/einbetten/?kreis=05711"
  width="600" height="400"></iframe>
<iframe id="liste" title="Liste" src="{site}/netzwerke/" width="600" height="400"></iframe>
</body></html>
"""


@pytest.fixture
def partner_site(live_server):
    """A page of another origin (same host, other port) that frames the directory."""
    body = PARTNER_PAGE.format(site=live_server.url).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_widget_renders_in_a_page_of_another_origin(live_server, page, partner_site, directory):
    assert partner_site.split(":")[2] != live_server.url.split(":")[2]  # another origin
    refused = []
    page.on("console", lambda message: refused.append(message.text))
    page.goto(partner_site)
    widget = page.frame_locator("#widget")
    expect(widget.get_by_role("heading", level=1)).to_have_text("Netzwerke in Bielefeld")
    expect(widget.get_by_role("link", name="Fachkräftebündnis Ostwestfalen")).to_be_visible()

    # the directory's list refuses to be framed: Chromium shows its error page instead
    listing = page.locator("#liste").element_handle().content_frame()
    assert listing.url.startswith("chrome-error://"), listing.url
    assert page.frame_locator("#liste").get_by_text("Fachkräftebündnis Ostwestfalen").count() == 0
    assert any("frame-ancestors" in text for text in refused), refused

    # a profile opens in a new tab, not inside the partner's page
    with page.context.expect_page() as opened:
        widget.get_by_role("link", name="Fachkräftebündnis Ostwestfalen").click()
    profile = opened.value
    profile.wait_for_load_state()
    assert profile.url.startswith(live_server.url + "/netzwerke/")
    assert page.url == partner_site


def test_widget_passes_the_page_checks(live_server, page, directory):
    check = PageChecker(page)
    page.goto(live_server.url + reverse("netzwerke:widget") + "?kreis=05711")
    check("einbetten")


def test_snippet_generator_without_javascript(live_server, nojs_page, directory):
    page = nojs_page
    check = PageChecker(page, javascript=False)
    page.goto(live_server.url + reverse("netzwerke:data"))
    check("daten")
    page.get_by_label("Kreis", exact=True).select_option("05711")
    page.get_by_role("button", name="Code erzeugen").click()
    code = page.get_by_label("Kopieren Sie diesen Code", exact=False)
    expect(code).to_have_value(
        re.compile(re.escape(f'<iframe src="{live_server.url}/einbetten/?kreis=05711"'))
    )
    expect(page.locator("iframe.widget-preview")).to_have_attribute(
        "src", "/einbetten/?kreis=05711"
    )
    check("daten-einbettcode")
