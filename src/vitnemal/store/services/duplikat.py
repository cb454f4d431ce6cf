"""Duplicates (001 §2.11) and the new document after a change of legal gender (001 §2.12),
both made from the stored document, never from today's record: ``Dokument.from_dict`` of what
was printed, issued again by the core's ``dokument.gjengivelse.gjengi`` (``kjerne.duplikat``,
``kjerne.nytt_fodselsnummer``)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from vitnemal.errors import VitnemalError
from vitnemal.store import hendelser, kjerne, nummer, tilgang
from vitnemal.store.models import (
    Annullering,
    Fodselsnummerendring,
    Hendelse,
    Person,
    UtstedtDokument,
)
from vitnemal.store.services.annullering import _ny as _annuller
from vitnemal.store.services.utstedelse import _rad, siste_versjon, utstederfakta


def _kilde(dok: UtstedtDokument) -> UtstedtDokument:
    """The document a duplicate reproduces: an original, or the §2.12 document."""
    while dok.art == UtstedtDokument.Art.DUPLIKAT and dok.original_id:
        dok = dok.original
    return dok


def utsted_duplikat(bruker, dok: UtstedtDokument, *, dato: date, nytt_nummer: bool = False,
                    formal: str = "") -> UtstedtDokument:
    """Ref: 001 §2.11 — «Duplikat skal stemples med duplikat og dere skal påføre en ny dato og
    underskrift. For øvrig skal et duplikat være identisk med originalvitnemålet.» With
    unchanged number (alternatives 1–2) or a new one (alternative 3, numbered in the year of
    the new date); «Dersom det gjelder et førstegangsvitnemål må det opprinnelige
    førstegangsvitnemålet annulleres» — done in the same transaction (reason ANN, replaced
    by the duplicate). The signatures are the school's current ones."""
    tilgang.krev(bruker, "utstede", dok)
    original = _kilde(dok)
    if nytt_nummer and original.forstegangsvitnemal:
        tilgang.krev(bruker, "annullere", original)
    skole = original.skole
    fakta = utstederfakta(skole)
    lagret = kjerne.fra_dict(original.dokument)
    with transaction.atomic():
        if Annullering.objects.filter(dokument=original).exists():
            raise VitnemalError(f"dokument {original.nummer} er annullert; et duplikat kan ikke "
                                "lages av et annullert dokument")
        lnr = nummer.tildel(skole.orgnr, dato.year)[0] if nytt_nummer else None
        dup = kjerne.duplikat(lagret, fakta, dato=dato, lopenummer=lnr)
        pdf = kjerne.render_pdf(dup)
        rad = _rad(bruker, original.mappeversjon, skole, kjerne.som_dict(dup), pdf, "",
                   dup.dokumentnummer, lnr or original.lopenummer, dato,
                   UtstedtDokument.Art.DUPLIKAT, original=original, tildelt=nytt_nummer)
        rad.save()
        hendelser.logg(bruker, Hendelse.Handling.DUPLIKAT, formal=formal, dokument=rad,
                       person=original.person, original=original.nummer,
                       nytt_nummer=nytt_nummer)
        if nytt_nummer and original.forstegangsvitnemal:
            _annuller(bruker, original, arsak=Annullering.Arsak.ANN, dato=dato,
                      saksbehandler=bruker.username,
                      fritekst="førstegangsvitnemål erstattet av duplikat med nytt nummer "
                      "(001 §2.11)", erstattet_av=rad, formal=formal)
    return rad


def nytt_fnr_dokument(bruker, dok: UtstedtDokument, *, dato: date,
                      formal: str = "") -> UtstedtDokument:
    """Ref: 001 §2.12 — after a change of legal gender «nytt vitnemål må derfor være påført
    nytt personnummer og vitnemålsnummer. Dette er ikke et duplikat, men et nytt vitnemål …
    Reglene om utstedelse av duplikat gjelder for øvrig.» From the stored document: the
    person's current number and name, a new date, the school's signatures, a new number; the
    old document is annulled as replaced by it (NVB: a changed document's number is annulled).
    Needs a registered change of fødselsnummer with reason «kjonn» after the document."""
    tilgang.krev(bruker, "utstede", dok)
    tilgang.krev(bruker, "annullere", dok)
    original = _kilde(dok)
    person = Person.objects.get(pk=original.person_id)  # the current number, not a cached one
    if not Fodselsnummerendring.objects.filter(
            person=person, arsak=Fodselsnummerendring.Arsak.KJONN,
            tidspunkt__gte=original.opprettet).exists():
        raise VitnemalError(f"person {person.pk} har ikke fått nytt fødselsnummer etter bytte av "
                            f"juridisk kjønn etter at {original.nummer} ble utstedt; registrer "
                            "det først («vitnemal person nytt-fnr … --arsak kjonn»)")
    skole = original.skole
    versjon = siste_versjon(person)
    lagret = kjerne.fra_dict(original.dokument)
    with transaction.atomic():
        if Annullering.objects.filter(dokument=original).exists():
            raise VitnemalError(f"dokument {original.nummer} er annullert")
        lnr = nummer.tildel(skole.orgnr, dato.year)[0]
        ny = kjerne.nytt_fodselsnummer(lagret, utstederfakta(skole),
                                       fodselsnummer=person.fodselsnummer, navn=person.navn,
                                       dato=dato, lopenummer=lnr)
        pdf = kjerne.render_pdf(ny)
        rad = _rad(bruker, versjon, skole, kjerne.som_dict(ny), pdf, "", ny.dokumentnummer, lnr,
                   dato, UtstedtDokument.Art.NYTT_FNR, original=original)
        rad.save()
        hendelser.logg(bruker, Hendelse.Handling.UTSTEDT, formal=formal, dokument=rad,
                       person=person, art=rad.art, erstatter=original.nummer)
        _annuller(bruker, original, arsak=Annullering.Arsak.ANN, dato=dato,
                  saksbehandler=bruker.username,
                  fritekst="nytt dokument etter bytte av juridisk kjønn (001 §2.12)",
                  erstattet_av=rad, formal=formal)
    return rad
