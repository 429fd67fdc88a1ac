"""Who is asking: the client address behind trusted proxies, and a bounded user name.

Rate limits and django-axes both use ``client_ip``; with ``TRUSTED_PROXIES=N`` the
address is the N-th entry from the right of ``X-Forwarded-For`` (each proxy appends the
address it was connected from), so a client cannot choose its own address by sending
the header itself. Without trusted proxies ``REMOTE_ADDR`` is the client.
"""

from django.conf import settings

from netzwerke.validators import CONTROL_CHARACTER

# django-axes stores the user name in a column of 255 characters
USERNAME_MAX_LENGTH = 255


def client_ip(request) -> str:
    proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if not forwarded:
        return remote
    return forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]


def axes_username(request, credentials=None) -> str:
    """The user name django-axes records, cut to what its table holds."""
    if credentials:
        username = credentials.get("username") or ""
    else:
        username = getattr(request, "POST", {}).get("username") or ""
    return CONTROL_CHARACTER.sub("", str(username))[:USERNAME_MAX_LENGTH]
