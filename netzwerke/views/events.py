"""The public event pages: upcoming events with facets, the archive, an event's page, and
the event list's Atom feed. The calendar files are ``netzwerke.views.calendar``."""

import datetime

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from netzwerke.facets import event_facets
from netzwerke.filters import EventFilter, querystring_without
from netzwerke.ical import calendar_bytes
from netzwerke.models import Event, Network
from netzwerke.opendata_meta import licence_text
from netzwerke.views.jsonld import event_jsonld
from netzwerke.views.pages import page_title

EVENTS_PER_PAGE = 20


def public_events():
    """Public events with what a list entry shows (network, place), in one query."""
    return Event.objects.public().select_related("network", "district__state")


def event_filter(request, queryset):
    return EventFilter(request.GET, queryset=queryset, request=request)


class EventListView(TemplateView):
    """Upcoming events by date (``archive``: past events, latest first), filtered and
    faceted like the network list; unknown parameters become notices."""

    template_name = "netzwerke/event_list.html"
    archive = False

    def get_context_data(self, **kwargs):
        now = timezone.now()
        events = public_events()
        events = events.past(now) if self.archive else events.upcoming(now)
        filterset = event_filter(self.request, events)
        notices = list(filterset.notices)
        facets, total = event_facets(filterset)
        paginator = Paginator(
            filterset.qs.prefetch_related("action_fields"),
            EVENTS_PER_PAGE,
        )
        paginator.__dict__["count"] = total  # the facets counted it already
        raw = self.request.GET.get("page", "1")
        try:
            number = int(raw)
        except ValueError:
            number = 1
            notices.append(
                _("Die Seitenangabe „%(page)s“ ist ungültig; gezeigt wird Seite 1.")
                % {"page": raw[:20]}
            )
        if not 1 <= number <= paginator.num_pages:
            fixed = min(max(number, 1), paginator.num_pages)
            notices.append(
                _("Seite %(page)s gibt es nicht; gezeigt wird Seite %(fixed)s.")
                % {"page": number, "fixed": fixed}
            )
            number = fixed
        page = paginator.page(number)
        query = self.request.GET.copy()
        query.pop("page", None)
        feed_query = querystring_without(self.request.GET, "page")
        title = filterset.title(archive=self.archive)
        return super().get_context_data(
            archive=self.archive,
            events=list(page.object_list),
            page_obj=page,
            page_range=list(paginator.get_elided_page_range(page.number, on_each_side=2)),
            total=total,
            facets=facets,
            notices=notices,
            chips=filterset.chips(self.request.GET),
            title=title,
            page_title=page_title(title, page),
            query=query.urlencode(),
            feed_query=feed_query,
            **kwargs,
        )


class EventDetailView(TemplateView):
    """An event's page with its schema.org JSON-LD; events not public answer 404."""

    template_name = "netzwerke/event_detail.html"

    def get_context_data(self, **kwargs):
        event = get_object_or_404(
            Event.objects.public()
            .select_related("network", "project", "district__state")
            .prefetch_related("action_fields", "target_groups"),
            slug=kwargs["slug"],
        )
        return super().get_context_data(
            event=event,
            network=event.network,
            past=event.ends_at < timezone.now(),
            jsonld=event_jsonld(self.request, event),
            **kwargs,
        )


class EventFeed(Feed):
    """The filtered upcoming events as Atom, newest entries first."""

    feed_type = Atom1Feed
    limit = 50
    feed_copyright = licence_text()

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return event_filter(request, public_events().upcoming())

    def title(self, obj):
        return _("Neue Veranstaltungen: %(title)s") % {"title": obj.title()}

    def subtitle(self, obj):
        return _("Veranstaltungen der Fachkräftenetzwerke in der Netzwerkdatenbank")

    def link(self, obj):
        query = querystring_without(self.request.GET, "page")
        return reverse("netzwerke:event-list") + (f"?{query}" if query else "")

    def items(self, obj):
        return obj.qs.order_by("-created_at", "pk")[: self.limit]

    def item_title(self, item):
        prefix = _("Abgesagt: ") if item.cancelled else ""
        return f"{prefix}{item.title} ({timezone.localtime(item.starts_at):%d.%m.%Y})"

    def item_description(self, item):
        return item.description[:500]

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


#: how long a past event stays in a filtered calendar, so subscribers keep it for a while
CALENDAR_KEEPS_PAST = datetime.timedelta(days=30)


def _calendar_response(request, events, *, name, filename):
    body = calendar_bytes(
        events,
        name=name,
        host=request.get_host(),
        url_for=lambda event: request.build_absolute_uri(event.get_absolute_url()),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _calendar_events(queryset):
    return queryset.select_related("network", "district").prefetch_related("action_fields")


def event_calendar(request):
    """The filtered list's events as iCalendar: the upcoming ones (as on
    /veranstaltungen/ with the same parameters) and those that ended in the last
    ``CALENDAR_KEEPS_PAST``."""
    since = timezone.now() - CALENDAR_KEEPS_PAST
    filterset = event_filter(request, public_events().upcoming(since))
    events = list(_calendar_events(filterset.qs))
    return _calendar_response(
        request,
        events,
        name=f"{filterset.title()} – {_('Netzwerkdatenbank')}",
        filename="veranstaltungen.ics",
    )


def network_calendar(request, slug):
    """All public events of one published network as iCalendar."""
    network = get_object_or_404(Network.objects.published(), slug=slug)
    events = list(_calendar_events(Event.objects.public().filter(network=network)))
    return _calendar_response(
        request,
        events,
        name=_("Veranstaltungen: %(name)s") % {"name": network.name},
        filename=f"{network.slug}.ics",
    )
