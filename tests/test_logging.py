"""Operable: every log line with time, level, logger and the request's id."""

import logging

import pytest
from django.conf import settings as project_settings

from netzwerke.requestlog import REQUEST_ID, RequestIdFilter

pytestmark = pytest.mark.django_db


def _line(record_name="netzwerke.security", message="Anmeldung fehlgeschlagen"):
    fmt = project_settings.LOGGING["formatters"]["plain"]["format"]
    record = logging.LogRecord(record_name, logging.WARNING, __file__, 1, message, None, None)
    RequestIdFilter().filter(record)
    return logging.Formatter(fmt).format(record)


def test_log_line_has_time_level_logger_and_request_id():
    token = REQUEST_ID.set("abc123")
    try:
        line = _line()
    finally:
        REQUEST_ID.reset(token)
    date, time, level, logger, request_id, *message = line.split(" ")
    assert len(date) == 10 and date[4] == "-" and ":" in time
    assert (level, logger, request_id) == ("WARNING", "netzwerke.security", "[abc123]")
    assert " ".join(message) == "Anmeldung fehlgeschlagen"


def test_request_id_comes_from_the_proxy_or_is_made(client):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="proxy-42")["X-Request-ID"] == "proxy-42"
    made = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert made != "<script>" and len(made) == 16


def test_permission_and_login_failures_are_logged(client, caplog):
    from tests import factories as f

    client.force_login(f.ReviewerFactory(), backend="django.contrib.auth.backends.ModelBackend")
    with caplog.at_level(logging.WARNING):
        assert client.get("/admin/netzwerke/network/import/").status_code == 403
    assert any(r.name == "django.request" and r.status_code == 403 for r in caplog.records), (
        caplog.records
    )
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        client.logout()
        client.post("/konto/login/", {"username": "erika", "password": "falsch"})
    assert any(r.name.startswith("axes") for r in caplog.records), caplog.records
