"""Optimistic locking: a save based on an outdated version is refused, nothing is lost.

Every save of a versioned model counts ``version`` up. A form remembers the version
it was opened with; if the row has moved on meanwhile, the save is refused with a
German message naming what changed (from the change history where there is one),
the typed values stay in the form, and saving again overwrites knowingly.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(
        gettext_lazy("Bearbeitungsstand"),
        default=1,
        editable=False,
        help_text=gettext_lazy(
            "Zählt bei jedem Speichern hoch; verhindert, dass Änderungen verloren gehen."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            self.version = (self.version or 0) + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


def _text(value) -> str:
    if value in (None, ""):
        return "–"
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def changes_since(instance, seen_version: int) -> str:
    """ "von kurator (30.11.2026 08:01) geändert: Name „A“ → „B“", as far as history tells."""
    history = getattr(instance, "history", None)
    if history is None:
        return ""
    newest = history.order_by("-history_date", "-history_id").first()
    before = history.filter(version=seen_version).order_by("-history_date", "-history_id").first()
    if newest is None:
        return ""
    who = newest.history_user.get_username() if newest.history_user_id else _("jemand")
    when = formats.date_format(newest.history_date, "SHORT_DATETIME_FORMAT")
    parts = []
    if before is not None:
        delta = newest.diff_against(before)
        for change in delta.changes:
            field = instance._meta.get_field(change.field)
            parts.append(f"{field.verbose_name}: „{_text(change.old)}“ → „{_text(change.new)}“")
    summary = "; ".join(parts) if parts else _("Einzelheiten stehen im Änderungsverlauf")
    return _("zuletzt von %(who)s (%(when)s) geändert: %(changes)s") % {
        "who": who,
        "when": when,
        "changes": summary,
    }


class VersionCheckForm(forms.ModelForm):
    """ModelForm mixin for the admin: refuses a save based on an outdated version."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["seen_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        seen = cleaned.get("seen_version")
        if self.instance.pk is None or seen is None:
            return cleaned
        # the admin saves in one transaction: the lock holds until the save is done
        current = (
            type(self.instance)
            ._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is not None and current != seen:
            fresh = type(self.instance)._default_manager.get(pk=self.instance.pk)
            self.data = self.data.copy()
            # saving again (after reading the message) overwrites knowingly
            self.data[self.add_prefix("seen_version")] = str(current)
            raise ValidationError(
                _(
                    "Nicht gespeichert: „%(object)s“ wurde geändert, während Sie es bearbeitet "
                    "haben – %(changes)s. Ihre Eingaben stehen unten noch im Formular; prüfen "
                    "Sie sie und speichern Sie erneut, um die neuere Fassung zu überschreiben."
                )
                % {"object": fresh, "changes": changes_since(fresh, seen)},
                code="stale",
            )
        return cleaned


class VersionCheckAdmin:
    """ModelAdmin mixin: the change form carries the version it was opened with.

    The hidden input is written by the template, outside the fieldsets: Django's fieldset
    template would give it a label, which must not point at a hidden control."""

    form = VersionCheckForm
    change_form_template = "admin/versioned_change_form.html"

    def get_fields(self, request, obj=None):
        # a ModelAdmin without fieldsets would show every form field, this one included
        return [name for name in super().get_fields(request, obj) if name != "seen_version"]
