"""Cells of a fag row as printed (001 §2.6) and the document number (001 §2.8)."""

from __future__ import annotations

from datetime import date

from vitnemal.dokument.model import INGEN_OMFANG, STIPLET, Dokumenttype, FagRad
from vitnemal.kodeverk import Kodeverk
from vitnemal.model import Fag, Karakter, MerknadRef, Vurdering

#: FAM33 «Kar. gitt som halvårsvurd.» (001 §5.7) is printed on a halvårsvurdering row that has
#: no other fagmerknad.
FAM_HALVAR = "FAM33"


def omfang(fag: Fag) -> str:
    """Ref: 001 §2.6 — «I rubrikker for fagkoder uten omfang, fører dere to tankestreker.»"""
    return str(fag.omfang) if fag.omfang is not None else INGEN_OMFANG


def karakter(k: Karakter | None, kv: Kodeverk, maalform: str) -> str:
    """Ref: 001 §2.6 — «Vurderingen i faget fører dere med standpunkt- og/eller eksamenskarakter med
    tall og med bokstaver. Dere fører en stiplet linje i ubrukte rubrikker.»

    «5 fem» for the six grades (001 §5.1), the «Ut på dokumentasjon» text of 001 §5.2 for the
    others («Fritatt», «Godkjent», «IV», «IM» …), from the kodeverk in the målform.
    """
    if k is None:
        return STIPLET
    entry = kv.vurderingsuttrykk.get(k)  # Karakter is a StrEnum: the key is its code
    if entry is None:
        return str(k)
    if k.isdigit():  # the six grades: «5 fem»
        return f"{k} {entry.tekst(maalform)}"
    return entry.tekst(maalform)


def eksamensform(fag: Fag) -> str:
    """Ref: 001 §2.6 — «Dere fyller bare ut eksamensform dersom vurdering for eksamen er aktuelt.
    Ellers skal dere føre en stiplet linje.»"""
    return str(fag.eksamensform) if fag.eksamensform else STIPLET


def merknadstekst(m: MerknadRef | None, kv: Kodeverk, maalform: str) -> str:
    """Ref: 001 §2.6 — «Dere skal føre innholdet i merknaden, ikke koden for merknaden.»

    The placeholders of the text are filled with the registered values, in order.
    """
    if m is None:
        return ""
    entry = kv.merknad(m.kode)
    if entry is None:
        return m.kode
    return entry.fyll_inn(m.parametre, maalform)


def fagmerknad(fag: Fag, dokumenttype: Dokumenttype, kv: Kodeverk, maalform: str) -> str:
    """Ref: 001 §5.7 — «Dersom faget ikke skal avsluttes med standpunktkarakter når dere utsteder
    kompetansebeviset, skal dere føre halvårsvurdering med karakter … Dere skal føre FAM33».

    The registered fagmerknad; on a kompetansebevis a halvårsvurdering row without one gets FAM33.
    """
    m = fag.fagmerknad
    if (m is None and fag.vurdering is Vurdering.HALVAR
            and dokumenttype is Dokumenttype.KOMPETANSEBEVIS):
        m = MerknadRef(kode=FAM_HALVAR)
    return merknadstekst(m, kv, maalform)


def fagrad(fag: Fag, dokumenttype: Dokumenttype, kv: Kodeverk, maalform: str) -> FagRad:
    """Ref: 001 §2.6 — one fag row with every cell as printed."""
    return FagRad(
        omfang=omfang(fag),
        fagkode=fag.fagkode,
        fagnavn=fag.fagnavn,
        standpunkt=karakter(fag.standpunkt, kv, maalform),
        eksamen=karakter(fag.eksamen, kv, maalform),
        eksamensform=eksamensform(fag),
        ar=fag.termin_kort,
        merknad=fagmerknad(fag, dokumenttype, kv, maalform),
    )


def dokumentnummer(dokumenttype: Dokumenttype, orgnr: str, ar: int,
                   lopenummer: int | None) -> str:
    """Ref: 001 §2.8 — «<V>,<skolens eller fylkeskommunens organisasjonsnummer>, <åååå> og
    <løpenummer fem siffer>. Det skal være årstallet vitnemålet skrives ut.» K for
    kompetansebevis; «skrives sammenhengende uten mellomrom».

    Without a registered serial the number ends in 00000 (a draft; the check LOPENUMMER-MANGLER
    reports it). «Godkjente norske skoler i utlandet som ikke har norsk organisasjonsnummer, skal
    bruke utenlandsk nummer selv om antall siffer da kan bli forskjellig»: for such a school
    (``utsteder.utenlandsk``) ``orgnr`` is its foreign number (``ids.utenlandsk``).

    >>> dokumentnummer(Dokumenttype.VITNEMAL, "974544482", 2026, 124)
    'V974544482202600124'
    >>> dokumentnummer(Dokumenttype.KOMPETANSEBEVIS, "B35123456", 2026, 7)
    'KB35123456202600007'
    """
    return f"{dokumenttype.value}{orgnr}{ar:04d}{(lopenummer or 0):05d}"


def dato(d: date) -> str:
    """Ref: 001 §2.8 — «Dato føres på formatet <dd.mm.åååå>».

    >>> dato(date(2026, 6, 9))
    '09.06.2026'
    """
    return d.strftime("%d.%m.%Y")
