from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from netzwerke import views
from netzwerke.sitemaps import SITEMAPS

app_patterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("netzwerke/", views.NetworkListView.as_view(), name="network-list"),
    path("netzwerke/export.csv", views.network_export_csv, name="network-export-csv"),
    path("netzwerke/export.json", views.network_export_json, name="network-export-json"),
    path("netzwerke/feed/", views.NetworkFeed(), name="network-feed"),
    path("netzwerke/<slug:slug>/", views.NetworkDetailView.as_view(), name="network-detail"),
    path("regionen/<str:land>/", views.RegionStateView.as_view(), name="region-state"),
    path(
        "regionen/<str:land>/<str:ags>/",
        views.RegionDistrictView.as_view(),
        name="region-district",
    ),
    path("quellen/", views.SourcesView.as_view(), name="sources"),
]

urlpatterns = [
    path("", include((app_patterns, "netzwerke"))),
    path("", include("survey.urls")),
    path("konto/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<slug:section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
]

if settings.BENCHMARK_PAGE:
    from netzwerke.fortunes import fortunes

    urlpatterns.append(path("bench/fortunes/", fortunes, name="bench-fortunes"))
