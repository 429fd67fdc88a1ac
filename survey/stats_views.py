"""The public statistics: /statistik/ and /statistik/<wave>/, and a CSV per table."""

from django import forms
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from netzwerke import tabular
from netzwerke.dataversion import per_version
from netzwerke.lenient import LenientForm
from netzwerke.models import Network, State
from survey import stats
from survey.models import Survey

SELECT = {"class": "form-select"}


class StatisticsFilterForm(LenientForm):
    notice_message = gettext_lazy(
        "„%(value)s“ ist kein gültiger Wert für „%(label)s“; dieser Filter wurde ignoriert."
    )
    notice_value_length = 40

    erhebung = forms.ChoiceField(
        label=gettext_lazy("Erhebung"), required=False, widget=forms.Select(attrs=SELECT)
    )
    land = forms.ChoiceField(
        label=gettext_lazy("Bundesland"), required=False, widget=forms.Select(attrs=SELECT)
    )
    typ = forms.ChoiceField(
        label=gettext_lazy("Netzwerktyp"), required=False, widget=forms.Select(attrs=SELECT)
    )

    def __init__(self, *args, waves, states, latest_first=False, **kwargs):
        super().__init__(*args, **kwargs)
        latest = [("", _("neueste ausgewertete"))] if latest_first else []
        self.fields["erhebung"].choices = latest + [(w.slug, w.title) for w in waves]
        self.fields["land"].choices = [("", _("alle Länder"))] + [(s.pk, s.name) for s in states]
        self.fields["typ"].choices = [("", _("alle Typen")), *Network.Type.choices]


def read_filters(request, *, states):
    """The valid Land and type filters of the request, and a notice per bad value.

    A bad value is dropped with a notice naming it; it never causes an error.
    """
    data = {name: request.GET.get(name, "") for name in ("land", "typ")}
    bound = StatisticsFilterForm(data, waves=[], states=states)
    notices = bound.notices
    states_by_code = {s.pk: s for s in states}
    filters = stats.Filters(
        land=states_by_code.get(bound.cleaned_data.get("land") or ""),
        network_type=bound.cleaned_data.get("typ") or "",
    )
    return filters, notices


def read_wave_choice(request, waves):
    """The wave chosen in the form (a slug), or "" with a notice if there is none such."""
    value = request.GET.get("erhebung", "")
    if not value or value in {w.slug for w in waves}:
        return value, []
    return "", [
        StatisticsFilterForm.notice(value, StatisticsFilterForm.base_fields["erhebung"].label)
    ]


class StatisticsMixin:
    """Loads the filters and the waves (with their filtered response counts), once."""

    latest_first = False

    def dispatch(self, request, *args, **kwargs):
        states = list(State.objects.order_by("name"))
        self.filters, self.notices = read_filters(request, states=states)
        self.waves = stats.waves_with_counts(self.filters)
        self.wave_choice, wave_notices = read_wave_choice(request, self.waves)
        self.notices += wave_notices
        self.form = StatisticsFilterForm(
            initial={
                "erhebung": self.wave_choice,
                "land": self.filters.land.pk if self.filters.land else "",
                "typ": self.filters.network_type,
            },
            waves=self.waves,
            states=states,
            latest_first=self.latest_first,
        )
        return super().dispatch(request, *args, **kwargs)

    def redirect_to_wave(self, slug):
        url = reverse("survey:statistics-wave", kwargs={"slug": slug})
        if self.filters.params:
            url += "?" + urlencode(self.filters.params)
        return redirect(url)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trend, trend_waves = stats.trend_table(self.waves, self.filters)
        query = self.filters.querystring
        context.update(
            wave_rows=[
                {
                    "wave": wave,
                    "url": wave.get_absolute_url() + query,
                    "n": stats.n_text(wave.responses),
                }
                for wave in self.waves
            ],
            form=self.form,
            filters=self.filters,
            notices=self.notices,
            waves=self.waves,
            trend=trend,
            trend_waves=trend_waves,
            min_group=stats.MIN_GROUP,
            suppressed=stats.SUPPRESSED,
            secondary=stats.SECONDARY,
        )
        return context


def latest_wave(waves):
    """The newest wave with enough responses to show, else the newest with any, else
    the newest wave: an open wave with its first few answers says nothing yet."""
    for enough in (stats.MIN_GROUP, 1, 0):
        for wave in waves:
            if wave.responses >= enough:
                return wave
    return None


class StatisticsView(StatisticsMixin, TemplateView):
    template_name = "survey/statistics/index.html"
    latest_first = True

    def get(self, request, *args, **kwargs):
        if self.wave_choice:
            return self.redirect_to_wave(self.wave_choice)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        wave = latest_wave(self.waves)
        context.update(
            wave=wave,
            wave_stats=stats.wave_statistics(wave, self.filters, topic_only=True) if wave else None,
            wave_url=wave.get_absolute_url() + self.filters.querystring if wave else "",
            directory=_directory_tables(self.request, self.filters),
            demo_networks=Network.objects.published().demo().count(),
        )
        return context


class StatisticsWaveView(StatisticsMixin, TemplateView):
    template_name = "survey/statistics/wave.html"

    def get(self, request, *args, **kwargs):
        if self.wave_choice and self.wave_choice != kwargs["slug"]:
            return self.redirect_to_wave(self.wave_choice)
        self.wave = next((w for w in self.waves if w.slug == kwargs["slug"]), None)
        if self.wave is None:
            raise Http404(_("Diese Erhebung gibt es nicht."))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        self.form.initial["erhebung"] = self.wave.slug
        context = super().get_context_data(**kwargs)
        context.update(wave=self.wave, wave_stats=stats.wave_statistics(self.wave, self.filters))
        return context


def _directory_tables(request, filters):
    # the directory's figures change only with the data: computed once per data version
    return per_version(
        request,
        f"stats-directory:{get_language()}:{filters.querystring}",
        lambda: stats.directory_tables(filters),
    )


def csv_response(table, filename):
    """The table as CSV for German Excel (``netzwerke.tabular``: BOM, ``;``, formula guard)."""
    return tabular.csv_response(table.csv_rows(), filename=filename)


def _filename(parts, filters):
    for key, value in filters.params.items():
        parts.append(f"{key}-{value}")
    return "statistik-" + "-".join(parts) + ".csv"


def wave_table_csv(request, slug, table):
    states = list(State.objects.order_by("name"))
    wave = Survey.objects.filter(slug=slug).first()
    if wave is None:
        raise Http404(_("Diese Erhebung gibt es nicht."))
    filters, _notices = read_filters(request, states=states)
    wave_stats = stats.wave_statistics(wave, filters)
    found = wave_stats.table(table)
    if found is None:
        raise Http404(_("Diese Tabelle gibt es nicht."))
    return csv_response(found, _filename([wave.slug, table], filters))


def directory_table_csv(request, table):
    states = list(State.objects.order_by("name"))
    filters, _notices = read_filters(request, states=states)
    if table == "trend":
        found, _count = stats.trend_table(stats.waves_with_counts(filters), filters)
    elif table in stats.DIRECTORY_TABLES:
        found = next(t for t in _directory_tables(request, filters) if t.slug == table)
    else:
        raise Http404(_("Diese Tabelle gibt es nicht."))
    return csv_response(found, _filename([table], filters))
