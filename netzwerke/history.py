"""Many-to-many snapshots for history records written in bulk.

django-simple-history records a network's Kreise and vocabularies with each history
record it writes itself (``m2m_fields``), but not for the records that
``bulk_create_with_history`` and ``bulk_update_with_history`` write, as the CSV import
does. This fills them in, so an import's change of Kreise is in the history too.
"""

from django.apps import apps

from netzwerke.models import Network

CHUNK = 900


def history_m2m_snapshot(*, network_ids, history_date) -> int:
    """Copy the current Kreise and vocabularies into the history records of
    ``network_ids`` written at ``history_date``; returns the rows written."""
    history = Network.history.model
    records = []
    ids = list(network_ids)
    for start in range(0, len(ids), CHUNK):
        records += history.objects.filter(
            id__in=ids[start : start + CHUNK], history_date=history_date
        ).values_list("history_id", "id")
    written = 0
    for field in history._history_m2m_fields:
        snapshot = apps.get_model("netzwerke", f"HistoricalNetwork_{field.name}")
        through = field.remote_field.through
        target = field.m2m_reverse_field_name() + "_id"
        current: dict[int, list] = {}
        for start in range(0, len(ids), CHUNK):
            for row_id, network_id, value in through.objects.filter(
                network_id__in=ids[start : start + CHUNK]
            ).values_list("id", "network_id", target):
                current.setdefault(network_id, []).append((row_id, value))
        rows = [
            snapshot(id=row_id, history_id=history_id, network_id=network_id, **{target: value})
            for history_id, network_id in records
            for row_id, value in current.get(network_id, [])
        ]
        snapshot.objects.bulk_create(rows, batch_size=2000)
        written += len(rows)
    return written
