"""Real and demo data apart: the demo commands never touch a real row, and
remove_demo_data deletes exactly the demo rows."""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from netzwerke import csvformat
from netzwerke.models import Actor, Membership, Network, Project
from survey.models import Submission, Survey

pytestmark = pytest.mark.django_db

M2M = ("districts", "action_fields", "target_groups", "sectors")


def _row(obj):
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def _snapshot():
    """Every real network field by field, with its relations, partners' actors and history."""
    data = {}
    networks = Network.objects.real().order_by("slug")
    for network in networks:
        data[network.slug] = {
            "fields": _row(network),
            "m2m": {
                name: sorted(getattr(network, name).values_list("pk", flat=True)) for name in M2M
            },
            "memberships": [_row(m) for m in network.memberships.order_by("pk")],
            "actors": [_row(m.actor) for m in network.memberships.order_by("pk")],
            "projects": [_row(p) for p in network.projects.order_by("pk")],
            "history": [_row(h) for h in network.history.order_by("history_id")],
            "membership_history": [
                _row(h) for h in Membership.history.filter(network_id=network.pk).order_by("pk")
            ],
            "submissions": list(network.submissions.values_list("pk", flat=True)),
        }
    return data


def _counts():
    """Rows per table, history tables included."""
    names = ("netzwerke", "survey")
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in names
    }


@pytest.fixture
def real_networks(reference_data, settings):
    settings.DEBUG = True
    call_command("loaddata", "fixtures/vocabularies.json", verbosity=0)
    with open("fixtures/real_networks.csv", "rb") as stream:
        assert csvformat.import_networks(stream).ok
    return Network.objects.count()


def test_demo_commands_never_change_a_real_network(real_networks):
    before = _snapshot()
    counts = _counts()
    assert len(before) == real_networks == 11

    # the survey demo first, with no demo networks yet: it makes its own
    call_command("setup_survey_demo", stdout=io.StringIO(), stderr=io.StringIO())
    call_command("generate_demo", networks=20, seed=3, stdout=io.StringIO())
    call_command("setup_demo", networks=20, seed=4, stdout=io.StringIO())
    call_command("setup_survey_demo", stdout=io.StringIO(), stderr=io.StringIO())

    assert Network.objects.demo().count() > 20
    assert Submission.objects.filter(network__source=Network.Source.DEMO).exists()
    assert not Submission.objects.filter(network__in=Network.objects.real()).exists()
    coordinator = get_user_model().objects.get(username="koordination")
    assert {c.network.source for c in coordinator.coordinations.all()} == {"demo"}
    assert _snapshot() == before

    out = io.StringIO()
    call_command("remove_demo_data", stdout=out)
    assert "Gelöscht:" in out.getvalue()
    assert not Network.objects.demo().exists() and not Survey.objects.filter(is_demo=True)
    assert _snapshot() == before
    # exactly the demo rows are gone: every table, history included, is as before
    assert _counts() == counts
    assert not get_user_model().objects.filter(username="koordination").exists()


def test_remove_demo_data_counts_what_it_deletes(real_networks):
    call_command("generate_demo", networks=15, seed=8, stdout=io.StringIO())
    demo = Network.objects.demo()
    expected = (
        demo.count(),
        Actor.objects.filter(source="demo").count(),
        Membership.objects.filter(network__in=demo).count(),
        Project.objects.filter(network__in=demo).count(),
    )
    dry = io.StringIO()
    call_command("remove_demo_data", "--dry-run", stdout=dry)
    assert Network.objects.demo().count() == expected[0]  # a dry run deletes nothing
    out = io.StringIO()
    call_command("remove_demo_data", stdout=out)
    text = out.getvalue()
    summary = (
        f"{expected[0]} Netzwerke, {expected[1]} Akteure, {expected[2]} Mitgliedschaften, "
        f"{expected[3]} Projekte"
    )
    assert summary in dry.getvalue() and summary in text
    assert Network.objects.count() == real_networks
    again = io.StringIO()
    call_command("remove_demo_data", stdout=again)
    assert "Keine Demo-Daten" in again.getvalue()


def test_setup_survey_demo_leaves_a_real_wave_of_the_same_name_alone(real_networks):
    from survey.models import Survey
    from tests import factories as f

    real = f.SurveyFactory(slug="netzwerkerhebung-2026", title="Echte Erhebung")
    err = io.StringIO()
    call_command("setup_survey_demo", stdout=io.StringIO(), stderr=err)
    real.refresh_from_db()
    assert real.title == "Echte Erhebung" and not real.is_demo
    assert not real.submissions.exists()
    assert "keine Demo-Erhebung" in err.getvalue()
    assert Survey.objects.filter(is_demo=True).count() <= 1


def test_migration_turns_unsourced_no_of_real_networks_into_unknown():
    import importlib

    from tests import factories as f

    migration = importlib.import_module("netzwerke.migrations.0005_mark_demo_and_unknown")
    flags = dict.fromkeys(migration.NETWORK_FLAGS, False)
    real = f.NetworkFactory(contact_public=False, **flags)
    demo = f.NetworkFactory(
        description=f"Erfunden.\n\n{migration.DEMO_NOTE}", contact_public=False, **flags
    )
    yes = f.NetworkFactory(goals_based_on_data=True)
    for network in (real, demo):
        f.MembershipFactory(network=network, binding=False)
        f.ProjectFactory(network=network, evaluated=False)

    migration.forwards(apps, None)

    real.refresh_from_db()
    demo.refresh_from_db()
    assert [getattr(real, flag) for flag in flags] == [None] * 4
    assert real.memberships.get().binding is None and real.projects.get().evaluated is None
    assert real.source == "curated" and not real.contact_public
    assert demo.source == "demo" and demo.contact_public
    assert [getattr(demo, flag) for flag in flags] == [False] * 4
    assert demo.memberships.get().binding is False and demo.projects.get().evaluated is False
    yes.refresh_from_db()
    assert yes.goals_based_on_data is True
