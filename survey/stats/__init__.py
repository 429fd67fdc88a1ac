"""Figures for /statistik/: aggregates computed in the database, with disclosure control.

Every figure is a ``Table`` of display strings. The HTML table, the chart's labels and
the CSV download are all made from the same ``Table``, so they cannot disagree, and
the "< 5" of the disclosure control is decided in one place (``disclosure_mask``).

Each builder runs a fixed number of queries (conditional aggregation or
``values().annotate(Count)``), whatever the number of responses.

- ``disclosure``: hiding small counts, rounding shares
- ``tables``: ``Table`` and the distribution and three-way-split builders
- ``queries``: the request's filters and the shared queries over accepted submissions
- ``wave``: all figures of one wave;  ``trend``: the topics across waves
- ``directory``: figures of the published directory rather than of a wave
"""

from survey.stats.directory import DIRECTORY_TABLES, directory_tables
from survey.stats.disclosure import (
    MIN_GROUP,
    SECONDARY,
    SUPPRESSED,
    disclosure_mask,
    hidden_text,
    largest_remainder,
    n_text,
    percent_text,
    rounded_percent,
)
from survey.stats.queries import Filters, accepted_submissions, type_label, waves_with_counts
from survey.stats.tables import RATINGS, Row, Table
from survey.stats.trend import trend_table
from survey.stats.wave import (
    CRITERIA,
    DISTRIBUTIONS,
    FOUNDING_PERIODS,
    WaveStatistics,
    wave_statistics,
)

__all__ = [
    "CRITERIA",
    "DIRECTORY_TABLES",
    "DISTRIBUTIONS",
    "FOUNDING_PERIODS",
    "MIN_GROUP",
    "RATINGS",
    "SECONDARY",
    "SUPPRESSED",
    "Filters",
    "Row",
    "Table",
    "WaveStatistics",
    "accepted_submissions",
    "directory_tables",
    "disclosure_mask",
    "hidden_text",
    "largest_remainder",
    "n_text",
    "percent_text",
    "rounded_percent",
    "trend_table",
    "type_label",
    "wave_statistics",
    "waves_with_counts",
]
