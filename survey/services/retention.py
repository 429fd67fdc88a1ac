"""Retention: drafts nobody finished, and registrations that never got past the draft."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from netzwerke.models import Network
from survey.models import Invitation, Submission


@transaction.atomic
def drafts_purge(*, months: int, now=None) -> tuple[int, int]:
    """Delete drafts nobody touched for ``months`` months.

    Networks registered through "Netzwerk eintragen" that never got past the draft
    go with them. Returns (drafts, networks) deleted.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=round(months * 30.44))
    stale = Submission.objects.filter(state=Submission.State.DRAFT, updated_at__lt=cutoff)
    drafts = stale.count()
    stale.delete()
    orphans = Network.objects.filter(
        status=Network.Status.DRAFT,
        invitations__kind=Invitation.Kind.REGISTRATION,
        updated_at__lt=cutoff,
        submissions__isnull=True,
    ).distinct()
    networks = 0
    for network in orphans:
        network.delete()
        networks += 1
    return drafts, networks
