import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from outbox.services import mail_deliver_due


class Command(BaseCommand):
    help = "Verschickt fällige E-Mails aus der Warteschlange (mit --loop dauerhaft)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="nicht beenden, sondern warten")
        parser.add_argument("--interval", type=float, default=10.0, help="Sekunden zwischen Läufen")

    def handle(self, *args, loop, interval, **options):
        while True:
            try:
                sent, failed = mail_deliver_due()
            except DatabaseError as exc:  # the database is away: try again on the next round
                if not loop:
                    raise
                self.stderr.write(f"Datenbank nicht erreichbar: {exc}")
                close_old_connections()
                sent = failed = 0
            if sent or failed or not loop:
                self.stdout.write(f"{sent} verschickt, {failed} fehlgeschlagen")
            if not loop:
                return
            time.sleep(interval)
