"""Masseutstedelse in the browser (issue 17): start a background batch, the list, a batch's
page with its progress (an HTMX fragment polled every 2 s, counts only), cancel after a
confirmation, the result table, the ZIP of its PDFs (streamed) and one print-ready PDF.

Thin: ``services.batch`` starts and cancels (permission per school), ``batch_selectors``
reads (permission per batch, an audited read per person and per PDF), ``batch_eksport``
writes the archive. A batch of another school is 404, like a person of another school."""

from __future__ import annotations

import io
from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from vitnemal.errors import VitnemalError
from vitnemal.store import batch_eksport, batch_selectors, tilgang, visning
from vitnemal.store.services import batch
from vitnemal.web import skjema
from vitnemal.web.views import side


def _utstedelsesskoler(bruker) -> list:
    return [s for s in visning.mine_skoler(bruker) if tilgang.har(bruker, "utstede", s)]


def _fremdrift(bruker, pk: int) -> batch_selectors.Fremdrift:
    """The batch's progress; a missing batch or one of another school is 404 (no oracle)."""
    try:
        return batch_selectors.fremdrift(bruker, pk)
    except VitnemalError:
        raise Http404("batchen finnes ikke, eller du har ikke tilgang til den") from None


@side
@require_http_methods(["GET"])
def liste(request):
    skoler = _utstedelsesskoler(request.user)
    return render(request, "web/batcher.html", {
        "batcher": batch_selectors.batcher(request.user),
        "form": skjema.BatchSkjema(skoler) if skoler else None})


@side
@require_http_methods(["POST"])
def start(request):
    skoler = _utstedelsesskoler(request.user)
    form = skjema.BatchSkjema(skoler, request.POST)
    if not form.is_valid():
        return render(request, "web/batcher.html", {
            "batcher": batch_selectors.batcher(request.user), "form": form}, status=422)
    skole = next(s for s in skoler if s.pk == form.cleaned_data["skole"])
    b = batch.start(request.user, skole, dato=date.today(),
                    skolear=form.cleaned_data["skolear"], trinn=form.cleaned_data["trinn"],
                    formal=form.cleaned_data["formal"] or "masseutstedelse")
    messages.success(request, f"Batch {b.pk} er startet: {b.antall} person(er) i køen.")
    return redirect("web:batch", pk=b.pk)


@side
@require_http_methods(["GET"])
def vis(request, pk: int):
    f = _fremdrift(request.user, pk)
    rader = batch_selectors.resultater(request.user, pk, formal="web") if f.ferdig else []
    return render(request, "web/batch.html", {
        "f": f, "kan_avbryte": not f.ferdig and any(s.orgnr == f.orgnr
                                            for s in _utstedelsesskoler(request.user)),
        "rader": rader})


@side
@require_http_methods(["GET"])
def fremdrift(request, pk: int):
    """HTMX fragment: state and counts. Once the batch has ended, a poll from the page tells
    HTMX to reload it (``HX-Refresh``), so the result table appears."""
    f = _fremdrift(request.user, pk)
    resp = render(request, "web/_batch_fremdrift.html", {"f": f})
    if f.ferdig and request.GET.get("venter"):
        resp["HX-Refresh"] = "true"
    return resp


@side
@require_http_methods(["GET", "POST"])
def avbryt(request, pk: int):
    """A confirmation page (GET), then the cancellation (POST with ``bekreft=ja``)."""
    f = _fremdrift(request.user, pk)
    if request.method == "POST" and request.POST.get("bekreft") == "ja":
        try:
            batch.avbryt(request.user, pk)
        except tilgang.IngenTilgang:
            raise
        except VitnemalError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Batch {pk} er avbrutt.")
        return redirect("web:batch", pk=pk)
    return render(request, "web/batch_avbryt.html", {"f": f})


@side
@require_http_methods(["GET"])
def zip_(request, pk: int):
    """The batch's PDFs as a ZIP, streamed as it is written (never whole in memory)."""
    f = _fremdrift(request.user, pk)  # access is checked here, before the first byte
    if not f.utstedt:
        raise Http404("batchen har ikke utstedt noen dokumenter")
    resp = StreamingHttpResponse(
        batch_eksport.zip_biter(batch_selectors.pdfer(request.user, pk, formal="web")),
        content_type="application/zip")
    resp["Content-Disposition"] = f'attachment; filename="batch-{pk}.zip"'
    return resp


@side
@require_http_methods(["GET"])
def utskrift(request, pk: int):
    """One print-ready PDF of the batch's documents in order. Built in memory: pikepdf holds
    every page while it writes anyway (the ZIP is the streamed download)."""
    f = _fremdrift(request.user, pk)
    if not f.utstedt:
        raise Http404("batchen har ikke utstedt noen dokumenter")
    ut = io.BytesIO()
    batch_eksport.skriv_samlet_pdf(batch_selectors.pdfer(request.user, pk, formal="web"), ut,
                                   tittel=f"Utskrift av batch {pk}, {f.skole}")
    resp = HttpResponse(ut.getvalue(), content_type="application/pdf")
    resp["Content-Disposition"] = f'attachment; filename="batch-{pk}-utskrift.pdf"'
    return resp


@require_http_methods(["GET"])
def helse(request):
    """Health for a load balancer: no login, only status fields and counts (no host names,
    worker ids or database address, and no personal data). 503 when not healthy."""
    from vitnemal.store import drift

    h = drift.helse()
    ut = {"status": h["status"], "arbeidere": len(h.get("arbeidere", [])),
          "aktive_batcher": h.get("aktive_batcher", 0),
          "ventende_deler": h.get("ventende_deler", 0)}
    for nokkel in ("feil", "advarsel"):
        if nokkel in h:
            ut[nokkel] = h[nokkel]
    return JsonResponse(ut, status=503 if h["status"] == "feil" else 200,
                        json_dumps_params={"ensure_ascii": False})
