"""Pages for the county and the deadlines (issue 16): the number series (fylkesadmin) and the
readiness checks before the årshjul's deadlines. Thin: the selectors in ``store`` check the
permission per school."""

from __future__ import annotations

from datetime import date

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from vitnemal.arshjul.klarsjekk import KLARSJEKKER
from vitnemal.store import klar as klarsjekk
from vitnemal.store import nummerserier as serier
from vitnemal.store import visning
from vitnemal.web.views import side

VIS = 50
"""Persons shown per check on the «klar» page."""


@side
@require_http_methods(["GET"])
def nummerserier(request):
    return render(request, "web/nummerserier.html", {"serier": serier.serier(request.user)})


@side
@require_http_methods(["GET"])
def klar(request):
    """«Klar til frist»: the readiness checks for one of the user's schools (all checks, or the
    one the start page links), with the persons concerned by name and record id."""
    skoler = visning.mine_skoler(request.user)
    sjekk = request.GET.get("sjekk", "")
    if sjekk and sjekk not in KLARSJEKKER:
        raise Http404("ukjent klarsjekk")
    valgt = request.GET.get("skole", "")
    skole = next((s for s in skoler if str(s.pk) == valgt), None)
    if valgt and skole is None:  # not one of the user's schools: as if it did not exist
        raise Http404("skolen finnes ikke, eller du har ikke tilgang til den")
    if skole is None and len(skoler) == 1:
        skole = skoler[0]
    resultater = None
    if skole is not None:
        resultater = klarsjekk.kjor(request.user, [sjekk] if sjekk else list(KLARSJEKKER),
                                    dato=date.today(), skole=skole, formal="web: klar til frist")
    return render(request, "web/klar.html", {
        "skoler": skoler, "skole": skole, "sjekk": sjekk, "sjekker": KLARSJEKKER.values(),
        "resultater": resultater, "vis": VIS})
