"""Text that reaches the database carries no control characters.

PostgreSQL refuses NUL in text and jsonb (a 500 instead of a message), and the
other C0/C1 control characters are never typed on purpose. Tab, line feed and
carriage return stay allowed.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MESSAGE = _(
    "Enthält ein unzulässiges Steuerzeichen (%(code)s an Stelle %(position)d), etwa aus einer "
    "kopierten Datei. Bitte entfernen Sie es; der übrige Text bleibt erhalten."
)


def control_character_error(value) -> ValidationError | None:
    """The German error for the first control character in ``value``, or None."""
    if not isinstance(value, str):
        return None
    found = CONTROL_CHARACTER.search(value)
    if found is None:
        return None
    return ValidationError(
        MESSAGE,
        code="control_character",
        params={"code": f"U+{ord(found.group()):04X}", "position": found.start() + 1},
    )


def validate_no_control_characters(value) -> None:
    error = control_character_error(value)
    if error is not None:
        raise error


def refuse_control_characters(form: forms.BaseForm) -> forms.BaseForm:
    """Give every text field of ``form`` the validator; returns the form."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField):
            field.validators.append(validate_no_control_characters)
    return form


class RefuseControlCharactersAdmin:
    """ModelAdmin/inline mixin: every text field of the admin forms refuses control characters."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(formfield, forms.CharField):
            formfield.validators = [*formfield.validators, validate_no_control_characters]
        return formfield
