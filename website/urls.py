"""URLs of the legal pages, Leichte Sprache, "Fehler melden" and the web manifest."""

from django.urls import path

from website import views

app_name = "website"

urlpatterns = [
    path(
        "impressum/",
        views.LegalPageView.as_view(template_name="website/impressum.html"),
        name="impressum",
    ),
    path(
        "datenschutz/",
        views.LegalPageView.as_view(template_name="website/datenschutz.html"),
        name="privacy",
    ),
    path(
        "barrierefreiheit/",
        views.LegalPageView.as_view(template_name="website/barrierefreiheit.html"),
        name="accessibility",
    ),
    path("leichte-sprache/", views.EasyLanguageView.as_view(), name="easy-language"),
    path(
        "netzwerke/<slug:slug>/fehler-melden/",
        views.correction_create,
        name="correction-create",
    ),
    path(
        "netzwerke/<slug:slug>/fehler-melden/danke/",
        views.correction_thanks,
        name="correction-thanks",
    ),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]
