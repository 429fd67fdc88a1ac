"""import_networks: networks from a CSV file, or what it would change (--dry-run)."""

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
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="nur zeigen, was neu, geändert (alt → neu) oder gleich bliebe; nichts speichern",
        )

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Datei nicht lesbar: {exc}") from exc
        if dry_run:
            preview = csvformat.import_preview(data)
            if not preview.ok:
                for error in preview.errors:
                    self.stderr.write(str(error))
                raise CommandError(f"{len(preview.errors)} Fehler; nichts wurde gespeichert.")
            self.stdout.write("\n".join(preview.report()))
            return
        result = csvformat.import_networks(data)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(result.summary())
        self.stdout.write(self.style.SUCCESS(result.summary()))
