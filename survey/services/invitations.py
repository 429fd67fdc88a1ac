"""Invitations and the public registration: create, find by token, redeem."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerke.models import Network
from survey.models import Coordinator, Invitation
from survey.services.apply import unique_slug
from survey.services.errors import SubmissionError
from survey.services.notify import send

INVITATION_VALID_DAYS = 14


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_find(*, token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("network").filter(token_hash=_hash_token(token)).first()
    )


@transaction.atomic
def invitation_create(
    *,
    email: str,
    base_url: str,
    network: Network | None = None,
    network_name: str = "",
    invited_by=None,
) -> tuple[Invitation, str]:
    """Create an invitation (or, without network, a registration) and e-mail the link.

    ``base_url`` is the absolute site root, e.g. ``https://example.org``.
    Returns the invitation and the clear-text token (only ever in the e-mail).
    """
    token = secrets.token_urlsafe(32)
    kind = Invitation.Kind.INVITATION if network else Invitation.Kind.REGISTRATION
    invitation = Invitation.objects.create(
        kind=kind,
        email=email.strip().lower(),
        network=network,
        network_name=network_name.strip(),
        token_hash=_hash_token(token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=INVITATION_VALID_DAYS),
    )
    link = base_url.rstrip("/") + reverse("survey:invitation", kwargs={"token": token})
    if network:
        subject = _("Einladung zur Netzwerkerhebung: %(network)s") % {"network": network}
    else:
        subject = _("Bitte bestätigen Sie Ihre E-Mail-Adresse")
    send(
        subject,
        "survey/email/invitation.txt",
        {"invitation": invitation, "link": link, "valid_days": INVITATION_VALID_DAYS},
        [invitation.email],
    )
    return invitation, token


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Network:
    """Redeem an invitation for ``user``: make them coordinator of the network.

    A registration creates the network as a draft, which stays out of the
    directory until a submission for it is accepted.
    """
    updated = Invitation.objects.filter(
        pk=invitation.pk, used_at__isnull=True, expires_at__gt=timezone.now()
    ).update(used_at=timezone.now(), user=user)
    if not updated:
        raise SubmissionError(_("Dieser Link ist abgelaufen oder wurde bereits verwendet."))
    network = invitation.network
    if network is None:
        network = Network.objects.create(
            name=invitation.network_name,
            slug=unique_slug(Network, invitation.network_name),
            status=Network.Status.DRAFT,
            coordination_email=invitation.email,
        )
        Invitation.objects.filter(pk=invitation.pk).update(network=network)
    Coordinator.objects.get_or_create(user=user, network=network)
    return network
