"""Benchmark of readiness on the start page (issue 16) on PostgreSQL: the start page's counts
(``klar.tell``, count queries) against the full readiness checks (``klar.kjor``, every record
validated) on the same register.

    .venv/bin/python bench/klar.py [--antall 100000] [--pg postgresql://postgres@127.0.0.1:54344/postgres]
                                   [--kjor 2000] [--db NAVN] [--behold]

1. A fresh database is filled as ``bench/web.py`` does (``--antall`` persons at one school,
   three school years each, every 50th with an issued document), untimed; ``--db`` reuses one.
2. Printed, for a rektor of the school: ``klar.tell`` of the start page's cheap checks, the
   deadlines with counts (``klarfrister.neste``) and the whole start page (Django's test client
   in this process), each the median of 5 runs (ms) with its SQL query count; then
   ``klar.kjor`` with every check on a school holding ``--kjor`` of the persons (copied
   records at a second school), in seconds and ms per person — what the «Klar til frist» page
   costs, and why it is not on the start page. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests" / "store"))
import stotte  # noqa: E402
import web  # noqa: E402  (bench/web.py: the same register)

JUNI = date(2026, 6, 10)


def _tid(f, ganger: int = 5) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    f()  # warm up
    tider, n = [], 0
    for _ in range(ganger):
        with CaptureQueriesContext(connection) as q:
            t0 = time.perf_counter()
            f()
            tider.append(time.perf_counter() - t0)
        n = len(q)
    return statistics.median(tider) * 1000, n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--antall", type=int, default=100_000)
    ap.add_argument("--pg", default=os.environ.get("VITNEMAL_TEST_PG",
                                                   "postgresql://postgres@127.0.0.1:54344/postgres"))
    ap.add_argument("--kjor", type=int, default=2000, help="persons at the school klar.kjor runs on")
    ap.add_argument("--db", help="reuse this database, filled by an earlier --behold run")
    ap.add_argument("--behold", action="store_true")
    args = ap.parse_args()
    stotte.PG = args.pg
    dbnavn = args.db or f"vitnemal_bench_{uuid.uuid4().hex[:8]}"
    if not args.db:
        stotte._pg_admin(f"CREATE DATABASE {dbnavn}")
    os.environ["DATABASE_URL"] = stotte._pg_url(dbnavn)
    os.environ.pop("VITNEMAL_DB", None)
    try:
        from vitnemal.store import oppsett

        oppsett.start()
        if not args.db:
            print(f"fyller {args.antall} personer (3 skoleår hver) i PostgreSQL …", flush=True)
            web.fyll(args.antall)
        from django.contrib.auth.models import User
        from django.test import Client

        from vitnemal.store import klar, klarfrister
        from vitnemal.store.models import Elevmappeversjon, Person, Rolle, UtstedtDokument
        from vitnemal.store.services import skoler
        from vitnemal.web import views

        u = User.objects.get(username="bench-klient")
        print(f"\n{Person.objects.count()} personer, {UtstedtDokument.objects.count()} "
              f"dokumenter; dato {JUNI}")
        print(f"{'hva':44} {'ms':>9} {'spørringer':>10}")
        for hva, f in (
                ("klar.tell (nvb_levert, klage_ny_eksamen…)",
                 lambda: klar.tell(u, list(klar.BILLIGE))),
                ("klarfrister.neste (startsidens frister)",
                 lambda: klarfrister.neste(u, JUNI))):
            ms, n = _tid(f)
            print(f"{hva:44} {ms:9.1f} {n:10d}", flush=True)

        class Dato(date):
            @classmethod
            def today(cls):
                return JUNI

        views.date = Dato
        c = Client()
        c.force_login(u)
        ms, n = _tid(lambda: c.get("/"))
        print(f"{'startsiden (GET /, hele siden)':44} {ms:9.1f} {n:10d}", flush=True)
        # klar.kjor on a second school with --kjor of the persons (their records copied)
        cli = User.objects.get(username="bench")
        b, ny = skoler.registrer(cli, orgnr="974760673", navn="Fjordheim videregående skole",
                                 sted="Bergen", underskrivere=("Bjørn Bergsen", "Kari Vik"))
        if ny:
            kopier = [Elevmappeversjon(person_id=v.person_id, skole=b, versjon=2, data=v.data,
                                       sha256=v.sha256, bruker=cli, arsak="bench klar")
                      for v in Elevmappeversjon.objects.filter(versjon=1)
                      .order_by("person_id")[:args.kjor]]
            Elevmappeversjon.objects.bulk_create(kopier)
        Rolle.objects.get_or_create(bruker=u, rolle="rektor", skole=b)
        u = User.objects.get(pk=u.pk)
        antall = Elevmappeversjon.objects.filter(skole=b).count()
        t0 = time.perf_counter()
        res = klar.kjor(u, list(klar.KLARSJEKKER), dato=JUNI, skole=b, formal="bench")
        s = time.perf_counter() - t0
        print(f"klar.kjor, alle sjekker, {antall} personer ved én skole: {s:.1f} s "
              f"({s / max(antall, 1) * 1000:.1f} ms per person; "
              f"{sum(r.antall for r in res)} funn)")
        print(f"  → {args.antall} personer ville ta om lag {s / max(antall, 1) * args.antall:.0f} s")
    finally:
        web.rydd(dbnavn, behold=args.behold or bool(args.db))
    return 0


if __name__ == "__main__":
    sys.exit(main())
