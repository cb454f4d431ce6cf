"""The web tests: Django's test client on a fresh register (SQLite by default, PostgreSQL with
``VITNEMAL_TEST_PG``), each test in a transaction that is rolled back. ``verden`` builds two
schools in two counties, a person with an issued document at each, and a user per role."""

from __future__ import annotations

import contextlib
import copy
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tests.store import stotte
from tests.store.conftest import register_db  # noqa: F401  (the fixture, shared)

ROT = Path(__file__).resolve().parents[2]
ORGNR_B = "974760673"


FNR = tuple(stotte.fiktivt_fnr(i) for i in (7001, 7002, 7003))
"""The fødselsnummer of ``verden``'s persons."""


@contextlib.contextmanager
def fang_logg(*navn: str):
    """Capture every log record at DEBUG (the root logger and the loggers named, whose levels
    are lowered to DEBUG meanwhile); yields the list of formatted lines."""
    import logging

    fanget: list[str] = []

    class Fang(logging.Handler):
        def emit(self, record):
            with contextlib.suppress(Exception):  # a record that cannot format holds no text
                fanget.append(self.format(record))

    loggere = [logging.getLogger(), *(logging.getLogger(n) for n in navn)]
    nivaer = [lg.level for lg in loggere]
    h = Fang(level=logging.DEBUG)
    loggere[0].addHandler(h)
    for lg in loggere:
        lg.setLevel(logging.DEBUG)
    try:
        yield fanget
    finally:
        loggere[0].removeHandler(h)
        for lg, n in zip(loggere, nivaer, strict=True):
            lg.setLevel(n)


@pytest.fixture(scope="session", autouse=True)
def logg_uten_fodselsnummer():
    """Every log record of the whole web test run, at DEBUG, is captured; at the end none may
    hold a fødselsnummer of the test persons."""
    with fang_logg() as fanget:
        yield fanget
    tekst = "\n".join(fanget)
    assert not [n for n in FNR if n in tekst], "fødselsnummer i loggen"


@pytest.fixture
def db(register_db):  # noqa: F811  (the register tests' session database)
    from django.db import transaction

    with transaction.atomic():
        yield register_db
        transaction.set_rollback(True)


def mappe(fnr: str, navn: str, *, endre=None) -> dict:
    data = json.loads((ROT / "eksempler" / "01-studiespesialisering-realfag.json").read_text())
    data["person"] = {**data["person"], "fodselsnummer": fnr, "navn": navn}
    if endre:
        endre(data)
    return copy.deepcopy(data)


@dataclass
class Verden:
    skole_a: object
    skole_b: object
    person_a: object
    person_b: object
    dok_a: object
    dok_b: object
    brukere: dict
    fnr: tuple[str, ...]


@pytest.fixture
def verden(db):
    from django.contrib.auth.models import User

    from vitnemal.store import kjerne
    from vitnemal.store.models import Rolle
    from vitnemal.store.services import brukere, importering, skoler, utstedelse

    cli, _ = brukere.opprett("oppsett")
    a, _ = skoler.registrer(cli, orgnr=stotte.ORGNR, navn="Nordlys videregående skole",
                           sted="Oslo", underskrivere=("Randi Rektorsen", "Per Avdeling"),
                           fylke=("03", "Oslo"))
    b, _ = skoler.registrer(cli, orgnr=ORGNR_B, navn="Fjordheim videregående skole",
                           sted="Bergen", underskrivere=("Bjørn Bergsen", "Kari Vik"),
                           fylke=("46", "Vestland"))
    fnr_a, fnr_b, fnr_c = FNR
    personer = []
    for skole, fnr, navn in ((a, fnr_a, "Astrid Nordlys"), (b, fnr_b, "Bodil Fjordheim")):
        m, _ = kjerne.valider(mappe(fnr, navn), navn="test")
        [imp] = importering.importer(cli, [("test", m)], skole)
        personer.append(imp.person_id)

    def med_feil(d):
        next(f for f in d["fag"] if f["fagkode"] == "ENG1007")["eksamen"] = "D"

    m, _ = kjerne.valider(mappe(fnr_c, "Cecilie Feilsen", endre=med_feil), navn="test")
    importering.importer(cli, [("test", m)], a)
    from vitnemal.store.models import Person

    pa, pb = (Person.objects.get(pk=i) for i in personer)
    dato = date(2026, 6, 19)
    ra = utstedelse.utsted(cli, pa, dato=dato)
    rb = utstedelse.utsted(cli, pb, dato=dato)
    from vitnemal.store.models import UtstedtDokument

    roller = {"saksbehandler": ("saksbehandler", {"skole": a}),
              "rektor": ("rektor", {"skole": a}),
              "revisor": ("revisor", {"skole": a}),
              "fylkesadmin": ("fylkesadmin", {"fylke": a.fylke}),
              "saksbehandler_b": ("saksbehandler", {"skole": b}),
              "rektor_b": ("rektor", {"skole": b})}
    ut = {}
    for navn, (rolle, hvor) in roller.items():
        u = User.objects.create_user(navn, password="et-langt-testpassord-123")
        Rolle.objects.create(bruker=u, rolle=rolle, **hvor)
        ut[navn] = u
    return Verden(a, b, pa, pb, UtstedtDokument.objects.get(pk=ra.dokument_id),
                  UtstedtDokument.objects.get(pk=rb.dokument_id), ut, (fnr_a, fnr_b, fnr_c))


@pytest.fixture
def klient(db):
    from django.test import Client

    return Client()


def som(bruker, **kw):
    from django.test import Client

    c = Client(**kw)
    c.force_login(bruker)
    return c


@dataclass
class Batcher:
    a: object  # school A: Cecilie (refused, FEIL) and Dag (issued), run to the end
    b: object  # school B: two persons, one chunk of one run (one issued, one waiting)
    navn_b: tuple[str, ...]


@pytest.fixture
def batcher(verden):
    """Two background batches (issue 17) on ``verden``, their chunks run in-process."""
    from vitnemal.store import kjerne
    from vitnemal.store.models import Batchdel
    from vitnemal.store.services import batch, importering
    from vitnemal.store.services.batch import utsted_del

    def ny(skole, nr, navn, bruker):
        m, _ = kjerne.valider(mappe(stotte.fiktivt_fnr(nr), navn), navn="test")
        importering.importer(bruker, [("test", m)], skole)

    ny(verden.skole_a, 7004, "Dag Batchsen", verden.brukere["rektor"])
    navn_b = ("Eirik Fjordbatch", "Frida Fjordbatch")
    for i, navn in enumerate(navn_b):
        ny(verden.skole_b, 7005 + i, navn, verden.brukere["rektor_b"])
    dato = date(2026, 6, 19)
    a = batch.start(verden.brukere["rektor"], verden.skole_a, dato=dato, formal="juni")
    for d in Batchdel.objects.filter(batch=a).order_by("nr"):
        utsted_del.call(a.pk, d.nr)
    b = batch.start(verden.brukere["rektor_b"], verden.skole_b, dato=dato, formal="juni",
                    del_storrelse=1)
    utsted_del.call(b.pk, 0)
    a.refresh_from_db()
    b.refresh_from_db()
    return Batcher(a, b, navn_b)


@pytest.fixture
def endret(verden):
    """Astrid's record changed after her document was issued (a complaint): a new version."""
    from vitnemal.store import kjerne
    from vitnemal.store.services import importering

    def ny_karakter(d):
        next(f for f in d["fag"] if f["fagkode"] == "ENG1007")["standpunkt"] = 6

    m, _ = kjerne.valider(mappe(verden.fnr[0], "Astrid Nordlys", endre=ny_karakter), navn="t")
    importering.importer(verden.brukere["rektor"], [("t", m)], verden.skole_a)
    return verden
