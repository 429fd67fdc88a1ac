"""The coordinator's events: a list per network and a form to enter or change one
(``survey.services.events``: public after review, at once for trusted networks)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerke.models import Event
from netzwerke.validators import validate_no_control_characters
from netzwerke.widgets import URLInput
from survey import services
from survey.services.events import COORDINATOR_FIELDS
from survey.views.coordinator import _my_networks


class EventForm(forms.ModelForm):
    """A coordinator's event. The Kreis is one of the network's; times are local."""

    class Meta:
        model = Event
        fields = list(COORDINATOR_FIELDS)
        widgets = {
            # text inputs: a mistyped value comes back as typed, and the page stays valid
            "starts_at": forms.DateTimeInput(
                attrs={"placeholder": "TT.MM.JJJJ HH:MM"}, format="%d.%m.%Y %H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"placeholder": "TT.MM.JJJJ HH:MM"}, format="%d.%m.%Y %H:%M"
            ),
            "registration_url": URLInput,
            "description": forms.Textarea(attrs={"rows": 5}),
            "address": forms.Textarea(attrs={"rows": 3}),
            "action_fields": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.network = network
        self.fields["district"].queryset = network.districts.order_by("name")
        self.fields["district"].help_text = gettext_lazy("Ein Kreis Ihres Netzwerks; leer: keiner.")
        self.fields["project"].queryset = network.projects.order_by("title")
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = ["%d.%m.%Y %H:%M", "%d.%m.%Y", "%Y-%m-%dT%H:%M"]
            self.fields[name].help_text = gettext_lazy("Ortszeit (Europe/Berlin)")
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(validate_no_control_characters)

    def _post_clean(self):
        # the model's clean() (end after start, project of this network) runs here too;
        # the slug is made by the service
        self.instance.slug = self.instance.slug or "neu"
        super()._post_clean()

    def validate_unique(self):
        pass


def _my_network_events(request, slug):
    network = get_object_or_404(_my_networks(request.user), slug=slug)
    events = network.events.order_by("-starts_at", "pk")
    return network, events


@login_required
def network_events(request, slug):
    network, events = _my_network_events(request, slug)
    return render(request, "survey/events.html", {"network": network, "events": list(events)})


@login_required
def network_event_edit(request, slug, pk=None):
    network, events = _my_network_events(request, slug)
    event = get_object_or_404(events, pk=pk) if pk else None
    form = EventForm(request.POST or None, instance=event, network=network)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        saved = services.event_save(network=network, user=request.user, data=data, event=event)
        if saved.review_status == Event.ReviewStatus.APPROVED:
            messages.success(request, _("Die Veranstaltung ist gespeichert und öffentlich."))
        else:
            messages.success(
                request,
                _(
                    "Die Veranstaltung ist gespeichert. Sie erscheint öffentlich, sobald die "
                    "Redaktion sie geprüft hat."
                ),
            )
        return redirect("survey:network-events", slug=network.slug)
    return render(
        request,
        "survey/event_form.html",
        {"network": network, "event": event, "form": form},
    )
