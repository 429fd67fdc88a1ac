"""Small, named data sets shared by the page tests (client and browser)."""

from types import SimpleNamespace

from netzwerke.models import PostalCode
from tests import factories as f


def small_directory() -> SimpleNamespace:
    """A small directory: two Länder, three Kreise, three networks, two action fields."""
    nw = f.StateFactory(code="NW", ags="05", name="Nordrhein-Westfalen")
    ni = f.StateFactory(code="NI", ags="03", name="Niedersachsen")
    bielefeld = f.DistrictFactory(ags="05711", name="Bielefeld", state=nw)
    guetersloh = f.DistrictFactory(ags="05754", name="Gütersloh", kind="Kreis", state=nw)
    hannover = f.DistrictFactory(ags="03241", name="Region Hannover", kind="Region", state=ni)
    PostalCode.objects.get_or_create(
        code="33602", district=bielefeld, defaults={"place": "Bielefeld"}
    )
    PostalCode.objects.get_or_create(
        code="33330", district=guetersloh, defaults={"place": "Gütersloh"}
    )
    training = f.ActionFieldFactory(name="Aus- und Weiterbildung", official=True)
    recruiting = f.ActionFieldFactory(name="Fachkräfte gewinnen", official=True)
    youth = f.TargetGroupFactory(name="Jugendliche")
    owl = f.NetworkFactory(
        name="Fachkräftebündnis Ostwestfalen",
        districts=[bielefeld, guetersloh],
        action_fields=[training, recruiting],
        target_groups=[youth],
        coordination_person="Erika Mustermann",
        coordination_email="kontakt@fachkraefte-owl.example.org",
        coordination_phone="0521 123456",
    )
    f.MembershipFactory(network=owl, actor__name="Handwerkskammer Ostwestfalen")
    f.ProjectFactory(network=owl, title="Ausbildungsbotschafter")
    guetersloh_net = f.NetworkFactory(
        name="Netzwerk Gütersloh", districts=[guetersloh], action_fields=[recruiting]
    )
    hannover_net = f.NetworkFactory(
        name="Qualifizierungsverbund Hannover", districts=[hannover], action_fields=[training]
    )
    return SimpleNamespace(
        nw=nw,
        ni=ni,
        bielefeld=bielefeld,
        guetersloh=guetersloh,
        hannover=hannover,
        training=training,
        recruiting=recruiting,
        youth=youth,
        owl=owl,
        guetersloh_net=guetersloh_net,
        hannover_net=hannover_net,
    )


def small_statistics(directory: SimpleNamespace) -> SimpleNamespace:
    """One wave with twelve accepted responses (enough to pass the "< 5" disclosure
    control), a second, empty wave, and drafts that must not count."""
    digital = f.FocusTopicFactory(name="Qualifizierung für die Digitalisierung")
    keeping = f.FocusTopicFactory(name="Fachkräfte halten")
    wave = f.SurveyFactory(title="Netzwerkerhebung 2026")
    wave.topics.add(digital, keeping)
    ratings = ["zentral"] * 3 + ["agenda"] * 5 + ["kein"] * 4
    for index, rating in enumerate(ratings):
        f.AcceptedSubmissionFactory(
            survey=wave,
            network=None,
            land=directory.nw if index % 3 else directory.ni,
            founded_year=2010 + index,
            ratings={digital: rating, keeping: "zentral" if index % 2 else "agenda"},
            action_fields=[directory.training],
        )
    empty = f.SurveyFactory(title="Netzwerkerhebung 2027")
    return SimpleNamespace(wave=wave, empty=empty, digital=digital, keeping=keeping)
