"""Writing networks as CSV rows: the export queryset, one row per network, the file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from netzwerke.csvformat.columns import LIST_SEPARATOR, PERSONAL_COLUMNS, ROLE_ORDER, columns_for
from netzwerke.models import Membership, Network
from netzwerke.services import actor_slug
from netzwerke.tabular import csv_lines as tabular_lines
from netzwerke.tabular import format_yes_no, write_csv
from netzwerke.vocabularies import NETWORK_VOCABULARIES


def export_queryset(qs: QuerySet[Network]) -> QuerySet[Network]:
    """``qs`` with what ``write_networks`` reads, so an export is a fixed number of queries."""
    return qs.prefetch_related(
        "districts",
        "foreign_regions",
        *(v.field for v in NETWORK_VOCABULARIES),
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("actor__actor_type").order_by(),
            to_attr="csv_memberships",
        ),
    )


def _join(values) -> str:
    return LIST_SEPARATOR.join(values)


def _partner_cell(network: Network) -> str:
    memberships = getattr(network, "csv_memberships", None)
    if memberships is None:
        memberships = list(network.memberships.select_related("actor__actor_type"))
    lines = []
    for m in sorted(memberships, key=lambda m: (ROLE_ORDER[m.role], m.actor.name, m.actor.slug)):
        actor = m.actor
        parts = [
            actor.name,
            actor.actor_type.slug,
            actor.district_id or "",
            m.role,
            format_yes_no(m.binding),
            str(m.since) if m.since else "",
            actor.slug if actor.slug != actor_slug(actor.name) else "",
        ]
        while parts and parts[-1] == "":
            parts.pop()
        lines.append(LIST_SEPARATOR.join(parts))
    return "\n".join(lines)


def network_row(network: Network, *, public: bool = False) -> list[str]:
    """One network as a list of cells in the order of ``COLUMNS``."""
    published_at = (
        timezone.localtime(network.published_at).isoformat() if network.published_at else ""
    )
    row = {
        "kuerzel": network.slug,
        "name": network.name,
        "typ": network.network_type,
        "status": network.status,
        "veroeffentlicht_am": published_at,
        "kurzbeschreibung": network.short_description,
        "beschreibung": network.description,
        "gruendungsjahr": str(network.founded_year or ""),
        "organisationsform": network.organisation_form,
        "kreise": _join(sorted(d.ags for d in network.districts.all())),
        "regionen_ausland": _join(sorted(r.code for r in network.foreign_regions.all())),
        **{
            v.column: _join(t.slug for t in getattr(network, v.field).all())
            for v in NETWORK_VOCABULARIES
        },
        "schwerpunktthemen": network.topics,
        "website": network.website,
        "koordination_person": network.coordination_person,
        "koordination_funktion": network.coordination_role,
        "koordination_email": network.coordination_email,
        "koordination_telefon": network.coordination_phone,
        "kontakt_veroeffentlichen": format_yes_no(network.contact_public),
        "partner_anzahl_gemeldet": (
            "" if network.partner_count_reported is None else str(network.partner_count_reported)
        ),
        "hauptamtliches_management": format_yes_no(network.full_time_management),
        "entwicklungspartnerschaft": format_yes_no(network.development_partnership),
        "ziele_datenbasiert": format_yes_no(network.goals_based_on_data),
        "ergebnisse_evaluiert": format_yes_no(network.results_evaluated),
        "herkunft": network.source,
        # type facts: "keine Angabe" is an empty cell, never 0
        **{
            column: "" if getattr(network, name) is None else str(getattr(network, name))
            for facts in Network.TYPE_FACTS.values()
            for name, column in facts
        },
        "partner": _partner_cell(network),
    }
    if public and not network.contact_public:
        row.update(dict.fromkeys(PERSONAL_COLUMNS, ""))
    return [row[column] for column in columns_for(public=public)]


def network_rows(networks, *, public: bool = False) -> Iterator[list[str]]:
    """The header, then one row per network: what every network CSV writer writes."""
    yield columns_for(public=public)
    for network in networks:
        yield network_row(network, public=public)


def csv_lines(networks, *, public: bool = False, delimiter: str = ";", bom: bool = True):
    """The CSV file as an iterator of lines (header first), for streaming responses;
    every cell guarded against formulas."""
    return tabular_lines(network_rows(networks, public=public), delimiter=delimiter, bom=bom)


def write_networks(
    networks,
    stream: IO[str],
    *,
    public: bool = False,
    delimiter: str = ";",
    bom: bool = True,
) -> int:
    """Write ``networks`` (best from ``export_queryset``) to a text stream; returns the count.

    ``public=True`` blanks the coordination contact where the person did not consent.
    The default (``;`` and a UTF-8 BOM) opens cleanly in German Excel; cells a
    spreadsheet would run as formulas are guarded (see ``netzwerke.tabular``).
    """
    rows = network_rows(networks, public=public)
    return write_csv(rows, stream, delimiter=delimiter, bom=bom) - 1
