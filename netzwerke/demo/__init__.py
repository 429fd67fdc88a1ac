"""Synthetic but realistic demo networks, deterministic for a seed (``generate_demo``).

Everything is drawn from one ``random.Random(seed)`` in a fixed order and written
with ``bulk_create``, so the same seed on the same database gives the same rows
and thousands of networks take seconds. Names are built from the Kreis names of
the reference data ("Fachkräfteallianz Landkreis Cham"). Contact data is
fictitious: example.org addresses and the telephone numbers the
Bundesnetzagentur reserves for films and drama (e.g. 030 23125 xxx).

The package: ``texts`` (word lists and name patterns), ``generator`` (draws networks,
partners and projects in memory), ``write`` (``generate_demo``: the bulk write).
"""

from netzwerke.demo.generator import BASE_DATE, ActorSpec, Generator
from netzwerke.demo.texts import DEMO_NOTE, region_label
from netzwerke.demo.write import BATCH, Stats, generate_demo

__all__ = [
    "BASE_DATE",
    "BATCH",
    "DEMO_NOTE",
    "ActorSpec",
    "Generator",
    "Stats",
    "generate_demo",
    "region_label",
]
