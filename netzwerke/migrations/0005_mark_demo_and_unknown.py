"""Mark the demo rows and turn the real networks' unsourced "nein" into "keine Angabe".

Before 0003 every yes/no fact defaulted to False, so a False of a real network says
nothing: no source stated it. Demo networks are recognised by the sentence
``generate_demo`` put into their description (copied here, so the migration does not
depend on code that may change); their invented values stay as they are.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef

DEMO_NOTE = "Dieser Eintrag ist ein synthetischer Demodatensatz."
NETWORK_FLAGS = (
    "full_time_management",
    "development_partnership",
    "goals_based_on_data",
    "results_evaluated",
)


def forwards(apps, schema_editor):
    Network = apps.get_model("netzwerke", "Network")
    Actor = apps.get_model("netzwerke", "Actor")
    Membership = apps.get_model("netzwerke", "Membership")
    Project = apps.get_model("netzwerke", "Project")

    # invented contacts of demo networks are fictitious and may be shown
    Network.objects.filter(description__contains=DEMO_NOTE).update(
        source="demo", contact_public=True
    )
    real_member = Membership.objects.filter(actor=OuterRef("pk")).exclude(network__source="demo")
    Actor.objects.filter(
        website__contains=".example.org", memberships__network__source="demo"
    ).exclude(Exists(real_member)).update(source="demo")

    real = Network.objects.exclude(source="demo")
    for flag in NETWORK_FLAGS:
        real.filter(**{flag: False}).update(**{flag: None})
    Membership.objects.filter(network__in=real, binding=False).update(binding=None)
    Project.objects.filter(network__in=real, evaluated=False).update(evaluated=None)


class Migration(migrations.Migration):
    dependencies = [("netzwerke", "0004_source_unknown_and_m2m_history")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
