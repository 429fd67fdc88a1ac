"""Full-text search over networks, behind ``Network.objects.search(q)``.

PostgreSQL: German full-text search (config ``german``) with prefix matching and
ranking over the network's own text, indexed by a GIN expression index
(migration 0002, which holds a frozen copy of ``network_vector()``; a test keeps the
two equal, so the query and the index share one expression). Partner names and
projects match by case-insensitive substring (every word), which stays fast without
an index of their own. The module imports no models: it reaches partners and projects
through the relations of the queryset it is given.

Elsewhere (SQLite): a case-insensitive substring match over the same texts;
every word must occur somewhere.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import Case, Exists, FloatField, OuterRef, Q, Value, When

SEARCH_CONFIG = "german"
SEARCH_INDEX_NAME = "network_fulltext_gin"
MAX_TERMS = 8

_WORD = re.compile(r"\w+")


def search_terms(q: str) -> list[str]:
    """The words of a query; punctuation is dropped, so the terms are safe in a tsquery."""
    return _WORD.findall(q or "")[:MAX_TERMS]


def network_vector():
    """The weighted tsvector of a network's own text (PostgreSQL only)."""
    return (
        SearchVector("name", weight="A", config=SEARCH_CONFIG)
        + SearchVector("short_description", "topics", weight="B", config=SEARCH_CONFIG)
        + SearchVector("description", weight="C", config=SEARCH_CONFIG)
    )


def search_networks(qs, q: str):
    if not search_terms(q):
        return qs
    return qs.filter(search_condition(qs, q)).annotate(search_rank=search_rank(qs, q))


def search_condition(qs, q: str) -> Q:
    """The filter condition of a search for ``q`` (which must have terms)."""
    terms = search_terms(q)
    if _is_postgres(qs):
        return _condition_postgres(qs, terms)
    return _condition_fallback(qs, terms)


def search_rank(qs, q: str):
    """An expression ranking ``qs``'s rows for ``q``: higher is better."""
    terms = search_terms(q)
    if _is_postgres(qs):
        return SearchRank(network_vector(), _tsquery(terms))
    name_hits = Q()
    for term in terms:
        name_hits &= Q(name__icontains=term)
    return Case(
        When(name__icontains=q.strip(), then=Value(1.0)),
        When(name_hits, then=Value(0.5)),
        default=Value(0.1),
        output_field=FloatField(),
    )


def _is_postgres(qs) -> bool:
    return connections[qs.db].vendor == "postgresql"


def _tsquery(terms):
    return SearchQuery(
        " & ".join(f"{term}:*" for term in terms), search_type="raw", config=SEARCH_CONFIG
    )


def _related(qs, name):
    """The model behind the reverse relation ``name`` of ``qs``'s model (Membership,
    Project): reached through the queryset, so this module imports no models."""
    return qs.model._meta.get_field(name).related_model


def _condition_postgres(qs, terms):
    Membership, Project = _related(qs, "memberships"), _related(qs, "projects")
    query = _tsquery(terms)
    # Partners and projects by substring: computing their tsvectors at query time cost
    # seconds at a few thousand networks, and partner names are proper nouns anyway.
    partners = Q()
    projects = Q()
    # German compounds ("Fachkräftebündnis") hide their parts from the stemmer;
    # a plain substring match on the name finds them anyway
    in_name = Q()
    for term in terms:
        partners &= Q(actor__name__icontains=term)
        projects &= Q(title__icontains=term) | Q(description__icontains=term)
        in_name &= Q(name__icontains=term)
    # a separate subquery, so that the planner can answer it from the GIN index
    own_text = qs.model._base_manager.annotate(search_vector=network_vector()).filter(
        search_vector=query
    )
    return (
        Q(pk__in=own_text.values("pk"))
        | in_name
        | Q(pk__in=Membership.objects.filter(partners).values("network_id"))
        | Q(pk__in=Project.objects.filter(projects).values("network_id"))
    )


def _variants(term: str) -> set[str]:
    # SQLite's LIKE folds case for ASCII only; cover the usual spellings of umlauts.
    if term.isascii():
        return {term}
    return {term, term.lower(), term.capitalize(), term.upper()}


def _condition_fallback(qs, terms):
    Membership, Project = _related(qs, "memberships"), _related(qs, "projects")
    condition = Q()
    for term in terms:
        any_field = Q()
        for variant in _variants(term):
            any_field |= (
                Q(name__icontains=variant)
                | Q(short_description__icontains=variant)
                | Q(description__icontains=variant)
                | Q(topics__icontains=variant)
                | Exists(
                    Membership.objects.filter(
                        network=OuterRef("pk"), actor__name__icontains=variant
                    )
                )
                | Exists(
                    Project.objects.filter(network=OuterRef("pk")).filter(
                        Q(title__icontains=variant) | Q(description__icontains=variant)
                    )
                )
            )
        condition &= any_field
    return condition
