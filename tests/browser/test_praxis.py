"""Praxisbeispiele and overlaps in the browser: the catalogue, a project page, a Kreis page
with its matrix and /ueberschneidungen/, each checked with axe and the checks beyond it at
360 and 1280 px."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from tests import factories as f


def test_catalogue_project_kreis_matrix_and_overlaps(live_server, page, check_page, directory):
    d = directory
    project = f.ProjectFactory(
        network=d.owl,
        title="Azubi-Speeddating",
        description="Betriebe treffen Jugendliche.",
        results="14 Ausbildungsverträge.",
        aim_train=True,
        evaluated=True,
        recommended=True,
        recommended_reason="Viele Verträge mit wenig Aufwand.",
    )
    project.action_fields.set([d.training])
    other = f.ProjectFactory(network=d.hannover_net, title="Azubi-Tag Hannover", aim_train=True)
    other.action_fields.set([d.training])

    page.goto(live_server.url + reverse("netzwerke:project-list"))
    expect(page.locator("#result-count")).to_have_text(re.compile("3 Praxisbeispiele gefunden"))
    check_page("praxisbeispiele")

    page.goto(live_server.url + project.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text("Azubi-Speeddating")
    expect(page.get_by_role("link", name="Azubi-Tag Hannover")).to_be_visible()
    check_page("praxisbeispiel")

    page.goto(live_server.url + "/regionen/NW/05754/")
    check_page("kreis-schwerpunkte")

    page.goto(live_server.url + reverse("netzwerke:overlaps") + "?land=NW")
    expect(page.get_by_role("heading", name="Wie wir Ähnlichkeit berechnen")).to_be_visible()
    check_page("ueberschneidungen")
