import pytest
from django.core.management import call_command

from netzwerke.models import ActionField, ActorType, Sector, TargetGroup

pytestmark = pytest.mark.django_db


def test_vocabularies_fixture_loads_the_agreed_terms():
    call_command("loaddata", "fixtures/vocabularies.json", verbosity=0)
    assert set(ActionField.objects.filter(official=True).values_list("name", flat=True)) == {
        "Aus- und Weiterbildung",
        "Integration Älterer in das Erwerbsleben",
        "Vereinbarkeit von Beruf und Familie",
        "Integration und Zuwanderung",
    }
    assert ActionField.objects.filter(official=False).count() >= 4
    assert "".join(Sector.objects.values_list("code", flat=True)) == "ABCDEFGHIJKLMNOPQRSTU"
    assert Sector.objects.get(code="C").name == "Verarbeitendes Gewerbe"
    assert ActorType.objects.count() == 14
    assert ActorType.objects.filter(slug="agentur-fuer-arbeit").exists()
    for slug in ("schulabgaenger", "aeltere", "kmu", "gefluechtete", "studienabbrecher"):
        assert TargetGroup.objects.filter(slug=slug).exists(), slug
