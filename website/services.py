"""Writes of the website app: correction suggestions in and through the curators' queue."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from netzwerke.models import Network
from website.models import CorrectionSuggestion


@transaction.atomic
def correction_suggestion_create(
    *, network: Network, text: str, email: str = ""
) -> CorrectionSuggestion:
    return CorrectionSuggestion.objects.create(network=network, text=text.strip(), email=email)


@transaction.atomic
def correction_suggestions_mark(*, suggestions, status: str, user) -> int:
    """Set the status of many suggestions; who and when are kept for "erledigt" only."""
    if status == CorrectionSuggestion.Status.DONE:
        return suggestions.exclude(status=status).update(
            status=status, handled_by=user, handled_at=timezone.now()
        )
    return suggestions.exclude(status=status).update(
        status=status, handled_by=None, handled_at=None
    )


@transaction.atomic
def correction_suggestions_purge(*, months: int, now=None) -> int:
    """Delete suggestions handled more than ``months`` months ago (they may hold an e-mail)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=round(months * 30.44))
    deleted, _ = CorrectionSuggestion.objects.filter(
        status=CorrectionSuggestion.Status.DONE, handled_at__lt=cutoff
    ).delete()
    return deleted
