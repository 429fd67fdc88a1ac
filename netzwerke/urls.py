from django.contrib import admin
from django.urls import include, path

from netzwerke import views

app_patterns = [
    path("", views.HomeView.as_view(), name="home"),
]

urlpatterns = [
    path("", include((app_patterns, "netzwerke"))),
    path("", include("survey.urls")),
    path("konto/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
