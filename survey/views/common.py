"""Shared by the coordinator pages: the user's submission, section statuses, error texts."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from survey import questionnaire as q
from survey.models import Submission


def my_submission(request, pk):
    return get_object_or_404(
        Submission.objects.for_user(request.user).select_related("survey", "network"), pk=pk
    )


def section_status(submission):
    """Per section: saved at all, and complete (as checked when saved) or not."""
    return [
        {
            "section": s,
            "saved": s.slug in submission.answers,
            "complete": submission.section_status.get(s.slug, False),
            "url": reverse("survey:section", kwargs={"pk": submission.pk, "section": s.slug}),
        }
        for s in q.SECTIONS
    ]


def error_text(label, message):
    """ "Gründungsjahr: …", but "Hat das Netzwerk …? …" without a colon after the question."""
    label = str(label or "").strip()
    if not label:
        return str(message)
    separator = " " if label[-1] in "?.:" else ": "
    return f"{label}{separator}{message}"
