"""Demo badge, criteria in words and the contact form in the browser, under axe at 360
and 1280 px (check_page)."""

from django.core import mail
from playwright.sync_api import expect


def test_demo_profile_without_consent_offers_the_contact_form(
    live_server, page, check_page, directory
):
    network = directory.guetersloh_net
    network.source = "demo"
    network.contact_public = False
    network.goals_based_on_data = None
    network.save()
    page.goto(live_server.url + network.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text("Demo-Daten")
    expect(page.get_by_text("keine Angabe").first).to_be_visible()
    expect(page.get_by_text(network.coordination_email)).to_have_count(0)
    check_page("profil-demo-ohne-kontakt", screenshot=False)

    page.get_by_role("link", name="Nachricht schreiben").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Nachricht an die Netzwerkkoordination"
    )
    page.get_by_label("Ihr Name").fill("Max Muster")
    page.get_by_label("Ihre E-Mail-Adresse").fill("keine-adresse")
    page.get_by_label("Ihre Nachricht").fill("Wir möchten mitmachen.")
    page.get_by_role("button", name="Nachricht senden").click()
    # the server refuses, and what was typed is still there
    expect(page.get_by_label("Ihre Nachricht")).to_have_value("Wir möchten mitmachen.")
    check_page("kontakt-fehler", screenshot=False)

    page.get_by_label("Ihre E-Mail-Adresse").fill("max@example.com")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nachricht gesendet")
    check_page("kontakt-gesendet", screenshot=False)
    assert [m.to for m in mail.outbox] == [[network.coordination_email]]
