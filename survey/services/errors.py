"""The refusals of the survey workflows: German messages shown to the user as they are."""

from django.utils.translation import gettext as _


class SubmissionError(Exception):
    """A transition that is not possible; the message is German and shown to the user."""


class SurveyClosed(SubmissionError):
    pass


class AlreadyDecided(SubmissionError):
    pass


class QuestionnaireIncomplete(SubmissionError):
    def __init__(self, errors):
        super().__init__(_("Der Fragebogen ist noch nicht vollständig."))
        self.errors = errors
