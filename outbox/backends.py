"""The mailer that queues: ``MAILERS["default"]`` in production.

Every ``send_mail`` (survey notifications, invitations, password reset, error mail to
ADMINS) becomes a row of ``OutgoingMail`` in the caller's transaction; the worker
``manage.py send_queued_mail`` hands it to ``MAILERS["delivery"]``.
"""

from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from outbox.models import OutgoingMail


class QueueBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        now = timezone.now()
        rows = [OutgoingMail.from_message(message, now=now) for message in email_messages]
        OutgoingMail.objects.bulk_create(rows)
        return len(rows)
