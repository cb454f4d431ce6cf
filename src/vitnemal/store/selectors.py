"""Reads from the register. Every read of personal data writes an audit event (who, when,
what, why) before the data is returned."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from vitnemal.errors import VitnemalError
from vitnemal.store import hendelser, tilgang
from vitnemal.store.models import (
    Annullering,
    Elevmappeversjon,
    Fodselsnummerendring,
    Hendelse,
    Person,
    Skole,
    UtstedtDokument,
)


@dataclass(frozen=True)
class Dokumentlinje:
    id: int
    nummer: str
    type: str
    art: str
    person_id: int
    navn: str
    utstedt: str
    status: str  # «gyldig» / «annullert (KLA …)»
    erstattet_av: str
    original: str

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _lest(bruker, personer: set[int], formal: str, hva: str, **detaljer) -> None:
    with transaction.atomic():
        hendelser.logg_mange(_ny_lest(bruker, pid, formal, hva, detaljer)
                             for pid in sorted(personer))


def _ny_lest(bruker, pid: int, formal: str, hva: str, detaljer: dict) -> Hendelse:
    h = hendelser.ny(bruker, Hendelse.Handling.LEST, formal=formal, hva=hva, **detaljer)
    h.person_id = pid
    return h


def dokumenter(bruker, *, skole: Skole | None = None, ar: int | None = None,
               person: Person | None = None, formal: str = "") -> list[Dokumentlinje]:
    """Issued documents (without PDF), newest first, with status; names are personal data, so
    the read is logged per person."""
    tilgang.krev(bruker, "lese", skole or person)
    qs = (UtstedtDokument.objects.defer("pdf", "dokument", "original__pdf", "original__dokument")
          .select_related("person", "original"))
    if skole is not None:
        qs = qs.filter(skole=skole)
    if ar is not None:
        qs = qs.filter(ar=ar)
    if person is not None:
        qs = qs.filter(person=person)
    rader = list(qs.order_by("-id"))
    statusene = statuser(rader)
    ut = []
    for d in rader:
        status, erstattet = statusene[d.pk]
        ut.append(Dokumentlinje(d.id, d.nummer, d.type, d.art, d.person_id, d.person.navn,
                                d.utstedt.isoformat(), status, erstattet,
                                d.original.nummer if d.original_id else ""))
    _lest(bruker, {d.person_id for d in ut}, formal, "dokumentliste", antall=len(ut))
    return ut


def statuser(dokumenter) -> dict[int, tuple[str, str]]:
    """The status of each document: «gyldig», or «annullert DATO (KODE)» and the replacing
    number. A duplicate with unchanged number shares its number's fate: annulling the original
    annuls the number. One query for all of them (the annulments of the documents and of their
    originals), whatever their number."""
    ids = {d.pk for d in dokumenter} | {d.original_id for d in dokumenter if d.original_id}
    annullert = {r["dokument_id"]: (f"annullert {r['dato'].isoformat()} ({r['arsak']})",
                                    r["erstattet_av__nummer"] or "")
                 for r in Annullering.objects.filter(dokument_id__in=ids).values(
                     "dokument_id", "dato", "arsak", "erstattet_av__nummer")}
    ut = {}
    for d in dokumenter:
        if d.pk in annullert:
            ut[d.pk] = annullert[d.pk]
        elif d.tildelt or not d.original_id:
            ut[d.pk] = ("gyldig", "")
        else:  # a duplicate with its original's number; a duplicate is made of an original
            status, erstattet = annullert.get(d.original_id, ("gyldig", ""))
            ut[d.pk] = (status if status == "gyldig" else f"{status}, nummeret", erstattet)
    return ut


def dokument(bruker, nummer: str, *, formal: str = "", pdf: bool = False) -> UtstedtDokument:
    """One document by its number (the allocated one; a duplicate with unchanged number by
    ``nummer/ID``). Logged as a read; ``pdf`` loads and logs the PDF too."""
    nummer = nummer.strip()
    qs = UtstedtDokument.objects.select_related("person", "skole", "original")
    if not pdf:
        qs = qs.defer("pdf")
    if "/" in nummer:
        nr, _, ident = nummer.partition("/")
        d = qs.filter(nummer=nr, pk=ident if ident.isdigit() else -1).first()
    else:
        d = qs.filter(nummer=nummer, tildelt=True).first()
    if d is None:
        raise VitnemalError(f"dokument {nummer} finnes ikke i registeret")
    tilgang.krev(bruker, "lese", d)
    handling = Hendelse.Handling.PDF_LEST if pdf else Hendelse.Handling.LEST
    hendelser.logg(bruker, handling, formal=formal, dokument=d, person=d.person, hva="dokument")
    return d


def status(d: UtstedtDokument) -> tuple[str, str]:
    return statuser([d])[d.pk]


def gjengivelser(d: UtstedtDokument) -> list[UtstedtDokument]:
    """Duplicates and later documents made from ``d``."""
    return list(UtstedtDokument.objects.filter(original=d).defer("pdf", "dokument")
                .order_by("id"))


def person(bruker, person_id: int, *, formal: str = "") -> Person:
    p = Person.objects.filter(pk=person_id).first()
    if p is None:
        raise VitnemalError(f"person {person_id} finnes ikke i registeret")
    tilgang.krev(bruker, "lese", p)
    hendelser.logg(bruker, Hendelse.Handling.LEST, formal=formal, person=p, hva="person")
    return p


def finn_person(bruker, fodselsnummer: str, *, formal: str = "") -> Person:
    """The person with this current or former fødselsnummer (given on stdin or from a file,
    never on the command line)."""
    fnr = "".join(fodselsnummer.split())
    p = Person.objects.filter(fodselsnummer=fnr).first()
    if p is None:
        e = Fodselsnummerendring.objects.filter(gammelt=fnr).select_related("person").first()
        p = e.person if e else None
    if p is None:
        raise VitnemalError("ingen person i registeret har dette fødselsnummeret")
    tilgang.krev(bruker, "lese", p)
    hendelser.logg(bruker, Hendelse.Handling.LEST, formal=formal, person=p, hva="oppslag")
    return p


def versjoner(p: Person) -> list[Elevmappeversjon]:
    return list(Elevmappeversjon.objects.filter(person=p).defer("data").order_by("versjon"))


def fnr_historikk(p: Person) -> list[Fodselsnummerendring]:
    return list(Fodselsnummerendring.objects.filter(person=p).order_by("tidspunkt"))


def hendelser_for(bruker, p: Person, *, formal: str = "") -> list[Hendelse]:
    """The audit trail of one person (who read or changed what); itself logged as a read."""
    tilgang.krev(bruker, "lese", p)
    ut = list(Hendelse.objects.filter(person=p).order_by("id"))
    hendelser.logg(bruker, Hendelse.Handling.LEST, formal=formal, person=p, hva="logg")
    return ut
