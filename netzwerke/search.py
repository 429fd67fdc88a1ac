"""Full-text search over networks, behind ``Network.objects.search(q)``.

The network's own text (name, short description and topics, description) is indexed
by the database and kept current by triggers that migration 0009 creates, so every
write path (save, bulk import, demo generator, raw SQL) updates it:

- PostgreSQL: the stored ``tsvector`` column ``search_vector`` (config ``german``,
  weights A/B/C) with a GIN index; word forms through the German Snowball stemmer.
- SQLite: the FTS5 table ``netzwerke_network_fts`` with the ``unicode61`` tokenizer
  folding case and diacritics; word forms through prefix queries on a light stem.

On both, each word becomes a group of alternatives: its spellings with and without
umlauts ("Buendnis" / "Bündnis"), and for a compound with a known head its modifier
("Pflegekräfte" → "Pflege…"). Partner names and project texts match by substring.
This module imports no models; it takes the queryset it works on.
"""

import difflib
import re
import unicodedata

from django.db.models import F, FloatField, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

SEARCH_CONFIG = "german"
SEARCH_INDEX_NAME = "network_search_gin"
NAME_TRGM_INDEX_NAME = "network_name_trgm"
FTS_TABLE = "netzwerke_network_fts"
MAX_TERMS = 8

# letters and digits only: an underscore would be an empty phrase to FTS5
_WORD = re.compile(r"[^\W_]+")
_UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("ss", "ß"))
# Heads of German compounds in this domain: "Pflegekräfte" also finds "Pflege…".
COMPOUND_HEADS = (
    "fachkräfte",
    "fachkraft",
    "kräfte",
    "kraft",
    "netzwerke",
    "netzwerk",
    "bündnisse",
    "bündnis",
    "allianz",
    "verbund",
    "berufe",
    "beruf",
    "schulen",
    "schule",
    "betriebe",
    "betrieb",
    "unternehmen",
    "förderung",
    "ausbildung",
    "bildung",
    "plätze",
    "platz",
    "markt",
    "arbeit",
    "sicherung",
    "gewinnung",
    "projekt",
    "projekte",
)
# Endings a light stem drops for SQLite's prefix queries ("ausbilden" → "ausbild*").
_ENDINGS = ("ungen", "ung", "ern", "en", "er", "es", "e", "n", "s")
MIN_STEM = 4


def search_terms(q: str) -> list[str]:
    """The words of a query; punctuation is dropped, so the terms are safe in a tsquery."""
    return _WORD.findall(q or "")[:MAX_TERMS]


def fold(text: str) -> str:
    """Lower case without diacritics, as SQLite's tokenizer stores words: "Bündnis" → "bundnis"."""
    text = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def spellings(term: str) -> list[str]:
    """``term`` lower-cased, with umlauts written as umlauts and as transliterations."""
    term = term.lower()
    forms = {term}
    for plain, umlaut in _UMLAUTS:
        forms |= {f.replace(plain, umlaut) for f in forms} | {
            f.replace(umlaut, plain) for f in forms
        }
    return sorted(forms)


def compound_modifier(term: str) -> str:
    """The first part of a compound with a known head ("pflegekräfte" → "pflege"), or ""."""
    lowered = spellings(term)
    if any(form in COMPOUND_HEADS for form in lowered):
        return ""
    for head in COMPOUND_HEADS:
        for form in lowered:
            if form.endswith(head) and len(form) - len(head) > MIN_STEM:
                modifier = form[: -len(head)]
                # the linking s of "Ausbildungsplätze"
                if modifier.endswith("s") and len(modifier) > MIN_STEM:
                    modifier = modifier[:-1]
                return modifier
    return ""


def light_stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def term_alternatives(term: str) -> list[str]:
    """The spellings of ``term`` and of its compound modifier."""
    forms = spellings(term)
    modifier = compound_modifier(term)
    if modifier:
        forms += [m for m in spellings(modifier) if m not in forms]
    return forms


def fts5_query(q: str) -> str:
    """An FTS5 MATCH expression: every term as a group of quoted prefix alternatives."""
    groups = []
    for term in search_terms(q):
        alternatives = sorted({light_stem(fold(form)) for form in term_alternatives(term)})
        groups.append("(" + " OR ".join(f'"{a}"*' for a in alternatives) + ")")
    return " AND ".join(groups)


def tsquery(q: str) -> str:
    """A raw tsquery: every term as a group of prefix alternatives (stemmed by the config)."""
    groups = []
    for term in search_terms(q):
        alternatives = term_alternatives(term)
        groups.append("(" + " | ".join(f"{a}:*" for a in alternatives) + ")")
    return " & ".join(groups)


# -- querysets ------------------------------------------------------------------


def search_networks(qs, q: str):
    if not search_terms(q):
        return qs
    return qs.filter(search_condition(qs, q)).annotate(search_rank=search_rank(qs, q))


def search_condition(qs, q: str) -> Q:
    """The filter condition of a search for ``q`` (which must have terms)."""
    terms = search_terms(q)
    own_text = (
        _own_text_postgres(qs, q)
        if _is_postgres(qs)
        else Q(pk__in=RawSQL(_FTS_IDS, [fts5_query(q)]))
    )
    return own_text | _in_partners_or_projects(qs, terms)


def search_rank(qs, q: str):
    """An expression ranking ``qs``'s rows for ``q``: higher is better."""
    if _is_postgres(qs):
        from django.contrib.postgres.search import SearchQuery, SearchRank

        query = SearchQuery(tsquery(q), search_type="raw", config=SEARCH_CONFIG)
        return Coalesce(SearchRank(_vector_column(qs), query), 0.0, output_field=FloatField())
    table = qs.model._meta.db_table
    # bm25 is lower for better matches; the weights are name, short description,
    # topics, description. Partner and project hits have no row here: rank 0, last.
    bm25 = RawSQL(
        f"SELECT -bm25({FTS_TABLE}, 10.0, 4.0, 4.0, 1.0) FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH %s AND rowid = {table}.id",
        [fts5_query(q)],
        output_field=FloatField(),
    )
    return Coalesce(bm25, 0.0, output_field=FloatField())


_FTS_IDS = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"


def _is_postgres(qs) -> bool:
    from django.db import connections

    return connections[qs.db].vendor == "postgresql"


def _vector_column(qs):
    return F("search_vector")


def _own_text_postgres(qs, q):
    from django.contrib.postgres.search import SearchQuery

    query = SearchQuery(tsquery(q), search_type="raw", config=SEARCH_CONFIG)
    # a separate subquery, so that the planner answers it from the GIN index
    own_text = qs.model._base_manager.filter(search_vector=query).values("pk")
    # parts of words inside names ("bündnis" in "Fachkräftebündnis"), through the
    # trigram index on the name
    in_name = Q()
    for term in search_terms(q):
        in_name &= Q(name__icontains=term)
    return Q(pk__in=own_text) | Q(pk__in=qs.model._base_manager.filter(in_name).values("pk"))


def _in_partners_or_projects(qs, terms):
    """Every word in a partner's name, or every word in a project's title or description."""
    membership = qs.model.memberships.rel.related_model
    project = qs.model.projects.rel.related_model
    partners = Q()
    projects = Q()
    for term in terms:
        partners &= _any_case(term, lambda v: Q(actor__name__icontains=v))
        projects &= _any_case(term, lambda v: Q(title__icontains=v) | Q(description__icontains=v))
    # IN (subquery) rather than EXISTS: both databases compute it once, not per network
    return Q(pk__in=membership.objects.filter(partners).values("network_id")) | Q(
        pk__in=project.objects.filter(projects).values("network_id")
    )


def any_spelling(term, fields) -> Q:
    """``term`` (in any spelling) as a substring of one of ``fields``."""

    def condition(value):
        found = Q()
        for name in fields:
            found |= Q(**{f"{name}__icontains": value})
        return found

    return _any_case(term, condition)


def _any_case(term, condition):
    """``condition`` for each spelling of ``term`` (umlauts and their transliterations).

    ``icontains`` folds ASCII case on both databases (PostgreSQL's ``UPPER`` folds umlauts
    too), so the lower-case spellings suffice, except for a capital umlaut at the start
    of a word, which SQLite's LIKE does not fold ("Übergang").
    """
    forms = set(spellings(term))
    forms |= {f.capitalize() for f in forms if not f[:1].isascii()}
    result = Q()
    for form in sorted(forms):
        result |= condition(form)
    return result


# -- "Meinten Sie …?" ---------------------------------------------------------------

SUGGESTION_CUTOFF = 0.75


def suggest(q: str, words) -> str:
    """``q`` with each word replaced by the closest of ``words``, or "" when nothing is close.

    ``words`` come from network names and vocabulary terms; the comparison ignores
    case and umlaut spellings.
    """
    from netzwerke.places import fold as transliterate

    by_fold = {}
    for word in words:
        by_fold.setdefault(transliterate(word), word)
    corrected = []
    changed = False
    for term in search_terms(q):
        key = transliterate(term)
        close = difflib.get_close_matches(key, list(by_fold), n=1, cutoff=SUGGESTION_CUTOFF)
        if close and close[0] != key:
            corrected.append(by_fold[close[0]])
            changed = True
        else:
            corrected.append(term)
    return " ".join(corrected) if changed else ""


def suggestion_words(names) -> set[str]:
    """The words (four letters or more) of ``names``, the raw material of ``suggest``."""
    return {w for name in names for w in _WORD.findall(name) if len(w) >= MIN_STEM}


def did_you_mean(q: str, name_querysets) -> str:
    """A corrected query from the names in ``name_querysets`` (networks, vocabularies).

    PostgreSQL narrows each queryset to the names most similar by trigrams (pg_trgm's
    word similarity, on the name's index); SQLite reads the names, which it only has
    to when a search found nothing.
    """
    terms = search_terms(q)
    if not terms:
        return ""
    names = []
    for qs in name_querysets:
        if _is_postgres(qs):
            from django.contrib.postgres.search import TrigramWordSimilarity

            similar = Q()
            for i in range(len(terms)):
                similar |= Q(**{f"sim_{i}__gt": SIMILARITY})
            qs = qs.annotate(
                **{f"sim_{i}": TrigramWordSimilarity(term, "name") for i, term in enumerate(terms)}
            ).filter(similar)
            names += qs.values_list("name", flat=True)[:NAMES_PER_SOURCE]
        else:
            names += qs.values_list("name", flat=True)
    return suggest(q, suggestion_words(names))


SIMILARITY = 0.3
NAMES_PER_SOURCE = 50
