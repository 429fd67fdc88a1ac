"""setup_demo: a development database with reference data, real and demo networks, a login."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from netzwerke import csvformat
from netzwerke.models import ActionField, Network

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
ADMIN_USERNAME = "admin"
# a development login only: the command refuses to run with DEBUG off
ADMIN_PASSWORD = "netzwerke-demo"


class Command(BaseCommand):
    help = (
        "Richtet eine Entwicklungsumgebung ein: Referenzdaten, Vokabulare, reale Netzwerke, "
        "Demo-Netzwerke und ein Admin-Login. Wiederholbar, ohne etwas zu verdoppeln."
    )

    def add_arguments(self, parser):
        parser.add_argument("--networks", type=int, default=400, help="Anzahl Demo-Netzwerke")
        parser.add_argument("--seed", type=int, default=2026, help="Zufallsstartwert")
        parser.add_argument(
            "--login-only",
            action="store_true",
            help="nur das Admin-Login sicherstellen und ausgeben (für das Ende von make setup)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="auch mit DEBUG=0 ausführen (legt ein Admin-Login mit bekanntem Passwort an)",
        )

    def handle(self, *args, networks: int, seed: int, force: bool, login_only: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "setup_demo legt ein Admin-Login mit bekanntem Passwort an und läuft deshalb "
                "nur mit DEBUG=1 (oder mit --force)."
            )
        if login_only:
            self._admin_login()
            return
        verbosity = options["verbosity"]
        call_command("load_reference_data", verbosity=verbosity, stdout=self.stdout)

        if ActionField.objects.exists():
            self.stdout.write("Vokabulare: schon vorhanden")
        else:
            call_command("loaddata", str(FIXTURES / "vocabularies.json"), verbosity=verbosity)

        real = FIXTURES / "real_networks.csv"
        result = csvformat.import_networks(real.read_bytes()) if not self._real_loaded() else None
        if result is None:
            self.stdout.write("Reale Netzwerke: schon vorhanden")
        elif not result.ok:
            raise CommandError("\n".join(str(e) for e in result.errors))
        else:
            self.stdout.write(f"Reale Netzwerke: {result.summary()}")

        if Network.objects.demo().exists():
            self.stdout.write("Demo-Netzwerke: schon vorhanden")
        elif networks:
            call_command("generate_demo", networks=networks, seed=seed, stdout=self.stdout)

        self._admin_login()

    def _real_loaded(self) -> bool:
        """True once any real network is in the database: curators' edits are never reset."""
        rows, _errors, _lookups = csvformat.parse_networks(
            (FIXTURES / "real_networks.csv").read_bytes()
        )
        return Network.objects.filter(slug__in=[row.slug for row in rows]).exists()

    def _admin_login(self):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=ADMIN_USERNAME,
            defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(ADMIN_PASSWORD)
            user.save()
        line = "=" * 60
        if user.check_password(ADMIN_PASSWORD):
            password = ADMIN_PASSWORD
        else:
            password = "(selbst geändert, nicht zurückgesetzt)"
        self.stdout.write(
            self.style.SUCCESS(
                f"\n{line}\n"
                f"  Admin-Login:  http://127.0.0.1:8000/admin/\n"
                f"  Benutzername: {ADMIN_USERNAME}\n"
                f"  Passwort:     {password}\n"
                f"{line}"
            )
        )
