"""Benchmark of the web application on PostgreSQL: person search, person page and document
download at 10 concurrent clerks, served by gunicorn, with a load client on loopback.

    .venv/bin/python bench/web.py [--antall 100000] [--pg postgresql://postgres@127.0.0.1:54344/postgres]
                                  [--klienter 10] [--sekunder 30] [--maks 2000] [--workers 4]
                                  [--tenketid 0] [--db NAME] [--behold]

1. A fresh database on the server ``--pg`` (or ``VITNEMAL_TEST_PG``) is migrated and filled,
   untimed, with ``--antall`` synthetic persons (VIGO fictive fødselsnummer, names drawn from
   short lists so that a name search finds a handful), each with one record version holding
   three school years (the bundled sample 01, vg1–vg3), at one school; every 50th person has
   an issued document (one PDF rendered by the register's issuing service, the others bulk
   copies of its row with their own numbers), so downloads have something to fetch.
2. ``gunicorn vitnemal.web.wsgi`` (``--workers`` processes) serves it on loopback.
3. ``--klienter`` threads, each logged in as a clerk of the school, send requests of one kind
   at a time for ``--sekunder`` seconds or ``--maks`` requests (whichever first): search by
   name (GET), person page (a random person), PDF download (a random document); each sends its
   next request as soon as the last is answered (``--tenketid`` adds a clerk's pause). Printed:
   requests, p50, p95, max (ms) and requests/s per kind; the CPU per request of gunicorn, of
   the PostgreSQL server (when it runs on this machine) and of the load client, so that the
   figures can be read on a busy machine too; and the SQL query count of each page (Django's
   test client in this process, CaptureQueriesContext). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "store"))
sys.path.insert(0, str(REPO / "tests" / "web"))
import stotte  # noqa: E402
import tjener  # noqa: E402

FORNAVN = ["Ola", "Kari", "Per", "Astrid", "Nils", "Ingrid", "Lars", "Sigrid", "Jon", "Marit",
           "Erik", "Solveig", "Knut", "Ragnhild", "Arne", "Liv", "Odd", "Berit", "Tor", "Anne"]
ETTERNAVN = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
             "Kristiansen", "Jensen", "Karlsen", "Fjellheim", "Berg", "Haugen", "Hagen",
             "Bakken", "Solberg", "Lund", "Strand", "Moen", "Dahl"]
MELLOM = [f"Test{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"] + ["Demo", "Prøve", "Fiktiv"]
PASSORD = "bench-passord-123456"


def fnr(i: int) -> str:
    """A distinct VIGO fictive fødselsnummer for each ``i`` < 336,000 (003 A01: day + 40)."""
    dag, mnd, ar = 41 + i % 28, 1 + (i // 28) % 12, (i // 336) % 10
    return f"{dag:02d}{mnd:02d}{ar:02d}{99 - (i // 3360) % 10:02d}{(i // 33600) % 10}03"


def navn(i: int) -> str:
    r = random.Random(i)
    return f"{r.choice(FORNAVN)} {r.choice(MELLOM)} {r.choice(ETTERNAVN)}"


def fyll(antall: int) -> None:
    """Fill the register (Django set up on DATABASE_URL), untimed."""
    import copy
    import json
    from datetime import date

    from django.contrib.auth.models import User
    from django.db import connection, transaction

    from vitnemal.store import kjerne, oppsett
    from vitnemal.store.models import Elevmappeversjon, Person, Rolle, UtstedtDokument
    from vitnemal.store.services import brukere, importering, skoler, utstedelse

    oppsett.migrer()
    cli, _ = brukere.opprett("bench")
    skole, _ = skoler.registrer(cli, orgnr=stotte.ORGNR, navn="Nordlys videregående skole",
                                sted="Oslo", underskrivere=("Randi Rektorsen", "Per Avdeling"),
                                fylke=("03", "Oslo"))
    mal = json.loads((REPO / "eksempler" / "01-studiespesialisering-realfag.json").read_text())
    m0, _ = kjerne.valider(mal, navn="mal")
    data0 = kjerne.mappe_til_data(m0)
    d = copy.deepcopy(data0)
    d["person"]["fodselsnummer"], d["person"]["navn"] = "@FNR@", "@NAVN@"
    mal_tekst = json.dumps(d, ensure_ascii=False)
    [imp] = importering.importer(cli, [("mal", m0)], skole)
    p0 = Person.objects.get(pk=imp.person_id)
    r = utstedelse.utsted(cli, p0, dato=date(2026, 6, 19))
    d0 = UtstedtDokument.objects.get(pk=r.dokument_id)
    t0 = time.perf_counter()
    blokk = 2000
    for start in range(1, antall, blokk):
        ider = range(start, min(start + blokk, antall))
        with transaction.atomic():
            personer = Person.objects.bulk_create(
                [Person(fodselsnummer=fnr(i + 1) if fnr(i + 1) != p0.fodselsnummer
                        else fnr(i + 200_000), navn=navn(i)) for i in ider])
            versjoner = []
            for p in personer:
                d = json.loads(mal_tekst.replace("@FNR@", p.fodselsnummer)
                               .replace("@NAVN@", p.navn))
                versjoner.append(Elevmappeversjon(person=p, skole=skole, versjon=1, data=d,
                                                  sha256=kjerne.fingeravtrykk(d), bruker=cli,
                                                  arsak="bench"))
            versjoner = Elevmappeversjon.objects.bulk_create(versjoner)
            dok = []
            for p, v in zip(personer, versjoner, strict=True):
                if p.pk % 50 == 0:
                    lnr = 10_000 + p.pk // 50
                    dok.append(_kopi(d0, p, v, lnr))
            UtstedtDokument.objects.bulk_create(dok)
        print(f"  {min(start + blokk, antall)} personer ({time.perf_counter() - t0:.0f} s)",
              flush=True)
    u = User.objects.create_user("bench-klient", password=PASSORD)
    Rolle.objects.create(bruker=u, rolle="rektor", skole=skole)
    with connection.cursor() as c:
        c.execute("ANALYZE")


def _kopi(d0, p, v, lnr: int):
    from vitnemal.store.models import UtstedtDokument

    felt = {f.attname: getattr(d0, f.attname) for f in UtstedtDokument._meta.concrete_fields
            if f.attname != "id"}
    nr = d0.nummer[:-5] + f"{lnr:05d}"
    felt.update(person_id=p.pk, mappeversjon_id=v.pk, lopenummer=lnr, nummer=nr)
    return UtstedtDokument(**felt)


def sporringer() -> None:
    """The SQL query count of each page (in this process, Django's test client)."""
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from vitnemal.store.models import Person, UtstedtDokument

    c = Client()
    c.force_login(User.objects.get(username="bench-klient"))
    p = Person.objects.order_by("pk")[500]
    d = UtstedtDokument.objects.order_by("pk")[5]
    print("SQL-spørringer per side:")
    for navn_, url in (("start", "/"), ("søk (navn)", "/sok/?navn=Ola+TestA+Hansen"),
                       ("personside", f"/person/{p.pk}/"),
                       ("personside med dokument", f"/person/{d.person_id}/"),
                       ("dokument", f"/dokument/{d.pk}/"), ("PDF", f"/dokument/{d.pk}/pdf/"),
                       ("register", "/register/"), ("endre", f"/person/{p.pk}/endre/")):
        with CaptureQueriesContext(connection) as q:
            r = c.get(url)
        print(f"  {navn_:26} {len(q.captured_queries):3d} spørringer (HTTP {r.status_code})")


class Klient:
    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def logg_inn(self) -> None:
        self.op.open(self.base + "/logg-inn/").read()
        tok = next(c.value for c in self.jar if c.name == "csrftoken")
        data = urllib.parse.urlencode({"username": "bench-klient", "password": PASSORD,
                                       "csrfmiddlewaretoken": tok}).encode()
        req = urllib.request.Request(self.base + "/logg-inn/", data=data,
                                     headers={"Referer": self.base + "/logg-inn/"})
        svar = self.op.open(req)
        assert svar.geturl().rstrip("/") == self.base, "innlogging feilet"

    def hent(self, sti: str) -> float:
        t = time.perf_counter()
        with self.op.open(self.base + sti) as r:
            r.read()
            assert r.status == 200
        return time.perf_counter() - t


def last(base: str, klienter: list[Klient], lag_sti, sekunder: float, maks: int,
         tenketid: float = 0.0):
    tider: list[float] = []
    laas = threading.Lock()
    slutt = time.perf_counter() + sekunder
    teller = iter(range(maks))

    def arbeid(k: Klient, seed: int) -> None:
        r = random.Random(seed)
        while time.perf_counter() < slutt:
            with laas:
                if next(teller, None) is None:
                    return
            t = k.hent(lag_sti(r))
            with laas:
                tider.append(t)
            if tenketid:
                time.sleep(r.expovariate(1 / tenketid))

    t0 = time.perf_counter()
    tr = [threading.Thread(target=arbeid, args=(k, i)) for i, k in enumerate(klienter)]
    for t in tr:
        t.start()
    for t in tr:
        t.join()
    return tider, time.perf_counter() - t0


def cpu_sekunder(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and its live children (Linux ``/proc``)."""
    tikk = os.sysconf("SC_CLK_TCK")
    barn = Path(f"/proc/{pid}/task/{pid}/children")
    pider = [pid, *map(int, barn.read_text().split())] if barn.exists() else [pid]
    total = 0.0
    for p in pider:
        try:
            felt = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(felt[11]) + int(felt[12])) / tikk
    return total


def postmaster(url: str) -> int | None:
    """The PostgreSQL server's main process, if it runs on this machine (else None)."""
    import psycopg

    with psycopg.connect(url) as conn:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    stat = Path(f"/proc/{pid}/stat")
    return int(stat.read_text().rsplit(")", 1)[1].split()[1]) if stat.exists() else None


def pst(v: list[float], p: float) -> float:
    return statistics.quantiles(v, n=100, method="inclusive")[int(p) - 1] * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--antall", type=int, default=100_000)
    ap.add_argument("--pg", default=os.environ.get("VITNEMAL_TEST_PG",
                                                   "postgresql://postgres@127.0.0.1:54344/postgres"))
    ap.add_argument("--klienter", type=int, default=10)
    ap.add_argument("--sekunder", type=float, default=30)
    ap.add_argument("--maks", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--tenketid", type=float, default=0.0, metavar="SEK",
                    help="mean pause of a clerk between two requests (exponential); 0: none, "
                    "every clerk sends the next request at once (the default)")
    ap.add_argument("--db", help="reuse this database, filled by an earlier --behold run")
    ap.add_argument("--behold", action="store_true", help="keep the database (its name is "
                    "printed) for a later --db run")
    args = ap.parse_args()
    stotte.PG = args.pg
    dbnavn = args.db or f"vitnemal_bench_{uuid.uuid4().hex[:8]}"
    if not args.db:
        stotte._pg_admin(f"CREATE DATABASE {dbnavn}")
    url = stotte._pg_url(dbnavn)
    os.environ["DATABASE_URL"] = url
    os.environ.pop("VITNEMAL_DB", None)
    g = None
    try:
        from vitnemal.store import oppsett

        oppsett.start()
        if not args.db:
            print(f"fyller {args.antall} personer (3 skoleår hver) i PostgreSQL …", flush=True)
            fyll(args.antall)
        sporringer()
        from django.db import connections

        from vitnemal.store.models import Person, UtstedtDokument

        pids = list(Person.objects.values_list("pk", flat=True))
        dids = list(UtstedtDokument.objects.values_list("pk", flat=True))
        connections.close_all()
        port = tjener.ledig_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DATABASE_URL": url}
        g = subprocess.Popen([sys.executable, "-m", "gunicorn", "vitnemal.web.wsgi",
                              "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}",
                              "--log-level", "warning"], env=env)
        tjener.vent(port, g)
        klienter = [Klient(base) for _ in range(args.klienter)]
        for k in klienter:
            k.logg_inn()
        soek = [f"/sok/?navn={urllib.parse.quote(navn(i))}" for i in range(1, 2000)]
        arter = {
            "søk (navn)": lambda r: r.choice(soek),
            "personside": lambda r: f"/person/{r.choice(pids)}/",
            "PDF-nedlasting": lambda r: f"/dokument/{r.choice(dids)}/pdf/",
        }
        print(f"\n{len(pids)} personer, {len(dids)} dokumenter; gunicorn {args.workers} "
              f"workers; {args.klienter} samtidige klienter (tenketid {args.tenketid:g} s), "
              f"høyst {args.sekunder:.0f} s / "
              f"{args.maks} forespørsler per art; maskinen har {os.cpu_count()} kjerner")
        pm = postmaster(url)
        print("CPU per forespørsel i ms: gunicorn (alle arbeidere), PostgreSQL-tjeneren (om den "
              "kjører på denne maskinen) og lastklienten (denne prosessen)")
        print(f"{'art':16} {'antall':>7} {'p50 ms':>8} {'p95 ms':>8} {'maks ms':>8} {'req/s':>7}"
              f" {'CPU web':>8} {'CPU PG':>7} {'CPU last':>8}")
        for art, lag in arter.items():
            for k in klienter:
                k.hent(lag(random.Random(0)))  # warm up: every worker has its connection
            c0, k0 = cpu_sekunder(g.pid), time.process_time()
            p0 = cpu_sekunder(pm) if pm else 0.0
            tider, varighet = last(base, klienter, lag, args.sekunder, args.maks,
                                   args.tenketid)
            ct, kt = cpu_sekunder(g.pid) - c0, time.process_time() - k0
            pg = f"{(cpu_sekunder(pm) - p0) / len(tider) * 1000:7.1f}" if pm else f"{'–':>7}"
            print(f"{art:16} {len(tider):7d} {pst(tider, 50):8.1f} {pst(tider, 95):8.1f} "
                  f"{max(tider) * 1000:8.1f} {len(tider) / varighet:7.1f} "
                  f"{ct / len(tider) * 1000:8.1f} {pg} {kt / len(tider) * 1000:8.1f}",
                  flush=True)
    finally:
        if g is not None:
            g.terminate()
            g.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        if args.behold or args.db:
            print(f"databasen er beholdt: --db {dbnavn}")
        else:
            stotte._pg_admin(f"DROP DATABASE IF EXISTS {dbnavn} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
