"""A coordinator's submission: start it prefilled, save sections as typed, hand it in."""

from __future__ import annotations

import copy

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from netzwerke.models import Network
from survey import questionnaire as q
from survey.models import Submission, SubmissionEvent, Survey
from survey.services.errors import (
    AlreadyDecided,
    QuestionnaireIncomplete,
    SubmissionError,
    SurveyClosed,
)
from survey.services.notify import coordinator_emails, network_name, send


def accepted_answers(network: Network) -> dict:
    """The accepted state: the last accepted answers, overlaid with the live profile."""
    last = (
        Submission.objects.accepted()
        .filter(network=network, imported=False)
        .order_by("-decided_at", "-pk")
        .first()
    )
    answers = copy.deepcopy(last.answers) if last else {}
    answers.pop("einwilligung", None)
    if network.status == Network.Status.DRAFT and not last:
        # a registered network has only its name yet; keep the rest empty
        prefill = {
            "stammdaten": {"fields": {"name": network.name}},
            "koordination": {"fields": {"coordination_email": network.coordination_email}},
        }
    else:
        prefill = q.answers_from_network(network)
    for slug, raw in prefill.items():
        merged = answers.get(slug, {})
        merged.update(raw)
        answers[slug] = merged
    return answers


def submission_get_or_start(*, network: Network, survey: Survey, user) -> Submission:
    """The network's open submission in the wave, or a new one prefilled from its profile."""
    existing = Submission.objects.open().filter(network=network, survey=survey).first()
    if existing:
        return existing
    if not survey.is_open():
        raise SurveyClosed(_("Die Erhebung „%(survey)s“ ist geschlossen.") % {"survey": survey})
    try:
        with transaction.atomic():
            answers = accepted_answers(network)
            cleaned = q.clean_answers(survey=survey, answers=answers)
            invalid = {e.section.slug for e in cleaned.errors}
            submission = Submission.objects.create(
                survey=survey,
                network=network,
                questionnaire_version=q.QUESTIONNAIRE_VERSION,
                answers=answers,
                section_status={
                    s.slug: s.slug not in invalid for s in q.SECTIONS if s.slug in answers
                },
                created_by=user,
            )
            SubmissionEvent.objects.create(
                submission=submission, user=user, from_state="", to_state=Submission.State.DRAFT
            )
    except IntegrityError:
        # someone else (another tab, another coordinator) started one at the same moment
        existing = Submission.objects.open().filter(network=network, survey=survey).first()
        if existing is None:
            raise
        return existing
    return submission


@transaction.atomic
def submission_save_section(*, submission: Submission, section: str, data, user) -> Submission:
    """Store one section's input as typed, without validating it."""
    sec = q.SECTIONS_BY_SLUG[section]
    raw = sec.extract(
        survey=submission.survey, data=data, network_type=q.network_type_of(submission.answers)
    )
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if not locked.is_editable:
        raise SubmissionError(
            _("Diese Einreichung ist %(state)s und kann nicht mehr bearbeitet werden.")
            % {"state": locked.get_state_display()}
        )
    locked.answers[section] = raw
    locked.section_status[section] = q.section_is_complete(sec, survey=submission.survey, raw=raw)
    update = ["answers", "section_status", "updated_at"]
    if section == "einwilligung":
        if raw.get("fields", {}).get("consent_publish"):
            locked.consent_at = locked.consent_at or timezone.now()
            locked.consent_version = q.CONSENT_VERSION
        else:
            locked.consent_at, locked.consent_version = None, ""
        update += ["consent_at", "consent_version"]
    locked.save(update_fields=update)
    submission.answers, submission.updated_at = locked.answers, locked.updated_at
    submission.section_status = locked.section_status
    submission.consent_at, submission.consent_version = locked.consent_at, locked.consent_version
    return locked


def transition(
    *, submission: Submission, from_states, to_state, user, comment="", **values
) -> None:
    """Move the submission to ``to_state`` if it is still in one of ``from_states``.

    A conditional UPDATE decides, so two reviewers clicking at once cannot both win.
    """
    now = timezone.now()
    updated = Submission.objects.filter(pk=submission.pk, state__in=from_states).update(
        state=to_state, updated_at=now, **values
    )
    if not updated:
        current = Submission.objects.filter(pk=submission.pk).values_list("state", flat=True)
        state = Submission.State(current.first()).label if current else "?"
        raise AlreadyDecided(
            _("Die Einreichung ist inzwischen „%(state)s“; die Aktion wurde nicht ausgeführt.")
            % {"state": state}
        )
    SubmissionEvent.objects.create(
        submission=submission,
        user=user,
        created_at=now,
        from_state=submission.state,
        to_state=to_state,
        comment=comment,
    )
    submission.state = to_state
    for key, value in values.items():
        setattr(submission, key, value)


@transaction.atomic
def submission_submit(*, submission: Submission, user) -> Submission:
    """Validate every section and hand the submission in for review.

    Refused with ``SurveyClosed`` after the wave closed, with
    ``QuestionnaireIncomplete`` (carrying every error) if a section is invalid;
    in both cases the draft stays as it is.
    """
    if not submission.is_editable:
        raise SubmissionError(
            _("Diese Einreichung ist bereits %(state)s.")
            % {"state": submission.get_state_display()}
        )
    if not submission.survey.is_open():
        raise SurveyClosed(
            _(
                "Die Erhebung „%(survey)s“ ist seit %(date)s geschlossen. Ihr Entwurf bleibt "
                "gespeichert; bitte wenden Sie sich an die Redaktion."
            )
            % {
                "survey": submission.survey,
                "date": formats.date_format(
                    timezone.localtime(submission.survey.closes_at), "SHORT_DATE_FORMAT"
                ),
            }
        )
    cleaned = q.clean_answers(survey=submission.survey, answers=submission.answers)
    if not cleaned.is_valid:
        raise QuestionnaireIncomplete(cleaned.errors)
    transition(
        submission=submission,
        from_states=[Submission.State.DRAFT, Submission.State.CHANGES_REQUESTED],
        to_state=Submission.State.SUBMITTED,
        user=user,
        submitted_at=timezone.now(),
        questionnaire_version=q.QUESTIONNAIRE_VERSION,
    )
    send(
        _("Neue Einreichung: %(network)s") % {"network": network_name(submission)},
        "survey/email/submitted.txt",
        {"submission": submission},
        list(settings.REVIEW_NOTIFY_EMAILS),
    )
    send(
        _("Eingang bestätigt: %(network)s") % {"network": network_name(submission)},
        "survey/email/received.txt",
        {"submission": submission},
        coordinator_emails(submission),
    )
    return submission
