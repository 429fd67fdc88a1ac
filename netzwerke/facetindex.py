"""The facet index: the published networks and their facet values as bitsets.

Every app worker keeps one in memory and rebuilds it when the data version moves
(``facet_index()``). Bit *i* stands for the *i*-th published network in name
order, so one Python integer per facet value holds its networks, and filtering
and counting become ``&``, ``|`` and ``int.bit_count()``: at 20,000 networks the
list page's facets cost well under a millisecond of arithmetic instead of eight
GROUP BY queries over every membership (README, "Speed", has the measurements
and the alternative that lost).

The counts follow ``netzwerke.facets.compute_facets`` exactly (disjunctive
facets; the same rows go through the same ``_options``/``_finish``), which
stays as the reference implementation; tests compare the two on random data.
"""

import threading
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from netzwerke.dataversion import Version, data_version_read
from netzwerke.facets import (
    Facet,
    _finish,
    _options,
    criteria_facet,
    cross_border_facet,
    kreis_hint_facet,
    type_facet,
)
from netzwerke.languages import active_language, each_language
from netzwerke.models import District, Membership, Network, State
from netzwerke.vocabularies import ACTOR_TYPES, NETWORK_VOCABULARIES, VOCABULARIES


def _bitset(positions) -> int:
    """An integer with the bits at ``positions`` set."""
    positions = list(positions)
    if not positions:
        return 0
    bits = bytearray((max(positions) >> 3) + 1)
    for p in positions:
        bits[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(bits, "little")


def positions_of(bits: int) -> list[int]:
    """The set bits of ``bits``, lowest first (one pass over its binary digits)."""
    digits = bin(bits)[:1:-1]  # lowest bit first, without "0b"
    return [i for i, digit in enumerate(digits) if digit == "1"]


@dataclass
class FacetIndex:
    version: Version
    ids: list[int]  # position → network pk, in the list's name order
    all: int
    #: facet name → value key → bitset
    sets: dict[str, dict[str, int]] = field(default_factory=dict)
    #: language → facet name → value key → (label, detail): one index serves every
    #: language, so it carries the labels of each (``labels``: the active language's)
    labels_by_language: dict[str, dict[str, dict[str, tuple[str, str]]]] = field(
        default_factory=dict
    )
    criteria: int = 0
    #: the networks that also cover a region abroad
    cross_border: int = 0
    #: the demo networks, for the home page's notice
    demo: int = 0
    #: positions in the order of the other sort keys
    orders: dict[str, list[int]] = field(default_factory=dict)

    @property
    def labels(self) -> dict[str, dict[str, tuple[str, str]]]:
        """Facet name → value key → (label, detail) in the active language."""
        return self.labels_by_language.setdefault(active_language(), {})

    @property
    def position(self) -> dict[int, int]:
        if "_position" not in self.__dict__:
            self.__dict__["_position"] = {pk: i for i, pk in enumerate(self.ids)}
        return self.__dict__["_position"]

    def bits_for(self, pks) -> int:
        position = self.position
        return _bitset(position[pk] for pk in pks if pk in position)

    def union(self, name: str, keys) -> int:
        values = self.sets[name]
        result = 0
        for key in keys:
            result |= values.get(str(key), 0)
        return result

    def counts(self, name: str, *, within: int | None = None) -> dict[str, int]:
        """Networks per value of facet ``name`` (among ``within``), values without any left out."""
        within = self.all if within is None else within
        found = {key: (bits & within).bit_count() for key, bits in self.sets[name].items()}
        return {key: n for key, n in found.items() if n}

    def ordered(self, bits: int, sort: str, rank: dict[int, float] | None = None) -> list[int]:
        """The network pks of ``bits`` in the order of ``sort``."""
        if sort == "relevanz" and rank is not None:
            chosen = positions_of(bits)
            # as the database: rank descending (no rank last), then name, pk
            chosen.sort(key=lambda p: (rank.get(self.ids[p]) is None, -rank.get(self.ids[p], 0), p))
            return [self.ids[p] for p in chosen]
        if sort in self.orders:
            digits = bin(bits)[:1:-1]
            return [self.ids[p] for p in self.orders[sort] if p < len(digits) and digits[p] == "1"]
        return [self.ids[p] for p in positions_of(bits)]


def build_index() -> FacetIndex:
    """Read the published networks and their facet values (a fixed number of queries)."""
    # read first: the data below is then at least as new as the version it is filed under
    version = data_version_read()
    published = Network.objects.published()
    rows = list(
        published.with_partner_count()
        .order_by("name", "pk")
        .values_list("pk", "network_type", "published_at", "partner_count")
    )
    ids = [row[0] for row in rows]
    index = FacetIndex(version=version, ids=ids, all=(1 << len(ids)) - 1)
    position = index.position

    def grouped(pairs):
        groups: dict[str, list[int]] = {}
        for pk, key in pairs:
            if key is not None and pk in position:
                groups.setdefault(str(key), []).append(position[pk])
        return {key: _bitset(found) for key, found in groups.items()}

    through = Network.districts.through.objects.filter(network__status=Network.Status.PUBLISHED)
    pairs = list(through.values_list("network_id", "district_id", "district__state_id"))
    index.sets["kreis"] = grouped((pk, ags) for pk, ags, _state in pairs)
    index.sets["land"] = grouped((pk, state) for pk, _ags, state in pairs)
    for vocabulary in NETWORK_VOCABULARIES:
        model = Network._meta.get_field(vocabulary.field).remote_field.through
        index.sets[vocabulary.param] = grouped(
            model.objects.filter(network__status=Network.Status.PUBLISHED).values_list(
                "network_id", f"{vocabulary.through_column}__slug"
            )
        )
    index.sets["akteurstyp"] = grouped(
        Membership.objects.filter(network__status=Network.Status.PUBLISHED)
        .values_list("network_id", "actor__actor_type__slug")
        .distinct()
    )
    index.sets["typ"] = grouped((pk, network_type) for pk, network_type, _p, _c in rows)
    index.criteria = index.bits_for(published.meeting_criteria().values_list("pk", flat=True))
    index.demo = index.bits_for(published.demo().values_list("pk", flat=True))
    index.cross_border = index.bits_for(published.cross_border().values_list("pk", flat=True))

    def newest(i):
        published_at = rows[i][2]
        return (published_at is None, -published_at.timestamp() if published_at else 0, i)

    index.orders["neueste"] = sorted(range(len(rows)), key=newest)
    index.orders["partner"] = sorted(range(len(rows)), key=lambda i: (-rows[i][3], i))

    states = {code: (name, "") for code, name in State.objects.values_list("code", "name")}
    districts = {
        ags: (name, kind) for ags, name, kind in District.objects.values_list("ags", "name", "kind")
    }
    terms = {v.param: list(v.model.objects.all()) for v in VOCABULARIES}
    for _language in each_language():
        index.labels["land"] = states
        index.labels["kreis"] = districts
        for param, found in terms.items():
            index.labels[param] = {term.slug: (term.display_name, "") for term in found}
    return index


#: seconds a built index stays in the shared cache for the other workers
INDEX_CACHE_TIMEOUT = 3600
_lock = threading.RLock()  # the project index builds the facet index inside
#: kind → this process's current value (a FacetIndex, the project index, the similarity table)
_current: dict[str, object] = {}


def process_per_version(kind: str, version: Version, build):
    """This process's ``build()`` for ``version``: like ``dataversion.per_version``, plus a copy
    in memory.

    Any difference, not only a newer number, so that a restored older database is
    never answered from data of newer data. The value carries its ``version``; a
    value built by another worker (or app server) is shared through the cache.
    """
    value = _current.get(kind)
    if value is not None and value.version == version:
        return value
    with _lock:
        value = _current.get(kind)
        if value is None or value.version != version:
            key = f"{kind}:{version.number}:{version.changed_at.timestamp()}"
            value = cache.get(key)
            if value is None:
                value = build()
                cache.set(key, value, INDEX_CACHE_TIMEOUT)
            _current[kind] = value
        return value


def facet_index(version: Version) -> FacetIndex:
    """This process's index for data version ``version`` (rebuilt when it differs)."""
    return process_per_version("facetindex", version, build_index)


def facet_index_reset() -> None:
    """Forget every per-version value (tests roll the data version back with each transaction)."""
    _current.clear()


# -- the list page -------------------------------------------------------------------


@dataclass
class Result:
    facets: dict[str, Facet]
    total: int
    pks: list[int]  # the whole result, in the page's order


def search_result(filterset, index: FacetIndex, *, search=None) -> Result:
    """Facets, total and ordered result of a bound ``NetworkFilter`` from the index.

    ``search`` maps the pks matching ``q`` to their rank (``None`` without ``q``).
    """
    chosen = {}
    for name in ("land", "kreis", *(v.param for v in VOCABULARIES)):
        keys = [_key(name, obj) for obj in filterset.active(name)]
        if keys:
            chosen[name] = index.union(name, keys)
    types = filterset.active("typ")
    if types:
        chosen["typ"] = index.union("typ", types)
    if filterset.active("kriterien"):
        chosen["kriterien"] = index.criteria
    if filterset.active("grenzueberschreitend"):
        chosen["grenzueberschreitend"] = index.cross_border
    if search is not None:
        chosen["q"] = index.bits_for(search)

    without = narrowing(index.all, chosen)
    facets = []
    sel = {s.code: str(s) for s in filterset.active("land")}
    opts = _options(_rows(index, "land", without("land")), sel, key="key", label="label")
    facets.append(Facet("land", _("Bundesland"), _finish(opts, sel, by_count=False), top=16))

    sel = {str(d.ags): d.name for d in filterset.active("kreis")}
    if filterset.active("land") or sel:
        rows = _rows(index, "kreis", without("kreis"))
        opts = _options(rows, sel, key="key", label="label", detail="detail")
        facets.append(Facet("kreis", _("Kreis"), _finish(opts, sel)))
    else:
        facets.append(kreis_hint_facet())
    # the same labels as the facets in SQL (netzwerke.facets)
    for name, label in (
        *((v.param, v.label) for v in NETWORK_VOCABULARIES),
        (ACTOR_TYPES.param, _("Partner (Akteurstyp)")),
    ):
        sel = {str(obj.slug): str(obj) for obj in filterset.active(name)}
        opts = _options(_rows(index, name, without(name)), sel, key="key", label="label")
        facets.append(Facet(name, label, _finish(opts, sel)))

    base = without("typ")
    counts = {value: (bits & base).bit_count() for value, bits in index.sets["typ"].items()}
    facet, total = type_facet(counts, types)
    facets.append(facet)
    criteria_count = (without("kriterien") & index.criteria).bit_count()
    facets.append(criteria_facet(criteria_count, bool(filterset.active("kriterien"))))
    cross_border_count = (without("grenzueberschreitend") & index.cross_border).bit_count()
    facets.append(
        cross_border_facet(cross_border_count, bool(filterset.active("grenzueberschreitend")))
    )
    pks = index.ordered(without(None), filterset.sort_key, search)
    return Result({f.name: f for f in facets}, total, pks)


def narrowing(all_bits: int, chosen: dict[str, int]):
    """``without(name)``: the bits of ``chosen``'s filters but ``name``'s (``None``: all of them),
    for disjunctive facets."""

    def without(exclude):
        bits = all_bits
        for name, value in chosen.items():
            if name != exclude:
                bits &= value
        return bits

    return without


def _key(name, obj) -> str:
    if name == "land":
        return obj.code
    if name == "kreis":
        return obj.ags
    return obj.slug


def _rows(index: FacetIndex, name: str, base: int):
    labels = index.labels[name]
    rows = []
    for key, bits in index.sets[name].items():
        count = (bits & base).bit_count()
        if count:
            label, detail = labels.get(key, (key, ""))
            rows.append({"key": key, "label": label, "detail": detail, "n": count})
    return rows
