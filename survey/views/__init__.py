"""The survey's pages for coordinators: ``coordinator`` (dashboard, network, submit),
``sections`` (the questionnaire), ``registration`` (invitations, "Netzwerk eintragen")."""

from survey.views.coordinator import (
    dashboard,
    network_detail,
    submission_detail,
    submission_start,
    submission_submit,
)
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
    "register_sent",
    "register_view",
    "section_view",
    "submission_detail",
    "submission_start",
    "submission_submit",
]
