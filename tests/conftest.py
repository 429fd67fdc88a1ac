import io

import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reference_data(db):
    """The 16 Länder, 400 Kreise and the PLZ table, loaded as `make run` does.

    Function-scoped on purpose: live_server tests flush the database.
    """
    call_command("load_reference_data", stdout=io.StringIO())
