"""Retention: delete drafts nobody saved for RETENTION_MONTHS (see survey.services.retention)."""

from netzwerke.management.base import RetentionCommand
from netzwerke.retention import history_contacts_purge
from survey.services import drafts_purge


class Command(RetentionCommand):
    help = (
        "Löscht Entwürfe, die seit N Monaten nicht mehr gespeichert wurden, und entfernt "
        "Kontaktdaten aus alten Verlaufseinträgen und denen gelöschter Netzwerke (Datenschutz; "
        "monatlich ausführen)."
    )

    def purge(self, months):
        drafts, networks = drafts_purge(months=months)
        # after the drafts: the networks just removed lose their contacts in the history too
        history = history_contacts_purge(months=months)
        return (
            f"{drafts} Entwürfe gelöscht (älter als {months} Monate), "
            f"{networks} nie angenommene eingetragene Netzwerke entfernt, "
            f"Kontaktdaten aus {history} Verlaufseinträgen entfernt."
        )
