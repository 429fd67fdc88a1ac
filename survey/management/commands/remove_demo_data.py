"""remove_demo_data: exactly the demo rows (see survey.demo_removal), with a count."""

from django.core.management.base import BaseCommand

from survey.demo_removal import demo_counts, demo_data_remove


class Command(BaseCommand):
    help = (
        "Löscht alle Demo-Daten (Demo-Netzwerke mit Partnern und Projekten, Demo-Akteure, "
        "Demo-Erhebungen mit Einreichungen, das Demo-Koordinationslogin und deren Verlauf) "
        "und sonst nichts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="nur zählen, was gelöscht würde")

    def handle(self, *args, dry_run: bool, **options):
        if dry_run:
            counts = demo_counts()
            self.stdout.write(f"Würde löschen: {counts.summary()}.")
            return
        counts = demo_data_remove()
        if not counts.total:
            self.stdout.write("Keine Demo-Daten vorhanden.")
            return
        self.stdout.write(self.style.SUCCESS(f"Gelöscht: {counts.summary()}."))
