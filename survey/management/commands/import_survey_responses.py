"""Import a historic wave's responses from the export's CSV format (see survey.exports)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from survey.exports import ImportFailed, import_responses
from survey.models import Survey


class Command(BaseCommand):
    help = (
        "Lädt die Antworten einer früheren Erhebung aus einer CSV-Datei (Format: README, "
        "Abschnitt „Antworten früherer Erhebungen importieren“). Alles oder nichts."
    )

    def add_arguments(self, parser):
        parser.add_argument("wave", help="Kürzel der Erhebung, z. B. netzwerkerhebung-2024")
        parser.add_argument("file", help="CSV-Datei (UTF-8, Semikolon oder Komma)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="schon importierte Antworten dieser Erhebung ersetzen",
        )

    def handle(self, *args, wave, file, replace, **options):
        survey = Survey.objects.filter(slug=wave).first()
        if survey is None:
            raise CommandError(f"Keine Erhebung mit dem Kürzel „{wave}“.")
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise CommandError(f"Datei „{file}“ nicht gefunden.") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"Datei „{file}“ ist nicht UTF-8-kodiert (Byte {exc.start}). "
                "Bitte als „CSV UTF-8“ speichern."
            ) from exc
        try:
            count = import_responses(survey=survey, text=text, replace=replace)
        except ImportFailed as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(exc.errors)} Fehler; nichts wurde importiert.") from exc
        self.stdout.write(self.style.SUCCESS(f"{count} Antworten in „{survey}“ importiert."))
