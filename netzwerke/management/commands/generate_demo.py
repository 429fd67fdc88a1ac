"""generate_demo: synthetic demo networks, the same for the same seed."""

import time

from django.core.management.base import BaseCommand, CommandError

from netzwerke.demo import generate_demo


class Command(BaseCommand):
    help = (
        "Erzeugt synthetische, realistische Demo-Netzwerke mit Akteuren, Mitgliedschaften "
        "und Projekten in allen Ländern. Gleicher Seed, gleiche Daten."
    )

    def add_arguments(self, parser):
        parser.add_argument("--networks", type=int, default=400, help="Anzahl (Standard 400)")
        parser.add_argument("--seed", type=int, default=2026, help="Zufallsstartwert")

    def handle(self, *args, networks: int, seed: int, **options):
        if networks < 0:
            raise CommandError("--networks muss ≥ 0 sein.")
        started = time.perf_counter()
        try:
            stats = generate_demo(networks=networks, seed=seed)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        seconds = time.perf_counter() - started
        rate = stats.networks / seconds * 60 if seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"{stats.networks} Netzwerke, {stats.actors} Akteure, "
                f"{stats.memberships} Mitgliedschaften, {stats.projects} Projekte, "
                f"{stats.events} Veranstaltungen in "
                f"{len(stats.per_state)} Ländern angelegt ({seconds:.1f} s, "
                f"{rate:,.0f} Netzwerke/Minute)."
            )
        )
