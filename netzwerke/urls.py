"""URL map: the directory's public pages and open data, the survey, accounts, admin, sitemap."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from netzwerke.ratelimit import ratelimit
from netzwerke.sitemaps import SITEMAPS
from netzwerke.views import contact, datasets, events, opendata, pages, praxis, regions

app_patterns = [
    path("", pages.HomeView.as_view(), name="home"),
    path("netzwerke/", pages.NetworkListView.as_view(), name="network-list"),
    path("netzwerke/export.csv", opendata.network_export_csv, name="network-export-csv"),
    path("netzwerke/export.json", opendata.network_export_json, name="network-export-json"),
    path("netzwerke/feed/", opendata.NetworkFeed(), name="network-feed"),
    path("netzwerke/<slug:slug>/", pages.NetworkDetailView.as_view(), name="network-detail"),
    path("netzwerke/<slug:slug>/kalender.ics", events.network_calendar, name="network-calendar"),
    path("netzwerke/<slug:slug>/kontakt/", contact.network_contact, name="network-contact"),
    path(
        "netzwerke/<slug:slug>/kontakt/gesendet/",
        contact.network_contact_sent,
        name="network-contact-sent",
    ),
    path("regionen/<str:land>/", regions.RegionStateView.as_view(), name="region-state"),
    path(
        "regionen/<str:land>/<str:ags>/",
        regions.RegionDistrictView.as_view(),
        name="region-district",
    ),
    path("quellen/", pages.SourcesView.as_view(), name="sources"),
    path("ueberschneidungen/", regions.OverlapView.as_view(), name="overlaps"),
    path("ueberschneidungen/weisse-flecken.csv", regions.white_spots_csv, name="white-spots-csv"),
    path("veranstaltungen/", events.EventListView.as_view(), name="event-list"),
    path(
        "veranstaltungen/archiv/",
        events.EventListView.as_view(archive=True),
        name="event-archive",
    ),
    path("veranstaltungen/feed/", events.EventFeed(), name="event-feed"),
    path("veranstaltungen/kalender.ics", events.event_calendar, name="event-calendar"),
    path("veranstaltungen/<slug:slug>/", events.EventDetailView.as_view(), name="event-detail"),
    path("praxisbeispiele/", praxis.ProjectListView.as_view(), name="project-list"),
    path("praxisbeispiele/export.csv", praxis.project_export_csv, name="project-export-csv"),
    path("praxisbeispiele/export.json", praxis.project_export_json, name="project-export-json"),
    path("praxisbeispiele/feed/", praxis.ProjectFeed(), name="project-feed"),
    path(
        "praxisbeispiele/<slug:network>/<slug:slug>/",
        praxis.ProjectDetailView.as_view(),
        name="project-detail",
    ),
    path("daten/", datasets.DataView.as_view(), name="data"),
    re_path(
        r"^daten/catalog\.(?P<fmt>ttl|rdf|jsonld)$", datasets.data_catalog, name="data-catalog"
    ),
    path("einbetten/", datasets.widget, name="widget"),
]

# Every page a visitor reads, in German unprefixed and in English under /en/ (the same
# slugs). Outside: the admin (German only), the sitemap and robots.txt (one for both
# languages, with hreflang alternates), and the API (/api/v1/: English field names).
urlpatterns = i18n_patterns(
    path("", include((app_patterns, "netzwerke"))),
    path("", include("survey.urls")),
    path("", include("website.urls")),
    # before django.contrib.auth's own, so that login attempts are limited per address
    path("konto/login/", ratelimit("login")(auth_views.LoginView.as_view()), name="login"),
    path("konto/", include("django.contrib.auth.urls")),
    prefix_default_language=False,
)
urlpatterns += [
    path("admin/", admin.site.urls),
    # the read API, outside any language prefix (netzwerke/api/)
    path("api/v1/", include("netzwerke.api.urls")),
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<slug:section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", pages.robots_txt, name="robots-txt"),
]

# a lost database or cache connection answers 503 in German (netzwerke/outage.py)
handler500 = "netzwerke.outage.server_error"
if settings.BENCHMARK_PAGE:
    from netzwerke.fortunes import fortunes

    urlpatterns.append(path("bench/fortunes/", fortunes, name="bench-fortunes"))
