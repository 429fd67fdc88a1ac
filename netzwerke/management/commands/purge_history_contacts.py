"""Retention: contact fields out of old history records and those of deleted networks."""

from netzwerke.management.base import RetentionCommand
from netzwerke.retention import history_contacts_purge


class Command(RetentionCommand):
    help = (
        "Entfernt Name, Funktion, E-Mail und Telefon der Kontaktperson aus Verlaufseinträgen, "
        "die älter als N Monate sind oder zu gelöschten Netzwerken gehören (Datenschutz). "
        "purge_stale_drafts ruft es mit auf."
    )

    def purge(self, months):
        count = history_contacts_purge(months=months)
        return (
            f"Kontaktdaten aus {count} Verlaufseinträgen entfernt (älter als {months} Monate "
            f"oder zu gelöschten Netzwerken)."
        )
