"""Demo data for the Netzwerkerhebung (see ``survey.demo``); runs after ``setup_demo``."""

from django.core.management.base import BaseCommand

from survey.demo import DEMO_PASSWORD, DEMO_USER, survey_demo_setup


class Command(BaseCommand):
    help = "Legt Demo-Erhebungen an (offene Welle 2026, abgeschlossene Welle 2024)."

    def handle(self, *args, **options):
        demo = survey_demo_setup()
        for note in demo.notes:
            self.stderr.write(note)
        current, historic = demo.current, demo.historic
        if current is None or historic is None:
            return
        self.stdout.write(
            f"Erhebungen: „{current}“ (offen, {current.submissions.count()} Einreichungen), "
            f"„{historic}“ ({historic.submissions.count()} Antworten)."
        )
        if demo.user:
            network = demo.user.coordinations.first().network
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo-Koordination: Benutzer „{DEMO_USER}“, Passwort „{DEMO_PASSWORD}“ "
                    f"(Netzwerk „{network}“) – Anmeldung unter /konto/login/"
                )
            )
