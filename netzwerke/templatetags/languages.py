from django import template

from netzwerke import languages

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The current page in every language (``netzwerke.languages.alternates``)."""
    return languages.alternates(context.get("request"))


@register.filter
def percent(value):
    """``{{ share|percent }}``: "20 %" in German, "20%" in English."""
    return languages.percent(value)
