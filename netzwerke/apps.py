from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetzwerkeConfig(AppConfig):
    name = "netzwerke"
    verbose_name = _("Netzwerkverzeichnis")

    def ready(self):
        from netzwerke import (
            checks,  # noqa: F401 - registers the deploy check
            models,
        )
        from netzwerke.dataversion import connect_receivers

        # everything a public page shows; see netzwerke/dataversion.py
        connect_receivers(
            [
                models.State,
                models.District,
                models.ActionField,
                models.TargetGroup,
                models.Sector,
                models.ActorType,
                models.Network,
                models.Actor,
                models.Membership,
                models.Project,
            ]
        )
