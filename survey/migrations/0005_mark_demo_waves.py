"""Mark the waves of ``setup_survey_demo`` as demo data, and self-registered networks.

The demo waves are recognised by their slugs, but only in a database that holds demo
networks (a development database): a production database may well have a real
"netzwerkerhebung-2026".
"""

from django.db import migrations

DEMO_WAVES = ("netzwerkerhebung-2024", "netzwerkerhebung-2026")


def forwards(apps, schema_editor):
    Network = apps.get_model("netzwerke", "Network")
    Survey = apps.get_model("survey", "Survey")
    if Network.objects.filter(source="demo").exists():
        Survey.objects.filter(slug__in=DEMO_WAVES).update(is_demo=True)
    Network.objects.filter(invitations__kind="registration").exclude(source="demo").update(
        source="survey"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("survey", "0004_survey_is_demo"),
        ("netzwerke", "0005_mark_demo_and_unknown"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
