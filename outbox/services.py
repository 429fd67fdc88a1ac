"""Delivering queued mail: one attempt per due row, back-off after a failure."""

import logging
from datetime import timedelta

from django.core.mail import mailers
from django.db import transaction
from django.utils import timezone

from outbox.models import OutgoingMail

logger = logging.getLogger("outbox")
MAX_ATTEMPTS = 8
DELIVERY_MAILER = "delivery"


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4, … minutes after the n-th failure, at most six hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def mail_deliver_due(*, limit: int = 100, now=None) -> tuple[int, int]:
    """Send what is due; returns (sent, failed attempts).

    Each row is locked while it is sent (and skipped by a second worker), and marked
    sent in the same transaction, so two workers never send it twice.
    """
    now = now or timezone.now()
    sent = failed = 0
    due = list(
        OutgoingMail.objects.due(now)
        .order_by("next_attempt_at", "pk")[:limit]
        .values_list("pk", flat=True)
    )
    for pk in due:
        with transaction.atomic():
            row = (
                OutgoingMail.objects.select_for_update(skip_locked=True)
                .due(now)
                .filter(pk=pk)
                .first()
            )
            if row is None:
                continue  # another worker has it, or it was sent meanwhile
            try:
                mailers[DELIVERY_MAILER].send_messages([row.as_message()])
            except Exception as exc:  # any failure of the mail server is retried
                row.attempts += 1
                row.last_error = f"{type(exc).__name__}: {exc}"[:2000]
                if row.attempts >= MAX_ATTEMPTS:
                    row.status = OutgoingMail.Status.FAILED
                    logger.error("mail %s failed for good: %s", row.pk, row.last_error)
                else:
                    row.next_attempt_at = now + retry_delay(row.attempts)
                    logger.warning(
                        "mail %s attempt %s failed: %s", row.pk, row.attempts, row.last_error
                    )
                row.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
                failed += 1
                continue
            row.status, row.sent_at = OutgoingMail.Status.SENT, timezone.now()
            row.save(update_fields=["status", "sent_at"])
            sent += 1
    return sent, failed


@transaction.atomic
def mail_retry(*, queryset) -> int:
    """Queue failed or waiting mail for an attempt now (admin action)."""
    return queryset.exclude(status=OutgoingMail.Status.SENT).update(
        status=OutgoingMail.Status.QUEUED, next_attempt_at=timezone.now(), attempts=0
    )
