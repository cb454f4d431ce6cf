"""Schools and counties as issuers, and the next number of a series."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from vitnemal.errors import VitnemalError
from vitnemal.ids import orgnr as orgnr_id
from vitnemal.store import hendelser, nummer, tilgang
from vitnemal.store.models import Fylke, Hendelse, Skole

FELTER = ("navn", "sted", "skolenummer", "underskriver_1", "underskriver_2", "utenlandsk",
          "er_fylkeskommune")


def registrer(bruker, *, orgnr: str, navn: str, sted: str, underskrivere: tuple[str, str],
              skolenummer: str = "", fylke: tuple[str, str] | None = None,
              utenlandsk: bool = False, er_fylkeskommune: bool = False,
              formal: str = "") -> tuple[Skole, bool]:
    """Ref: 001 §2.8 — register or change an issuer: name, place of «sted og dato», the two
    signatories («Én av de to personene må være rektor eller den rektor gir myndighet»). A
    foreign school keeps its own number («utenlandsk nummer selv om antall siffer da kan bli
    forskjellig»). Returns the school and whether it is new."""
    tilgang.krev(bruker, "forvalte")
    orgnr = orgnr.strip()
    if utenlandsk:
        if not orgnr.isdigit():
            raise VitnemalError("et utenlandsk skolenummer skal bare ha sifre")
    else:
        try:
            orgnr = orgnr_id.validate(orgnr)
        except orgnr_id.InvalidOrgnr as exc:
            raise VitnemalError(f"ugyldig organisasjonsnummer {orgnr}: {exc}") from None
    if skolenummer and not (len(skolenummer) == 5 and skolenummer.isdigit()):
        raise VitnemalError("skolenummeret (VIGO) skal være fem sifre")
    if len(underskrivere) != 2 or not all(u.strip() for u in underskrivere):
        raise VitnemalError("det skal være nøyaktig to underskrivere (001 §2.8)")
    if not navn.strip() or not sted.strip():
        raise VitnemalError("navn og sted skal fylles ut")
    verdier = {"navn": navn.strip(), "sted": sted.strip(), "skolenummer": skolenummer,
               "underskriver_1": underskrivere[0].strip(),
               "underskriver_2": underskrivere[1].strip(),
               "utenlandsk": utenlandsk, "er_fylkeskommune": er_fylkeskommune}
    with transaction.atomic():
        if fylke:
            f, _ = Fylke.objects.get_or_create(nummer=fylke[0], defaults={"navn": fylke[1]})
            verdier["fylke"] = f
        skole = Skole.objects.select_for_update().filter(orgnr=orgnr).first()
        ny = skole is None
        endret = {}
        if ny:
            skole = Skole.objects.create(orgnr=orgnr, **verdier)
        else:
            for k, v in verdier.items():
                if getattr(skole, k) != v:
                    endret[k] = [str(getattr(skole, k)), str(v)]
                    setattr(skole, k, v)
            if endret:
                skole.endret = timezone.now()
                skole.save()
        if ny or endret:
            hendelser.logg(bruker, Hendelse.Handling.SKOLE, formal=formal, skole=skole,
                           ny=ny, endret=endret)
    return skole, ny


def finn(orgnr: str) -> Skole:
    try:
        return Skole.objects.get(orgnr=orgnr.strip())
    except Skole.DoesNotExist:
        raise VitnemalError(f"skolen {orgnr} finnes ikke i registeret; registrer den med "
                            "«vitnemal skole registrer»") from None


def sett_neste_nummer(bruker, skole: Skole, ar: int, neste: int, *, formal: str = "") -> int:
    """Ref: 001 §2.8 — a county moving from another system reserves the numbers it issued
    there: the next serial for ``skole`` in ``ar`` becomes ``neste`` (forwards only)."""
    tilgang.krev(bruker, "forvalte", skole)
    with transaction.atomic():
        forrige = nummer.sett_neste(skole.orgnr, ar, neste)
        hendelser.logg(bruker, Hendelse.Handling.NUMMERSERIE, formal=formal, skole=skole,
                       ar=ar, neste=neste, forrige_siste=forrige)
    return forrige
