"""Import of elevmapper as new record versions: all or nothing, every problem at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from vitnemal.errors import VitnemalError
from vitnemal.model import Elevmappe
from vitnemal.store import hendelser, kjerne, tilgang
from vitnemal.store.models import (
    Elevmappeversjon,
    Fodselsnummerendring,
    Hendelse,
    Person,
    Skole,
)


@dataclass(frozen=True)
class Importert:
    fil: str
    person_id: int
    versjon: int
    ny_versjon: bool
    ny_person: bool
    merknader: tuple[str, ...] = ()


@dataclass
class ImportFeil(VitnemalError):
    """Nothing was imported; ``problemer`` lists every reason (file and record named, no
    fødselsnummer)."""

    problemer: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{len(self.problemer)} problem(er); ingenting er importert"


def _merknader(mappe: Elevmappe, skole: Skole) -> tuple[str, ...]:
    u = mappe.utsteder
    out = []
    if u.lopenummer is not None or u.utstedt is not None:
        out.append("utsteder.lopenummer/utstedt i filen brukes ikke: registeret tildeler nummer "
                   "og dato ved utstedelse")
    if u.orgnr != skole.orgnr:
        out.append(f"utsteder.orgnr i filen ({u.orgnr}) er ikke skolen det importeres til "
                   f"({skole.orgnr}); registerets skole utsteder")
    return tuple(out)


def problemer(mapper: list[tuple[str, Elevmappe]]) -> list[str]:
    """What the register has against these records (beside the loader's problems): the same
    person twice in one run, a fødselsnummer the register has replaced. Reads only."""
    ut: list[str] = []
    sett: dict[str, str] = {}
    for fil, mappe in mapper:
        fnr = mappe.person.fodselsnummer
        if fnr in sett:
            ut.append(f"{fil}: $.person.fodselsnummer (person): samme person som i "
                      f"{sett[fnr]}; importer én elevmappe per person")
        sett.setdefault(fnr, fil)
    kjente = set(Person.objects.filter(fodselsnummer__in=list(sett))
                 .values_list("fodselsnummer", flat=True))
    erstattet = dict(Fodselsnummerendring.objects.filter(gammelt__in=list(set(sett) - kjente))
                     .values_list("gammelt", "person_id"))
    for fil, mappe in mapper:
        pid = erstattet.get(mappe.person.fodselsnummer)
        if pid is not None:
            ut.append(f"{fil}: $.person.fodselsnummer (person): nummeret er erstattet; person "
                      f"{pid} har nå et annet fødselsnummer — rett filen")
    return ut


def importer(bruker, mapper: list[tuple[str, Elevmappe]], skole: Skole, *,
             testdata: bool = False, arsak: str = "import",
             formal: str = "") -> list[Importert]:
    """Store each record as a new version of its person's elevmappe, for ``skole``. A record
    equal to the person's latest version creates nothing. Raises ``ImportFeil`` with every
    problem, and stores nothing, when any record cannot be taken."""
    tilgang.krev(bruker, "importere", skole)
    with transaction.atomic():
        fnr = [m.person.fodselsnummer for _, m in mapper]
        personer = {p.fodselsnummer: p for p in Person.objects.select_for_update()
                    .filter(fodselsnummer__in=fnr)}
        funnet = problemer(mapper)
        if funnet:
            raise ImportFeil(funnet)
        return _lagre(bruker, mapper, skole, personer, testdata=testdata, arsak=arsak,
                      formal=formal)


def _lagre(bruker, mapper: list[tuple[str, Elevmappe]], skole: Skole, personer: dict, *,
           testdata: bool, arsak: str, formal: str) -> list[Importert]:
    """Store the run with a few bulk statements (one per table), not a few per record."""
    nye = [Person(fodselsnummer=m.person.fodselsnummer, navn=m.person.navn, testdata=testdata)
           for _, m in mapper if m.person.fodselsnummer not in personer]
    siste: dict[int, Elevmappeversjon] = {}
    for v in (Elevmappeversjon.objects.filter(person__in=list(personer.values()))
              .order_by("person_id", "versjon").only("person_id", "versjon", "sha256",
                                                     "skole_id")):
        siste[v.person_id] = v
    Person.objects.bulk_create(nye, batch_size=500)
    personer.update((p.fodselsnummer, p) for p in nye)
    logg = [hendelser.ny(bruker, Hendelse.Handling.PERSON_OPPRETTET, formal=formal, person=p,
                         kilde="import") for p in nye]
    nye_ider = {p.pk for p in nye}
    versjoner, ut, omdopt = [], [], []
    for fil, mappe in mapper:
        person = personer[mappe.person.fodselsnummer]
        data = kjerne.mappe_til_data(mappe)
        avtrykk = kjerne.fingeravtrykk(data)
        forrige = siste.get(person.pk)
        merknader = _merknader(mappe, skole)
        if forrige is not None and forrige.sha256 == avtrykk and forrige.skole_id == skole.pk:
            ut.append(Importert(fil, person.pk, forrige.versjon, False, False, merknader))
            continue
        if person.navn != mappe.person.navn:
            person.navn = mappe.person.navn
            omdopt.append(person)
        nr = forrige.versjon + 1 if forrige else 1
        versjoner.append(Elevmappeversjon(person=person, skole=skole, versjon=nr, data=data,
                                          sha256=avtrykk, bruker=bruker, arsak=arsak,
                                          kilde=fil[:500]))
        ut.append(Importert(fil, person.pk, nr, True, person.pk in nye_ider, merknader))
    Person.objects.bulk_update(omdopt, ["navn"], batch_size=500)
    Elevmappeversjon.objects.bulk_create(versjoner, batch_size=500)
    omdopte = {p.pk for p in omdopt}
    logg += [hendelser.ny(bruker, Hendelse.Handling.IMPORTERT, formal=formal, person=v.person,
                          skole=skole, versjon=v.versjon, mappeversjon_id=v.pk,
                          navn_endret=v.person_id in omdopte)
             for v in versjoner]
    hendelser.logg_mange(logg)
    return ut

