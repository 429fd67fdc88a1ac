"""Sliding session expiry: a signed-in user who keeps working is not logged out.

Django ends a session a fixed ``SESSION_COOKIE_AGE`` after the login, however busy its
user is. ``SESSION_SAVE_EVERY_REQUEST`` would slide it, but it writes the session row on
every request of a signed-in user (three more queries on every page). Instead the
session carries its end (``set_expiry`` with a date, set at the login), and the end is
moved on only once less than half the age is left: a working user's session is written
at most once per half age, and an idle one ends between half the age and the full age
after its last request.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils import timezone

EXPIRY_KEY = "_session_expiry"  # where Django's set_expiry keeps the end


def extend(session) -> None:
    session.set_expiry(timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE))


def set_expiry_at_login(sender, request, user, **kwargs):
    """``user_logged_in`` receiver: the session ends a full age from now."""
    if getattr(request, "session", None) is not None:
        extend(request.session)


class SlidingSessionMiddleware:
    """Moves the end of a signed-in session on when less than half its age is left.

    Sits after ``SessionMiddleware``, which saves the session (and sends the new cookie)
    when this one changed it. A session the request never loaded is left alone, so
    anonymous pages gain no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or not session.accessed or SESSION_KEY not in session:
            return response
        if EXPIRY_KEY not in session or session.get_expiry_age() < settings.SESSION_COOKIE_AGE / 2:
            extend(session)
        return response
