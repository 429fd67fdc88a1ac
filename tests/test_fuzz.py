"""No 5xx from any input: property-based tests over the public interface.

Hypothesis draws GET parameters for every list, export, feed and statistics URL and
text for every questionnaire section, the login, registration, invitation and
password-reset forms. The number of examples comes from the profile chosen in
``tests/conftest.py`` (a few hundred in ``make test``, more with ``CI=true``).
The inputs an outside test found are pinned as plain regression tests below.
"""

from urllib.parse import quote, urlencode

import pytest
from django import forms
from django.core.cache import cache
from django.test import Client
from django.utils.html import escape
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from netzwerke.validators import CONTROL_CHARACTER
from survey import questionnaire as q
from survey.models import Invitation, Submission
from tests import factories as f

pytestmark = pytest.mark.django_db

# any character a browser can send, control characters included, no lone surrogates
TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300)
NASTY = st.sampled_from(["\x00", "&", "%", "%26", "'", '"', "<", "\\", "|", ":", "*", "!", " "])
WORDISH = st.one_of(TEXT, NASTY, st.text(alphabet="&|!:*()<>'\" \x00abcÄß-", max_size=12))

PARAMETERS = [
    "q",
    "land",
    "kreis",
    "handlungsfeld",
    "zielgruppe",
    "branche",
    "akteurstyp",
    "typ",
    "kriterien",
    "grenzueberschreitend",
    "online",
    "sort",
    "page",
    "ort",
    "karte",
    "erhebung",
    "ziel",
    "page_size",
    "facets",
]
SORTS = st.sampled_from(["relevanz", "name", "neueste", "partner", ""])


@pytest.fixture
def world(directory_world, settings):
    # the API's rate limit would answer the later examples 429 before they reach a view
    settings.RATELIMITS = {"api": (10**6, 60)}
    survey = f.SurveyFactory()
    topic = f.FocusTopicFactory()
    survey.topics.add(topic)
    f.AcceptedSubmissionFactory(survey=survey, ratings={topic: "zentral"})
    return directory_world


def _public_urls():
    return [
        "/",
        "/netzwerke/",
        "/netzwerke/export.csv",
        "/netzwerke/export.json",
        "/netzwerke/feed/",
        "/regionen/NW/",
        "/regionen/NW/05711/",
        "/statistik/",
        "/statistik/partner.csv",
        "/statistik/netzwerkerhebung-2026/",
        "/statistik/netzwerkerhebung-2026/themen.csv",
        "/veranstaltungen/",
        "/veranstaltungen/archiv/",
        "/veranstaltungen/kalender.ics",
        "/veranstaltungen/feed/",
        "/api/v1/networks/",
        "/api/v1/projects/",
        "/api/v1/events/",
        "/api/v1/districts/",
        "/api/v1/statistics/",
        "/api/v1/statistics/waves/netzwerkerhebung-2026/",
    ]


QUERY = st.lists(
    st.tuples(st.one_of(st.sampled_from(PARAMETERS), TEXT), st.one_of(WORDISH, SORTS)),
    max_size=6,
)


@given(url=st.sampled_from(_public_urls()), query=QUERY, sort=SORTS)
def test_public_get_parameters_never_give_a_server_error(client, world, url, query, sort):
    pairs = [*query, ("sort", sort)] if sort else query
    response = client.get(f"{url}?{urlencode(pairs)}")
    assert response.status_code < 500, (url, pairs)


@given(url=st.sampled_from(_public_urls()), raw=st.text(alphabet="%&=;+?#qs0aZ\x00ä", max_size=40))
def test_malformed_query_strings_never_give_a_server_error(client, world, url, raw):
    response = client.get(f"{url}?{quote(raw, safe='%&=;+?')}")
    assert response.status_code < 500, (url, raw)


# --- regression tests: the inputs the outside test found ------------------------------------


@pytest.mark.parametrize("url", ["/netzwerke/", "/netzwerke/export.csv", "/netzwerke/export.json"])
@pytest.mark.parametrize("q_value", ["&", "%26", "!", " & | ", "\x00"])
def test_relevance_sort_with_a_query_without_words(client, world, url, q_value):
    response = client.get(url, {"sort": "relevanz", "q": q_value})
    assert response.status_code == 200


def test_long_login_name_is_refused_without_error(client):
    response = client.post("/konto/login/", {"username": "x" * 300, "password": "falsch"})
    assert response.status_code == 200
    assert 'role="alert"' in response.text or "alert" in response.text


def test_long_login_name_is_bounded_for_the_lockout_record(rf):
    from netzwerke.security import USERNAME_MAX_LENGTH, axes_username

    request = rf.post("/konto/login/", {"username": "y" * 400 + "\x00"})
    assert axes_username(request) == "y" * USERNAME_MAX_LENGTH
    assert axes_username(request, {"username": "a\x00b"}) == "ab"


# --- questionnaire ---------------------------------------------------------------------------


@pytest.fixture
def coordinator_draft():
    survey = f.SurveyFactory()
    survey.topics.add(f.FocusTopicFactory())
    coordinator = f.CoordinatorFactory()
    submission = f.SubmissionFactory(survey=survey, network=coordinator.network)
    client = Client()
    client.force_login(coordinator.user, backend="django.contrib.auth.backends.ModelBackend")
    return client, submission


def _fields(section):
    """(POST name, field) of every input of a section, the first row's included."""
    found = []
    if section.form_class is not None:
        found += list(section.form_class.base_fields.items())
    if section.has_rows:
        rows = section.row_form_class.base_fields.items()
        found += [(f"{section.slug}-0-{name}", fld) for name, fld in rows]
    return found


def _shows_typed_text(fld):
    widget = fld.widget
    return isinstance(widget, forms.TextInput | forms.Textarea) and not isinstance(
        widget, forms.CheckboxInput
    )


SECTION_FIELDS = [(s.slug, name) for s in q.SECTIONS for name, _fld in _fields(s)]
# a checkbox stores only whether it was sent, never the sent text
CHECKBOXES = {
    (s.slug, name)
    for s in q.SECTIONS
    for name, fld in _fields(s)
    if isinstance(fld.widget, forms.CheckboxInput)
}
TEXT_FIELDS = [
    (s.slug, name) for s in q.SECTIONS for name, fld in _fields(s) if _shows_typed_text(fld)
]


def _choose_type_asking(submission, section_slug, field_name):
    """The section "typangaben" asks only the questions of the type chosen in
    "stammdaten": choose the type that asks ``field_name``."""
    from netzwerke.models import Network

    if section_slug != "typangaben":
        return
    network_type = next(
        network_type
        for network_type, facts in Network.TYPE_FACTS.items()
        if field_name in {name for name, _column in facts}
    )
    submission.answers = {"stammdaten": {"fields": {"network_type": network_type}}}
    Submission.objects.filter(pk=submission.pk).update(answers=submission.answers)


def _post_data(section, name, value):
    data = {"aktion": "speichern", name: value}
    if section.has_rows:
        data.update({f"{section.slug}-TOTAL_FORMS": "1", f"{section.slug}-INITIAL_FORMS": "0"})
    return data


@pytest.mark.parametrize(("section_slug", "field_name"), SECTION_FIELDS)
@hypothesis_settings(max_examples=max(3, hypothesis_settings.default.max_examples // 4))
@given(value=TEXT)
def test_questionnaire_text_never_gives_a_server_error(
    coordinator_draft, section_slug, field_name, value
):
    client, submission = coordinator_draft
    section = q.SECTIONS_BY_SLUG[section_slug]
    _choose_type_asking(submission, section_slug, field_name)
    before = Submission.objects.get(pk=submission.pk).answers
    response = client.post(
        f"/erhebung/{submission.pk}/{section_slug}/", _post_data(section, field_name, value)
    )
    assert response.status_code < 500
    if CONTROL_CHARACTER.search(value) and (section_slug, field_name) not in CHECKBOXES:
        # refused: the page comes back with the typed text and a message, nothing stored
        assert response.status_code == 200
        assert "Steuerzeichen" in response.text
        if (section_slug, field_name) in TEXT_FIELDS:
            assert escape(value) in response.text
        assert Submission.objects.get(pk=submission.pk).answers == before
    else:
        assert response.status_code == 302


@pytest.mark.parametrize(("section_slug", "field_name"), TEXT_FIELDS)
def test_nul_byte_in_a_questionnaire_field_is_refused_and_kept(
    coordinator_draft, section_slug, field_name
):
    client, submission = coordinator_draft
    section = q.SECTIONS_BY_SLUG[section_slug]
    _choose_type_asking(submission, section_slug, field_name)
    typed = "Agentur für Arbeit\x00 Bielefeld"
    response = client.post(
        f"/erhebung/{submission.pk}/{section_slug}/", _post_data(section, field_name, typed)
    )
    assert response.status_code == 200
    assert escape(typed) in response.text
    assert "Steuerzeichen" in response.text and "U+0000" in response.text
    submission.refresh_from_db()
    assert section_slug not in submission.answers


# --- login, registration, invitation, password reset ----------------------------------------


@given(username=TEXT, password=TEXT)
def test_login_never_gives_a_server_error(client, username, password):
    response = client.post("/konto/login/", {"username": username, "password": password})
    assert response.status_code < 500


@given(network_name=TEXT, email=st.one_of(TEXT, st.emails()), homepage=TEXT)
def test_registration_never_gives_a_server_error(settings, network_name, email, homepage):
    settings.RATELIMITS = {"register": (10_000, 3600)}
    response = Client().post(
        "/eintragen/", {"network_name": network_name, "email": email, "homepage": homepage}
    )
    assert response.status_code < 500
    if response.status_code == 200:
        assert escape(network_name.strip()) in response.text


@given(password1=TEXT, password2=TEXT)
def test_invitation_form_never_gives_a_server_error(password1, password2):
    cache.clear()
    from survey import services

    _invitation, token = services.invitation_create(
        email="neu@example.org", network=f.NetworkFactory(), base_url="http://testserver/"
    )
    response = Client().post(
        f"/einladung/{token}/", {"new_password1": password1, "new_password2": password2}
    )
    assert response.status_code < 500


@given(email=st.one_of(TEXT, st.emails()))
def test_password_reset_never_gives_a_server_error(settings, email):
    settings.RATELIMITS = {"password-reset": (10_000, 3600)}
    response = Client().post("/konto/password_reset/", {"email": email})
    assert response.status_code < 500


def test_registration_with_nul_keeps_what_was_typed(settings):
    settings.RATELIMITS = {"register": (10_000, 3600)}
    response = Client().post(
        "/eintragen/", {"network_name": "Netz\x00werk OWL", "email": "a@example.org"}
    )
    assert response.status_code == 200
    assert escape("Netz\x00werk OWL") in response.text
    assert not Invitation.objects.exists()
