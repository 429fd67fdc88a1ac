"""The two staff roles as groups with exactly the permissions they need.

Redaktion reviews survey submissions; Kuratierung keeps the directory. The lists
live here (not in app code) so that this migration stays the same when the code
moves on; tests/test_permissions.py checks the groups against the same lists.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Redaktion": {
        "survey.submission": ["view", "review_submission"],
        "survey.survey": ["view"],
        "survey.focustopic": ["view"],
        "netzwerke.network": ["view"],
    },
    "Kuratierung": {
        "netzwerke.network": ["view", "add", "change", "delete", "publish_network"],
        "netzwerke.actor": ["view", "add", "change", "delete"],
        "netzwerke.membership": ["view", "add", "change", "delete"],
        "netzwerke.project": ["view", "add", "change", "delete"],
        "netzwerke.actionfield": ["view", "add", "change"],
        "netzwerke.targetgroup": ["view", "add", "change"],
        "netzwerke.sector": ["view", "add", "change"],
        "netzwerke.actortype": ["view", "add", "change"],
        "netzwerke.state": ["view"],
        "netzwerke.district": ["view"],
        "netzwerke.postalcode": ["view"],
        "survey.coordinator": ["view", "add", "change", "delete"],
        "survey.invitation": ["view", "add"],
        "website.correctionsuggestion": ["view", "change"],
    },
}


def codename(action, model):
    return action if "_" in action else f"{action}_{model}"


def create_groups(apps, schema_editor):
    # permissions are normally created after all migrations ran; the groups need them now
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = []
        for label, actions in grants.items():
            app_label, model = label.split(".")
            for action in actions:
                permissions.append(
                    Permission.objects.get(
                        content_type__app_label=app_label,
                        content_type__model=model,
                        codename=codename(action, model),
                    )
                )
        group.permissions.set(permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("netzwerke", "0004_publish_permission"),
        ("survey", "0004_review_permission"),
        ("website", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
