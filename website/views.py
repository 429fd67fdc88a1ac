"""The site's own pages: legal pages, Leichte Sprache, "Fehler melden", web app manifest."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView

from netzwerke.models import Network
from netzwerke.ratelimit import form_over_limit
from netzwerke.retention import retention_months
from website.forms import CorrectionForm
from website.services import correction_suggestion_create


class LegalPageView(TemplateView):
    """Impressum, Datenschutz, Barrierefreiheit: the operator's details come from the
    context processor, so these pages run no query of their own."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(retention_months=retention_months(), **kwargs)


class EasyLanguageView(TemplateView):
    template_name = "website/leichte_sprache.html"


def correction_create(request, slug):
    network = get_object_or_404(Network.objects.published(), slug=slug)
    form = CorrectionForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        message = _(
            "Von Ihrem Anschluss kamen in kurzer Zeit zu viele Meldungen. Bitte "
            "versuchen Sie es in einer Stunde erneut; Ihr Text steht noch im Feld."
        )
        if form_over_limit(request, form, "correction", message):
            status = 429
        else:
            if not form.is_spam():  # a bot is told the same as a person, and nothing is kept
                correction_suggestion_create(
                    network=network,
                    text=form.cleaned_data["text"],
                    email=form.cleaned_data["email"],
                )
            return redirect("website:correction-thanks", slug=network.slug)
    return render(
        request, "website/correction_form.html", {"network": network, "form": form}, status=status
    )


def correction_thanks(request, slug):
    network = get_object_or_404(Network.objects.published(), slug=slug)
    return render(request, "website/correction_thanks.html", {"network": network})


@cache_control(public=True, max_age=86400)
def manifest(request):
    icons = [
        {"src": static(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ]
    icons.append({"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"})
    data = {
        "name": _("Netzwerkdatenbank Fachkräftesicherung"),
        "short_name": _("Netzwerkdatenbank"),
        "description": _(
            "Verzeichnis der regionalen Netzwerke zur Fachkräftesicherung in Deutschland"
        ),
        "lang": "de",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#0b3d91",
        "icons": icons,
    }
    return JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )
