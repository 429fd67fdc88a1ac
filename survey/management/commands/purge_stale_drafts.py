"""Retention: delete drafts nobody saved for RETENTION_MONTHS (see survey.services.retention)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from netzwerke.retention import history_contacts_purge
from survey.services import drafts_purge


class Command(BaseCommand):
    help = (
        "Löscht Entwürfe, die seit N Monaten nicht mehr gespeichert wurden, und entfernt "
        "Kontaktdaten aus alten Verlaufseinträgen und denen gelöschter Netzwerke (Datenschutz; "
        "monatlich ausführen)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.RETENTION_MONTHS,
            help=f"Standard: RETENTION_MONTHS ({settings.RETENTION_MONTHS})",
        )

    def handle(self, *args, months, **options):
        if months < 1:
            raise CommandError("--months muss mindestens 1 sein.")
        drafts, networks = drafts_purge(months=months)
        # after the drafts: the networks just removed lose their contacts in the history too
        history = history_contacts_purge(months=months)
        self.stdout.write(
            f"{drafts} Entwürfe gelöscht (älter als {months} Monate), "
            f"{networks} nie angenommene eingetragene Netzwerke entfernt, "
            f"Kontaktdaten aus {history} Verlaufseinträgen entfernt."
        )
