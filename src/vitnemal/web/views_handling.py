"""Pages that change the register: edit a record, issue, duplicate, annul. Each calls one
service of ``vitnemal.store.services`` (which checks access per object and logs the event)."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from vitnemal.errors import VitnemalError
from vitnemal.store import kjerne, kodevalg, tilgang, visning
from vitnemal.store.services import annullering, duplikat, redigering, utstedelse
from vitnemal.web import mappeskjema, skjema
from vitnemal.web.views import _funn, side


def _mappe(request, pk: int):
    s = visning.personside(request.user, pk)
    if s.versjon is None:
        raise Http404("personen har ingen elevmappe")
    tilgang.krev(request.user, "importere", s.person)
    return s


def _skjema(request, s) -> mappeskjema.MappeSkjema:
    data = request.POST if request.method == "POST" else None
    return mappeskjema.MappeSkjema(s.versjon.data, s.versjon.versjon, data,
                                   legg_til=request.POST.get("legg_til"))


@side
@require_http_methods(["GET", "POST"])
def endre(request, pk: int):
    """Edit the whole record; saving makes a new version and the person page shows the new
    checks. «Legg til …» (with or without HTMX) re-renders with one empty row more."""
    s = _mappe(request, pk)
    form = _skjema(request, s)
    problemer: list[str] = []
    if request.method == "POST" and not form.legger_til:
        if not form.is_valid():
            problemer = form.feil()
        else:
            try:
                ut = redigering.lagre_endring(request.user, s.person, form.ny_mappe(),
                                              arsak=form.arsak, grunnlag=form.grunnlag)
            except redigering.Endringsfeil as exc:
                problemer = exc.problemer
                form.knytt(exc.steder)
            else:
                messages.success(request, f"Lagret som versjon {ut.versjon}." if ut.ny_versjon
                                 else "Ingen endring: elevmappen er lik siste versjon.")
                return redirect("web:person", pk=s.person.pk)
    return render(request, "web/endre.html", {
        "s": s, "form": form, "problemer": problemer, "linjefakta": mappeskjema.LINJEFAKTA,
        "linjevalg": mappeskjema.LINJEVALG, "fam": kodevalg.merknader("FAM"),
        "vmm": kodevalg.merknader("VMM"), **_funn(s.utskrift)},
        status=422 if problemer else 200)


@side
@require_http_methods(["POST"])
def sjekk(request, pk: int):
    """HTMX: the checks on the edited values, without saving (a fragment)."""
    s = _mappe(request, pk)
    form = _skjema(request, s)
    if not form.is_valid():
        return render(request, "web/_funn.html", {"problemer": form.feil(),
                                                  **_funn(s.utskrift)})
    utskrift, _koder, problemer = visning.vurder_endring(
        s.versjon, form.ny_mappe(), dato=date.today(), testdata=s.person.testdata)
    return render(request, "web/_funn.html", {
        "problemer": [redigering.problemtekst(p) for p in problemer], "utskrift": utskrift,
        **_funn(utskrift)})


@side
@require_http_methods(["POST"])
def utsted(request, pk: int):
    s = visning.personside(request.user, pk)
    form = skjema.UtstedSkjema(request.POST)
    erstatter = (form.cleaned_data.get("erstatter") or None) if form.is_valid() else None
    try:
        r = utstedelse.utsted(request.user, s.person, dato=date.today(), erstatter=erstatter,
                              arsak=(form.cleaned_data.get("arsak") if form.is_valid() else "")
                              or "FEI", formal="web")
    except utstedelse.ErstatterFinnesIkke:
        raise Http404("dokumentet finnes ikke") from None
    except tilgang.IngenTilgang:
        raise
    except VitnemalError as exc:
        messages.error(request, str(exc))
        return redirect("web:person", pk=s.person.pk)
    if r.status == "utstedt":
        messages.success(request, f"Utstedt: {r.nummer}.")
        return redirect("web:dokument", pk=r.dokument_id)
    if r.status == "nektet":
        return render(request, "web/nektet.html", {"s": s, "r": r,
                                                   "funn": [(f, *kjerne.kontrolltekst(f.regel))
                                                            for f in r.feil]}, status=422)
    messages.warning(request, f"Ikke utstedt: {r.melding}.")
    return redirect("web:person", pk=s.person.pk)


@side
@require_http_methods(["POST"])
def lag_duplikat(request, pk: int):
    d = visning.dokument(request.user, pk)
    form = skjema.DuplikatSkjema(request.POST)
    nytt = form.is_valid() and form.cleaned_data["nytt_nummer"]
    try:
        dup = duplikat.utsted_duplikat(request.user, d, dato=date.today(), nytt_nummer=nytt,
                                       formal="web")
    except tilgang.IngenTilgang:
        raise
    except VitnemalError as exc:
        messages.error(request, str(exc))
        return redirect("web:dokument", pk=d.pk)
    messages.success(request, f"Duplikat utstedt: {dup.nummer}.")
    return redirect("web:dokument", pk=dup.pk)


@side
@require_http_methods(["GET", "POST"])
def annuller(request, pk: int):
    """Annul with reason code and text, after a confirmation step."""
    d = visning.dokument(request.user, pk)
    tilgang.krev(request.user, "annullere", d)
    form = skjema.AnnullerSkjema(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if request.POST.get("bekreft") != "ja":
            return render(request, "web/annuller.html", {"d": d, "form": form, "bekreft": True})
        try:
            annullering.annuller(request.user, d, arsak=form.cleaned_data["arsak"],
                                 dato=date.today(), fritekst=form.cleaned_data["fritekst"],
                                 formal="web")
        except tilgang.IngenTilgang:
            raise
        except VitnemalError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Dokument {d.nummer} er annullert.")
        return redirect("web:dokument", pk=d.pk)
    return render(request, "web/annuller.html", {"d": d, "form": form, "bekreft": False})
