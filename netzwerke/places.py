"""The place search: from what a visitor types to the Kreise they mean.

Every name is compared by its *key*: lower case, umlauts and ß written out (so
"Gütersloh" and "Guetersloh" meet), other accents dropped, punctuation as spaces,
the abbreviations of official names spelled out ("a.d." → "an der") and the small
words between name and qualifier left out, so that "Frankfurt (Oder)",
"Frankfurt/Oder" and "Frankfurt an der Oder" share one key.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import F, Q

TRANSLITERATION = str.maketrans({"ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue"})
_TOKEN = re.compile(r"[a-z0-9]+")
# abbreviations in official names: "Pfaffenhofen a.d.Ilm", "Weiden i.d.OPf.", "St. Wendel"
_ABBREVIATIONS = {"st": "sankt", "opf": "oberpfalz"}
# small words that people add or leave out: "Frankfurt (an der) Oder", "Halle (Saale)"
SMALL_WORDS = frozenset(
    ("a", "an", "am", "auf", "b", "bei", "d", "der", "den", "dem", "die")
    + ("i", "im", "in", "ob", "v", "vor")
)
# prefixes that say which kind of place is meant; "kreisfreie stadt" before "stadt"
DISTRICT_PREFIXES = ("landkreis", "kreis", "lk", "lkr", "lkrs")
CITY_PREFIXES = ("kreisfreie stadt", "stadtkreis", "stadt", "hansestadt", "universitaetsstadt")
REGION_PREFIXES = ("region",)
PLZ = re.compile(r"(?:d\s*-?\s*)?(\d{5})", re.IGNORECASE)
MAX_CANDIDATES = 12


def fold(text: str) -> str:
    """Lower case with umlauts written out and other accents dropped: "Gütersloh" → "guetersloh"."""
    text = unicodedata.normalize("NFKC", text or "").lower().translate(TRANSLITERATION)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def place_key(text: str) -> str:
    """The comparable form of a place name (see the module docstring)."""
    tokens = [_ABBREVIATIONS.get(t, t) for t in _TOKEN.findall(fold(text))]
    kept = [t for i, t in enumerate(tokens) if i == 0 or t not in SMALL_WORDS]
    return " ".join(kept)


@dataclass(frozen=True)
class PlaceQuery:
    """What a search box input asks for, after normalisation."""

    text: str
    key: str = ""
    plz: str = ""
    # "district" (Landkreis, Kreis …), "city" (Stadt, kreisfreie Stadt …), "region" or ""
    kind: str = ""
    # the key without the prefix, or "" when there was none
    bare_key: str = ""


def parse_place(text: str) -> PlaceQuery:
    text = " ".join((text or "").split())
    plz = PLZ.fullmatch(text)
    if plz:
        return PlaceQuery(text=text, plz=plz.group(1))
    key = place_key(text)
    for kind, prefixes in (
        ("district", DISTRICT_PREFIXES),
        ("city", CITY_PREFIXES),
        ("region", REGION_PREFIXES),
    ):
        for prefix in prefixes:
            if key.startswith(prefix + " "):
                return PlaceQuery(text=text, key=key, kind=kind, bare_key=key[len(prefix) + 1 :])
    return PlaceQuery(text=text, key=key)


@dataclass
class Candidate:
    """One of several places a name may mean ("Welches Frankfurt?")."""

    name: str
    district: object
    population: int | None
    # the Kreis itself (a kreisfreie Stadt or Landkreis of that name) rather than a place in it
    is_district: bool = False

    @property
    def label(self):
        kind = self.district.kind
        if self.is_district and kind in ("Landkreis", "Kreis"):
            return f"{kind} {self.name}"
        return self.name


@dataclass
class PlaceMatch:
    """The answer of the place search.

    ``districts`` are the Kreise to show networks for; ``candidates`` is set instead
    when a name means places in different Kreise and the visitor has to choose.
    """

    query: PlaceQuery
    districts: list = field(default_factory=list)
    candidates: list = field(default_factory=list)
    region: object = None
    place_name: str = ""

    @property
    def ambiguous(self):
        return bool(self.candidates)

    @property
    def found(self):
        return bool(self.districts or self.candidates)


def find_place(text: str, *, ags: str = "") -> PlaceMatch:
    """The Kreise a visitor means by ``text``; ``ags`` picks one of several candidates."""
    from netzwerke.models import District

    query = parse_place(text)
    districts = District.objects.select_related("state")
    if query.plz:
        found = list(districts.for_postal_code(query.plz).order_by("name"))
        return PlaceMatch(query=query, districts=found)
    if not query.key:
        return PlaceMatch(query=query)

    region = _region(query)
    if region is not None:
        return PlaceMatch(
            query=query,
            region=region,
            districts=list(region.districts.select_related("state").order_by("name")),
        )

    candidates = _candidates(query)
    if ags:
        candidates = [c for c in candidates if c.district.ags == ags]
    by_district = {}
    for candidate in candidates:
        by_district.setdefault(candidate.district.ags, candidate)
    if len(by_district) == 1:
        candidate = next(iter(by_district.values()))
        return PlaceMatch(query=query, districts=[candidate.district], place_name=candidate.name)
    if by_district:
        ranked = sorted(
            by_district.values(),
            key=lambda c: (-(c.population or 0), c.name, c.district.name),
        )
        return PlaceMatch(query=query, candidates=ranked[:MAX_CANDIDATES])
    # the beginning of a Kreis name ("Güters") still finds it
    beginning = query.bare_key or query.key
    if len(beginning) >= 3:
        found = list(districts.filter(search_key__startswith=beginning).order_by("name")[:20])
        return PlaceMatch(query=query, districts=found)
    return PlaceMatch(query=query)


def _region(query):
    from netzwerke.models import Region

    keys = [query.key] + ([query.bare_key] if query.kind == "region" else [])
    condition = Q()
    for key in keys:
        condition |= Q(search_keys__contains=f"|{key}|")
    return Region.objects.filter(condition).order_by("name").first()


def _candidates(query):
    """Kreise and places whose key is the query's, or begins with it as a whole word."""
    from netzwerke.models import District, Place

    keys = [query.key] + ([query.bare_key] if query.bare_key else [])
    district_q = Q(search_key__in=keys)
    if query.kind == "district":
        district_q &= Q(kind__in=["Landkreis", "Kreis", "Regionalverband"])
    elif query.kind == "city":
        district_q &= Q(kind__in=["Kreisfreie Stadt", "Stadtkreis"])
    candidates = [
        Candidate(name=d.name, district=d, population=d.population, is_district=True)
        for d in District.objects.filter(district_q).select_related("state")
    ]
    if candidates and query.kind == "district":
        return candidates
    place_q = Q()
    for key in keys:
        # a range on the indexed key instead of LIKE, which SQLite would not index
        place_q |= Q(key=key) | Q(key__gt=key + " ", key__lt=key + "!")
    places = (
        Place.objects.filter(place_q)
        .select_related("district__state")
        .order_by(F("population").desc(nulls_last=True), "name")[:200]
    )
    known = {c.district.ags for c in candidates}
    for place in places:
        # "Stadt Göttingen" is the town in the Landkreis; skip the Kreis's own places
        if place.district_id in known:
            continue
        # a Kreis of exactly this name outweighs "Wolfsburg-Unkeroda"
        if candidates and place.key not in keys:
            continue
        known.add(place.district_id)
        candidates.append(
            Candidate(name=place.name, district=place.district, population=place.population)
        )
    return candidates


# -- networks for the places found -------------------------------------------------

NEARBY_LIMIT = 20
FALLBACK_LIMIT = 20
# Cards per Kreis on the home page; the rest is one link to the filtered list, so the
# answer costs the same for a Kreis with 3 networks as for one with 300.
GROUP_LIMIT = 10


@dataclass
class DistrictGroup:
    """The networks of one Kreis; ``district`` is None for networks covering several.

    ``networks`` are the first ``GROUP_LIMIT`` by name, ``total`` counts them all.
    """

    district: object
    networks: list
    total: int = 0
    # the query string of the whole group in the network list
    list_query: str = ""

    @property
    def more(self) -> int:
        return self.total - len(self.networks)


def district_groups(districts, networks, *, index, limit=GROUP_LIMIT):
    """The published ``networks`` covering ``districts``, grouped by Kreis, from ``index``.

    With several Kreise, a network covering more than one of them forms a group of
    its own ("in mehreren dieser Kreise") instead of repeating in each. The groups
    come from the facet index's bitsets; only the networks shown are read, in one query.
    """
    return _load_groups(
        _parts(districts, index), networks, index=index, limit=limit, around=districts
    )


def _parts(districts, index):
    """(Kreis or None, bits) per group: the networks of several Kreise first, then each Kreis."""
    sets = [index.sets["kreis"].get(d.ags, 0) for d in districts]
    seen = shared = 0
    for bits in sets:
        shared |= seen & bits
        seen |= bits
    parts = [(d, bits & ~shared) for d, bits in zip(districts, sets, strict=True)]
    return [(None, shared), *parts] if shared else parts


def _load_groups(parts, networks, *, index, limit, around):
    shown = [(district, bits, index.ordered(bits, "name")[:limit]) for district, bits in parts]
    found = networks.in_bulk([pk for _d, _b, pks in shown for pk in pks])
    everywhere = "&".join(f"kreis={d.ags}" for d in around)
    return [
        DistrictGroup(
            district=district,
            networks=[found[pk] for pk in pks if pk in found],
            total=bits.bit_count(),
            list_query=f"kreis={district.ags}" if district else everywhere,
        )
        for district, bits, pks in shown
    ]


def nearby_groups(districts, networks, *, index):
    """Networks of the Kreise bordering ``districts``, each network once, by neighbour."""
    from netzwerke.models import District
    from netzwerke.placedata import neighbours

    own = {d.ags for d in districts}
    around = sorted({n for d in districts for n in neighbours().get(d.ags, [])} - own)
    if not around:
        return []
    bordering = list(
        District.objects.filter(ags__in=around).select_related("state").order_by("name")
    )
    parts = [(d, bits) for d, bits in _parts(bordering, index) if bits]
    return _load_groups(
        parts[:NEARBY_LIMIT], networks, index=index, limit=GROUP_LIMIT, around=bordering
    )


def place_result(text, *, ags="", networks, index):
    """Everything the home page shows for a place search; ``networks`` are the public ones,
    ``index`` the facet index of the same networks."""
    from netzwerke.models import District

    match = District.objects.find(text, ags=ags)
    result = {"place_match": match}
    if match.ambiguous:
        return result
    if not match.found:
        from netzwerke.search import search_terms

        hits = networks.search(text).order_by("-search_rank", "name") if search_terms(text) else []
        result["fallback_networks"] = list(hits[:FALLBACK_LIMIT])
        return result
    groups = district_groups(match.districts, networks, index=index)
    total = sum(g.total for g in groups)
    result.update(place_groups=groups, place_total=total)
    if not total:
        result["nearby_groups"] = nearby_groups(match.districts, networks, index=index)
        result["nearby_states"] = list({d.state_id: d.state for d in match.districts}.values())
    return result
