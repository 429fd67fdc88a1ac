"""The data version: one counter that changes with every write to public data.

Every cache of public data (the page cache, the facet index, the home map, the
statistics) keys on it, so a write makes them stale at once, on every app server:
the counter is a database row, bumped in the same transaction as the write, and
read once per request (one primary-key query).

How writes bump it (a deliberate split, see README "Speed"):

* Saves, deletes and many-to-many changes of the directory's models bump through
  ``post_save``/``post_delete``/``m2m_changed`` receivers (``connect_receivers``).
  This is infrastructure, not domain logic: the receiver does not look at the
  instance, so the admin, factories, the shell and every service are covered,
  including writes nobody thought of.
* Bulk writes send no signals (``bulk_create``, ``QuerySet.update``): the few code
  paths that use them (CSV import, ``generate_demo``, reference data, survey
  acceptance and historic import) call ``data_version_bump()`` themselves.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.cache import cache
from django.db import models, router
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SINGLETON = 1
_REQUEST_ATTR = "_data_version"


class DataVersion(models.Model):
    """The single row holding the version of the public data."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON)
    number = models.PositiveBigIntegerField(_("Version"), default=1)
    changed_at = models.DateTimeField(_("geändert am"), default=timezone.now)

    class Meta:
        app_label = "netzwerke"
        verbose_name = _("Datenstand")
        verbose_name_plural = _("Datenstände")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(id=SINGLETON), name="dataversion_singleton")
        ]

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime

    def __str__(self):
        return str(self.number)


_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def data_version_read() -> Version:
    """The current version, from the database (one query)."""
    row = DataVersion.objects.filter(pk=SINGLETON).values_list("number", "changed_at").first()
    if row is None:
        # a flushed database (TransactionTestCase) has no row until the next bump
        return Version(0, _EPOCH)
    return Version(*row)


def data_version(request=None) -> Version:
    """The version for ``request``: read once, then remembered on the request."""
    if request is None:
        return data_version_read()
    version = getattr(request, _REQUEST_ATTR, None)
    if version is None:
        version = data_version_read()
        setattr(request, _REQUEST_ATTR, version)
    return version


def per_version(request, name: str, compute, *, timeout: int = 3600):
    """``compute()``, kept in the cache until the data version moves."""
    version = data_version(request)
    key = f"{name}:{version.number}:{version.changed_at.timestamp()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def data_version_bump(*, using: str | None = None) -> None:
    """Move the version on, inside the caller's transaction.

    The UPDATE locks the row until the transaction ends, so two writers never
    produce the same number, and readers see the new number exactly when they
    see the new data.
    """
    using = using or router.db_for_write(DataVersion)
    now = timezone.now()
    updated = (
        DataVersion.objects.using(using)
        .filter(pk=SINGLETON)
        .update(number=F("number") + 1, changed_at=now)
    )
    if not updated:
        # the row is created by migration 0003; a flushed test database lacks it
        DataVersion.objects.using(using).get_or_create(
            pk=SINGLETON, defaults={"number": 1, "changed_at": now}
        )
        DataVersion.objects.using(using).filter(pk=SINGLETON).update(
            number=F("number") + 1, changed_at=now
        )


def _bump_receiver(sender, using=None, **kwargs):
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed fires before and after; the "post_" half is enough
    data_version_bump(using=using)


def connect_receivers(models_to_watch, *, deletes_only: bool = False) -> None:
    """Bump the version on every save, delete and m2m change of ``models_to_watch``
    (only on deletes with ``deletes_only``)."""
    for model in models_to_watch:
        uid = f"dataversion-{model._meta.label_lower}"
        post_delete.connect(_bump_receiver, sender=model, dispatch_uid=f"{uid}-delete")
        if deletes_only:
            continue
        post_save.connect(_bump_receiver, sender=model, dispatch_uid=f"{uid}-save")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                _bump_receiver, sender=through, dispatch_uid=f"{uid}-{field.name}-m2m"
            )
