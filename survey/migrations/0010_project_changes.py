"""Coordinators' projects between waves (``survey.project_changes``), and who reviews them.

Redaktion reviews them like survey submissions; Kuratierung, which keeps the projects,
may review them too. The grants live here, not in app code, for the same reason as in
0005; tests/factories.py applies them to a flushed test database.
"""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.conf import settings
from django.db import migrations, models

GRANTS = {
    "Redaktion": {"survey.projectchange": ["view", "review_projectchange"]},
    "Kuratierung": {"survey.projectchange": ["view", "review_projectchange"]},
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
                    codename__in=[a if "_" in a else f"{a}_{model}" for a in actions],
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("netzwerke", "0015_praxisbeispiele"),
        ("survey", "0009_vocabulary_english"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ProjectChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "base_version",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Der Stand, von dem die Koordination ausging; leer: ein neues Projekt.",
                        null=True,
                        verbose_name="Bearbeitungsstand des Projekts",
                    ),
                ),
                ("title", models.CharField(max_length=250, verbose_name="Titel")),
                ("description", models.TextField(blank=True, verbose_name="Beschreibung")),
                (
                    "aim_retain",
                    models.BooleanField(default=False, verbose_name="Fachkräfte halten"),
                ),
                (
                    "aim_train",
                    models.BooleanField(default=False, verbose_name="Fachkräfte ausbilden"),
                ),
                (
                    "aim_attract",
                    models.BooleanField(default=False, verbose_name="Fachkräfte gewinnen"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("geplant", "geplant"),
                            ("laufend", "laufend"),
                            ("abgeschlossen", "abgeschlossen"),
                        ],
                        default="laufend",
                        max_length=20,
                        verbose_name="Status",
                    ),
                ),
                ("start_date", models.DateField(blank=True, null=True, verbose_name="Beginn")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="Ende")),
                ("results", models.TextField(blank=True, verbose_name="Ergebnisse")),
                ("evaluated", models.BooleanField(blank=True, null=True, verbose_name="evaluiert")),
                ("website", models.URLField(blank=True, verbose_name="Website")),
                (
                    "review_status",
                    models.CharField(
                        choices=[
                            ("eingereicht", "wartet auf Prüfung"),
                            ("angenommen", "angenommen"),
                            ("abgelehnt", "abgelehnt"),
                        ],
                        db_index=True,
                        default="eingereicht",
                        max_length=20,
                        verbose_name="Prüfung",
                    ),
                ),
                (
                    "reason",
                    models.TextField(
                        blank=True,
                        help_text="Bei einer Ablehnung: warum (die Koordination sieht sie).",
                        verbose_name="Begründung",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(auto_now_add=True, verbose_name="eingetragen am"),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="geändert am")),
                (
                    "decided_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="geprüft am"),
                ),
                (
                    "action_fields",
                    models.ManyToManyField(
                        blank=True,
                        related_name="+",
                        to="netzwerke.actionfield",
                        verbose_name="Handlungsfelder",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="eingetragen von",
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="geprüft von",
                    ),
                ),
                (
                    "network",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="project_changes",
                        to="netzwerke.network",
                        verbose_name="Netzwerk",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        blank=True,
                        help_text="Leer: ein neues Projekt.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="changes",
                        to="netzwerke.project",
                        verbose_name="Projekt",
                    ),
                ),
            ],
            options={
                "verbose_name": "Projektänderung",
                "verbose_name_plural": "Projektänderungen",
                "ordering": ["-created_at", "-pk"],
                "permissions": [
                    ("review_projectchange", "Kann Projektänderungen prüfen (annehmen, ablehnen)")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("review_status", "eingereicht")),
                        fields=("project",),
                        name="projectchange_one_pending_per_project",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("review_status__in", ["eingereicht", "angenommen", "abgelehnt"])
                        ),
                        name="projectchange_review_status_valid",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("decided_at__isnull", True), ("review_status", "eingereicht")
                            ),
                            models.Q(
                                models.Q(("review_status", "eingereicht"), _negated=True),
                                ("decided_at__isnull", False),
                            ),
                            _connector="OR",
                        ),
                        name="projectchange_decided_iff_not_pending",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("start_date__isnull", True),
                            ("end_date__isnull", True),
                            ("end_date__gte", models.F("start_date")),
                            _connector="OR",
                        ),
                        name="projectchange_end_after_start",
                    ),
                ],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
