import io
import os

import hypothesis
import pytest
from django.core.management import call_command
from django.db import connection


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts and ends in German: a request under /en/ leaves English active in
    the thread (LocaleMiddleware activates a language, nothing switches it back)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache(settings):
    """Every test starts with an empty cache: the data version restarts with each
    test's rolled-back transaction, so a page cached by one test would match the next.

    The page cache is off unless a test asks for it (``page_cache``), so that tests can
    read the response's context; tests/test_caching.py covers the cache itself.
    """
    from django.core.cache import cache

    from netzwerke.facetindex import facet_index_reset

    cache.clear()
    facet_index_reset()
    settings.PAGE_CACHE = False


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True


@pytest.fixture(autouse=True)
def _site_operator_cached(_empty_cache):
    """Every page reads the operator's details from the cache. Start each test where a
    running site is (details cached, none filled in), so page budgets count what the page
    itself asks; tests/test_website.py counts the one query of a cold cache."""
    from django.core.cache import cache

    from website.models import OPERATOR_CACHE_KEY, SiteOperator

    cache.set(OPERATOR_CACHE_KEY, SiteOperator(), None)


def pytest_collection_modifyitems(config, items):
    """Skip tests marked ``postgres`` unless DATABASE_URL selects PostgreSQL."""
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="braucht PostgreSQL (DATABASE_URL=postgres://…)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def directory_world(db):
    """A small directory: two Länder, three Kreise, vocabularies and four networks.

    ========  ======================  ==============  ==================  ======
    network   Kreise                  Handlungsfeld   Zielgruppe/Branche  Typ
    ========  ======================  ==============  ==================  ======
    owl       Bielefeld, Gütersloh    ausbildung      schueler / C        buendnis
    guetersl  Gütersloh               ausbildung,     aeltere             netzwerk
                                      familie
    muenchen  München                 familie         schueler / Q        qualifizierungsverbund
    draft     Bielefeld (Entwurf)     ausbildung      –                   netzwerk
    ========  ======================  ==============  ==================  ======
    """
    from types import SimpleNamespace

    from netzwerke.models import Network
    from tests import factories as f

    nw = f.StateFactory(code="NW", ags="05", name="Nordrhein-Westfalen")
    by = f.StateFactory(code="BY", ags="09", name="Bayern")
    bielefeld = f.DistrictFactory(ags="05711", name="Bielefeld", state=nw)
    guetersloh = f.DistrictFactory(ags="05754", name="Gütersloh", kind="Kreis", state=nw)
    muenchen = f.DistrictFactory(ags="09162", name="München", state=by)
    ausbildung = f.ActionFieldFactory(
        slug="aus-und-weiterbildung", name="Aus- und Weiterbildung", official=True
    )
    familie = f.ActionFieldFactory(
        slug="vereinbarkeit", name="Vereinbarkeit von Beruf und Familie", official=True
    )
    schueler = f.TargetGroupFactory(slug="schulabgaenger", name="Schulabgänger")
    aeltere = f.TargetGroupFactory(slug="aeltere", name="Ältere")
    industrie = f.SectorFactory(
        slug="verarbeitendes-gewerbe", name="Verarbeitendes Gewerbe", code="C"
    )
    pflege = f.SectorFactory(slug="gesundheit", name="Gesundheits- und Sozialwesen", code="Q")
    ihk = f.ActorTypeFactory(slug="ihk", name="IHK")
    firma = f.ActorTypeFactory(slug="unternehmen", name="Unternehmen")

    owl = f.NetworkFactory(
        name="Fachkräftebündnis OWL",
        slug="fachkraeftebuendnis-owl",
        network_type=Network.Type.ALLIANCE,
        description="Das Bündnis stärkt die duale Ausbildung in Ostwestfalen-Lippe.",
        districts=[bielefeld, guetersloh],
        action_fields=[ausbildung],
        target_groups=[schueler],
        sectors=[industrie],
        goals_based_on_data=True,
        results_evaluated=True,
    )
    guetersl = f.NetworkFactory(
        name="Netzwerk Gütersloh",
        slug="netzwerk-guetersloh",
        network_type=Network.Type.NETWORK,
        districts=[guetersloh],
        action_fields=[ausbildung, familie],
        target_groups=[aeltere],
    )
    muenchen_net = f.NetworkFactory(
        name="Qualifizierungsverbund München",
        slug="qv-muenchen",
        network_type=Network.Type.QUALIFICATION,
        districts=[muenchen],
        action_fields=[familie],
        target_groups=[schueler],
        sectors=[pflege],
    )
    draft = f.NetworkFactory(
        name="Entwurf Bielefeld",
        slug="entwurf-bielefeld",
        status=Network.Status.DRAFT,
        published_at=None,
        districts=[bielefeld],
        action_fields=[ausbildung],
    )
    for i, actor_type in enumerate([ihk, firma, firma]):
        f.MembershipFactory(
            network=owl,
            actor=f.ActorFactory(name=f"OWL-Partner {i}", actor_type=actor_type),
            binding=True,
        )
    f.MembershipFactory(
        network=muenchen_net,
        actor=f.ActorFactory(name="Pflegeschule Isar", actor_type=firma),
        binding=False,
    )
    f.ProjectFactory(
        network=owl, title="Ausbildungsbotschafter", description="Azubis gehen in Schulen."
    )
    f.ProjectFactory(network=muenchen_net, title="Pflege-Azubis", description="Quereinstieg")
    f.PostalCodeFactory(code="33602", place="Bielefeld", district=bielefeld)
    f.PostalCodeFactory(code="33332", place="Gütersloh", district=guetersloh)
    # a PLZ spanning two Kreise
    f.PostalCodeFactory(code="33649", place="Bielefeld", district=bielefeld)
    f.PostalCodeFactory(code="33649", place="Steinhagen", district=guetersloh)
    return SimpleNamespace(**locals())


@pytest.fixture(scope="module")
def _reference_data_committed(django_db_setup, django_db_blocker):
    """Load the reference data once per test module, committed, and remove it afterwards.

    Loading 16,476 postal codes took a second or more per test. Each test still runs in
    its own transaction, so what a test changes in the reference data is rolled back. The
    rows go again when the module ends: other modules count their own Länder and Kreise,
    and transactional tests (which pytest-django runs after all others) flush the tables.
    """
    from netzwerke.models import District, ForeignRegion, Place, PostalCode, Region, State

    with django_db_blocker.unblock():
        call_command("load_reference_data", stdout=io.StringIO())
        yield
        # The command writes places and regions too; a region left behind clashes with
        # the regions a later module creates under the same unique name.
        Region.objects.all().delete()
        ForeignRegion.objects.all().delete()
        Place.objects.all().delete()
        PostalCode.objects.all().delete()
        District.objects.all().delete()
        State.objects.all().delete()


@pytest.fixture
def reference_data(_reference_data_committed, db):
    """The 16 Länder, 400 Kreise, the PLZ table, places and regions, loaded as `make run` does."""


# Hypothesis: a few hundred examples over all fuzz tests in `make test`, more in CI
hypothesis.settings.register_profile(
    "dev",
    max_examples=15,
    deadline=None,
    suppress_health_check=[
        hypothesis.HealthCheck.function_scoped_fixture,
        hypothesis.HealthCheck.too_slow,
    ],
)
hypothesis.settings.register_profile(
    "ci", parent=hypothesis.settings.get_profile("dev"), max_examples=60
)
hypothesis.settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")
