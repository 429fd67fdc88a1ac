"""export_networks: networks as CSV in the one network format."""

import io

from django.core.management.base import BaseCommand

from netzwerke import csvformat
from netzwerke.models import Network


class Command(BaseCommand):
    help = "Exportiert Netzwerke als CSV im Format der README (Semikolon, UTF-8 mit BOM)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Zieldatei; ohne Angabe die Standardausgabe")
        parser.add_argument(
            "--status",
            action="append",
            choices=Network.Status.values,
            help="nur Netzwerke mit diesem Status (mehrfach möglich)",
        )
        parser.add_argument(
            "--public",
            action="store_true",
            help="ohne persönliche Kontaktdaten (wie der öffentliche Export)",
        )

    def handle(self, *args, output=None, status=None, public=False, **options):
        networks = Network.objects.order_by("name", "slug")
        if status:
            networks = networks.filter(status__in=status)
        networks = csvformat.export_queryset(networks)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                count = csvformat.write_networks(networks, stream, public=public)
            self.stderr.write(f"{count} Netzwerke nach {output} exportiert.")
        else:
            buffer = io.StringIO()
            csvformat.write_networks(networks, buffer, public=public)
            self.stdout.write(buffer.getvalue(), ending="")
