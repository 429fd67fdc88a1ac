from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from netzwerke.retention import history_contacts_purge


class Command(BaseCommand):
    help = (
        "Entfernt Name, Funktion, E-Mail und Telefon der Kontaktperson aus Verlaufseinträgen, "
        "die älter als N Monate sind oder zu gelöschten Netzwerken gehören (Datenschutz). "
        "purge_stale_drafts ruft es mit auf."
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
        count = history_contacts_purge(months=months)
        self.stdout.write(
            f"Kontaktdaten aus {count} Verlaufseinträgen entfernt (älter als {months} Monate "
            f"oder zu gelöschten Netzwerken)."
        )
