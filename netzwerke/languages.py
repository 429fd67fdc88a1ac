"""The page in the other language: German unprefixed, English under /en/, the same slugs.

Used by the language switch in the header, the hreflang alternates in every page's head
and the sitemap (``i18n = True``), so a page's languages are derived in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language, get_language_info, override, pgettext


@dataclass(frozen=True)
class Alternate:
    code: str
    #: the language's name in that language ("Deutsch", "English"), as a switch shows it
    name: str
    #: path and query of the same page in this language
    url: str
    current: bool


def active_language() -> str:
    """The active language's code, one of ``LANGUAGES`` (German outside a request)."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def each_language():
    """Every language code, with that language active while the caller's loop body runs:
    for values built once for all languages (the facet indexes' labels)."""
    for code, _name in settings.LANGUAGES:
        with override(code):
            yield code


def unprefixed(path: str) -> str:
    """``path`` without its language prefix (``/en/netzwerke/`` → ``/netzwerke/``)."""
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
        if path == prefix[:-1]:
            return "/"
    return path


def path_in(code: str, path: str) -> str:
    """``path`` (any language) in language ``code``."""
    path = unprefixed(path)
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"


def alternates(request) -> list[Alternate]:
    """The current page in every language, its query string kept."""
    if request is None:
        return []
    query = request.META.get("QUERY_STRING", "")
    current = get_language()
    result = []
    for code, _name in settings.LANGUAGES:
        url = path_in(code, request.path)
        if query:
            url = f"{url}?{query}"
        name = get_language_info(code)["name_local"]
        result.append(Alternate(code, name, url, code == current))
    return result


def percent(value) -> str:
    """A percentage as the active language writes it: "20 %" in German, "20%" in English
    (the number itself localised too: "12,5 %", "12.5%")."""
    # Translators: a percentage; English writes no space before the sign ("%(value)s%%")
    text = pgettext("Prozentangabe", "%(value)s %%")
    return text % {"value": formats.number_format(value)}
