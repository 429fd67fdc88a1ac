"""Scale-out, demonstrated: two gunicorn app servers, one PostgreSQL database, one Redis.

    python -m benchmarks.scale        (make scale-demo; also run by .ci/run)

Creates a throw-away database on the PostgreSQL server at ``PGHOST`` (127.0.0.1:5432,
user postgres) and uses Redis database ``SCALE_REDIS_DB`` (13) at ``SCALE_REDIS``
(127.0.0.1:6379), starts two app servers with production settings on two ports and
checks, as a visitor behind the TLS proxy would see it:

* a login on one server is valid on the other;
* a survey draft saved through one resumes through the other;
* a rate limit and a login lockout count the requests to both;
* a network published through one is visible at once on the other (the data version
  moves, so the page cache shared in Redis cannot answer with the old list);
* with one server stopped the other keeps serving.

The servers get what the production proxy sends: ``X-Forwarded-Proto: https`` (so the
secure cookies and the CSRF origin check of production apply unchanged),
``X-Forwarded-For`` with the visitor's address (``TRUSTED_PROXIES=1``: one address per
visitor, so the checks do not share a rate limit) and one public host name for both.
Prints PASS or FAIL per check and exits 1 if any failed; the database is dropped and
the Redis database emptied afterwards.
"""

from __future__ import annotations

import contextlib
import html
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.servers import ROOT, AppServer, manage, production_env

HOST = "localhost"  # the public name, the same for both servers as behind one proxy
PASSWORD = "Skalierung-2026-geheim"
COORDINATOR, CURATOR, LOCKED = "koordination-skalierung", "kuratierung-skalierung", "gesperrt"
DRAFT_NETWORK = "Netzwerk Skalierung Ostwestfalen"
SEED = "from benchmarks.scale import seed; seed()"
OWN_NETWORK = "Netzwerk der Koordination"
# the coordinator's page (/erhebung/ forwards a coordinator of one network there)
OWN_PAGE = "/erhebung/netzwerk/netzwerk-der-koordination/"


# --- the data: run inside the app (manage.py shell) -----------------------------------


def seed() -> None:
    """A coordinator with a draft submission, a curator, a network not yet published."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from netzwerke.models import Network
    from survey.models import Coordinator, Submission, Survey

    users = get_user_model().objects
    now = timezone.now()
    own = Network.objects.create(
        name=OWN_NETWORK,
        slug=OWN_PAGE.rstrip("/").rsplit("/", 1)[1],
        status=Network.Status.PUBLISHED,
        published_at=now,
    )
    draft = Network.objects.create(
        name=DRAFT_NETWORK, slug="netzwerk-skalierung", status=Network.Status.DRAFT
    )
    coordinator = users.create_user(COORDINATOR, "koordination@example.org", PASSWORD)
    Coordinator.objects.create(user=coordinator, network=own)
    users.create_superuser(CURATOR, "kuratierung@example.org", PASSWORD)
    users.create_user(LOCKED, "gesperrt@example.org", PASSWORD)
    survey = Survey.objects.create(
        title="Netzwerkerhebung Skalierung",
        slug="netzwerkerhebung-skalierung",
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=30),
        questionnaire_version="2026.1",
    )
    submission = Submission.objects.create(
        survey=survey, network=own, questionnaire_version=survey.questionnaire_version
    )
    print(json.dumps({"submission": submission.pk, "draft": draft.pk, "slug": draft.slug}))


# --- a visitor behind the TLS proxy -------------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    text: str

    def location(self) -> str:
        return self.headers.get("Location", "")


@dataclass
class Visitor:
    """A browser whose requests reach the app servers through the TLS proxy.

    Keeps its cookies itself: the session and CSRF cookies are ``Secure``, which the
    browser sends over HTTPS to the proxy and the proxy passes on.
    """

    address: str
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, server: AppServer, method: str, path: str, data=None) -> Reply:
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Accept-Encoding": "identity",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{HOST}"
            headers["Referer"] = f"https://{HOST}{path}"
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return Reply(response.status, response.headers, text)

    def get(self, server: AppServer, path: str) -> Reply:
        return self.request(server, "GET", path)

    def form(self, server: AppServer, path: str) -> dict[str, str]:
        """The hidden fields of the page's form (the CSRF token among them)."""
        page = self.get(server, path)
        if page.status != 200:
            raise AssertionError(f"GET {path}: {page.status}")
        fields = {}
        for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", page.text):
            name = re.search(r'name="([^"]*)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            if name:
                fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
        return fields

    def post(self, server: AppServer, path: str, data: dict, *, form_path: str = "") -> Reply:
        """Open the form (for its token) and send it, as a browser does."""
        fields = self.form(server, form_path or path)
        return self.request(server, "POST", path, {**fields, **data})

    def login(self, server: AppServer, username: str, password: str, path="/konto/login/"):
        return self.post(server, path, {"username": username, "password": password})


# --- the checks -----------------------------------------------------------------------------


class Checks:
    def __init__(self):
        self.failed = 0

    def __call__(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f"  ({detail})" if detail else ""))
        sys.stdout.flush()
        self.failed += not ok
        return ok


def run_checks(a: AppServer, b: AppServer, data: dict, check: Checks) -> None:
    for name, server in (("A", a), ("B", b)):
        ready = Visitor("198.51.100.1").get(server, "/readyz")
        check(f"Server {name} bereit (Datenbank, Redis, Migrationen)", ready.status == 200)

    # a login on one server is valid on the other
    erika = Visitor("198.51.100.10")
    login = erika.login(a, COORDINATOR, PASSWORD)
    dashboard = erika.get(b, OWN_PAGE)
    check(
        "Anmeldung an A gilt an B",
        login.status == 302 and dashboard.status == 200 and OWN_NETWORK in dashboard.text,
        f"Anmeldung {login.status}, Koordinationsseite an B {dashboard.status}",
    )

    # a draft saved through one resumes through the other
    section = f"/erhebung/{data['submission']}/stammdaten/"
    typed = "Entwurf über Server A gespeichert"
    saved = erika.post(a, section, {"short_description": typed, "aktion": "speichern"})
    resumed = erika.get(b, section)
    check(
        "Entwurf über A gespeichert, an B fortgesetzt",
        saved.status == 302 and resumed.status == 200 and typed in resumed.text,
        f"Speichern {saved.status}, Abschnitt an B {resumed.status}",
    )

    # a rate limit (password reset, 5 an hour per address) counts requests to both
    resetting = Visitor("198.51.100.20")
    statuses = [
        resetting.post(server, "/konto/password_reset/", {"email": f"nie{i}@example.org"}).status
        for i, server in enumerate([a, b, a, b, a, b])
    ]
    check(
        "Ratenbegrenzung zählt über beide Server (5 pro Stunde, die 6. Anfrage an B: 429)",
        429 not in statuses[:5] and statuses[5] == 429,
        f"Antworten {statuses}",
    )

    # a lockout (5 failed logins per user name and address) counts attempts at both
    guessing = Visitor("198.51.100.30")
    attempts = [
        guessing.login(server, LOCKED, f"falsch-{i}").status
        for i, server in enumerate([a, b, a, b])
    ]
    fifth = guessing.login(a, LOCKED, "falsch-4").status
    right = guessing.login(b, LOCKED, PASSWORD)
    check(
        "Sperre nach 5 Fehlversuchen über beide Server, auch das richtige Passwort an B gesperrt",
        429 not in attempts
        and fifth == 429
        and right.status == 429
        and "sessionid" not in guessing.cookies,
        f"Fehlversuche {attempts + [fifth]}, richtiges Passwort an B {right.status}",
    )

    # a publication through one is visible at once on the other
    visitor = Visitor("198.51.100.40")
    profile = f"/netzwerke/{data['slug']}/"
    before = visitor.get(b, "/netzwerke/")
    visitor.get(b, "/netzwerke/")  # now kept in the shared page cache
    hidden = visitor.get(b, profile).status
    curator = Visitor("198.51.100.41")
    curator.login(a, CURATOR, PASSWORD, path="/admin/login/")
    published = curator.post(
        a,
        "/admin/netzwerke/network/",
        {"action": "publish", "_selected_action": str(data["draft"]), "index": "0"},
    )
    after = visitor.get(b, "/netzwerke/")
    shown = visitor.get(b, profile).status
    check(
        "Veröffentlichung über A sofort an B sichtbar (Datenstand, gemeinsamer Seiten-Cache)",
        DRAFT_NETWORK not in before.text
        and hidden == 404
        and published.status == 302
        and DRAFT_NETWORK in after.text
        and shown == 200
        and before.headers.get("ETag") != after.headers.get("ETag"),
        f"ETag {before.headers.get('ETag')} → {after.headers.get('ETag')}, "
        f"Profil {hidden} → {shown}",
    )

    # one server stopped, the other keeps serving
    a.stop()
    gone = Visitor("198.51.100.50")
    try:
        gone.get(a, "/healthz")
        a_down = False
    except OSError:
        a_down = True
    pages = {path: gone.get(b, path).status for path in ("/", "/netzwerke/", profile, "/readyz")}
    still = erika.get(b, OWN_PAGE).status
    saved_b = erika.post(b, section, {"short_description": "an B weitergeschrieben"}).status
    check(
        "A gestoppt, B bedient weiter (öffentliche Seiten, Anmeldung, Speichern)",
        a_down and set(pages.values()) == {200} and still == 200 and saved_b == 302,
        f"{pages}, Koordinationsseite {still}, Speichern {saved_b}",
    )


# --- the shared services ------------------------------------------------------------------


@contextlib.contextmanager
def throwaway_database():
    import psycopg

    host = os.environ.get("PGHOST", "127.0.0.1")
    port = os.environ.get("PGPORT", "5432")
    name = f"nw_scale_{os.getpid()}"
    admin = f"postgres://postgres@{host}:{port}/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://postgres@{host}:{port}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def private_redis_database():
    import redis

    base = os.environ.get("SCALE_REDIS", "redis://127.0.0.1:6379")
    url = f"{base}/{os.environ.get('SCALE_REDIS_DB', '13')}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    try:
        yield url
    finally:
        client.flushdb()
        client.close()


def main() -> int:
    started = time.monotonic()
    check = Checks()
    logs = Path(tempfile.mkdtemp(prefix="nw-scale-"))
    with throwaway_database() as database_url, private_redis_database() as redis_url:
        # production settings unchanged (HTTPS redirect, secure cookies); the proxy is
        # simulated by the headers every request carries (Visitor)
        env = production_env(
            database_url, REDIS_URL=redis_url, TRUSTED_PROXIES="1", SECURE_SSL_REDIRECT="1"
        )
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        seeded = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", SEED],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        data = json.loads(seeded.stdout.strip().splitlines()[-1])
        print(f"Datenbank und Redis bereit nach {time.monotonic() - started:.0f} s")
        a = AppServer(env, log=logs / "a.log")
        try:
            b = AppServer(env, log=logs / "b.log")
            try:
                print(f"Server A: Port {a.port}, Server B: Port {b.port}")
                run_checks(a, b, data, check)
            finally:
                b.stop()
        finally:
            a.stop()
    total = time.monotonic() - started
    if check.failed:
        for name in ("a", "b"):
            print(f"--- Protokoll von Server {name.upper()} (Ende)")
            print("\n".join((logs / f"{name}.log").read_text(errors="replace").splitlines()[-30:]))
    shutil.rmtree(logs, ignore_errors=True)
    if check.failed:
        print(f"FAIL: {check.failed} Prüfung(en) fehlgeschlagen ({total:.0f} s)")
        return 1
    print(f"PASS: alle Prüfungen bestanden ({total:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
