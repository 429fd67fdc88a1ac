"""The reviewer's decisions on a handed-in submission: ask for changes, reject, accept."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerke.dataversion import data_version_bump
from netzwerke.models import Network
from survey import questionnaire as q
from survey.models import Submission
from survey.services.apply import apply_to_network
from survey.services.errors import QuestionnaireIncomplete, SubmissionError
from survey.services.facts import facts_from_cleaned, store_facts
from survey.services.notify import coordinator_emails, network_name, send
from survey.services.submissions import transition


@transaction.atomic
def submission_request_changes(*, submission: Submission, reviewer, comment: str) -> Submission:
    if not comment.strip():
        raise SubmissionError(_("Bitte schreiben Sie, was geändert werden soll."))
    transition(
        submission=submission,
        from_states=[Submission.State.SUBMITTED],
        to_state=Submission.State.CHANGES_REQUESTED,
        user=reviewer,
        comment=comment.strip(),
    )
    send(
        _("Rückfrage zu Ihrer Einreichung: %(network)s") % {"network": network_name(submission)},
        "survey/email/changes_requested.txt",
        {"submission": submission, "comment": comment.strip()},
        coordinator_emails(submission),
    )
    return submission


@transaction.atomic
def submission_reject(*, submission: Submission, reviewer, reason: str) -> Submission:
    if not reason.strip():
        raise SubmissionError(_("Bitte geben Sie einen Grund an."))
    transition(
        submission=submission,
        from_states=[Submission.State.SUBMITTED],
        to_state=Submission.State.REJECTED,
        user=reviewer,
        comment=reason.strip(),
        decided_at=timezone.now(),
    )
    send(
        _("Ihre Einreichung wurde abgelehnt: %(network)s") % {"network": network_name(submission)},
        "survey/email/rejected.txt",
        {"submission": submission, "comment": reason.strip()},
        coordinator_emails(submission),
    )
    return submission


@transaction.atomic
def submission_accept(*, submission: Submission, reviewer, comment: str = "") -> Network:
    """Apply the answers to the network, its partners and projects, and record the facts.

    Exactly one of two concurrent calls applies; the other raises ``AlreadyDecided``.
    """
    cleaned = q.clean_answers(survey=submission.survey, answers=submission.answers)
    if not cleaned.is_valid:
        raise QuestionnaireIncomplete(cleaned.errors)
    transition(
        submission=submission,
        from_states=[Submission.State.SUBMITTED],
        to_state=Submission.State.ACCEPTED,
        user=reviewer,
        comment=comment,
        decided_at=timezone.now(),
    )
    network = Network.objects.select_for_update().get(pk=submission.network_id)
    # the state change and the facts are bulk writes; the statistics change with them
    data_version_bump()
    apply_to_network(
        network=network, cleaned=cleaned, user=reviewer, started_at=submission.created_at
    )
    facts = facts_from_cleaned(cleaned, survey=submission.survey)
    store_facts(submission=submission, facts=facts)
    send(
        _("Ihre Einreichung wurde angenommen: %(network)s") % {"network": network},
        "survey/email/accepted.txt",
        {"submission": submission, "network": network, "comment": comment},
        coordinator_emails(submission),
    )
    return network
