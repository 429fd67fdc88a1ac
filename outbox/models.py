"""Outgoing mail, stored before it is sent, so an unreachable mail server never breaks a request."""

from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now):
        return self.filter(status=OutgoingMail.Status.QUEUED, next_attempt_at__lte=now)


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("wartet auf Versand")
        SENT = "sent", _("verschickt")
        FAILED = "failed", _("endgültig fehlgeschlagen")

    subject = models.CharField(_("Betreff"), max_length=998)
    from_email = models.CharField(_("Absender"), max_length=320)
    to = models.JSONField(_("An"), default=list)
    cc = models.JSONField(_("Kopie"), default=list, blank=True)
    bcc = models.JSONField(_("Blindkopie"), default=list, blank=True)
    reply_to = models.JSONField(_("Antwort an"), default=list, blank=True)
    headers = models.JSONField(_("weitere Kopfzeilen"), default=dict, blank=True)
    body = models.TextField(_("Text"))
    html_body = models.TextField(_("HTML-Fassung"), blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    next_attempt_at = models.DateTimeField(_("nächster Versuch"), db_index=True)
    last_error = models.TextField(_("letzter Fehler"), blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    sent_at = models.DateTimeField(_("verschickt am"), null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("ausgehende E-Mail")
        verbose_name_plural = _("ausgehende E-Mails")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="sent", sent_at__isnull=False) | ~Q(status="sent"),
                name="outgoingmail_sent_has_time",
            )
        ]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @classmethod
    def from_message(cls, message, *, now) -> "OutgoingMail":
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        return cls(
            subject=str(message.subject),
            from_email=str(message.from_email),
            to=[str(a) for a in message.to],
            cc=[str(a) for a in message.cc],
            bcc=[str(a) for a in message.bcc],
            reply_to=[str(a) for a in message.reply_to],
            headers={str(k): str(v) for k, v in message.extra_headers.items()},
            body=str(message.body),
            html_body=str(html),
            next_attempt_at=now,
        )

    def as_message(self) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(
            self.subject,
            self.body,
            self.from_email,
            self.to,
            bcc=self.bcc,
            cc=self.cc,
            reply_to=self.reply_to,
            headers=self.headers,
        )
        if self.html_body:
            message.attach_alternative(self.html_body, "text/html")
        return message
