"""Retention: delete handled correction suggestions after RETENTION_MONTHS."""

from netzwerke.management.base import RetentionCommand
from website.services import correction_suggestions_purge


class Command(RetentionCommand):
    help = "Löscht erledigte Korrekturhinweise nach N Monaten (Datenschutz; monatlich ausführen)."

    def purge(self, months):
        count = correction_suggestions_purge(months=months)
        return f"{count} erledigte Korrekturhinweise gelöscht (älter als {months} Monate)."
