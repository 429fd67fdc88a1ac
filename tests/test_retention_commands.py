"""The retention commands share one base: --months (default RETENTION_MONTHS), refused below 1."""

import io

import pytest
from django.core.management import CommandError, call_command

from netzwerke.management.base import RetentionCommand

pytestmark = pytest.mark.django_db

COMMANDS = ["purge_history_contacts", "purge_correction_suggestions", "purge_stale_drafts"]
REFUSAL = "--months muss mindestens 1 sein."


@pytest.mark.parametrize("months", ["0", "-3"])
@pytest.mark.parametrize("command", COMMANDS)
def test_months_below_one_is_refused_before_any_query(command, months, django_assert_num_queries):
    with django_assert_num_queries(0), pytest.raises(CommandError, match=REFUSAL):
        call_command(command, "--months", months, stdout=io.StringIO())


@pytest.mark.parametrize("command", COMMANDS)
def test_default_months_come_from_the_setting(command, settings):
    settings.RETENTION_MONTHS = 0
    with pytest.raises(CommandError, match=REFUSAL):
        call_command(command, stdout=io.StringIO())


class EchoCommand(RetentionCommand):
    def purge(self, months):
        return f"älter als {months} Monate"


def test_base_prints_the_sentence_purge_returns(settings):
    settings.RETENTION_MONTHS = 9
    out = io.StringIO()
    call_command(EchoCommand(), stdout=out)
    call_command(EchoCommand(), "--months", "2", stdout=out)
    assert out.getvalue() == "älter als 9 Monate\nälter als 2 Monate\n"
