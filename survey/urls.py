from django.urls import path

from survey import stats_views

app_name = "survey"

urlpatterns = []

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
