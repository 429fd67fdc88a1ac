"""Disclosure control and rounding: which counts are hidden, and shares that add up."""

from __future__ import annotations

from netzwerke.languages import percent

MIN_GROUP = 5
"""Groups of fewer networks than this are never shown as counts or shares."""

SUPPRESSED = "< 5"
"""Shown instead of a count or share that concerns fewer than MIN_GROUP networks."""

SECONDARY = "x"
"""Shown instead of a larger count that is hidden so a "< 5" cannot be worked out."""


def disclosure_mask(
    counts, *, rows_add_up=False, columns_add_up=False, group_sizes=None, first_is_total=False
):
    """Which cells of a table of network counts must be hidden.

    ``counts`` is a list of rows of integers. A cell is hidden when it counts 1 to 4
    networks, and so is every cell of a row whose group (``group_sizes``) has fewer
    than MIN_GROUP networks. With ``first_is_total`` the first column is the row's own
    n: once it is hidden, the whole row is, since its shares would give it away.

    Where the cells of a row or a column add up to a figure that is published (the
    row's n, a total row), a single hidden cell could be worked out by subtraction, so
    the smallest visible cell of that line is hidden as well, until no line has
    exactly one hidden cell.
    """
    hidden = [[0 < c < MIN_GROUP for c in row] for row in counts]
    for i, size in enumerate(group_sizes or ()):
        if size < MIN_GROUP:
            hidden[i] = [True] * len(counts[i])
    lines = []
    if rows_add_up:
        lines += [[(i, j) for j in range(len(row))] for i, row in enumerate(counts)]
    if columns_add_up and counts:
        lines += [[(i, j) for i in range(len(counts))] for j in range(len(counts[0]))]
    changed = True
    while changed:
        changed = False
        if first_is_total:
            for row in hidden:
                if row and row[0] and not all(row):
                    row[:] = [True] * len(row)
                    changed = True
        for line in lines:
            visible = [(i, j) for i, j in line if not hidden[i][j]]
            if len(line) - len(visible) == 1 and visible:
                i, j = min(visible, key=lambda ij: (counts[ij[0]][ij[1]], ij))
                hidden[i][j] = True
                changed = True
    return hidden


def hidden_text(count):
    return SUPPRESSED if count < MIN_GROUP else SECONDARY


def largest_remainder(counts, total=None):
    """Whole percentages that add up to 100 (largest-remainder / Hare-Niemeyer method).

    Each share is first rounded down; the points still missing to 100 go to the
    shares with the largest remainders (ties: the larger count, then the earlier one).
    """
    total = sum(counts) if total is None else total
    if total <= 0:
        return [0] * len(counts)
    floors = [c * 100 // total for c in counts]
    remainders = [c * 100 % total for c in counts]
    missing = 100 - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], -counts[i], i))
    for i in order[:missing]:
        floors[i] += 1
    return floors


def rounded_percent(count, total):
    """A share rounded half up on its own, for answers where several may apply."""
    if total <= 0:
        return 0
    return (count * 200 + total) // (2 * total)


def percent_text(value):
    """The share as the active language writes it ("20 %", "20%")."""
    return percent(value)


def n_text(n):
    return SUPPRESSED if 0 < n < MIN_GROUP else str(n)
