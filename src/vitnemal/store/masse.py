"""Masseutstedelse: every ready person of a school, over all cores.

Per chunk of records: worker processes check and compose (``kjerne.forbered``); the
coordinator predicts the numbers the chunk will get (the series' last value plus what is
already in flight) and the workers render the PDFs with them, outside any lock; the
coordinator then stores the chunk in one transaction (``lagre_originaler``), which allocates
the real numbers and renders again, inside the lock, only the documents whose prediction
missed (another issuer took numbers meanwhile). Storing chunk i overlaps with the workers'
checking and rendering of chunk i+1.

Measured reason for the prediction (bench/register.py, 2 cores, SQLite): rendering inside
the transaction serialises all PDF work behind the writer lock; predicting keeps the lock to
the inserts (see the figures in docs/decisions.md).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Subquery

from vitnemal.store import arbeider, kjerne, nummer, tilgang
from vitnemal.store.arbeider import render as _render
from vitnemal.store.arbeider import sjekk as _sjekk
from vitnemal.store.models import Elevmappeversjon, Skole, UtstedtDokument
from vitnemal.store.services import utstedelse
from vitnemal.store.services.utstedelse import (
    GJELDENDE_ARTER,
    Kandidat,
    Resultat,
    Tider,
    lagre_originaler,
    utstederfakta,
)

#: Records per chunk, one transaction each (``VITNEMAL_MASSE_BIT``; the tests use small chunks
#: so that concurrent issuers interleave).
BIT = int(os.environ.get("VITNEMAL_MASSE_BIT", "200"))
#: ``VITNEMAL_MASSE_FORUTSI=0`` turns the prediction off (every PDF rendered inside the
#: transaction, as ``utsted`` does for one person): for measuring its gain (bench/register.py).
FORUTSI = os.environ.get("VITNEMAL_MASSE_FORUTSI", "1") != "0"
FORAN = 2  # chunks checked ahead of the one being rendered
DELER = 4  # jobs per worker and phase (smaller jobs: less idle time at a phase's end)


def klare_versjoner(skole: Skole, *, skolear: str | None = None,
                    person_ids: list[int] | None = None) -> list[Elevmappeversjon]:
    """The latest record version of every person of ``skole`` (or of ``person_ids``) that
    has no valid document issued from that version, optionally only records with a
    programme area in ``skolear``."""
    siste = (Elevmappeversjon.objects.filter(person=OuterRef("person"))
             .order_by("-versjon").values("versjon")[:1])
    utstedt = UtstedtDokument.objects.filter(mappeversjon=OuterRef("pk"),
                                             art__in=GJELDENDE_ARTER, annullering__isnull=True)
    qs = (Elevmappeversjon.objects.filter(versjon=Subquery(siste)).exclude(Exists(utstedt))
          .select_related("person", "skole", "skole__fylke").order_by("person_id"))
    qs = qs.filter(person_id__in=person_ids) if person_ids is not None else qs.filter(skole=skole)
    ut = list(qs)
    if skolear:
        ut = [v for v in ut if any(p.get("skolear") == skolear
                                   for p in v.data.get("programomrader", []))]
    return ut


@dataclass
class _Bit:
    versjoner: list[Elevmappeversjon]
    sjekk: list[Future]
    kandidater: list[Kandidat] | None = None
    nektet: list[Resultat] | None = None
    render: list[Future] | None = None


def masseutsted(bruker, skole: Skole, versjoner: list[Elevmappeversjon], *, dato: date,
                maalform: str | None = None, dokumenttype=None, jobber: int = 0,
                formal: str = "", fremdrift: Callable[[list[Resultat]], None] | None = None,
                bit: int | None = None) -> tuple[list[Resultat], Tider]:
    """Issue the documents of ``versjoner`` (all of ``skole``); returns one result per
    record, in order, and the time spent per phase."""
    tilgang.krev(bruker, "utstede", skole)
    bit = bit or BIT
    n = jobber or os.cpu_count() or 1
    tider = Tider()
    fakta = utstederfakta(skole)
    n, pool = arbeider.pool(n if len(versjoner) > 1 else 1)
    alle: list[Resultat] = []

    def send_sjekk(vs: list[Elevmappeversjon]) -> _Bit:
        jobb = [(v.pk, utstedelse.navn(v), v.data, v.person.testdata, fakta, dato, maalform,
                 dokumenttype) for v in vs]
        return _Bit(vs, [pool.submit(_sjekk, d) for d in arbeider.del_opp(jobb, n * DELER)])

    def send_render(b: _Bit, forrige: int) -> int:
        per_vid = {v.pk: v for v in b.versjoner}
        b.kandidater, b.nektet = [], []
        for f in b.sjekk:
            for vid, dok, data, feil, sek in f.result():
                tider.sjekk += sek
                if dok is None:
                    b.nektet.append(Resultat(per_vid[vid].person_id, "nektet",
                                             melding=f"{len(feil)} FEIL; ikke utstedt",
                                             feil=feil))
                else:
                    b.kandidater.append(Kandidat(per_vid[vid], dok, data=data))
        jobb = []
        for k in b.kandidater:
            forrige += 1
            k.forventet = kjerne.dokumentnummer(k.dokument.type, skole.orgnr, dato.year,
                                                forrige)
            jobb.append((k.dokument, k.forventet))
        b.render = ([pool.submit(_render, d) for d in arbeider.del_opp(jobb, n * DELER)]
                    if jobb and FORUTSI else [])
        return forrige

    def lagre(b: _Bit) -> None:
        pdfer = [r for f in b.render for r in f.result()]
        for k, (pdf, sek) in zip(b.kandidater, pdfer, strict=False):
            k.pdf = pdf
            tider.pdf += sek
        res = lagre_originaler(bruker, skole, b.kandidater, dato=dato, formal=formal,
                               tider=tider) if b.kandidater else []
        linjer = b.nektet + res
        alle.extend(linjer)
        if fremdrift:
            fremdrift(linjer)

    try:
        biter = deque(versjoner[i:i + bit] for i in range(0, len(versjoner), bit))
        # Two chunks are checked ahead, so the workers always have queued work while the
        # coordinator waits for a check to finish or stores the previous chunk.
        sjekker = deque(send_sjekk(biter.popleft()) for _ in range(min(FORAN, len(biter))))
        venter: _Bit | None = None
        while sjekker:
            b = sjekker.popleft()
            forrige = nummer.siste(skole.orgnr, dato.year) + (
                len(venter.kandidater) if venter else 0)
            send_render(b, forrige)
            if biter:
                sjekker.append(send_sjekk(biter.popleft()))
            if venter:
                lagre(venter)
            venter = b
        if venter:
            lagre(venter)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return alle, tider

