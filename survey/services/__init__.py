"""Workflows of the Netzwerkerhebung that span models, one module per workflow.

The only writer that reaches both the survey and the directory. Every function
is keyword-only and runs in one transaction; views, the admin, commands and
tests call the same functions, imported from here (``from survey import services``).

- ``invitations``: invitations and the public registration
- ``submissions``: a coordinator's draft, saved section by section, and handing it in
- ``review``: ask for changes, reject, accept
- ``apply``: accepted answers written to the network, its partners and projects
- ``facts``: the columns the statistics aggregate, and historic responses
- ``retention``: purging stale drafts
- ``events``: a coordinator's events, public after review
- ``projects``: a coordinator's projects between waves, written after review
- ``notify`` and ``errors``: the e-mails and the refusals they share
"""

from survey.services.apply import apply_to_network
from survey.services.errors import (
    AlreadyDecided,
    QuestionnaireIncomplete,
    SubmissionError,
    SurveyClosed,
)
from survey.services.events import event_save
from survey.services.facts import Facts, facts_from_cleaned, store_facts, submission_import
from survey.services.invitations import (
    INVITATION_VALID_DAYS,
    invitation_accept,
    invitation_create,
    invitation_find,
)
from survey.services.projects import (
    project_change_accept,
    project_change_reject,
    project_change_save,
)
from survey.services.retention import drafts_purge
from survey.services.review import (
    submission_accept,
    submission_reject,
    submission_request_changes,
)
from survey.services.submissions import (
    accepted_answers,
    submission_get_or_start,
    submission_save_section,
    submission_submit,
)

__all__ = [
    "INVITATION_VALID_DAYS",
    "AlreadyDecided",
    "Facts",
    "QuestionnaireIncomplete",
    "SubmissionError",
    "SurveyClosed",
    "accepted_answers",
    "apply_to_network",
    "drafts_purge",
    "event_save",
    "facts_from_cleaned",
    "invitation_accept",
    "invitation_create",
    "invitation_find",
    "project_change_accept",
    "project_change_reject",
    "project_change_save",
    "store_facts",
    "submission_accept",
    "submission_get_or_start",
    "submission_import",
    "submission_reject",
    "submission_request_changes",
    "submission_save_section",
    "submission_submit",
]
