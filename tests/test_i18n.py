"""The site in English: URLs, the language switch, hreflang, the catalog and its checks,
translated vocabularies, caches per language, locale-dependent formats and import.

The catalog checks need GNU gettext; without it they are skipped on a developer's
machine, never in CI (``CI=true``)."""

import gettext
import json
import os
import re
import subprocess

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from netzwerke.caching import page_key
from netzwerke.dataversion import data_version_read
from netzwerke.facetindex import facet_index
from netzwerke.languages import percent
from netzwerke.models import ActionField, Network
from netzwerke.tabular.columns import ChoiceColumn
from tests import factories as f
from tests.i18n_catalog import (
    EN_PO,
    GETTEXT_MISSING,
    ROOT,
    catalog_problems,
    fresh_catalog,
    german_left,
    german_patterns,
    gettext_available,
    read_po,
)
from tests.pages import COORDINATOR, PUBLIC, EnglishClient, build_world
from tests.sample import small_directory, small_statistics


def _need_gettext():
    if not gettext_available():
        if os.environ.get("CI") == "true":
            pytest.fail(GETTEXT_MISSING)
        pytest.skip(GETTEXT_MISSING)


# -- URLs, switch, hreflang ------------------------------------------------------------


@pytest.fixture
def directory(db):
    return small_directory()


def test_german_stays_unprefixed_and_english_lives_under_en(client, directory):
    german = client.get("/netzwerke/")
    english = client.get("/en/netzwerke/")
    assert german.status_code == english.status_code == 200
    assert '<html lang="de">' in german.content.decode()
    assert '<html lang="en">' in english.content.decode()
    # no /de/ prefix, and the admin, sitemap and robots.txt stay outside the languages
    assert client.get("/de/netzwerke/").status_code == 404
    assert client.get("/en/admin/").status_code == 404
    assert client.get("/en/robots.txt").status_code == 404
    assert client.get("/robots.txt").status_code == 200
    with override("en"):
        assert reverse("netzwerke:network-list") == "/en/netzwerke/"
        assert directory.owl.get_absolute_url().startswith("/en/netzwerke/")


def test_german_is_default_whatever_the_browser_asks(client, directory):
    response = client.get("/netzwerke/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="de">' in response.content.decode()


def test_language_switch_keeps_page_and_query(client, directory):
    query = "?land=NW&handlungsfeld=" + directory.training.slug
    html = client.get("/netzwerke/" + query).content.decode()
    switch = re.search(
        r'<a class="nav-link" href="([^"]+)" hreflang="en" lang="en">English</a>', html
    )
    assert switch, "Sprachumschalter fehlt"
    assert switch.group(1) == "/en/netzwerke/" + query.replace("&", "&amp;")
    html = client.get("/en/netzwerke/" + query).content.decode()
    switch = re.search(
        r'<a class="nav-link" href="([^"]+)" hreflang="de" lang="de">Deutsch</a>', html
    )
    assert switch, "language switch missing"
    assert switch.group(1) == "/netzwerke/" + query.replace("&", "&amp;")
    # the home page: /en/ ↔ /
    html = client.get("/en/").content.decode()
    assert 'href="/" hreflang="de" lang="de"' in html


def test_every_page_names_its_languages_in_the_head(client, directory):
    for url in ("/netzwerke/?land=NW", "/en/netzwerke/?land=NW", directory.owl.get_absolute_url()):
        html = client.get(url).content.decode()
        head = html.split("</head>")[0]
        path = url.removeprefix("/en")
        assert f'hreflang="de" href="http://testserver{path}"' in head, url
        assert f'hreflang="en" href="http://testserver/en{path}"' in head, url
        assert f'hreflang="x-default" href="http://testserver{path}"' in head, url


def test_sitemap_lists_both_languages_with_alternates(client, directory):
    xml = client.get("/sitemap-netzwerke.xml").content.decode()
    path = directory.owl.get_absolute_url()
    assert f"<loc>http://testserver{path}</loc>" in xml
    assert f"<loc>http://testserver/en{path}</loc>" in xml
    for lang, href in (("de", path), ("en", f"/en{path}"), ("x-default", path)):
        assert f'hreflang="{lang}" href="http://testserver{href}"' in xml, lang


def test_page_cache_keeps_a_page_per_language(client, directory, page_cache):
    german = client.get("/netzwerke/")
    english = client.get("/en/netzwerke/")
    # a second request of each comes from the cache, still in its own language
    assert '<html lang="de">' in client.get("/netzwerke/").content.decode()
    assert '<html lang="en">' in client.get("/en/netzwerke/").content.decode()
    assert german.content != english.content
    # the key names the language: /netzwerke/ and /en/netzwerke/ could never share one
    factory = RequestFactory()
    keys = set()
    for language in ("de", "en"):
        request = factory.get("/netzwerke/", {"land": "NW"})
        request.LANGUAGE_CODE = language
        request.resolver_match = None
        keys.add(page_key(request, data_version_read()))
    assert len(keys) == 2


def test_home_map_fragment_is_cached_per_language(client, directory):
    client.get("/")
    english = client.get("/en/").content.decode()
    # the fragment's links lead to the English region pages, not the German ones cached first
    assert 'href="/en/regionen/NW/' in english
    assert 'href="/regionen/NW/' not in english


# -- vocabularies ----------------------------------------------------------------------


def test_vocabulary_shows_its_english_name_and_falls_back_to_german(db):
    field = f.ActionFieldFactory(name="Aus- und Weiterbildung", name_en="Training")
    group = f.TargetGroupFactory(name="Jugendliche")
    with override("en"):
        assert str(field) == field.display_name == "Training"
        assert str(group) == "Jugendliche"
    assert str(field) == "Aus- und Weiterbildung"


def test_facet_index_labels_follow_the_language(directory):
    directory.training.name_en = "Initial and continuing training"
    directory.training.save()
    index = facet_index(data_version_read())
    slug = directory.training.slug
    assert index.labels["handlungsfeld"][slug][0] == "Aus- und Weiterbildung"
    with override("en"):
        # the same index (one per data version), the other language's label
        assert facet_index(data_version_read()) is index
        assert index.labels["handlungsfeld"][slug][0] == "Initial and continuing training"


def test_english_pages_show_english_vocabulary_names(client, directory):
    directory.training.name_en = "Initial and continuing training"
    directory.training.save()
    profile_url = "/en" + directory.owl.get_absolute_url()
    english = client.get("/en/netzwerke/").content.decode()
    assert "Initial and continuing training" in english
    assert "Aus- und Weiterbildung" not in english
    profile = client.get(profile_url).content.decode()
    assert "Initial and continuing training" in profile
    # the filtered lists: facets, chips and titles
    query = "?handlungsfeld=" + directory.training.slug
    for url in ("/en/netzwerke/", "/en/praxisbeispiele/", "/en/veranstaltungen/"):
        html = client.get(url + query).content.decode()
        assert "Initial and continuing training" in html, url
        assert "Aus- und Weiterbildung" not in html, url
    assert "Initial and continuing training" not in client.get("/netzwerke/").content.decode()


def test_statistics_name_topics_in_english(client, directory):
    statistics = small_statistics(directory)
    statistics.digital.name_en = "Upskilling for digitalisation"
    statistics.digital.save()
    with override("en"):
        url = statistics.wave.get_absolute_url()
    html = client.get(url).content.decode()
    assert "Upskilling for digitalisation" in html
    assert "Qualifizierung für die Digitalisierung" not in html
    # the trend over the waves on the overview page as well
    html = client.get("/en/statistik/").content.decode()
    assert "Qualifizierung für die Digitalisierung" not in html


def test_fixture_vocabularies_all_have_english_names(db):
    from django.core.management import call_command

    call_command("loaddata", "fixtures/vocabularies.json", verbosity=0)
    for model in (
        ActionField,
        *(apps.get_model("netzwerke", m) for m in ("TargetGroup", "Sector", "ActorType")),
    ):
        missing = list(model.objects.filter(name_en="").values_list("slug", flat=True))
        assert not missing, (model.__name__, missing)
        # a German description gets an English one
        missing = list(
            model.objects.exclude(description="")
            .filter(description_en="")
            .values_list("slug", flat=True)
        )
        assert not missing, (model.__name__, missing)


# -- language-dependent code -----------------------------------------------------------


def test_percentages_follow_the_language():
    assert percent(20) == "20 %"
    assert percent(12.5) == "12,5 %"
    with override("en"):
        assert percent(20) == "20%"
        assert percent(12.5) == "12.5%"


def test_dates_follow_the_language(client, db):
    import datetime

    network = f.NetworkFactory()
    project = f.ProjectFactory(network=network, start_date=datetime.date(2025, 3, 1))
    assert "März 2025" in client.get(project.get_absolute_url()).content.decode()
    with override("en"):
        url = project.get_absolute_url()
    assert "March 2025" in client.get(url).content.decode()


def test_date_formats_follow_the_language():
    import datetime

    from django.template import Context, Template

    template = Template(
        '{% load i18n %}{{ d|date:_("l, j. F Y") }} | {{ d|date:"SHORT_DATE_FORMAT" }} | '
        '{{ d|date:"DATE_FORMAT" }}'
    )
    context = Context({"d": datetime.date(2025, 3, 1)})
    assert template.render(context) == "Samstag, 1. März 2025 | 01.03.2025 | 1. März 2025"
    with override("en"):
        # European English, not Django's US "March 1, 2025" and "03/01/2025"
        assert template.render(context) == "Saturday, 1 March 2025 | 01/03/2025 | 1 March 2025"


class Language(models.TextChoices):
    # labels whose English the committed catalog has (README "Languages")
    GERMAN = "de", _("Deutsch")
    ENGLISH = "en", _("Englisch")


def test_csv_choice_column_accepts_labels_in_both_languages():
    column = ChoiceColumn("sprache", Language)
    for value in ("Englisch", "english", "en", "EN"):
        assert column.clean(value) == "en", value
    # whatever language the importing request runs in
    with override("en"):
        assert ChoiceColumn("sprache", Language).clean("Englisch") == "en"


def test_csv_import_accepts_english_vocabulary_names(db):
    from netzwerke import csvformat

    f.DistrictFactory(ags="05711")
    f.ActionFieldFactory(name="Aus- und Weiterbildung", name_en="Initial and continuing training")
    f.ActorTypeFactory(name="Unternehmen", name_en="Company", slug="unternehmen")
    data = (
        "kuerzel;name;status;kreise;handlungsfelder;partner\n"
        "x;Netz X;draft;05711;Initial and continuing training;Firma A|Company\n"
    )
    result = csvformat.import_networks(data)
    assert result.ok, result.errors
    network = Network.objects.get(slug="x")
    assert [a.name for a in network.action_fields.all()] == ["Aus- und Weiterbildung"]
    assert network.memberships.get().actor.actor_type.slug == "unternehmen"


# -- the catalog -----------------------------------------------------------------------


def test_english_catalog_is_complete_and_current(tmp_path):
    """CI fails on a marked string without English, or a .po that `make messages` would
    change (run it, translate, commit)."""
    _need_gettext()
    problems = catalog_problems(EN_PO, fresh_catalog(tmp_path))
    assert not problems, (
        f"{len(problems)} Probleme im englischen Katalog ({EN_PO.relative_to(ROOT)}); "
        "`make messages` ausführen und übersetzen:\n" + "\n".join(problems[:80])
    )


def test_catalog_check_finds_an_untranslated_string(tmp_path):
    _need_gettext()
    template = (
        "{% load i18n %}{% translate 'Ein ganz neuer Satz ohne Übersetzung' %}"
        "{% blocktranslate trimmed %}Noch einer{% endblocktranslate %}"
    )
    fresh = fresh_catalog(tmp_path, extra_files={"templates/neu.html": template})
    problems = catalog_problems(EN_PO, fresh)
    assert any("Ein ganz neuer Satz ohne Übersetzung" in p for p in problems), problems
    assert any("'Noch einer'" in p for p in problems), problems


def test_catalog_check_finds_a_stale_and_an_untranslated_entry(tmp_path):
    stale = tmp_path / "stale.po"
    stale.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Alt"\nmsgstr "Old"\n\nmsgid "Leer"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Unscharf"\nmsgstr "Blurred"\n',
        encoding="utf-8",
    )
    fresh = tmp_path / "fresh.po"
    fresh.write_text(
        stale.read_text(encoding="utf-8").replace(
            'msgid "Alt"\nmsgstr "Old"', 'msgid "Neu"\nmsgstr ""'
        ),
        encoding="utf-8",
    )
    problems = "\n".join(catalog_problems(stale, fresh))
    assert "veraltet): 'Neu'" in problems and "veraltet): 'Alt'" in problems
    assert "Übersetzung: 'Leer'" in problems and "Übersetzung: 'Unscharf'" in problems


def test_committed_mo_files_match_their_po(tmp_path):
    """The .mo files are committed (a checkout serves English without gettext installed);
    each must be what msgfmt makes of its .po now."""
    _need_gettext()
    po_files = sorted((ROOT / "locale").glob("*/LC_MESSAGES/*.po"))
    assert EN_PO in po_files
    for po in po_files:
        mo = po.with_suffix(".mo")
        assert mo.exists(), f"{mo} fehlt: `make messages`"
        built = tmp_path / (po.parent.parent.name + po.stem + ".mo")
        subprocess.run(["msgfmt", "--check-format", "-o", built, po], check=True)
        with mo.open("rb") as committed, built.open("rb") as fresh:
            assert (
                gettext.GNUTranslations(committed)._catalog
                == gettext.GNUTranslations(fresh)._catalog
            ), f"{mo.relative_to(ROOT)} ist nicht aktuell: `make messages`"


# -- no German left on the English pages ----------------------------------------------


def _user_data() -> list[str]:
    """Every text the database holds (names, descriptions, answers): what a page shows of
    it is data, not UI, and stays German on the English pages."""
    values = set()

    def add(value):
        if isinstance(value, str):
            for line in [value, *value.splitlines()]:
                if len(line.strip()) >= 4:
                    values.add(" ".join(line.split()))
        elif isinstance(value, dict):
            for item in value.values():
                add(item)
        elif isinstance(value, list):
            for item in value:
                add(item)

    # the maps draw every Kreis of the reference data, not only those in the test database
    with (settings.BASE_DIR / "fixtures" / "districts.json").open(encoding="utf-8") as fh:
        for row in json.load(fh):
            add(row["fields"]["name"])
    for model in apps.get_models():
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        if fields:
            for row in model._default_manager.values_list(*fields):
                for value in row:
                    add(value)
    return sorted(values, key=len, reverse=True)


def test_english_pages_have_no_german_ui_strings(db):
    """Every public and coordinator page of tests/pages.py under /en/: no German msgid of
    the catalog is left in its text (user data taken out first)."""
    world = build_world()
    patterns = german_patterns(read_po(EN_PO))
    rendered = {}
    for page in (*PUBLIC, *COORDINATOR):
        cache.clear()  # rate limits of the login and the registration
        client = EnglishClient()
        response = page.fetch(client, world)
        if "html" not in response.get("Content-Type", ""):
            continue
        assert response.wsgi_request.path.startswith("/en/"), (
            page.name,
            response.wsgi_request.path,
        )
        rendered[page.name] = response.content.decode()
    # read after the pages: some rows (the site operator's details) are made on first use
    data = _user_data()
    # the check can fail: the German home page is full of German UI strings
    german_home = Client().get("/").content.decode()
    assert len(german_left(german_home, patterns, data)) > 10

    found = {}
    for name, content in rendered.items():
        left = german_left(content, patterns, data)
        if left:
            found[name] = sorted(left)
    assert not found, "Deutsch auf englischen Seiten:\n" + "\n".join(
        f"{name}: {', '.join(repr(m) for m in msgids[:15])}" for name, msgids in found.items()
    )


def test_german_database_texts_are_marked_german_on_english_pages(client, db):
    """WCAG 3.1.2: a screen reader reads a network's German description with a German
    voice on the English profile and list."""
    network = f.NetworkFactory(description="Wir sichern Fachkräfte für die Region.")
    f.ProjectFactory(network=network, description="Betriebe treffen Schüler.", results="Gut.")
    profile = client.get(f"/en{network.get_absolute_url()}").content.decode()
    assert '<p class="lead" lang="de">Gemeinsam Fachkräfte' in profile
    assert '<div class="description" lang="de"><p>Wir sichern' in profile
    assert '<p class="mb-1" lang="de">Betriebe treffen' in profile
    listing = client.get("/en/netzwerke/").content.decode()
    assert '<p class="card-text mb-2" lang="de">Gemeinsam Fachkräfte' in listing
