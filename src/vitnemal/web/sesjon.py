"""The session's inactivity timeout without a database write on every request.

Ref: issue 16 («session timeout»). A session ends ``SESSION_COOKIE_AGE`` seconds (30 minutes)
after the last request. Django's ``SESSION_SAVE_EVERY_REQUEST`` gets that by writing the
session row on every request — one UPDATE and one commit (an fsync) per page, 20 % of a PDF
download's time in bench/web.py. Instead the session is written again when its last renewal is
``FORNY_SEKUNDER`` old: a session then ends between 29 and 30 minutes after the last request
(docs/decisions.md, «Web speed (issue 16)»).
"""

from __future__ import annotations

import time

from django.conf import settings

FORNY_SEKUNDER = 60
"""At most; a shorter ``SESSION_COOKIE_AGE`` renews after a thirtieth of it."""
NOKKEL = "_vitnemal_fornyet"


def intervall() -> int:
    """Seconds between renewals: a thirtieth of the session's age, at most a minute."""
    return max(1, min(FORNY_SEKUNDER, settings.SESSION_COOKIE_AGE // 30))


class Fornyelse:
    """Mark the session modified (so ``SessionMiddleware`` saves it with a new expiry) when the
    user is logged in and the last renewal is at least ``FORNY_SEKUNDER`` old."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            na = int(time.time())
            if na - request.session.get(NOKKEL, 0) >= intervall():
                request.session[NOKKEL] = na
        return response
