"""A small fixed-window rate limiter on the Django cache, shared by the directory and the survey.

Works with every cache backend that implements ``add`` and ``incr`` atomically
enough for this purpose (locmem, Redis). Limits per scope come from
``settings.RATELIMITS``: ``{"scope": (requests, seconds)}``.
"""

import functools
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from netzwerke.security import client_ip

logger = logging.getLogger("netzwerke.security")

DEFAULT_LIMITS = {
    # requests to the read API (/api/v1/) per client address and minute
    "api": (300, 60),
    "contact": (5, 3600),
    "correction": (5, 3600),
    "invitation": (20, 3600),
    # login attempts per address, whatever the user name: spraying one password is limited
    "login": (30, 3600),
    "invitation-send": (50, 3600),
    "password-reset": (5, 3600),
    "register": (5, 3600),
    "submit": (10, 3600),
}


def limit_for(scope: str) -> tuple[int, int]:
    return {**DEFAULT_LIMITS, **getattr(settings, "RATELIMITS", {})}[scope]


def hit(scope: str, key: str) -> bool:
    """Count one request; True if it is over the limit."""
    limit, window = limit_for(scope)
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    bucket = int(time.time() // window)
    cache_key = f"ratelimit:{scope}:{digest}:{bucket}"
    if cache.add(cache_key, 1, window):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, window)
            count = 1
    return count > limit


def form_over_limit(request, form, scope: str, message) -> bool:
    """Count one submission of a valid public form; over ``scope``'s limit, put ``message``
    on the form (what was typed stays in the fields) and return True."""
    ident = f"ip:{client_ip(request)}"
    if hit(scope, ident):
        logger.warning("rate limit %s exceeded by %s", scope, ident)
        form.add_error(None, message)
        return True
    return False


def ratelimit(scope: str, *, methods=("POST",), key="ip"):
    """Answer 429 with a German page when ``scope``'s limit is exceeded."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                ident = (
                    f"user:{request.user.pk}"
                    if key == "user" and request.user.is_authenticated
                    else f"ip:{client_ip(request)}"
                )
                if hit(scope, ident):
                    logger.warning("rate limit %s exceeded by %s", scope, ident)
                    return render(request, "ratelimited.html", status=429)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
