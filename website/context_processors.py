"""The site operator for every template (header, footer), read lazily."""

from django.utils.functional import SimpleLazyObject

from website.models import SiteOperator


def site_operator(request):
    # lazy: pages that do not show the header (admin, feeds) never touch the cache
    return {"site_operator": SimpleLazyObject(SiteOperator.current)}
