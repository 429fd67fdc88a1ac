from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website und Betreiber")

    def ready(self):
        from website import checks  # noqa: F401  registers the deploy check
