"""What every endpoint of the read API shares: rate limit, HTTP caching, paging, notices.

* The rate limit is the site's (``netzwerke.ratelimit``, scope ``api``, per client
  address), as a DRF throttle, so a refused request gets 429 with ``Retry-After``.
* ``ETag`` and ``Last-Modified`` come from the data version (``netzwerke.dataversion``)
  and the request (path, normalised query, language), so a repeated conditional request
  is answered 304 before anything is computed, and a write makes every ETag stale.
* The JSON body is kept in the cache under the same key until the data version moves.
* Bad parameters never fail: they are dropped, and ``notices`` says so (German, like the
  notices of the pages).
"""

import hashlib
import logging
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from netzwerke import replica
from netzwerke.caching import CLOCK_STEP, normalised_query
from netzwerke.dataversion import data_version, per_version
from netzwerke.lenient import LenientForm
from netzwerke.opendata_meta import licence_api
from netzwerke.ratelimit import hit, limit_for
from netzwerke.security import client_ip

logger = logging.getLogger("netzwerke.security")

#: entries per page unless ``page_size`` asks otherwise, and the most it may ask for
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class SiteRateThrottle(BaseThrottle):
    """The site's fixed-window limit (scope ``api``) per client address."""

    scope = "api"

    def allow_request(self, request, view):
        ident = f"ip:{client_ip(request)}"
        if hit(self.scope, ident):
            logger.warning("rate limit %s exceeded by %s", self.scope, ident)
            return False
        return True

    def wait(self):
        _limit, window = limit_for(self.scope)
        # whole seconds, at least one: Retry-After is an integer
        return math.ceil(window - time.time() % window)


class ExportJSONRenderer(JSONRenderer):
    """JSON as the exports write it (dates to the millisecond, ``DjangoJSONEncoder``)."""

    encoder_class = DjangoJSONEncoder


def licence():
    return licence_api()


class PublicAPIView(APIView):
    """A read-only endpoint: ``payload(request, **kwargs)`` returns the JSON body."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [ExportJSONRenderer]
    throttle_classes = [SiteRateThrottle]
    http_method_names = ["get", "head", "options"]
    #: the answer also changes with the clock (events move from upcoming to past)
    time_dependent = False

    def throttled(self, request, wait):
        raise exceptions.Throttled(
            wait,
            detail=_("Zu viele Anfragen von dieser Adresse. Bitte warten Sie %(seconds)s Sekunden.")
            % {"seconds": math.ceil(wait)},
        )

    def get(self, request, *args, **kwargs):
        # public data, the same for everyone (no session is read): like the public pages
        # of anonymous visitors, its reads may go to the read replica, if there is one
        replica.use_replica_for_reads()
        version = data_version(request)
        step = int(time.time()) // CLOCK_STEP * CLOCK_STEP if self.time_dependent else 0
        key = self.cache_key(request, version, step)
        etag = f'W/"api-{key[-16:]}"'
        last_modified = max(int(version.changed_at.timestamp()), step)
        conditional = get_conditional_response(
            request._request, etag=etag, last_modified=last_modified
        )
        if conditional is not None:
            response = Response(status=conditional.status_code)
        else:
            response = Response(self.cached_payload(request, key, *args, **kwargs))
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        response["Cache-Control"] = f"public, max-age={settings.PUBLIC_MAX_AGE}"
        return response

    def cached_payload(self, request, key, *args, **kwargs):
        """The body, kept until the data version moves (not with ``PAGE_CACHE=0``, which
        renders every request anew, as for the pages)."""
        if not settings.PAGE_CACHE:
            return self.payload(request, *args, **kwargs)
        return per_version(
            request,
            f"api:{key}",
            lambda: self.payload(request, *args, **kwargs),
            timeout=settings.PAGE_CACHE_TIMEOUT,
        )

    def cache_key(self, request, version, step) -> str:
        """The data version, the hour (time-dependent answers) and a digest of the request."""
        url = f"{request.scheme}://{request.get_host()}{request.path}"
        query = normalised_query(request.query_params)
        release = getattr(settings, "RELEASE", "")
        # the version's time too: a restored older database may reuse a number
        data = f"{version.number}:{version.changed_at.timestamp()}"
        text = f"{release}|{data}|{step}|{get_language()}|{url}?{query}"
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def payload(self, request, *args, **kwargs):
        raise NotImplementedError


# -- paging ---------------------------------------------------------------------------


@dataclass
class Window:
    number: int
    size: int
    pages: int
    total: int

    @property
    def start(self):
        return (self.number - 1) * self.size

    @property
    def end(self):
        return self.start + self.size


def _integer(raw):
    try:
        return int(raw)
    except (TypeError, ValueError):
        return None


def page_window(request, total, notices) -> Window:
    """The page and page size the request asks for, made valid; a notice for each fix.

    The page notices are the list page's own."""
    raw_size = request.query_params.get("page_size")
    size = PAGE_SIZE
    if raw_size is not None:
        asked = _integer(raw_size)
        if asked is None or asked < 1:
            notices.append(
                _("Die Seitengröße „%(size)s“ ist ungültig; verwendet wird %(default)s.")
                % {"size": raw_size[:20], "default": PAGE_SIZE}
            )
        elif asked > MAX_PAGE_SIZE:
            size = MAX_PAGE_SIZE
            notices.append(
                _("Höchstens %(max)s Einträge je Seite; verwendet wird %(max)s.")
                % {"max": MAX_PAGE_SIZE}
            )
        else:
            size = asked
    pages = max(1, math.ceil(total / size))
    raw = request.query_params.get("page", "1")
    number = _integer(raw)
    if number is None:
        number = 1
        notices.append(
            _("Die Seitenangabe „%(page)s“ ist ungültig; gezeigt wird Seite 1.")
            % {"page": raw[:20]}
        )
    if not 1 <= number <= pages:
        fixed = min(max(number, 1), pages)
        notices.append(
            _("Seite %(page)s gibt es nicht; gezeigt wird Seite %(fixed)s.")
            % {"page": number, "fixed": fixed}
        )
        number = fixed
    return Window(number=number, size=size, pages=pages, total=total)


def page_url(request, number):
    query = request.query_params.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paged(request, window: Window, results, notices, **extra):
    """The envelope of every list: counts, links, notices, the licence, the entries."""
    return {
        "count": window.total,
        "page": window.number,
        "page_size": window.size,
        "pages": window.pages,
        "next": page_url(request, window.number + 1) if window.number < window.pages else None,
        "previous": page_url(request, window.number - 1) if window.number > 1 else None,
        "notices": notices,
        "licence": licence(),
        **extra,
        "results": results,
    }


def facets_wanted(request, notices) -> bool:
    """``facets=1`` asks for the facet counts; another value is ignored with a notice."""
    raw = request.query_params.get("facets")
    if raw in (None, "", "0"):
        return False
    if raw == "1":
        return True
    notices.append(LenientForm.notice(raw, "facets"))
    return False


def facets_json(facets) -> dict:
    """The facets of a list (``netzwerke.facets.Facet``) by parameter name."""
    return {
        name: {
            "label": str(facet.label),
            "hint": str(facet.hint),
            "options": [
                {
                    "value": o.value,
                    "label": o.label,
                    "detail": o.detail,
                    "count": o.count,
                    "selected": o.selected,
                }
                for o in facet.options
            ],
        }
        for name, facet in facets.items()
    }
