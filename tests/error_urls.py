"""The site's URLs plus three that fail on purpose, for the error-page tests."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import path

from netzwerke.urls import urlpatterns as site_patterns


def fails(request):
    raise RuntimeError("absichtlicher Fehler für den Test der 500-Seite")


def forbidden(request):
    raise PermissionDenied


def bad(request):
    raise BadRequest


urlpatterns = [
    *site_patterns,
    path("test/500/", fails),
    path("test/403/", forbidden),
    path("test/400/", bad),
]
