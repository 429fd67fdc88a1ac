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
    PostalCode.objects.create(code="33602", place="Bielefeld", district=bielefeld)
    PostalCode.objects.create(code="33330", place="Gütersloh", district=guetersloh)
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
        owl=owl,
        guetersloh_net=guetersloh_net,
        hannover_net=hannover_net,
    )
