"""``check --deploy`` warns when rate limits and lockouts would count per process."""

from django.conf import settings
from django.core.checks import Warning, register

W001 = "netzwerke.W001"


@register("security", deploy=True)
def shared_cache_check(app_configs=None, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend.endswith(("locmem.LocMemCache", "dummy.DummyCache")):
        return [
            Warning(
                "Der Cache ist nur im Speicher eines Prozesses: Rate-Limits und Login-Sperren "
                "zählen dann je Worker und halten nicht.",
                hint="REDIS_URL setzen, oder ohne REDIS_URL den Datenbank-Cache nutzen "
                "(Standard bei DEBUG=0; `manage.py createcachetable`).",
                id=W001,
            )
        ]
    return []
