"""The browser tests' switch: skipped with one line without Chromium, failing in CI."""

import os
import subprocess
import sys
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
SKIP_LINE = "Browser-Tests übersprungen"


def _pytest(*args, ci: bool, tmp_path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "CHROMIUM": str(tmp_path / "kein-chromium"),
        # never the outer run's PostgreSQL test database
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    env.pop("CI", None)
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=BASE,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_without_chromium_the_browser_tests_skip_with_one_line(tmp_path):
    result = _pytest("tests/browser", "tests/test_migrations.py", ci=False, tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(SKIP_LINE) == 1
    assert "apt-get install chromium" in result.stdout


def test_without_chromium_ci_fails_instead_of_skipping(tmp_path):
    result = _pytest("tests/browser/test_smoke.py", ci=True, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "in CI nicht ausführbar" in result.stdout
