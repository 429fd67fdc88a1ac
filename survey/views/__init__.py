"""The survey's pages for coordinators: ``coordinator`` (dashboard, network, submit),
``sections`` (the questionnaire), ``events`` (a network's events), ``projects`` (its
projects between waves, public after review), ``registration``
(invitations, "Netzwerk eintragen")."""

from survey.views.coordinator import (
    dashboard,
    network_detail,
    submission_detail,
    submission_start,
    submission_submit,
)
from survey.views.events import network_event_edit, network_events
from survey.views.projects import network_project_edit, network_projects
from survey.views.registration import (
    NewAccountForm,
    PasswordResetView,
    RegistrationForm,
    invitation_view,
    register_sent,
    register_view,
)
from survey.views.sections import MAX_EXTRA_ROWS, section_view

__all__ = [
    "MAX_EXTRA_ROWS",
    "NewAccountForm",
    "PasswordResetView",
    "RegistrationForm",
    "dashboard",
    "invitation_view",
    "network_detail",
    "network_event_edit",
    "network_events",
    "network_project_edit",
    "network_projects",
    "register_sent",
    "register_view",
    "section_view",
    "submission_detail",
    "submission_start",
    "submission_submit",
]
