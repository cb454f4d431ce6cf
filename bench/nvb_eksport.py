"""Benchmark: NVB export of 10,000 issued documents from the register (issue 15: ≥ 2,000/s).

    .venv/bin/python bench/nvb_eksport.py [--antall 10000] [--runder 3] [--pg URL]

Untimed: a fresh register (SQLite file, or a fresh database on the PostgreSQL server ``--pg``
or ``VITNEMAL_TEST_PG`` names) gets one school and ``--antall`` issued documents, inserted in
bulk from the stored documents of the bundled samples (composed once each; every person with
its own Tenor test number, name and serial; the PDF column holds a placeholder, the export
never reads it). Timed, ``--runder`` times in fresh transactions that are rolled back (so
every round exports the same documents): ``store.services.nvb.eksporter`` — select what is
not delivered, read every stored ``Dokument``, write the ¤-file (¤A ¤V ¤P ¤F ¤M), SHA-256,
record the delivery and log the reads. Then a re-run with nothing new, and the file's own
control (file checks) for FEIL. Prints documents/s (best, median; wall and CPU) and the ratio
to the target. The machine is shared: read the best round as the code's speed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
MAAL = 2_000  # documents/s, issue 15
ORGNR = "974544482"
DATO = date(2026, 6, 19)


def _database(pg: str, tmp: Path) -> str | None:
    """Point Django at a fresh database; returns the PostgreSQL database to drop, if any."""
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("VITNEMAL_DB", None)
    if not pg:
        os.environ["VITNEMAL_DB"] = str(tmp / "register.sqlite3")
        return None
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    navn = f"vitnemal_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {navn}")
    u = urlsplit(pg)
    os.environ["DATABASE_URL"] = urlunsplit((u.scheme, u.netloc, "/" + navn, u.query, ""))
    return navn


def _maler() -> list:
    from vitnemal.io import load_elevmapper
    from vitnemal.sjekk import sjekk

    r = load_elevmapper([REPO / "eksempler"], testdata=True)
    return [sjekk(m, today=DATO, testdata=True).dokument for _, m in r.mapper]


def _fyll(antall: int) -> None:
    from tests.store.test_nvb_eksport import tenor_fnr
    from vitnemal.store import kjerne
    from vitnemal.store.models import Elevmappeversjon, Person, UtstedtDokument
    from vitnemal.store.services import brukere, skoler

    bruker = brukere.opprett("bench")[0]
    skole = skoler.registrer(bruker, orgnr=ORGNR, navn="Nordlys videregående skole",
                             sted="Oslo", skolenummer="03012",
                             underskrivere=("Rektor Randi Rektorsen", "Per Avdeling"))[0]
    maler = _maler()
    personer = [Person(fodselsnummer=tenor_fnr(i), navn=f"Testperson {i}", testdata=True)
                for i in range(antall)]
    Person.objects.bulk_create(personer, batch_size=1000)
    versjoner = [Elevmappeversjon(person=p, skole=skole, versjon=1, data={}, sha256="",
                                  bruker=bruker, arsak="bench") for p in personer]
    Elevmappeversjon.objects.bulk_create(versjoner, batch_size=1000)
    rader = []
    for i, (p, v) in enumerate(zip(personer, versjoner, strict=True)):
        mal = maler[i % len(maler)]
        nr = kjerne.dokumentnummer(mal.type, ORGNR, DATO.year, i + 1)
        dok = replace(mal, dokumentnummer=nr, fodselsnummer=p.fodselsnummer, navn=p.navn,
                      skole=skole.navn, sted=skole.sted,
                      underskrivere=(skole.underskriver_1, skole.underskriver_2))
        dok = replace(dok, koder=replace(dok.koder, orgnr=ORGNR, skolenummer="03012",
                                         lopenummer=i + 1))
        rader.append(UtstedtDokument(
            nummer=nr, tildelt=True, type=dok.type.value, orgnr=ORGNR, ar=DATO.year,
            lopenummer=i + 1, art="original", person=p, skole=skole, mappeversjon=v,
            dokument=kjerne.som_dict(dok), pdf=b"%PDF-", sha256="", regelsett_versjon="bench",
            kodeverk_versjon="bench", programversjon="bench", utstedt=DATO,
            maalform=dok.maalform, underskrivere=list(dok.underskrivere), bruker=bruker))
    UtstedtDokument.objects.bulk_create(rader, batch_size=500)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--antall", type=int, default=10_000)
    ap.add_argument("--runder", type=int, default=3)
    ap.add_argument("--pg", default=os.environ.get("VITNEMAL_TEST_PG", ""),
                    help="PostgreSQL admin URL (standard: VITNEMAL_TEST_PG; ellers SQLite)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pgdb = _database(args.pg, tmp)
        try:
            return _kjor(args, tmp)
        finally:
            from django.db import connections

            connections.close_all()
            if pgdb:
                import psycopg

                with psycopg.connect(args.pg, autocommit=True) as c:
                    c.execute(f"DROP DATABASE IF EXISTS {pgdb} WITH (FORCE)")


def _kjor(args, tmp: Path) -> int:
    from vitnemal.store import oppsett

    oppsett.start()
    oppsett.migrer()
    from django.db import connection, transaction

    from vitnemal.nvb import kontroller, les
    from vitnemal.store.services import brukere, nvb

    t = time.perf_counter()
    with transaction.atomic():
        _fyll(args.antall)
    print(f"register ({connection.vendor}): {args.antall:,} issued documents inserted in "
          f"{time.perf_counter() - t:.1f} s (untimed)")
    bruker = brukere.finn("bench")
    tid = datetime(2026, 6, 20, 12, 0, 0)
    vegg, cpu = [], []
    fil = tmp / "nvb.txt"
    for _ in range(args.runder):
        with transaction.atomic():
            c0, t0 = time.process_time(), time.perf_counter()
            r = nvb.eksporter(bruker, sti=fil, tidspunkt=tid)
            vegg.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            assert len(r.dokumenter) == args.antall, len(r.dokumenter)
            t1 = time.perf_counter()
            igjen = nvb.eksporter(bruker, sti=tmp / "igjen.txt", tidspunkt=tid)
            igjen_s = time.perf_counter() - t1
            assert igjen.tom
            transaction.set_rollback(True)
    n = args.antall
    print(f"export (eksporter)      best {n / min(vegg):>8,.0f} documents/s   median "
          f"{n / statistics.median(vegg):>8,.0f} documents/s   ({min(vegg):.2f} s best, "
          f"{fil.stat().st_size / 1e6:.1f} MB)")
    print(f"export (CPU)            best {n / min(cpu):>8,.0f} documents/s")
    print(f"re-run, nothing new: {igjen_s * 1000:.0f} ms (no file, no delivery)")
    print(f"vs the issue's target ({MAAL:,}/s): {n / min(vegg) / MAAL:.1f}× (best), "
          f"{n / statistics.median(vegg) / MAAL:.1f}× (median)")
    k = kontroller(les(fil), testdata=True, retningslinjer=False)
    feil = sum(1 for d in k.dokumenter if d.har_feil)
    print(f"the exported file's own file control: {len(k.dokumenter):,} documents, {feil:,} "
          f"with FEIL (disagreements between NVB's rules and some sample documents; see "
          "docs/decisions.md, issue 15)")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
