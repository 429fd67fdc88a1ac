"""The "facts" of a submission that the statistics aggregate, and historic responses."""

from __future__ import annotations

from dataclasses import dataclass, field

from netzwerke import vocabularies
from netzwerke.dataversion import data_version_bump
from netzwerke.models import Network
from survey import questionnaire as q
from survey.models import FocusTopic, Submission, Survey, TopicRating
from survey.services.apply import results_evaluated


@dataclass
class Facts:
    """What the statistics aggregate, per submission."""

    land: str | None = None
    network_type: str = ""
    founded_year: int | None = None
    full_time_management: bool | None = None
    partner_count: int | None = None
    criterion_partners: bool | None = None
    criterion_data: bool | None = None
    criterion_measures: bool | None = None
    criterion_evaluation: bool | None = None
    action_fields: list[str] = field(default_factory=list)  # slugs
    target_groups: list[str] = field(default_factory=list)  # slugs
    sectors: list[str] = field(default_factory=list)  # codes
    partner_types: list[str] = field(default_factory=list)  # slugs
    ratings: dict[str, str] = field(default_factory=dict)  # topic slug → rating


def facts_from_cleaned(cleaned: q.CleanedAnswers, *, survey: Survey) -> Facts:
    """Facts computed like ``Network.criteria``, from validated answers."""
    master = cleaned.sections.get("stammdaten", {})
    coord = cleaned.sections.get("koordination", {})
    fields = cleaned.sections.get("handlungsfelder", {})
    topics = cleaned.sections.get("themen", {})
    partners = cleaned.rows.get("partner")
    projects = cleaned.rows.get("projekte")
    districts = list(master.get("districts") or [])
    facts = Facts(
        land=districts[0].state_id if districts else None,
        network_type=master.get("network_type", ""),
        founded_year=master.get("founded_year"),
        full_time_management=coord.get("full_time_management"),
    )
    if partners is not None:
        total = (cleaned.sections.get("partner") or {}).get("partner_total")
        facts.partner_count = total or len(partners)
        facts.criterion_partners = (
            sum(1 for p in partners if p["binding"]) >= Network.MIN_BINDING_PARTNERS
        )
        facts.partner_types = sorted(
            {getattr(p["actor_type"], vocabularies.ACTOR_TYPES.key) for p in partners}
        )
    if "ziele" in cleaned.sections:
        facts.criterion_data = bool(cleaned.sections["ziele"]["goals_based_on_data"])
    if fields:
        for vocabulary in vocabularies.NETWORK_VOCABULARIES:
            terms = fields[vocabulary.field]
            setattr(facts, vocabulary.field, [getattr(t, vocabulary.key) for t in terms])
    if projects is not None and fields:
        facts.criterion_measures = bool(projects) and bool(fields["action_fields"])
    if "evaluation" in cleaned.sections:
        facts.criterion_evaluation = results_evaluated(cleaned.sections["evaluation"])
    for topic in survey.topics.all():
        value = topics.get(q.topic_field_name(topic.slug))
        if value:
            facts.ratings[topic.slug] = value
    return facts


def store_facts(*, submission: Submission, facts: Facts) -> None:
    submission.land_id = facts.land
    for name in Submission.FACT_FIELDS:
        if name != "land":
            setattr(submission, name, getattr(facts, name))
    submission.save(update_fields=list(Submission.FACT_FIELDS))
    for vocabulary in vocabularies.VOCABULARIES:
        terms = vocabulary.model.objects.filter(
            **{f"{vocabulary.key}__in": getattr(facts, vocabulary.field)}
        )
        getattr(submission, vocabulary.field).set(terms)
    topics = {t.slug: t for t in FocusTopic.objects.filter(slug__in=facts.ratings)}
    TopicRating.objects.filter(submission=submission).delete()
    TopicRating.objects.bulk_create(
        TopicRating(submission=submission, topic=topics[slug], rating=rating)
        for slug, rating in facts.ratings.items()
    )


def submission_import(
    *,
    survey: Survey,
    facts: Facts,
    network: Network | None = None,
    state: str = Submission.State.ACCEPTED,
    questionnaire_version: str = "",
    submitted_at=None,
    decided_at=None,
) -> Submission:
    """Store one historic response (see ``import_survey_responses``); caller holds the atomic."""
    submission = Submission.objects.create(
        survey=survey,
        network=network,
        state=state,
        imported=True,
        questionnaire_version=questionnaire_version or survey.questionnaire_version,
        submitted_at=submitted_at or survey.closes_at,
        decided_at=decided_at or (survey.closes_at if state == Submission.State.ACCEPTED else None),
    )
    store_facts(submission=submission, facts=facts)
    data_version_bump()  # the facts are bulk writes; the statistics change with them
    return submission
