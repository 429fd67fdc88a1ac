"""Admin widgets and forms that Django renders in a way the Nu Html Checker, axe or a
German reader finds wanting."""

from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import (
    AdminPasswordChangeForm,
    ReadOnlyPasswordHashWidget,
    SetUnusablePasswordMixin,
)
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class AutocompleteSelect(admin.widgets.AutocompleteSelect):
    """Django's autocomplete select with the empty choice always first and named, as HTML
    asks of a single select: Django leaves it out of a required field and gives it no text
    otherwise (the Nu checker reports both). select2 shows its placeholder instead."""

    def optgroups(self, name, value, attr=None):
        groups = super().optgroups(name, value, attr)
        options = groups[0][1]
        label = BLANK_CHOICE_DASH[0][1]
        if options and options[0]["value"] == "":
            options[0]["label"] = label
        else:
            empty = not any(option["selected"] for option in options)
            options.insert(0, self.create_option(name, "", label, empty, 0))
        return groups


class NamedEmptyChoiceAdmin:
    """ModelAdmin/inline mixin: autocomplete fields use the AutocompleteSelect above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PasswordSummaryWidget(ReadOnlyPasswordHashWidget):
    """The summary of a user's password, a <div>, without the ``disabled`` attribute that
    Django's disabled field gives it (invalid on a <div>); the field stays disabled."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("disabled", None)
        return context


class UserChangeForm(auth_forms.UserChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        password = self.fields.get("password")
        if password:
            password.widget = PasswordSummaryWidget(attrs=password.widget.attrs)


class GermanAdminPasswordChangeForm(AdminPasswordChangeForm):
    """Django's form for setting a user's password, with the warning under "Anmeldung mit
    Passwort" in German and as text: Django appends it in English as a list, which its
    template then puts into a <p> (invalid HTML)."""

    usable_password_help_text = format_lazy(
        "{} {}",
        SetUnusablePasswordMixin.usable_password_help_text,
        _("Schalten Sie sie aus, geht das bisherige Passwort verloren."),
    )


class WithoutTimezoneNote:
    """Django's admin date and time inputs point aria-describedby at the time zone note that
    its JavaScript adds only when the browser's time zone differs from the server's; without
    it (and without JavaScript) the reference leads nowhere. The inputs keep the reference to
    their help text that the form gives them, and lose only the note's."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        described = (attrs or {}).get("aria-describedby")
        for widget in [context["widget"], *context["widget"].get("subwidgets", [])]:
            if described:
                widget["attrs"]["aria-describedby"] = described
            else:
                widget["attrs"].pop("aria-describedby", None)
        return context


class AdminDateWidget(WithoutTimezoneNote, admin.widgets.AdminDateWidget):
    pass


class AdminTimeWidget(WithoutTimezoneNote, admin.widgets.AdminTimeWidget):
    pass


class AdminSplitDateTime(WithoutTimezoneNote, admin.widgets.AdminSplitDateTime):
    pass


DATE_WIDGETS = {
    admin.widgets.AdminDateWidget: AdminDateWidget,
    admin.widgets.AdminTimeWidget: AdminTimeWidget,
    admin.widgets.AdminSplitDateTime: AdminSplitDateTime,
}


def use_date_widgets(site) -> None:
    """Every admin's date and time fields get the widgets above: in Django's defaults, which
    inlines and later registrations copy, and in the admins already registered (the admin's
    autodiscovery runs before this app's ready()). Third-party admins (axes, for one) are
    covered too, which a mixin would not reach."""
    from django.contrib.admin import options

    registered = [model_admin.formfield_overrides for model_admin in site._registry.values()]
    for overrides in [options.FORMFIELD_FOR_DBFIELD_DEFAULTS, *registered]:
        for kwargs in overrides.values():
            if kwargs.get("widget") in DATE_WIDGETS:
                kwargs["widget"] = DATE_WIDGETS[kwargs["widget"]]
