"""The survey app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    name = "survey"
    verbose_name = _("Netzwerkerhebung")

    def ready(self):
        from netzwerke.dataversion import connect_receivers
        from survey import models

        # Waves and topics name the statistics. Saving a draft changes nothing public,
        # so submission saves do not bump: the services that accept or import answers
        # bump themselves; deleting one (admin) may remove an accepted answer.
        connect_receivers([models.Survey, models.FocusTopic])
        connect_receivers([models.Submission], deletes_only=True)
