"""Kuratierung keeps the events too (and reviews those the coordinators enter), and sees
the NUTS-3 regions abroad that a cross-border network may cover.

The grants live here, not in app code, for the same reason as in 0005;
tests/factories.py applies them to a flushed test database, and
tests/test_permissions.py checks the groups against MODEL_RIGHTS.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Kuratierung": {
        "netzwerke.event": ["view", "add", "change", "delete"],
        "netzwerke.foreignregion": ["view"],
    },
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for label, actions in grants.items():
            app_label, model = label.split(".")
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label,
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("netzwerke", "0013_foreign_regions"),
        ("survey", "0007_merge_0005_mark_demo_waves_0006_submission_version"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
