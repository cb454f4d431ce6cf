"""Checks of identifiers, issuer, date and document number (001 §2.2, §2.8; 003 A01)."""

from __future__ import annotations

import re

from vitnemal.findings import Alvorlighet
from vitnemal.ids import fodselsnummer, orgnr
from vitnemal.ids.fodselsnummer import Nummertype
from vitnemal.sjekk.katalog import Avvik, kontroll

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL

_NUMMER = re.compile(r"^[VK]\d{9}\d{4}\d{5}$")


@kontroll("FNR-FIKTIVT", "003 A01", VARSEL, "Fiktivt fødselsnummer fra VIGO")
def fnr_fiktivt(ktx):
    """Ref: 003 A01 — a VIGO fictive number (day + 40, 99 …) is not transferred to NVB; the
    document cannot be registered in the national diploma database until the real number is known.
    """
    a = fodselsnummer.analyse(ktx.mappe.person.fodselsnummer, testdata=ktx.testdata,
                              today=ktx.today)
    if a.type is Nummertype.VIGO_FIKTIVT:
        yield Avvik("fødselsnummeret er et fiktivt nummer fra VIGO; dokumentet kan ikke overføres "
                    "til Nasjonal vitnemålsdatabase før personen har fått fødselsnummer eller "
                    "D-nummer", sti="$.person.fodselsnummer")


@kontroll("FNR-SYNTETISK", "001 §2.2", VARSEL, "Syntetisk testfødselsnummer")
def fnr_syntetisk(ktx):
    """Ref: 001 §2.2 — «Fødselsnummer: <11-sifret fødselsnummer>»: a synthetic test number
    (Tenor/NAV, accepted only with testdata) is no person's number and must not be printed on a
    real document."""
    a = fodselsnummer.analyse(ktx.mappe.person.fodselsnummer, testdata=ktx.testdata,
                              today=ktx.today)
    if a.syntetisk or a.type in (Nummertype.SYNTETISK_NAV, Nummertype.SYNTETISK_TENOR):
        yield Avvik(f"fødselsnummeret er et {a.type.tekst}; bare for testdata",
                    sti="$.person.fodselsnummer")


@kontroll("ORGNR-GYLDIG", "001 §2.8", FEIL, "Organisasjonsnummer med gyldig kontrollsiffer")
def orgnr_gyldig(ktx):
    """Ref: 001 §2.8 — the document number holds «skolens eller fylkeskommunens
    organisasjonsnummer»: nine digits, weights 3 2 7 6 5 4 3 2 1, sum divisible by 11."""
    n = ktx.mappe.utsteder.orgnr
    if not orgnr.is_valid(n):
        yield Avvik(f"organisasjonsnummeret {n} er ikke gyldig (kontrollsiffer, modulus 11)",
                    sti="$.utsteder.orgnr")


@kontroll("DOKUMENTNUMMER-FORMAT", "001 §2.8", FEIL, "Vitnemåls-/kompetansebevisnummer")
def dokumentnummer_format(ktx):
    """Ref: 001 §2.8 — «<V>,<… organisasjonsnummer>, <åååå> og <løpenummer fem siffer>»,
    «skrives sammenhengende uten mellomrom»; K for kompetansebevis."""
    nr = ktx.dokument.dokumentnummer
    if not _NUMMER.match(nr) or nr[0] != ktx.dokumenttype.value:
        yield Avvik(f"dokumentnummeret {nr} har ikke formen {ktx.dokumenttype.value} + "
                    "organisasjonsnummer (9 siffer) + år (4 siffer) + løpenummer (5 siffer)")


@kontroll("LOPENUMMER-MANGLER", "001 §2.8", FEIL, "Løpenummer for dokumentnummeret")
def lopenummer_mangler(ktx):
    """Ref: 001 §2.8 — «Løpenummeret genereres fortløpende og enhver endring av et
    vitnemål/kompetansebevis eller ny utstedelse krever et nytt nummer»: an original needs one."""
    if ktx.dokument.dokumentnummer[-5:] == "00000":
        yield Avvik("løpenummer mangler (utsteder.lopenummer); dokumentnummeret kan ikke lages",
                    sti="$.utsteder.lopenummer")


@kontroll("DATO-MANGLER", "001 §2.8", FEIL, "Sted og dato")
def dato_mangler(ktx):
    """Ref: 001 §2.8 — «fører dere sted, dato, skole … Dato føres på formatet <dd.mm.åååå>»."""
    if ktx.today is None:
        yield Avvik("utstedelsesdato mangler (utsteder.utstedt), og ingen dato er oppgitt",
                    sti="$.utsteder.utstedt")


@kontroll("UNDERSKRIVERE-ULIKE", "001 §2.8", FEIL, "To ulike underskrivere")
def underskrivere_ulike(ktx):
    """Ref: 001 §2.8 — «underskrift av to personer … Én av de to personene må være rektor eller
    den rektor gir myndighet». Ikke formalisert: whether one of them is the rektor."""
    a, b = ktx.mappe.utsteder.underskrivere
    if " ".join(a.split()).casefold() == " ".join(b.split()).casefold():
        yield Avvik(f"de to underskriverne er samme person ({a})", sti="$.utsteder.underskrivere")
