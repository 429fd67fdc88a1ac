"""The base of the retention commands: ``--months`` (default RETENTION_MONTHS), checked once."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class RetentionCommand(BaseCommand):
    """A command that deletes or blanks data older than ``--months``; subclasses implement
    ``purge(months)`` and return the sentence the command prints."""

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.RETENTION_MONTHS,
            help=f"Standard: RETENTION_MONTHS ({settings.RETENTION_MONTHS})",
        )

    def handle(self, *args, months, **options):
        if months < 1:
            raise CommandError("--months muss mindestens 1 sein.")
        self.stdout.write(self.purge(months))

    def purge(self, months: int) -> str:
        raise NotImplementedError
