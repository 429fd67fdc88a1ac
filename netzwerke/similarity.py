"""How similar two networks' focus is: the one definition, used by the profile's
"Netzwerke mit ähnlichem Schwerpunkt in der Region" and "Von anderen lernen".

**Definition.** A network's focus is the set of its Handlungsfelder, Zielgruppen and
Branchen (each item tagged with its kind, so a field and a group never coincide).
The similarity of two networks A and B is the Jaccard index of their focus sets,

    similarity(A, B) = |focus(A) ∩ focus(B)| / |focus(A) ∪ focus(B)|

between 0 (nothing shared) and 1 (the same focus). Two networks are *in the same
region* when they share at least one Kreis. "Ähnlicher Schwerpunkt in der Region":
networks in the same region with similarity > 0, most similar first. "Von anderen
lernen": networks in none of the network's Länder, most similar first.

The focus sets and Kreise come from the facet index (``netzwerke.facetindex``): one
table per data version, built from its bitsets without a query and kept like the
index itself, so a profile's lists cost one query (reading the networks shown).
"""

from dataclasses import dataclass, field

from netzwerke.dataversion import Version
from netzwerke.facetindex import FacetIndex, facet_index, positions_of, process_per_version

#: the kinds of items a focus is made of, as facet names of the index
FOCUS_FACETS = ("handlungsfeld", "zielgruppe", "branche")
#: networks per list on the profile
PEER_LIMIT = 5


def jaccard(a: frozenset, b: frozenset) -> float:
    """|a ∩ b| / |a ∪ b|; 0 when both are empty."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@dataclass
class FocusTable:
    version: Version
    #: position in the facet index → frozenset of (facet, key)
    focus: list[frozenset] = field(default_factory=list)


def build_focus_table(index: FacetIndex) -> FocusTable:
    focus: list[set] = [set() for _ in index.ids]
    for name in FOCUS_FACETS:
        for key, bits in index.sets[name].items():
            for p in positions_of(bits):
                focus[p].add((name, key))
    return FocusTable(version=index.version, focus=[frozenset(f) for f in focus])


def focus_table(version: Version) -> FocusTable:
    index = facet_index(version)
    return process_per_version("focustable", version, lambda: build_focus_table(index))


@dataclass
class Peer:
    pk: int
    similarity: float
    shared: list[str]  # the shared items' names, fields first
    network: object = None  # set by the view


def peers(version: Version, network_pk: int, *, regional: bool, limit=PEER_LIMIT) -> list[Peer]:
    """The networks most similar to ``network_pk``: sharing a Kreis with it (``regional``),
    or in none of its Länder; ties by name. No query once the index is built."""
    index = facet_index(version)
    table = focus_table(version)
    me = index.position.get(network_pk)
    if me is None:
        return []
    mine = table.focus[me]
    candidates = 0
    for name, key in mine:
        candidates |= index.sets[name].get(key, 0)
    bit = 1 << me
    if regional:
        area = 0
        for bits in index.sets["kreis"].values():
            if bits & bit:
                area |= bits
        candidates &= area
    else:
        for bits in index.sets["land"].values():
            if bits & bit:
                candidates &= ~bits
    candidates &= ~bit
    scored = [(jaccard(mine, table.focus[p]), p) for p in positions_of(candidates)]
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [
        Peer(
            pk=index.ids[p],
            similarity=score,
            shared=[
                label
                for _order, label in sorted(
                    (FOCUS_FACETS.index(name), index.labels[name].get(key, (key, ""))[0])
                    for name, key in mine & table.focus[p]
                )
            ],
        )
        for score, p in scored[:limit]
        if score > 0
    ]
