"""Import columns: shared yes/no, integer, year, date parsers; classes raising ValidationError."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

# --- parsers and columns -----------------------------------------------------------------

TRUE_VALUES = frozenset({"ja", "j", "x", "1", "true", "wahr", "yes"})
FALSE_VALUES = frozenset({"nein", "n", "0", "false", "falsch", "no"})


def parse_yes_no(value: str) -> bool | None:
    """``ja``/``nein`` (and common spellings); an empty cell is None (not stated)."""
    folded = value.strip().casefold()
    if not folded:
        return None
    if folded in TRUE_VALUES:
        return True
    if folded in FALSE_VALUES:
        return False
    raise ValidationError(
        _("„%(value)s“ ist kein Ja/Nein-Wert (ja, nein oder leer).") % {"value": value}
    )


def format_yes_no(value: bool | None) -> str:
    """The cell for a yes/no fact: ``ja``, ``nein``, or empty when not stated (None);
    ``parse_yes_no`` reads it back."""
    if value is None:
        return ""
    return "ja" if value else "nein"


def parse_integer(value: str, *, min_value: int = 0) -> int | None:
    """A whole number ≥ ``min_value``; an empty cell is None."""
    value = value.strip()
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or number < min_value:
        raise ValidationError(
            _("„%(value)s“ ist keine ganze Zahl ≥ %(min)d.") % {"value": value, "min": min_value}
        )
    return number


def parse_year(value: str, *, min_year: int, max_year: int) -> int | None:
    """A year between ``min_year`` and ``max_year``; an empty cell is None."""
    value = value.strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValidationError(_("„%(value)s“ ist keine Jahreszahl.") % {"value": value})
    year = int(value)
    if not min_year <= year <= max_year:
        raise ValidationError(
            _("Das Jahr %(year)d liegt nicht zwischen %(min)d und %(max)d.")
            % {"year": year, "min": min_year, "max": max_year}
        )
    return year


def parse_date(value: str) -> datetime.date | None:
    """``2025-03-01`` or ``01.03.2025``; an empty cell is None."""
    moment = parse_datetime(value, aware=False)
    return moment.date() if moment else None


def parse_datetime(value: str, *, aware: bool = True) -> datetime.datetime | None:
    """ISO 8601 or ``01.03.2025 10:00`` / ``01.03.2025``; naive values are local time."""
    value = value.strip()
    if not value:
        return None
    parsed = None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        for fmt in ("%d.%m.%Y %H:%M", "%d.%m.%Y"):
            try:
                parsed = datetime.datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        raise ValidationError(
            _("„%(value)s“ ist kein Datum (z. B. 2025-03-01T10:00:00+01:00 oder 01.03.2025).")
            % {"value": value}
        )
    if aware and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


class Column:
    """One column of an import: ``clean(value, row)`` returns the Python value or raises
    ``ValidationError``; ``row`` holds the row's other (raw) cells."""

    def __init__(self, identifier: str, *, default: Any = ""):
        self.identifier = identifier
        self.default = default

    def clean(self, value: str, row: dict[str, str] | None = None) -> Any:
        return value if value else self.default


class TextColumn(Column):
    def __init__(
        self,
        identifier: str,
        *,
        max_length: int | None = None,
        validators: Iterable[Callable[[str], None]] = (),
    ):
        super().__init__(identifier)
        self.max_length = max_length
        self.validators = list(validators)

    def clean(self, value: str, row: dict[str, str] | None = None) -> str:
        if self.max_length and len(value) > self.max_length:
            raise ValidationError(
                _("Der Text ist %(length)d Zeichen lang, erlaubt sind %(max)d.")
                % {"length": len(value), "max": self.max_length}
            )
        if value:
            for validator in self.validators:
                validator(value)
        return value


class ChoiceColumn(Column):
    """A choice by its value or its label in any of the site's languages (a file exported
    from the German admin or written from the English pages), case-insensitively."""

    def __init__(self, identifier: str, choices_class, *, default: Any = ""):
        super().__init__(identifier, default=default)
        self.choices_class = choices_class
        self._index: dict[str, str] | None = None

    def clean(self, value: str, row: dict[str, str] | None = None) -> Any:
        if not value:
            return self.default
        index = self._index
        if index is None:
            index = {}
            # German first: a label that means another choice in English never wins
            for language, _name in sorted(
                settings.LANGUAGES, key=lambda lang: lang[0] != settings.LANGUAGE_CODE
            ):
                with override(language):
                    for choice, label in self.choices_class.choices:
                        index.setdefault(str(label).casefold(), choice)
            for choice in self.choices_class.values:
                index[choice.casefold()] = choice
            self._index = index
        try:
            return index[value.casefold()]
        except KeyError:
            raise ValidationError(
                _("„%(value)s“ ist kein gültiger Wert. Erlaubt: %(allowed)s.")
                % {"value": value, "allowed": ", ".join(self.choices_class.values)}
            ) from None


class YesNoColumn(Column):
    """``ja``/``nein``; an empty cell is ``default`` (None: not stated)."""

    def __init__(self, identifier: str, *, default: bool | None = None):
        super().__init__(identifier, default=default)

    def clean(self, value: str, row: dict[str, str] | None = None) -> bool | None:
        parsed = parse_yes_no(value)
        return self.default if parsed is None else parsed


class IntegerColumn(Column):
    def __init__(self, identifier: str, *, min_value: int = 0):
        super().__init__(identifier, default=None)
        self.min_value = min_value

    def clean(self, value: str, row: dict[str, str] | None = None) -> int | None:
        return parse_integer(value, min_value=self.min_value)


class YearColumn(Column):
    def __init__(self, identifier: str, *, min_year: int, max_year: int):
        super().__init__(identifier, default=None)
        self.min_year, self.max_year = min_year, max_year

    def clean(self, value: str, row: dict[str, str] | None = None) -> int | None:
        return parse_year(value, min_year=self.min_year, max_year=self.max_year)


class DateTimeColumn(Column):
    def __init__(self, identifier: str):
        super().__init__(identifier, default=None)

    def clean(self, value: str, row: dict[str, str] | None = None) -> datetime.datetime | None:
        return parse_datetime(value)


def error_text(exc: ValidationError) -> str:
    """A ValidationError's messages as one German sentence for a ``LocatedError``."""
    return " ".join(exc.messages)
