import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 20 + "-production-like-secret-key-with-enough-entropy-7f3a9c",
    "ALLOWED_HOSTS": "netzwerke.example.org",
    "DATABASE_URL": "sqlite:////tmp/netzwerke-deploy-check.sqlite3",
}


def _manage(*args, env):
    # the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; production must not
    leaking = {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in leaking}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    # the one issue left is the operator details, which live in the (here empty) database
    result = _manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION)
    output = result.stdout + result.stderr
    assert "System check identified 1 issue (0 silenced)" in output, output
    assert "(website.W001) Betreiberangaben nicht lesbar" in output


def test_missing_secret_key_stops_start_up_with_a_clear_message():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY ist nicht gesetzt" in result.stderr


@pytest.mark.parametrize("debug", ["1", "true"])
def test_development_runs_without_secret_key(debug):
    result = _manage("check", env={"DEBUG": debug, "DATABASE_URL": PRODUCTION["DATABASE_URL"]})
    assert result.returncode == 0, result.stderr
