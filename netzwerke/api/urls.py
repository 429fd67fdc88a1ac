"""/api/v1/: the read API, outside the language prefix (its field names are English and
its notices follow the request's language, as the pages' do).

Like the root URLconf, this one names the survey's routes by string only (the
statistics live in ``survey.api``): ``netzwerke`` imports nothing from ``survey``.
"""

from django.urls import include, path

from netzwerke.api import views
from netzwerke.api.docs import ApiDocsView, ApiRootView, ApiSchemaView

app_name = "api"

urlpatterns = [
    path("", ApiRootView.as_view(), name="root"),
    path("schema/", ApiSchemaView.as_view(), name="schema"),
    path("docs/", ApiDocsView.as_view(url_name="api:schema"), name="docs"),
    path("networks/", views.NetworkList.as_view(), name="network-list"),
    path("networks/<slug:slug>/", views.NetworkDetail.as_view(), name="network-detail"),
    path("projects/", views.ProjectList.as_view(), name="project-list"),
    path(
        "projects/<slug:network>/<slug:slug>/",
        views.ProjectDetail.as_view(),
        name="project-detail",
    ),
    path("events/", views.EventList.as_view(), name="event-list"),
    path("events/archive/", views.EventList.as_view(archive=True), name="event-archive"),
    path("states/", views.StateList.as_view(), name="state-list"),
    path("districts/", views.DistrictList.as_view(), name="district-list"),
    path("vocabularies/", views.VocabularyList.as_view(), name="vocabulary-list"),
    path("statistics/", include("survey.api")),
]
