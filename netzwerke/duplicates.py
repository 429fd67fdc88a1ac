"""Possible duplicates: a network whose name is very like one already in the region.

PostgreSQL compares names by trigram similarity (pg_trgm, migration 0005); SQLite,
which has no such function, compares normalised names in Python: lower case, umlauts
spelt out, punctuation and the words every network name shares dropped, then a
sequence ratio. Both look only at networks sharing a Kreis when Kreise are known.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from django.db import connection

from netzwerke.models import Network

TRIGRAM_THRESHOLD = 0.6
RATIO_THRESHOLD = 0.85
LIMIT = 5
# words that make two names look alike without saying they are the same network
GENERIC = {
    "fachkraeftenetzwerk", "fachkraeftebuendnis", "fachkraefteallianz", "netzwerk",
    "buendnis", "allianz", "fuer", "fachkraefte", "qualifizierungsverbund",
    "qualifizierungsverbuende", "der", "die", "das", "und", "im", "in", "e", "v",
    "landkreis", "kreis", "region", "stadt",
}  # fmt: skip
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def normalised_name(name: str) -> str:
    words = re.findall(r"\w+", name.casefold().translate(_UMLAUTS))
    return " ".join(w for w in words if w not in GENERIC)


def _ratio(a: str, b: str) -> float:
    # compared without spaces, so "O.W.L." meets "OWL"
    a, b = normalised_name(a).replace(" ", ""), normalised_name(b).replace(" ", "")
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b).ratio()


def possible_duplicates(
    *, name: str, district_ids=(), exclude_pk=None, queryset=None
) -> list[Network]:
    """Networks (of ``queryset``, default all) named very like ``name`` in a region
    overlapping ``district_ids`` (anywhere, when no Kreise are given); most similar first."""
    name = (name or "").strip()
    if not name:
        return []
    candidates = Network.objects.all() if queryset is None else queryset
    district_ids = list(district_ids)
    if district_ids:
        candidates = candidates.filter(districts__in=district_ids).distinct()
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            candidates.annotate(similarity=TrigramSimilarity("name", name))
            .filter(similarity__gte=TRIGRAM_THRESHOLD)
            .order_by("-similarity", "name")[:LIMIT]
        )
    scored = [(_ratio(name, n.name), n) for n in candidates.only("pk", "name", "slug", "status")]
    scored = [(ratio, n) for ratio, n in scored if ratio >= RATIO_THRESHOLD]
    scored.sort(key=lambda pair: (-pair[0], pair[1].name))
    return [n for _ratio, n in scored[:LIMIT]]
