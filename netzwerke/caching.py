"""Caching of public pages for anonymous visitors, and HTTP caching for everyone.

A public page depends on three things only: the data (the data version), the URL
and the language. So ``PublicPageCacheMiddleware``

* answers a conditional GET with 304 when ``If-None-Match``/``If-Modified-Since``
  still match the data version, before any view runs;
* keeps the rendered page, gzip-compressed, in the configured cache (a streamed
  export too, when it ends below ``PAGE_CACHE_MAX_BYTES``) (Redis with
  ``REDIS_URL``, shared by all app servers) under the data version, language and
  normalised URL: a write moves the version, so a stale page is never served and
  nothing has to be deleted;
* sends ``Cache-Control: public, max-age=…``, ``ETag``, ``Last-Modified`` and
  ``Vary: Cookie`` on public pages for anonymous visitors, and
  ``Cache-Control: private, no-cache`` for logged-in users, who never get or fill
  a cached page.

A response is stored only when it is a plain 200 that sets no cookie and used no
CSP nonce, so nothing personal can leak into the cache.
"""

import gzip
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from netzwerke import replica
from netzwerke.dataversion import data_version

#: URL names of the pages every visitor sees alike
PUBLIC_PAGES = frozenset(
    {
        "netzwerke:home",
        "netzwerke:network-list",
        "netzwerke:network-export-csv",
        "netzwerke:network-export-json",
        "netzwerke:network-feed",
        "netzwerke:network-detail",
        "netzwerke:region-state",
        "netzwerke:region-district",
        "netzwerke:sources",
        "netzwerke:event-list",
        "netzwerke:event-archive",
        "netzwerke:event-detail",
        "netzwerke:event-feed",
        "netzwerke:event-calendar",
        "netzwerke:network-calendar",
        "netzwerke:project-list",
        "netzwerke:overlaps",
        "netzwerke:white-spots-csv",
        "netzwerke:project-detail",
        "netzwerke:project-export-csv",
        "netzwerke:project-export-json",
        "netzwerke:project-feed",
        "survey:statistics",
        "survey:statistics-csv",
        "survey:statistics-wave",
        "survey:statistics-wave-csv",
        "sitemap",
        "sitemap-section",
        "robots-txt",
    }
)
#: pages that change with the clock as well (an event moves from upcoming to past):
#: their cache key and validators also carry the hour, so no page is older than that
TIME_DEPENDENT_PAGES = frozenset(
    {
        "netzwerke:event-list",
        "netzwerke:event-archive",
        "netzwerke:event-detail",
        "netzwerke:event-feed",
        "netzwerke:event-calendar",
        "netzwerke:network-detail",
    }
)
CLOCK_STEP = 3600
#: response headers kept with a cached page (the rest are added by the middleware stack)
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Access-Control-Allow-Origin")
_ATTR = "_public_page_key"


def normalised_query(query) -> str:
    """The query string with its parameters in a fixed order (values keep theirs)."""
    return "&".join(f"{key}={value}" for key in sorted(query) for value in query.getlist(key))


def clock_step(request) -> int:
    """The start of the current hour (a Unix time) for pages that change with the clock,
    0 for the others."""
    match = request.resolver_match
    if match is None or match.view_name not in TIME_DEPENDENT_PAGES:
        return 0
    return int(time.time()) // CLOCK_STEP * CLOCK_STEP


def page_key(request, version) -> str:
    # the host too: canonical links and JSON-LD carry absolute URLs
    url = f"{request.scheme}://{request.get_host()}{request.path}?{normalised_query(request.GET)}"
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    release = getattr(settings, "RELEASE", "")
    step = clock_step(request)
    return f"page:{release}:{version.number}:{step}:{request.LANGUAGE_CODE}:{digest}"


def _is_logged_in(request) -> bool:
    # without a session cookie nobody is logged in, and the session is not even loaded
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_authenticated


def _accepts_gzip(request) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def _etag(version, step=0) -> str:
    release = getattr(settings, "RELEASE", "")
    return f'W/"{release}{version.number}-{step}"' if step else f'W/"{release}{version.number}"'


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match is None or match.view_name not in PUBLIC_PAGES:
            return response
        if getattr(request, "_public_page_private", False):
            patch_vary_headers(response, ("Cookie",))
            response.headers.setdefault("Cache-Control", "private, no-cache")
            return response
        key = getattr(request, _ATTR, None)
        if key is None or response.status_code != 200:
            return response
        if key and response.streaming and _storable(request, response, streaming=True):
            headers = {h: response[h] for h in KEPT_HEADERS if h in response}
            response.streaming_content = _stored_while_streamed(
                response.streaming_content, headers, key
            )
        elif key and _storable(request, response):
            body = gzip.compress(response.content, compresslevel=6, mtime=0)
            headers = {h: response[h] for h in KEPT_HEADERS if h in response}
            cache.set(key, (headers, body), settings.PAGE_CACHE_TIMEOUT)
            if _accepts_gzip(request):
                response.content = body
                response["Content-Encoding"] = "gzip"
        _finish(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method not in ("GET", "HEAD") or match.view_name not in PUBLIC_PAGES:
            return None
        if _is_logged_in(request):
            request._public_page_private = True
            return None
        # a public page for an anonymous visitor: its reads (the data version first) may
        # go to the read replica, if there is one (netzwerke/replica.py)
        replica.use_replica_for_reads()
        version = data_version(request)
        step = clock_step(request)
        conditional = get_conditional_response(
            request, etag=_etag(version, step), last_modified=_last_modified(version, step)
        )
        if conditional is not None:
            _finish(request, conditional)
            return conditional
        if not settings.PAGE_CACHE or "messages" in request.COOKIES:
            setattr(request, _ATTR, "")  # headers yes, cache no
            return None
        key = page_key(request, version)
        setattr(request, _ATTR, key)
        cached = cache.get(key)
        if cached is None:
            return None
        headers, body = cached
        response = HttpResponse(status=200)
        for name, value in headers.items():
            response[name] = value
        if _accepts_gzip(request):
            response.content = body
            response["Content-Encoding"] = "gzip"
        else:
            response.content = gzip.decompress(body)
        setattr(request, _ATTR, None)  # already stored
        _finish(request, response)
        return response


def _stored_while_streamed(chunks, headers, key):
    """Pass a streamed export through, and keep it once complete if it stayed small."""
    parts, size = [], 0
    for chunk in chunks:
        if parts is not None:
            parts.append(chunk)
            size += len(chunk)
            if size > settings.PAGE_CACHE_MAX_BYTES:
                parts = None  # too big to keep: memory stays flat, the next one streams too
        yield chunk
    if parts is not None:
        body = gzip.compress(b"".join(parts), compresslevel=6, mtime=0)
        cache.set(key, (headers, body), settings.PAGE_CACHE_TIMEOUT)


def _storable(request, response, *, streaming=False) -> bool:
    return (
        request.method == "GET"
        and response.streaming == streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        # a page that used the CSP nonce is unique to its request
        and not getattr(request, "_csp_nonce", None)
    )


def _last_modified(version, step=0) -> int:
    return max(int(version.changed_at.timestamp()), step)


def _finish(request, response):
    version = data_version(request)
    step = clock_step(request)
    response["ETag"] = _etag(version, step)
    response["Last-Modified"] = http_date(_last_modified(version, step))
    response.headers.setdefault("Cache-Control", f"public, max-age={settings.PUBLIC_MAX_AGE}")
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
