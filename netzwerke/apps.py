"""The directory app: its checks, and the data-version receivers on its public models."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetzwerkeConfig(AppConfig):
    name = "netzwerke"
    verbose_name = _("Netzwerkverzeichnis")

    def ready(self):
        from django.contrib import admin
        from django.contrib.auth.signals import user_logged_in
        from django.core.signals import request_finished, request_started

        from netzwerke import (
            checks,  # noqa: F401 - registers the deploy check
            models,
            replica,
        )
        from netzwerke.admin_widgets import use_date_widgets
        from netzwerke.dataversion import connect_receivers
        from netzwerke.sessions import set_expiry_at_login

        # admin date inputs without the reference to a note only JavaScript adds
        use_date_widgets(admin.site)

        user_logged_in.connect(set_expiry_at_login, dispatch_uid="netzwerke-session-expiry")
        # every request starts reading the primary (netzwerke/replica.py)
        request_started.connect(replica.reset, dispatch_uid="netzwerke-replica-start")
        request_finished.connect(replica.reset, dispatch_uid="netzwerke-replica-finish")

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
                models.Event,
                # the place search reads regions and places
                models.Region,
                models.Place,
            ]
        )
