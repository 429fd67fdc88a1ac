"""Where networks overlap and where nobody works: the Kreis matrix, the ranking of Kreise
and the white spots per Handlungsfeld, all from the facet index's bitsets (no query).

"Ähnlicher Schwerpunkt": two networks covering the same Kreis that share at least
``PAIR_FIELDS`` Handlungsfelder and at least one Zielgruppe.

The white spots come as one small map per Handlungsfeld (``white_spot_maps``): the Kreis
outlines are drawn once per page and each map only colours references to them.
"""

from dataclasses import dataclass

from netzwerke import geometry, maps
from netzwerke.facetindex import FacetIndex
from netzwerke.similarity import FocusTable

PAIR_FIELDS = 2


@dataclass
class MatrixRow:
    label: str
    cells: list[bool]
    count: int


def _label(index, name, key):
    return index.labels[name].get(key, (key, ""))[0]


def matrix(index: FacetIndex, networks, name: str) -> list[MatrixRow]:
    """Rows of facet ``name`` (handlungsfeld or zielgruppe) × ``networks`` (columns),
    only rows with at least one network, most networks first."""
    positions = [index.position[n.pk] for n in networks]
    rows = []
    for key, bits in index.sets[name].items():
        cells = [bool(bits >> p & 1) for p in positions]
        if any(cells):
            rows.append(MatrixRow(_label(index, name, key), cells, sum(cells)))
    rows.sort(key=lambda r: (-r.count, r.label.casefold()))
    return rows


@dataclass
class Pair:
    a: object
    b: object
    fields: list[str]
    groups: list[str]


def similar_pairs(index: FacetIndex, table: FocusTable, networks) -> list[Pair]:
    """The pairs of ``networks`` sharing ≥ ``PAIR_FIELDS`` Handlungsfelder and ≥ 1 Zielgruppe."""
    pairs = []
    for i, a in enumerate(networks):
        for b in networks[i + 1 :]:
            shared = table.focus[index.position[a.pk]] & table.focus[index.position[b.pk]]
            fields = sorted(_label(index, n, k) for n, k in shared if n == "handlungsfeld")
            groups = sorted(_label(index, n, k) for n, k in shared if n == "zielgruppe")
            if len(fields) >= PAIR_FIELDS and groups:
                pairs.append(Pair(a, b, fields, groups))
    return pairs


@dataclass
class DistrictOverlap:
    ags: str
    name: str
    networks: int
    overlap: int  # the most networks working on one Handlungsfeld here
    field: str  # that Handlungsfeld


def ranking(index: FacetIndex, districts) -> list[DistrictOverlap]:
    """``districts`` ((ags, name) pairs) with at least two networks on one Handlungsfeld,
    most overlap first."""
    found = []
    for ags, name in districts:
        covered = index.sets["kreis"].get(ags, 0)
        if not covered:
            continue
        best, field = 0, ""
        for key, bits in index.sets["handlungsfeld"].items():
            n = (covered & bits).bit_count()
            label = _label(index, "handlungsfeld", key)
            if n > best or (n == best and label < field):
                best, field = n, label
        if best >= 2:
            found.append(DistrictOverlap(ags, name, covered.bit_count(), best, field))
    found.sort(key=lambda d: (-d.overlap, -d.networks, d.name))
    return found


def white_spots(index: FacetIndex, districts, field_key: str) -> tuple[dict[str, int], list]:
    """Networks working on Handlungsfeld ``field_key`` per Kreis, and the ``districts``
    where none does."""
    bits = index.sets["handlungsfeld"].get(field_key, 0)
    counts = {}
    for ags, covered in index.sets["kreis"].items():
        n = (covered & bits).bit_count()
        if n:
            counts[ags] = n
    return counts, [(ags, name) for ags, name in districts if not counts.get(ags)]


@dataclass
class FieldSpots:
    """One Handlungsfeld's small map: its white spots and each Kreis's colour step."""

    key: str
    label: str
    spots: list  # (ags, name) of the Kreise in scope without a network on the field
    covered: int  # Kreise in scope with at least one network on the field
    # (css class, [ags, …]): every Kreis of Germany by colour step, one group each on
    # the map, so a Kreis costs a bare <use> (the page weighs half as much)
    steps: list


def white_spot_maps(index: FacetIndex, districts, fields) -> tuple[list[FieldSpots], list]:
    """Every Handlungsfeld of ``fields`` ((key, label) pairs) as a small map of Germany's
    Kreise and its white spots among ``districts``, and the legend they share: one
    scale for all, so the maps can be compared at a glance."""
    counts = {key: white_spots(index, districts, key) for key, _label in fields}
    bounds = maps.step_bounds(
        max((n for per_kreis, _s in counts.values() for n in per_kreis.values()), default=0)
    )
    in_scope = {ags for ags, _name in districts}
    codes = sorted(geometry.outlines("kreis"))
    result = []
    for key, label in fields:
        per_kreis, spots = counts[key]
        by_step = {}
        for ags in codes:
            by_step.setdefault(maps.step_for(per_kreis.get(ags, 0), bounds), []).append(ags)
        steps = [(f"nw-map__step-{step}", by_step[step]) for step in sorted(by_step)]
        covered = sum(1 for ags in per_kreis if ags in in_scope)
        result.append(FieldSpots(key, label, spots, covered, steps))
    return result, maps.legend(bounds)


def kreis_outlines() -> list[tuple[str, str]]:
    """(ags, path data) of every Kreis, drawn once per page and referenced by each small
    map (``<use href="#k-…">``): eight full maps would weigh 95 KB each."""
    return [(ags, geometry.path_data("kreis", ags)) for ags in sorted(geometry.outlines("kreis"))]
