"""URLs of the coordinator area, invitations, registration and the public statistics."""

from django.urls import path

from survey import stats_views, views

app_name = "survey"

urlpatterns = [
    path("erhebung/", views.dashboard, name="dashboard"),
    path("erhebung/netzwerk/<slug:slug>/", views.network_detail, name="network"),
    path("erhebung/netzwerk/<slug:slug>/starten/", views.submission_start, name="submission-start"),
    path(
        "erhebung/netzwerk/<slug:slug>/veranstaltungen/",
        views.network_events,
        name="network-events",
    ),
    path(
        "erhebung/netzwerk/<slug:slug>/veranstaltungen/neu/",
        views.network_event_edit,
        name="network-event-add",
    ),
    path(
        "erhebung/netzwerk/<slug:slug>/veranstaltungen/<int:pk>/",
        views.network_event_edit,
        name="network-event-edit",
    ),
    path(
        "erhebung/netzwerk/<slug:slug>/projekte/",
        views.network_projects,
        name="network-projects",
    ),
    path(
        "erhebung/netzwerk/<slug:slug>/projekte/neu/",
        views.network_project_edit,
        name="network-project-add",
    ),
    path(
        "erhebung/netzwerk/<slug:slug>/projekte/<int:pk>/",
        views.network_project_edit,
        name="network-project-edit",
    ),
    path(
        "erhebung/netzwerk/<slug:slug>/projekte/vorschlag/<int:change_pk>/",
        views.network_project_edit,
        name="network-project-change",
    ),
    path("erhebung/<int:pk>/", views.submission_detail, name="submission-detail"),
    path("erhebung/<int:pk>/absenden/", views.submission_submit, name="submission-submit"),
    path("erhebung/<int:pk>/<slug:section>/", views.section_view, name="section"),
    path("einladung/<str:token>/", views.invitation_view, name="invitation"),
    path("eintragen/", views.register_view, name="register"),
    path("eintragen/gesendet/", views.register_sent, name="register-sent"),
    # same path as django.contrib.auth's, included earlier, so the rate limit applies
    path("konto/password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
]

# Statistik (survey/stats_views.py)
urlpatterns += [
    path("statistik/", stats_views.StatisticsView.as_view(), name="statistics"),
    path("statistik/<slug:table>.csv", stats_views.directory_table_csv, name="statistics-csv"),
    path(
        "statistik/<slug:slug>/", stats_views.StatisticsWaveView.as_view(), name="statistics-wave"
    ),
    path(
        "statistik/<slug:slug>/<slug:table>.csv",
        stats_views.wave_table_csv,
        name="statistics-wave-csv",
    ),
]
