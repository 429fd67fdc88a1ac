from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from website.services import correction_suggestions_purge


class Command(BaseCommand):
    help = "Löscht erledigte Korrekturhinweise nach N Monaten (Datenschutz; monatlich ausführen)."

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
        count = correction_suggestions_purge(months=months)
        self.stdout.write(
            f"{count} erledigte Korrekturhinweise gelöscht (älter als {months} Monate)."
        )
