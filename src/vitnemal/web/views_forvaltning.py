"""Pages for the county and the deadlines (issue 16): the number series (fylkesadmin) and the
readiness checks before the årshjul's deadlines. Thin: the selectors in ``store`` check the
permission per school."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from vitnemal.store import nummerserier as serier
from vitnemal.web.views import side


@side
@require_http_methods(["GET"])
def nummerserier(request):
    return render(request, "web/nummerserier.html", {"serier": serier.serier(request.user)})
