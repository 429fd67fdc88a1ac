"""The contact form of a profile whose contact person is not published."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from netzwerke.models import Network


def network_contact_possible(network: Network) -> bool:
    """A form instead of the person: there is an address to write to, but no consent to show it."""
    return bool(network.coordination_email) and not network.shows_contact_person


def network_contact_send(*, network: Network, name: str, email: str, message: str) -> None:
    """Mail ``message`` to the coordination; replies go straight to the sender."""
    body = render_to_string(
        "netzwerke/email/contact.txt",
        {"network": network, "name": name, "email": email, "message": message},
    )
    EmailMessage(
        subject=_("Nachricht über die Netzwerkdatenbank: %(name)s") % {"name": network.name},
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[network.coordination_email],
        reply_to=[email],
    ).send()
