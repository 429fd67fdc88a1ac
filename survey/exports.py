"""A wave's responses as CSV and XLSX, and the import of historic waves.

One format serves both directions: the export's code columns are exactly what
``import_survey_responses`` reads (label columns are ignored on import), so an
exported wave imports again unchanged. The format is documented in the README.
No column carries personal contact data.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerke import tabular, vocabularies
from netzwerke.models import (
    FOUNDED_YEAR_MAX,
    FOUNDED_YEAR_MIN,
    Network,
    State,
)
from netzwerke.tabular import LocatedError
from survey import questionnaire as q
from survey import services
from survey.models import FocusTopic, Submission, Survey, TopicRating

LIST_SEPARATOR = "|"
FOUNDED_YEAR = tabular.YearColumn(
    "gruendungsjahr", min_year=FOUNDED_YEAR_MIN, max_year=FOUNDED_YEAR_MAX
)
PARTNER_COUNT = tabular.IntegerColumn("anzahl_partner")
YES_NO = tabular.YesNoColumn("ja_nein")
IMPORTABLE_STATES = (Submission.State.ACCEPTED, Submission.State.REJECTED)

CRITERIA = [
    ("kriterium_partner", "criterion_partners"),
    ("kriterium_daten", "criterion_data"),
    ("kriterium_massnahmen", "criterion_measures"),
    ("kriterium_evaluation", "criterion_evaluation"),
]
# column, Facts attribute, model, code field: from the one vocabulary registry
VOCABULARIES = [(v.column, v.field, v.model, v.key) for v in vocabularies.VOCABULARIES]


def columns(topics: list[FocusTopic]) -> list[str]:
    cols = [
        "id",
        "erhebung",
        "fragebogen_version",
        "status",
        "status_label",
        "importiert",
        "eingereicht_am",
        "entschieden_am",
        "netzwerk",
        "netzwerk_name",
        "land",
        "land_name",
        "netzwerktyp",
        "netzwerktyp_label",
        "gruendungsjahr",
        "hauptamtlich",
        "anzahl_partner",
    ]
    cols += [c for c, _attr in CRITERIA]
    for column, *_rest in VOCABULARIES:
        cols += [column, f"{column}_labels"]
    for topic in topics:
        cols += [f"thema_{topic.slug}", f"thema_{topic.slug}_label"]
    cols.append("einwilligung_version")
    return cols


def _facts_from_columns(submission: Submission) -> services.Facts:
    return services.Facts(
        land=submission.land_id,
        network_type=submission.network_type,
        founded_year=submission.founded_year,
        full_time_management=submission.full_time_management,
        partner_count=submission.partner_count,
        criterion_partners=submission.criterion_partners,
        criterion_data=submission.criterion_data,
        criterion_measures=submission.criterion_measures,
        criterion_evaluation=submission.criterion_evaluation,
        **{
            attr: [getattr(term, key) for term in getattr(submission, attr).all()]
            for _column, attr, _model, key in VOCABULARIES
        },
        ratings={r.topic.slug: r.rating for r in submission.ratings.all()},
    )


def submission_facts(submission: Submission, *, options: q.Options | None = None) -> services.Facts:
    """Stored facts of accepted or imported responses; otherwise derived from the answers."""
    if submission.imported or submission.state == Submission.State.ACCEPTED:
        return _facts_from_columns(submission)
    cleaned = q.clean_answers(survey=submission.survey, answers=submission.answers, options=options)
    return services.facts_from_cleaned(cleaned, survey=submission.survey)


def rows(survey: Survey):
    """Header, then one list of cells per submission of the wave.

    Runs the same number of queries for ten rows as for a thousand: the drafts are
    validated against one ``Options`` cache and share one wave with its topics.
    """
    prefetch_related_objects([survey], "topics")
    topics = list(survey.topics.all())
    options = q.Options()
    labels = {
        "land": dict(State.objects.values_list("code", "name")),
        **{
            column: {getattr(o, key): str(o.name) for o in model.objects.all()}
            for column, _attr, model, key in VOCABULARIES
        },
    }
    rating_labels = dict(TopicRating.Rating.choices)
    type_labels = dict(Network.Type.choices)
    submissions = (
        survey.submissions.select_related("network")
        .prefetch_related(*(attr for _column, attr, _model, _key in VOCABULARIES), "ratings__topic")
        .order_by("pk")
    )
    yield columns(topics)
    for s in submissions:
        s.survey = survey
        facts = submission_facts(s, options=options)
        name = s.network.name if s.network else ""
        row = [
            s.pk,
            survey.slug,
            s.questionnaire_version,
            s.state,
            s.get_state_display(),
            tabular.format_yes_no(s.imported),
            _datetime(s.submitted_at),
            _datetime(s.decided_at),
            s.network.slug if s.network else "",
            name,
            facts.land or "",
            labels["land"].get(facts.land, ""),
            facts.network_type,
            str(type_labels.get(facts.network_type, "")),
            facts.founded_year or "",
            tabular.format_yes_no(facts.full_time_management),
            "" if facts.partner_count is None else facts.partner_count,
        ]
        row += [tabular.format_yes_no(getattr(facts, attr)) for _c, attr in CRITERIA]
        for column, attr, _model, _key in VOCABULARIES:
            codes = sorted(getattr(facts, attr))
            row += [
                LIST_SEPARATOR.join(codes),
                LIST_SEPARATOR.join(labels[column].get(c, c) for c in codes),
            ]
        for topic in topics:
            rating = facts.ratings.get(topic.slug, "")
            row += [rating, str(rating_labels.get(rating, ""))]
        row.append(s.consent_version)
        yield row


def _datetime(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def to_csv(survey: Survey) -> bytes:
    """German Excel CSV (``;``, BOM), every cell guarded against formulas."""
    return tabular.csv_text(rows(survey)).encode("utf-8")


def to_xlsx(survey: Survey) -> bytes:
    """The same rows as XLSX, every cell guarded against formulas."""
    return tabular.xlsx_bytes(rows(survey), title=survey.slug)


# --- import ------------------------------------------------------------------------------


class ImportFailed(Exception):
    def __init__(self, errors: list[LocatedError]):
        super().__init__(f"{len(errors)} Fehler")
        self.errors = errors


def import_responses(*, survey: Survey, text: str, replace: bool = False) -> int:
    """Load a historic wave's responses; all or nothing. Returns the number of rows.

    A wave that already holds imported responses is refused unless ``replace``,
    which swaps them in the same transaction, so a re-run never doubles a wave.
    """
    table = tabular.read_csv(text, required=("land", "netzwerktyp"))
    header = table.header
    errors: list[LocatedError] = [] if table.usable else list(table.errors)
    topic_columns = [h for h in header if h.startswith("thema_") and not h.endswith("_label")]
    topics = {t.slug: t for t in FocusTopic.objects.all()}
    for column in topic_columns:
        if column.removeprefix("thema_") not in topics:
            errors.append(
                LocatedError(1, column, _("Unbekanntes Schwerpunktthema; bitte zuerst anlegen."))
            )
    if not replace and survey.submissions.filter(imported=True).exists():
        errors.append(
            LocatedError(
                1,
                None,
                _(
                    "Die Erhebung enthält schon importierte Antworten; zum Ersetzen "
                    "--replace angeben."
                ),
            )
        )
    if errors:
        raise ImportFailed(errors)

    states = set(State.objects.values_list("code", flat=True))
    vocab = {
        column: set(model.objects.values_list(key, flat=True))
        for column, _attr, model, key in VOCABULARIES
    }
    networks = dict(Network.objects.values_list("slug", "pk"))
    parsed = []
    seen_networks = {}
    errors.extend(table.errors)  # rows the reader could not take
    for line, record in table.rows:
        row_errors = []

        def err(column, message, line=line, row_errors=row_errors):
            row_errors.append(LocatedError(line, column, message))

        def cell(column, record=record):
            return record.get(column) or ""

        facts = services.Facts()
        land = cell("land").upper()
        if land not in states:
            err(
                "land",
                _("Unbekanntes Bundesland „%(value)s“ (erwartet z. B. NW).") % {"value": land},
            )
        facts.land = land
        facts.network_type = cell("netzwerktyp")
        if facts.network_type not in Network.Type.values:
            err(
                "netzwerktyp",
                _("Unbekannter Netzwerktyp „%(value)s“; erlaubt: %(allowed)s.")
                % {"value": facts.network_type, "allowed": ", ".join(Network.Type.values)},
            )
        for column, attr, spec in (
            ("gruendungsjahr", "founded_year", FOUNDED_YEAR),
            ("anzahl_partner", "partner_count", PARTNER_COUNT),
            *((c, a, YES_NO) for c, a in [("hauptamtlich", "full_time_management"), *CRITERIA]),
        ):
            try:
                setattr(facts, attr, spec.clean(cell(column)))
            except ValidationError as exc:
                err(column, tabular.error_text(exc))
        for column, attr, _model, _key in VOCABULARIES:
            codes = [c.strip() for c in cell(column).split(LIST_SEPARATOR) if c.strip()]
            unknown = [c for c in codes if c not in vocab[column]]
            if unknown:
                err(column, _("Unbekannte Kürzel: %(codes)s.") % {"codes": ", ".join(unknown)})
            setattr(facts, attr, codes)
        for column in topic_columns:
            value = cell(column).lower()
            if value not in ("", *TopicRating.Rating.values):
                err(
                    column,
                    _("„%(value)s“: bitte zentral, agenda, kein oder leer.") % {"value": value},
                )
            elif value:
                facts.ratings[column.removeprefix("thema_")] = value
        state = cell("status") or Submission.State.ACCEPTED
        if state not in IMPORTABLE_STATES:
            err(
                "status",
                _("Status „%(value)s“ ist hier nicht möglich; erlaubt: %(allowed)s.")
                % {"value": state, "allowed": ", ".join(IMPORTABLE_STATES)},
            )
        network_id = None
        slug = cell("netzwerk")
        if slug:
            network_id = networks.get(slug)
            if network_id is None:
                err("netzwerk", _("Kein Netzwerk mit dem Kürzel „%(value)s“.") % {"value": slug})
            elif slug in seen_networks:
                err(
                    "netzwerk",
                    _("Das Netzwerk steht schon in Zeile %(line)s.")
                    % {"line": seen_networks[slug]},
                )
            else:
                seen_networks[slug] = line
        errors.extend(row_errors)
        parsed.append((facts, network_id, state, cell("fragebogen_version")))
    if errors:
        raise ImportFailed(errors)
    with transaction.atomic():
        if replace:
            survey.submissions.filter(imported=True).delete()
        for facts, network_id, state, version in parsed:
            services.submission_import(
                survey=survey,
                facts=facts,
                network=Network(pk=network_id) if network_id else None,
                state=state,
                questionnaire_version=version,
            )
        survey.topics.add(*[topics[c.removeprefix("thema_")] for c in topic_columns])
    return len(parsed)
