"""``verifiser``: render every stored document again and compare with what was stored, over
all cores (``arbeider.kontroller``)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from vitnemal.store import arbeider, hendelser, tilgang
from vitnemal.store.models import Hendelse, UtstedtDokument

BIT = 200


@dataclass(frozen=True)
class Avvik:
    nummer: str
    dokument_id: int
    feil: str

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def verifiser(bruker, *, nummer: str | None = None, formal: str = "", jobber: int = 0,
              fremdrift=None) -> tuple[int, list[Avvik]]:
    """Check every stored document (or those with ``nummer``): the PDF must be the one its
    hash names, and the stored document must render to exactly those bytes. Returns how many
    were checked and those that differ. The run is one event (documents are read, not shown)."""
    tilgang.krev(bruker, "lese")
    qs = UtstedtDokument.objects.only("id", "nummer", "pdf", "sha256", "dokument",
                                      "programversjon").order_by("id")
    if nummer:
        qs = qs.filter(nummer=nummer.strip())
    n, pool = arbeider.pool(jobber or os.cpu_count() or 1)
    numre: dict[int, str] = {}
    avvik: list[Avvik] = []
    venter: list = []

    def samle(futures) -> None:
        for f in futures:
            for ident, feil in f.result():
                if feil:
                    avvik.append(Avvik(numre[ident], ident, feil))
        if fremdrift:
            fremdrift(len(numre))

    try:
        bit: list[tuple] = []
        for d in qs.iterator(chunk_size=BIT):
            numre[d.id] = d.nummer
            bit.append((d.id, d.dokument, bytes(d.pdf), d.sha256, d.programversjon))
            if len(bit) == BIT:
                venter.append([pool.submit(arbeider.kontroller, x)
                               for x in arbeider.del_opp(bit, n)])
                bit = []
                if len(venter) > 2:  # bounded memory: at most three chunks in flight
                    samle(venter.pop(0))
        if bit:
            venter.append([pool.submit(arbeider.kontroller, x) for x in arbeider.del_opp(bit, n)])
        for futures in venter:
            samle(futures)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    avvik.sort(key=lambda a: a.dokument_id)
    hendelser.logg(bruker, Hendelse.Handling.VERIFISERT, formal=formal, antall=len(numre),
                   avvik=[a.dokument_id for a in avvik])
    return len(numre), avvik
