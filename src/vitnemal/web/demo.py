"""``vitnemal web --demo``: a register on the embedded SQLite with the samples (eksempler/)
imported, a second school of another county (for trying the access rules), and one demo user
per role. Idempotent: run it again and nothing is duplicated."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

ROT = Path(__file__).resolve().parents[3]
PASSORD = "demo-vitnemal-2026"
"""The demo users' password (printed by ``vitnemal web --demo``; demo data only)."""

SKOLE_A = dict(orgnr="974544482", navn="Nordlys videregående skole", sted="Oslo",
               underskrivere=("Rektor Randi Rektorsen", "Avdelingsleder Per Avdeling"),
               skolenummer="03012", fylke=("03", "Oslo"))
SKOLE_B = dict(orgnr="974760673", navn="Fjordheim videregående skole", sted="Bergen",
               underskrivere=("Rektor Bjørn Bergsen", "Avdelingsleder Kari Vik"),
               skolenummer="46001", fylke=("46", "Vestland"))


@dataclass(frozen=True)
class Demobruker:
    navn: str
    rolle: str
    hvor: str  # "A", "B" or "fylke A"


BRUKERE = (
    Demobruker("saksbehandler", "saksbehandler", "A"),
    Demobruker("rektor", "rektor", "A"),
    Demobruker("fylkesadmin", "fylkesadmin", "fylke A"),
    Demobruker("revisor", "revisor", "A"),
    Demobruker("saksbehandler-b", "saksbehandler", "B"),
)

#: The record with a FEIL the main flow fixes: sample 01 under another (fictive) person, with
#: «D» in the exam column of ENG1007 (001 §2.6: «D» is not an exam grade).
FEIL_FNR = "57110997003"
FEIL_NAVN = "Mari Demo Feilsen"
B_FNR = "58110997103"


def _fiktiv(data: dict, fnr: str, navn: str) -> dict:
    d = copy.deepcopy(data)
    d["person"] = {**d["person"], "fodselsnummer": fnr, "navn": navn}
    return d


def _eksempler() -> Path:
    for kandidat in (ROT / "eksempler", Path.cwd() / "eksempler"):
        if kandidat.is_dir():
            return kandidat
    raise FileNotFoundError("finner ikke mappen eksempler/ (kjør fra prosjektmappen)")


def opprett(*, stdout=print) -> list[Demobruker]:
    """Migrate, import the samples, create the demo users; returns the users."""
    from vitnemal.store import oppsett

    oppsett.migrer()
    from django.contrib.auth.models import User
    from django.db import transaction

    from vitnemal.io.les import les_tekst
    from vitnemal.io.struktur import les_struktur
    from vitnemal.store import kjerne
    from vitnemal.store.models import Person, Rolle
    from vitnemal.store.services import brukere, importering, skoler

    system, _ = brukere.opprett("demo-import")
    a, _ = skoler.registrer(system, **SKOLE_A)
    b, _ = skoler.registrer(system, **SKOLE_B)
    filer = sorted(p for p in _eksempler().glob("*") if p.suffix in (".json", ".yaml"))
    mapper_a, mapper_b = [], []
    for fil in filer:
        data = les_struktur(les_tekst(fil), str(fil))
        mapper_a.append((fil.name, data))
        if fil.name.startswith("01-"):
            d = copy.deepcopy(data)
            eng = next(f for f in d["fag"] if f["fagkode"] == "ENG1007")
            eng["eksamen"] = "D"
            mapper_a.append(("demo-feil", _fiktiv(d, FEIL_FNR, FEIL_NAVN)))
            mapper_b.append(("demo-skole-b", _fiktiv(data, B_FNR, "Ola Demo Bergsen")))
    with transaction.atomic():
        for skole, mapper in ((a, mapper_a), (b, mapper_b)):
            nye = []
            for navn, data in mapper:
                if Person.objects.filter(fodselsnummer=data["person"]["fodselsnummer"]).exists():
                    continue
                mappe, problemer = kjerne.valider(data, navn=navn)
                if mappe is None:
                    stdout(f"hoppet over {navn}: {len(problemer)} problem(er)")
                    continue
                nye.append((navn, mappe))
            if nye:
                importering.importer(system, nye, skole, arsak="demo: eksempler/")
        for db in BRUKERE:
            u, ny = User.objects.get_or_create(username=db.navn)
            if ny:
                u.set_password(PASSORD)
                u.is_staff = db.rolle == "fylkesadmin"
                u.save()
            hvor = ({"skole": a} if db.hvor == "A" else {"skole": b} if db.hvor == "B"
                    else {"fylke": a.fylke})
            Rolle.objects.get_or_create(bruker=u, rolle=db.rolle, **hvor)
        if fa := User.objects.filter(username="fylkesadmin").first():
            from django.contrib.auth.models import Permission

            fa.user_permissions.add(*Permission.objects.filter(
                content_type__app_label="store", codename__in=[
                    "view_skole", "change_skole", "view_rolle", "add_rolle", "change_rolle",
                    "delete_rolle"]))
    return list(BRUKERE)
