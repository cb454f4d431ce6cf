"""The worker side of masseutstedelse: check/compose and render, in processes that never
import Django (``store.masse`` sends them plain data)."""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import Executor, Future, ProcessPoolExecutor

from vitnemal.store import kjerne


class _Her(Executor):
    """Runs jobs in this process (one process asked for)."""

    def submit(self, fn, /, *args, **kwargs):
        f: Future = Future()
        f.set_result(fn(*args, **kwargs))
        return f


def pool(n: int) -> tuple[int, Executor]:
    """``n`` worker processes (forkserver: they never inherit the coordinator's database
    connection), or this process when ``n`` is 1."""
    if n <= 1:
        return 1, _Her()
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["vitnemal.store.arbeider", "vitnemal.pdf.render"])
    return n, ProcessPoolExecutor(max_workers=n, mp_context=ctx)


def del_opp(seq: list, n: int) -> list[list]:
    """``seq`` in at most ``n`` consecutive parts."""
    size = max(1, -(-len(seq) // n))
    return [seq[i:i + size] for i in range(0, len(seq), size)]


#: The fields of a document the coordinator reads (the row's columns); the rest travels as
#: JSON text (``store.jsontekst``).
FELTER = ("type", "maalform", "underskrivere", "forstegangsvitnemal", "dokumentnummer")


def utsted(jobber: list[tuple], felles: tuple) -> list[tuple]:
    """Each record once: validate, check and compose with its predicted serial, and unless
    refused, serialise and (``pdf``) render. Returns per record (version id, serial, the
    document's ``FELTER`` or None, its ``as_dict`` as JSON text, PDF or None, its SHA-256,
    FEIL, seconds checking, seconds rendering)."""
    fakta, dato, maalform, dokumenttype, pdf = felles
    ut = []
    for vid, navn, data, sha, testdata, lnr in jobber:
        t0 = time.perf_counter()
        dok, feil = kjerne.forbered_lagret(data, fakta, dato=dato, lopenummer=lnr, navn=navn,
                                           sha=sha, maalform=maalform,
                                           dokumenttype=dokumenttype, testdata=testdata)
        if dok is None:
            ut.append((vid, lnr, None, "", None, "", feil, time.perf_counter() - t0, 0.0))
            continue
        d = kjerne.som_dict(dok)
        felt, tekst = {k: d[k] for k in FELTER}, kjerne.som_json(d)
        t1 = time.perf_counter()
        b = kjerne.render_pdf(dok) if pdf else None
        ut.append((vid, lnr, felt, tekst, b, kjerne.sha256(b) if b else "", feil, t1 - t0,
                   time.perf_counter() - t1))
    return ut


def kontroller(jobber: list[tuple]) -> list[tuple]:
    """``verifiser``: (id, what differs or "") for each (id, stored document, PDF, SHA-256,
    program version)."""
    ut = []
    for ident, dokument, pdf, sha, programversjon in jobber:
        if kjerne.sha256(pdf) != sha:
            ut.append((ident, "PDF-en er endret etter utstedelse (SHA-256 stemmer ikke)"))
            continue
        try:
            ny = kjerne.render_pdf(kjerne.fra_dict(dokument))
        except Exception as exc:  # noqa: BLE001 - a stored document that no longer renders
            ut.append((ident, f"det lagrede dokumentet kan ikke gjengis ({type(exc).__name__})"))
            continue
        ut.append((ident, "" if ny == pdf else
                   "ny gjengivelse av det lagrede dokumentet gir ikke de samme bytene "
                   f"(lagret med {programversjon}, nå {kjerne.programversjon()})"))
    return ut
