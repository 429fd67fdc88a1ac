"""The website app: its deploy check, and the data-version receiver on the operator."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website und Betreiber")

    def ready(self):
        from netzwerke.dataversion import connect_receivers
        from website import checks  # noqa: F401  registers the deploy check
        from website.models import SiteOperator

        # every cached public page shows the operator in its footer
        connect_receivers([SiteOperator])
