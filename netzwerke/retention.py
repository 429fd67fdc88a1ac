"""Retention of personal data in the change history.

The history keeps every version of a network, and with it the coordination contact
(name, function, e-mail, phone). After the retention period, and at once for networks
that no longer exist, those fields are blanked in the history records; who changed
what and when stays.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from netzwerke.models import Network

CONTACT_FIELDS = (
    "coordination_person",
    "coordination_role",
    "coordination_email",
    "coordination_phone",
)


def retention_months() -> int:
    """Months after which drafts and the personal data in the history are removed."""
    return settings.RETENTION_MONTHS


@transaction.atomic
def history_contacts_purge(*, months: int, now=None) -> int:
    """Blank the contact fields of history records older than ``months`` months and of
    deleted networks; returns the number of records changed."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=round(months * 30.44))
    has_contact = Q()
    for name in CONTACT_FIELDS:
        has_contact |= ~Q(**{name: ""})
    stale = Network.history.filter(has_contact).filter(
        Q(history_date__lt=cutoff) | ~Q(id__in=Network.objects.values("pk"))
    )
    return stale.update(**dict.fromkeys(CONTACT_FIELDS, ""))
