"""Mail never breaks a request: queued in the database, sent by the worker, retried."""

import datetime
import socket

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from outbox.models import OutgoingMail
from outbox.services import MAX_ATTEMPTS, mail_deliver_due, retry_delay
from survey.models import Invitation

pytestmark = pytest.mark.django_db

LOCMEM = {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def unreachable_smtp(settings):
    cache.clear()
    settings.MAILERS = {
        "default": {"BACKEND": "outbox.backends.QueueBackend"},
        "delivery": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": _closed_port(), "timeout": 2},
        },
    }
    return settings


def test_registration_succeeds_and_queues_mail_while_smtp_is_down(
    unreachable_smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            "/eintragen/", {"network_name": "Netzwerk Lippe", "email": "neu@example.org"}
        )
    assert response.status_code == 302
    assert Invitation.objects.count() == 1
    queued = OutgoingMail.objects.get()
    assert queued.status == OutgoingMail.Status.QUEUED and queued.to == ["neu@example.org"]
    assert "/einladung/" in queued.body

    now = timezone.now()
    assert mail_deliver_due(now=now) == (0, 1)
    queued.refresh_from_db()
    assert queued.attempts == 1 and "ConnectionRefusedError" in queued.last_error
    assert queued.next_attempt_at == now + retry_delay(1)
    # not due again before the back-off has passed
    assert mail_deliver_due(now=now + datetime.timedelta(seconds=30)) == (0, 0)

    unreachable_smtp.MAILERS = {**unreachable_smtp.MAILERS, "delivery": LOCMEM}
    later = now + datetime.timedelta(minutes=5)
    assert mail_deliver_due(now=later) == (1, 0)
    assert mail_deliver_due(now=later + datetime.timedelta(hours=1)) == (0, 0)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["neu@example.org"]
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.SENT and queued.sent_at is not None


def test_back_off_grows_and_gives_up(unreachable_smtp):
    mail.send_mail("Betreff", "Text", None, ["a@example.org"])
    now = timezone.now()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        row = OutgoingMail.objects.get()
        assert mail_deliver_due(now=max(now, row.next_attempt_at)) == (0, 1), attempt
    row = OutgoingMail.objects.get()
    assert row.status == OutgoingMail.Status.FAILED and row.attempts == MAX_ATTEMPTS
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 10)] == [60, 120, 240, 21600]


def test_failures_are_visible_and_retried_from_the_admin(unreachable_smtp, client):
    from tests import factories as f

    mail.send_mail("Einladung", "Text", None, ["b@example.org"])
    mail_deliver_due()
    OutgoingMail.objects.update(status=OutgoingMail.Status.FAILED)
    client.force_login(f.StaffFactory())
    page = client.get("/admin/outbox/outgoingmail/?status__exact=failed")
    assert "Einladung" in page.text and "endgültig fehlgeschlagen" in page.text
    detail = client.get(f"/admin/outbox/outgoingmail/{OutgoingMail.objects.get().pk}/change/")
    assert "ConnectionRefusedError" in detail.text
    client.post(
        "/admin/outbox/outgoingmail/",
        {"action": "retry_now", "_selected_action": [OutgoingMail.objects.get().pk]},
    )
    row = OutgoingMail.objects.get()
    assert row.status == OutgoingMail.Status.QUEUED and row.attempts == 0


def test_worker_command_sends_once(settings):
    settings.MAILERS = {"default": {"BACKEND": "outbox.backends.QueueBackend"}, "delivery": LOCMEM}
    mail.send_mail("Hallo", "Text", None, ["c@example.org"])
    assert mail.outbox == []
    call_command("send_queued_mail")
    call_command("send_queued_mail")
    assert len(mail.outbox) == 1
