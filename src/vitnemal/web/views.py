"""Pages that read: start, search, person, document, register, audit log. Thin: each calls
``store.visning`` (which checks access per object and writes the audit events) and renders."""

from __future__ import annotations

import functools
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from vitnemal.store import kjerne, klarfrister, tilgang, visning
from vitnemal.web import skjema


def side(view):
    """Login required; a missing or foreign object is 404, a refused action 403."""

    @login_required
    @functools.wraps(view)
    def inner(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except visning.IkkeFunnet:
            raise Http404("finnes ikke") from None
        except tilgang.IngenTilgang as exc:
            return render(request, "web/ingen_tilgang.html", {"melding": str(exc)}, status=403)

    return inner


@side
@require_http_methods(["GET"])
def start(request):
    return render(request, "web/start.html", {
        "skoler": visning.mine_skoler(request.user),
        "frister": klarfrister.neste(request.user, date.today()),
        "beredskap": visning.beredskap(request.user),
        "hendelser": visning.siste_hendelser(request.user),
        "kan_revidere": tilgang.har(request.user, "revidere"),
    })


@side
@require_http_methods(["GET", "POST"])
def sok(request):
    """Name and birth date by GET; a fødselsnummer only by POST (never in a URL)."""
    treff, sokt = [], False
    form = skjema.SokSkjema(request.GET or None)
    fnr_form = skjema.FnrSkjema(request.POST or None)
    if request.method == "POST":
        if fnr_form.is_valid():
            treff = visning.sok(request.user, fodselsnummer=fnr_form.cleaned_data["fodselsnummer"])
            sokt = True
        fnr_form = skjema.FnrSkjema()  # the number is not sent back to the page
    elif form.is_valid() and any(form.cleaned_data.values()):
        treff = visning.sok(request.user, navn=form.cleaned_data["navn"] or "",
                            fodt=form.cleaned_data["fodt"])
        sokt = True
    return render(request, "web/sok.html", {"form": form, "fnr_form": fnr_form,
                                            "treff": treff, "sokt": sokt})


@side
@require_http_methods(["GET"])
def person(request, pk: int):
    s = visning.personside(request.user, pk)
    return render(request, "web/person.html", {"s": s, **_funn(s.utskrift)})


def _funn(utskrift) -> dict:
    if utskrift is None:
        return {"funn": [], "antall_feil": 0}
    funn = [(f, *kjerne.kontrolltekst(f.regel)) for f in utskrift.funn]
    return {"funn": funn, "antall_feil": len(utskrift.feil)}


@side
@require_http_methods(["GET"])
def forhandsvis(request, pk: int):
    s = visning.personside(request.user, pk)
    if s.utskrift is None:
        raise Http404("ingen elevmappe å vise")
    pdf = kjerne.utkast_pdf(s.utskrift.dokument)
    resp = HttpResponse(pdf, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="utkast-person-{s.person.pk}.pdf"'
    return resp


@side
@require_http_methods(["GET"])
def dokument(request, pk: int):
    rad, hendelser, gjengivelser = visning.dokumentside(request.user, pk)
    return render(request, "web/dokument.html", {
        "rad": rad, "d": rad.dok, "hendelser": hendelser, "gjengivelser": gjengivelser,
        "kan_utstede": tilgang.har(request.user, "utstede", rad.dok),
        "kan_annullere": tilgang.har(request.user, "annullere", rad.dok),
        "arsaker": skjema.AnnullerSkjema(), "duplikat": skjema.DuplikatSkjema()})


@side
@require_http_methods(["GET"])
def pdf(request, pk: int):
    d = visning.dokument(request.user, pk, pdf=True)
    resp = HttpResponse(bytes(d.pdf), content_type="application/pdf")
    resp["Content-Disposition"] = f'attachment; filename="{d.nummer}-{d.pk}.pdf"'
    return resp


@side
@require_http_methods(["GET"])
def register(request):
    skoler = visning.mine_skoler(request.user)
    form = skjema.RegisterSkjema(skoler, request.GET or None)
    filtre = form.cleaned_data if form.is_valid() else {}
    rader = visning.dokumentliste(request.user, skole=filtre.get("skole"),
                                  ar=filtre.get("ar"), type=filtre.get("type", ""),
                                  status=filtre.get("status", ""))
    return render(request, "web/register.html", {"form": form, "rader": rader})


@side
@require_http_methods(["GET"])
def logg(request):
    form = skjema.LoggSkjema(request.GET or None)
    f = form.cleaned_data if form.is_valid() else {}
    rader = visning.hendelseslogg(request.user, person_id=f.get("person"),
                                  brukernavn=f.get("bruker") or "", fra=f.get("fra"),
                                  til=f.get("til"))
    return render(request, "web/logg.html", {"form": form, "rader": rader})
