"""E-mails of the survey workflows, sent only once the transaction commits."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from survey.models import Submission

User = get_user_model()


def send(subject: str, template: str, context: dict, to: list[str]) -> None:
    recipients = [address for address in to if address]
    if not recipients:
        return
    body = render_to_string(template, {"site_name": settings.SITE_NAME, **context})
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients))


def coordinator_emails(submission: Submission) -> list[str]:
    if submission.network_id is None:
        return []
    users = User.objects.filter(coordinations__network_id=submission.network_id)
    return sorted({u.email for u in users if u.email})


def network_name(submission: Submission) -> str:
    """The name as answered, so that a renamed network is addressed by its new name."""
    name = (submission.answers.get("stammdaten", {}).get("fields", {}) or {}).get("name")
    return name or str(submission.network or "")
