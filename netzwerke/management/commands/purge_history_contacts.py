from django.core.management.base import BaseCommand, CommandError

from netzwerke.retention import history_contacts_purge, retention_months


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
            default=None,
            help="Standard: RETENTION_MONTHS aus den Einstellungen (12)",
        )

    def handle(self, *args, months, **options):
        months = retention_months() if months is None else months
        if months < 1:
            raise CommandError("--months muss mindestens 1 sein.")
        count = history_contacts_purge(months=months)
        self.stdout.write(
            f"Kontaktdaten aus {count} Verlaufseinträgen entfernt (älter als {months} Monate "
            f"oder zu gelöschten Netzwerken)."
        )
