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


def importer(bruker, mapper: list[tuple[str, Elevmappe]], skole: Skole, *,
             testdata: bool = False, arsak: str = "import",
             formal: str = "") -> list[Importert]:
    """Store each record as a new version of its person's elevmappe, for ``skole``. A record
    equal to the person's latest version creates nothing. Raises ``ImportFeil`` with every
    problem, and stores nothing, when any record cannot be taken."""
    tilgang.krev(bruker, "importere", skole)
    problemer: list[str] = []
    sett: dict[str, str] = {}
    for fil, mappe in mapper:
        fnr = mappe.person.fodselsnummer
        if fnr in sett:
            problemer.append(f"{fil}: $.person.fodselsnummer (person): samme person som i "
                             f"{sett[fnr]}; importer én elevmappe per person")
        sett.setdefault(fnr, fil)
    ut: list[Importert] = []
    with transaction.atomic():
        personer = {p.fodselsnummer: p for p in Person.objects.select_for_update()
                    .filter(fodselsnummer__in=list(sett))}
        erstattet = dict(Fodselsnummerendring.objects.filter(gammelt__in=list(sett))
                         .values_list("gammelt", "person_id"))
        for fil, mappe in mapper:
            fnr = mappe.person.fodselsnummer
            if fnr not in personer and fnr in erstattet:
                problemer.append(
                    f"{fil}: $.person.fodselsnummer (person): nummeret er erstattet; person "
                    f"{erstattet[fnr]} har nå et annet fødselsnummer — rett filen")
        if problemer:
            raise ImportFeil(problemer)
        for fil, mappe in mapper:
            ut.append(_importer_en(bruker, fil, mappe, skole, personer, testdata=testdata,
                                   arsak=arsak, formal=formal))
    return ut


def _importer_en(bruker, fil: str, mappe: Elevmappe, skole: Skole, personer: dict, *,
                 testdata: bool, arsak: str, formal: str) -> Importert:
    fnr = mappe.person.fodselsnummer
    data = kjerne.mappe_til_data(mappe)
    avtrykk = kjerne.fingeravtrykk(data)
    person = personer.get(fnr)
    ny_person = person is None
    if ny_person:
        person = Person.objects.create(fodselsnummer=fnr, navn=mappe.person.navn,
                                       testdata=testdata)
        hendelser.logg(bruker, Hendelse.Handling.PERSON_OPPRETTET, formal=formal,
                       person=person, kilde="import")
    siste = (Elevmappeversjon.objects.filter(person=person).order_by("-versjon")
             .only("versjon", "sha256", "skole_id").first())
    merknader = _merknader(mappe, skole)
    if siste is not None and siste.sha256 == avtrykk and siste.skole_id == skole.pk:
        return Importert(fil, person.pk, siste.versjon, False, False, merknader)
    if person.navn != mappe.person.navn:
        person.navn = mappe.person.navn
        person.save(update_fields=["navn"])
    versjon = Elevmappeversjon.objects.create(
        person=person, skole=skole, versjon=(siste.versjon + 1) if siste else 1, data=data,
        sha256=avtrykk, bruker=bruker, arsak=arsak, kilde=fil[:500])
    hendelser.logg(bruker, Hendelse.Handling.IMPORTERT, formal=formal, person=person,
                   skole=skole, versjon=versjon.versjon, mappeversjon_id=versjon.pk)
    return Importert(fil, person.pk, versjon.versjon, True, ny_person, merknader)
