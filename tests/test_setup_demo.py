import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from netzwerke import csvformat
from netzwerke.models import Actor, District, Membership, Network, State

pytestmark = pytest.mark.django_db


def _setup(networks=25):
    out = io.StringIO()
    call_command("setup_demo", "--networks", str(networks), "--seed", "5", stdout=out)
    return out.getvalue()


def test_setup_demo_loads_everything_once_and_prints_the_login(settings):
    settings.DEBUG = True
    output = _setup()
    assert State.objects.count() == 16 and District.objects.count() == 400
    assert Network.objects.filter(slug="fachkraeftebuendnis-owl").exists()
    counts = (Network.objects.count(), Actor.objects.count(), Membership.objects.count())
    assert counts[0] == 25 + 11
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("netzwerke-demo")
    assert "Benutzername: admin" in output and "Passwort:     netzwerke-demo" in output

    again = _setup()
    assert (Network.objects.count(), Actor.objects.count(), Membership.objects.count()) == counts
    assert "schon vorhanden" in again and "netzwerke-demo" in again


def test_setup_demo_refuses_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        _setup()


def test_real_networks_fixture_imports_cleanly(settings):
    call_command("load_reference_data", stdout=io.StringIO())
    call_command("loaddata", "fixtures/vocabularies.json", verbosity=0)
    with open("fixtures/real_networks.csv", "rb") as stream:
        result = csvformat.import_networks(stream)
    assert result.ok, result.errors
    owl = Network.objects.get(slug="fachkraeftebuendnis-owl")
    assert owl.partner_count_reported == 73
    assert {d.ags for d in owl.districts.all()} >= {"05711", "05766", "05774"}
    assert not owl.coordination_person and not owl.coordination_email
    non = Network.objects.get(slug="allianz-fuer-fachkraefte-nordostniedersachsen")
    assert non.memberships.count() == 14
    assert Network.objects.filter(network_type="qualifizierungsverbund").count() >= 6
