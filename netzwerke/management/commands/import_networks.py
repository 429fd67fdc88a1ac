from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from netzwerke import csvformat


class Command(BaseCommand):
    help = (
        "Importiert Netzwerke aus einer CSV-Datei im Format der README. "
        "Alles oder nichts: bei einem Fehler wird nichts gespeichert."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="CSV-Datei (UTF-8, ; oder ,)")

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Datei nicht lesbar: {exc}") from exc
        result = csvformat.import_networks(data)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(result.summary())
        self.stdout.write(self.style.SUCCESS(result.summary()))
