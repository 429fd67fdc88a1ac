from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetzwerkeConfig(AppConfig):
    name = "netzwerke"
    verbose_name = _("Netzwerkverzeichnis")

    def ready(self):
        from netzwerke import checks  # noqa: F401 - registers the deploy check
