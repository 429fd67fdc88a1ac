"""No lost updates: a save based on an outdated state is refused, nothing overwritten."""

import datetime
import re

import pytest
from django import forms as django_forms
from django.test import Client

from netzwerke.models import Network, Project
from tests import factories as f

pytestmark = pytest.mark.django_db


def _text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%d.%m.%Y %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S")
    return str(getattr(value, "pk", value))


def admin_form_data(response) -> dict:
    """What a browser would post back from an admin change form, untouched."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    for form in forms:
        for name in form.fields:
            bound = form[name]
            value = bound.value()
            if bound.field.disabled or value is False:
                continue
            if isinstance(bound.field.widget, django_forms.MultiWidget):
                parts = value if isinstance(value, list) else bound.field.widget.decompress(value)
                for i, part in enumerate(parts):
                    data[f"{bound.html_name}_{i}"] = _text(part)
            elif value is True:
                data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [_text(v) for v in value]
            else:
                data[bound.html_name] = _text(value)
    return data


@pytest.fixture
def curators():
    return Client(), Client()


def _login(client):
    client.force_login(f.CuratorFactory(), backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_second_curator_cannot_overwrite_the_first_in_the_admin(curators):
    network = f.NetworkFactory(name="Fachkräftenetzwerk Alt", short_description="Kurz")
    url = f"/admin/netzwerke/network/{network.pk}/change/"
    first, second = (_login(c) for c in curators)
    first_data = admin_form_data(first.get(url))
    second_data = admin_form_data(second.get(url))
    assert first_data["seen_version"] == str(network.version)

    first_data["name"] = "Fachkräftenetzwerk Neu"
    response = first.post(url, first_data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    second_data["short_description"] = "Die Fassung der zweiten Kuratorin"
    response = second.post(url, second_data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nicht gespeichert" in text
    assert "„Fachkräftenetzwerk Alt“ → „Fachkräftenetzwerk Neu“" in text
    assert "Die Fassung der zweiten Kuratorin" in text  # what was typed is still there
    network.refresh_from_db()
    assert network.name == "Fachkräftenetzwerk Neu" and network.short_description == "Kurz"

    # having read the message, saving again replaces the newer state knowingly
    again = admin_form_data(response)
    assert again["seen_version"] == str(network.version)
    assert second.post(url, again).status_code == 302
    network.refresh_from_db()
    # the whole form as shown replaces it, the name included: the message had named it
    assert network.short_description == "Die Fassung der zweiten Kuratorin"
    assert network.name == "Fachkräftenetzwerk Alt"


def test_project_and_actor_admin_refuse_a_stale_save(curators):
    project = f.ProjectFactory(title="Ausbildungsbörse")
    url = f"/admin/netzwerke/project/{project.pk}/change/"
    first, second = (_login(c) for c in curators)
    first_data, second_data = admin_form_data(first.get(url)), admin_form_data(second.get(url))
    first_data["title"] = "Ausbildungsmesse"
    assert first.post(url, first_data).status_code == 302
    second_data["description"] = "Neu"
    assert second.post(url, second_data).status_code == 200
    project.refresh_from_db()
    assert project.title == "Ausbildungsmesse" and project.description != "Neu"

    actor = f.ActorFactory(name="IHK Lippe")
    url = f"/admin/netzwerke/actor/{actor.pk}/change/"
    first_data, second_data = admin_form_data(first.get(url)), admin_form_data(second.get(url))
    first_data["name"] = "IHK Lippe zu Detmold"
    assert first.post(url, first_data).status_code == 302
    second_data["website"] = "https://example.org"
    assert "Nicht gespeichert" in second.post(url, second_data).content.decode()
    assert Project.objects.get().version == 2 and Network.objects.count() == 1


# --- coordinator area --------------------------------------------------------------------


def _state(response):
    return re.search(r'name="stand" value="([0-9a-f]+)"', response.content.decode()).group(1)


def test_a_section_saved_meanwhile_is_not_overwritten():
    survey = f.SurveyFactory()
    coordinator = f.CoordinatorFactory()
    submission = f.SubmissionFactory(survey=survey, network=coordinator.network)
    tab1, tab2 = Client(), Client()
    for tab in (tab1, tab2):
        tab.force_login(coordinator.user, backend="django.contrib.auth.backends.ModelBackend")
    url = f"/erhebung/{submission.pk}/stammdaten/"
    seen1, seen2 = _state(tab1.get(url)), _state(tab2.get(url))

    assert tab2.post(url, {"name": "Netzwerk Lippe", "stand": seen2}).status_code == 302
    # another section saved in between does not conflict
    other = f"/erhebung/{submission.pk}/koordination/"
    assert (
        tab1.post(
            other, {"coordination_person": "Erika", "stand": _state(tab1.get(other))}
        ).status_code
        == 302
    )

    response = tab1.post(url, {"name": "Netzwerk OWL", "founded_year": "2012", "stand": seen1})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nicht gespeichert" in text and "„Netzwerk Lippe“" in text
    assert 'value="Netzwerk OWL"' in text
    submission.refresh_from_db()
    assert submission.answers["stammdaten"]["fields"]["name"] == "Netzwerk Lippe"

    again = tab1.post(url, {"name": "Netzwerk OWL", "stand": _state(response)})
    assert again.status_code == 302
    submission.refresh_from_db()
    assert submission.answers["stammdaten"]["fields"]["name"] == "Netzwerk OWL"
    assert submission.version >= 4
