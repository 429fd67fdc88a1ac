"""Query budgets of the survey's pages and exports: pinned, and the same for 2 rows as for 12."""

import pytest
from django.test import Client

from survey import services
from survey.models import Submission
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave():
    survey = f.SurveyFactory()
    survey.topics.add(f.FocusTopicFactory())
    return survey


def staff_client():
    client = Client()
    client.force_login(f.StaffFactory(), backend="django.contrib.auth.backends.ModelBackend")
    return client


def answers_with_rows(wave, rows, **kwargs):
    answers = f.complete_answers(wave, partners=rows, **kwargs)
    answers["projekte"]["rows"] = [
        {**answers["projekte"]["rows"][0], "title": f"Projekt {i}"} for i in range(rows)
    ]
    return answers


@pytest.mark.parametrize("rows", [2, 12])
def test_admin_review_page(wave, rows, django_assert_num_queries):
    """Submitted answers beside the accepted ones, with partner and project rows and events.

    The comparison used to look every option label up on its own: 35 queries for two
    rows, 75 for twelve.
    """
    network = f.NetworkFactory()
    accepted = f.SubmissionFactory(
        survey=wave, network=network, state=Submission.State.SUBMITTED,
        answers=answers_with_rows(wave, rows),
    )  # fmt: skip
    services.submission_accept(submission=accepted, reviewer=None)
    other = f.SurveyFactory(title="Netzwerkerhebung 2027", slug="netzwerkerhebung-2027")
    other.topics.add(*wave.topics.all())
    submitted = f.SubmissionFactory(
        survey=other, network=network, state=Submission.State.SUBMITTED,
        answers=answers_with_rows(other, rows, name="Neuer Name"),
    )  # fmt: skip
    for _ in range(rows):
        f.SubmissionEventFactory(submission=submitted)
    client = staff_client()
    url = f"/admin/survey/submission/{submitted.pk}/change/"
    client.get(url)  # session and content types warm, as on a running site
    with django_assert_num_queries(25):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("rows", [2, 12])
def test_export(wave, rows, django_assert_num_queries):
    """Half the submissions accepted (stored facts), half submitted (answers validated).

    Validating each draft used to cost six queries more per row.
    """
    for i in range(rows):
        network = f.NetworkFactory()
        submission = f.SubmissionFactory(
            survey=wave, network=network, state=Submission.State.SUBMITTED,
            answers=answers_with_rows(wave, 2, name=f"Netz {i}"),
        )  # fmt: skip
        if i % 2:
            services.submission_accept(submission=submission, reviewer=None)
    client = staff_client()
    client.get("/admin/")
    for fmt in ("csv", "xlsx"):
        with django_assert_num_queries(22):
            assert client.get(f"/admin/survey/survey/{wave.pk}/export.{fmt}").status_code == 200


@pytest.mark.parametrize("rows", [2, 12])
def test_coordinator_dashboard(wave, rows, django_assert_num_queries):
    user = f.UserFactory()
    for _ in range(rows):
        coordinator = f.CoordinatorFactory(user=user)
        f.SubmissionFactory(survey=wave, network=coordinator.network)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.get("/erhebung/?alle=1")
    # session, user, open waves, the networks, their submissions with their waves
    with django_assert_num_queries(5):
        assert client.get("/erhebung/?alle=1").status_code == 200
