"""The worker side of masseutstedelse: check/compose and render, in processes that never
import Django (``store.masse`` sends them plain data)."""

from __future__ import annotations

import time

from vitnemal.store import kjerne


def sjekk(jobber: list[tuple]) -> list[tuple]:
    """Check and compose each record: (version id, Dokument or None, its ``as_dict`` or None,
    FEIL, seconds)."""
    ut = []
    for vid, data, testdata, fakta, dato, maalform, dokumenttype in jobber:
        t0 = time.perf_counter()
        mappe = kjerne.mappe_fra_data(data, testdata=testdata)
        u = kjerne.forbered(mappe, fakta, dato=dato, maalform=maalform,
                            dokumenttype=dokumenttype, testdata=testdata)
        data = None if u.nektet else kjerne.som_dict(u.dokument)
        ut.append((vid, u.dokument, data, u.feil if u.nektet else [],
                   time.perf_counter() - t0))
    return ut


def render(jobber: list[tuple]) -> list[tuple]:
    """Render each document with its predicted number: (PDF bytes, seconds)."""
    ut = []
    for dok, nr in jobber:
        t0 = time.perf_counter()
        pdf = kjerne.render_pdf(kjerne.med_nummer(dok, nr))
        ut.append((pdf, time.perf_counter() - t0))
    return ut
