"""Masseutstedelse: every ready person of a school, over all cores.

Each record is handled once, in a worker process (``arbeider.utsted``): validated, checked
and composed by the core (``kjerne.forbered``) with a *predicted* serial, and — unless
refused — rendered to PDF and serialised there, so only the stored row's data and bytes come
back. The coordinator predicts the serials (the series' last value plus every record in
flight, in order) and stores each chunk in ONE transaction (``lagre_originaler``), which
allocates the real serials: a document keeps its predicted one when it was allocated, and
only a document displaced by a refusal or by another issuer is composed and rendered again,
inside the transaction. Storing chunk i overlaps with the workers' work on the next chunks.

Measured reason for the prediction (bench/register.py, 2 cores): rendering inside the
transaction serialises all PDF work behind the writer lock; predicting keeps the lock to the
inserts (figures in docs/decisions.md).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Subquery

from vitnemal.store import arbeider, nummer, tilgang
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
#: ``VITNEMAL_MASSE_FORUTSI=0``: the workers only check and compose, and every PDF is rendered
#: inside the transaction, as ``utsted`` does for one person (for measuring the gain).
FORUTSI = os.environ.get("VITNEMAL_MASSE_FORUTSI", "1") != "0"
FORAN = 2  # chunks in the workers beyond the one being stored
DELER = 4  # jobs per worker and chunk (smaller jobs: less idle time at a chunk's end)


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
    jobber: list[Future]


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
    felles = (fakta, dato, maalform, dokumenttype, FORUTSI)
    n, pool = arbeider.pool(n if len(versjoner) > 1 else 1)
    alle: list[Resultat] = []
    i_arbeid: deque[_Bit] = deque()

    def send(vs: list[Elevmappeversjon]) -> _Bit:
        # The serials these records will get if every record in flight is issued in order.
        neste = nummer.siste(skole.orgnr, dato.year) + sum(len(b.versjoner) for b in i_arbeid)
        jobb = []
        for v in vs:
            neste = min(neste + 1, nummer.MAKS)
            jobb.append((v.pk, utstedelse.navn(v), v.data, v.sha256, v.person.testdata, neste))
        return _Bit(vs, [pool.submit(arbeider.utsted, d, felles)
                         for d in arbeider.del_opp(jobb, n * DELER)])

    def lagre(b: _Bit) -> None:
        per_vid = {v.pk: v for v in b.versjoner}
        ut: dict[int, Resultat] = {}
        kandidater = []
        for f in b.jobber:
            for vid, lnr, felt, tekst, pdf, sha, feil, t_sjekk, t_pdf in f.result():
                tider.sjekk += t_sjekk
                tider.pdf += t_pdf
                v = per_vid[vid]
                if felt is None:
                    ut[vid] = Resultat(v.person_id, "nektet",
                                       melding=f"{len(feil)} FEIL; ikke utstedt", feil=feil)
                else:
                    kandidater.append(Kandidat(v, lnr, felt, tekst=tekst, pdf=pdf, sha256=sha,
                                               maalform=maalform, dokumenttype=dokumenttype))
        if kandidater:
            res = lagre_originaler(bruker, skole, kandidater, dato=dato, formal=formal,
                                   tider=tider)
            ut.update((k.versjon.pk, r) for k, r in zip(kandidater, res, strict=True))
        linjer = [ut[v.pk] for v in b.versjoner]
        alle.extend(linjer)
        if fremdrift:
            fremdrift(linjer)

    try:
        biter = deque(versjoner[i:i + bit] for i in range(0, len(versjoner), bit))
        while biter and len(i_arbeid) <= FORAN:
            i_arbeid.append(send(biter.popleft()))
        while i_arbeid:
            lagre(i_arbeid[0])  # stored: its serials are in the series, no longer in flight
            i_arbeid.popleft()
            if biter:
                i_arbeid.append(send(biter.popleft()))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return alle, tider
