"""The contact form on a profile without a published contact person."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from netzwerke.contact import network_contact_possible, network_contact_send
from netzwerke.forms import NetworkContactForm
from netzwerke.models import Network
from netzwerke.ratelimit import form_over_limit


def _network(slug):
    network = get_object_or_404(Network.objects.published(), slug=slug)
    if not network_contact_possible(network):
        raise Http404
    return network


def network_contact(request, slug):
    network = _network(slug)
    form = NetworkContactForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        message = _(
            "Von Ihrem Anschluss kamen in kurzer Zeit zu viele Nachrichten. Bitte "
            "versuchen Sie es in einer Stunde erneut; Ihr Text steht noch im Feld."
        )
        if form_over_limit(request, form, "contact", message):
            status = 429
        else:
            if not form.is_spam():  # a bot is told the same as a person, and nothing is sent
                network_contact_send(network=network, **form.cleaned_data_without_honeypot())
            return redirect("netzwerke:network-contact-sent", slug=network.slug)
    return render(
        request, "netzwerke/network_contact.html", {"network": network, "form": form}, status=status
    )


def network_contact_sent(request, slug):
    return render(request, "netzwerke/network_contact_sent.html", {"network": _network(slug)})
