"""A coordinator's events: entered in the coordinator area, public after a curator's review.

A new event waits for review ("wartet auf Prüfung") unless a curator marked the network
as trusted (``Network.trusted``); then it is public at once. An edit keeps an approved
event public (subscribed calendars must not lose it) and sends a rejected one back to
review. Curators approve or reject in the admin (actions on Veranstaltungen).
"""

from django.db import transaction
from django.utils.translation import gettext as _

from netzwerke.models import Event, Network
from survey.services.apply import unique_slug
from survey.services.errors import SubmissionError

#: what a coordinator may set, in the order of the form (the rest is the curators')
COORDINATOR_FIELDS = (
    "title",
    "description",
    "starts_at",
    "ends_at",
    "all_day",
    "address",
    "district",
    "online",
    "action_fields",
    "target_groups",
    "registration_url",
    "cost",
    "status",
    "project",
)
MANY_TO_MANY = ("action_fields", "target_groups")


@transaction.atomic
def event_save(*, network: Network, user, data: dict, event: Event | None = None) -> Event:
    """Create (``event`` None) or change a coordinator's event from the form's ``data``
    (``COORDINATOR_FIELDS``)."""
    if event is not None and event.network_id != network.pk:
        raise SubmissionError(_("Diese Veranstaltung gehört zu einem anderen Netzwerk."))
    if event is None:
        event = Event(
            network=network,
            source=Event.Source.SURVEY,
            review_status=(
                Event.ReviewStatus.APPROVED if network.trusted else Event.ReviewStatus.PENDING
            ),
            slug=unique_slug(Event, data["title"]),
        )
        event._change_reason = _("von der Koordination eingetragen")
    else:
        event = Event.objects.select_for_update().get(pk=event.pk)
        if event.review_status == Event.ReviewStatus.REJECTED:
            event.review_status = (
                Event.ReviewStatus.APPROVED if network.trusted else Event.ReviewStatus.PENDING
            )
        event._change_reason = _("von der Koordination geändert")
    for name in COORDINATOR_FIELDS:
        if name in data and name not in MANY_TO_MANY:
            setattr(event, name, data[name])
    event._history_user = user
    event.full_clean(exclude=["slug"] if event.pk else None)
    event.save()
    for name in MANY_TO_MANY:
        if name in data:
            getattr(event, name).set(data[name])
    return event
