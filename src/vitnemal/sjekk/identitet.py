"""Checks of identifiers, issuer, date and document number (001 §2.2, §2.8; 003 A01)."""

from __future__ import annotations

import re

from vitnemal.findings import Alvorlighet
from vitnemal.ids import fodselsnummer, orgnr, utenlandsk
from vitnemal.ids.fodselsnummer import Nummertype
from vitnemal.sjekk.katalog import DOKUMENT, Avvik, kontroll

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL

_NUMMER = re.compile(r"^[VK]\d{9}\d{4}\d{5}$")
_NUMMER_UTENLANDSK = re.compile(
    rf"^[VK][A-Z0-9]{{{utenlandsk.MIN},{utenlandsk.MAKS}}}\d{{4}}\d{{5}}$")


def _analyse(ktx):
    """The printed fødselsnummer, classified once per document (003 A01)."""
    return fodselsnummer.analyse(ktx.dokument.fodselsnummer, testdata=ktx.testdata,
                                 today=ktx.today)


@kontroll("FNR-FIKTIVT", "003 A01", VARSEL, "Fiktivt fødselsnummer fra VIGO", trenger=DOKUMENT)
def fnr_fiktivt(ktx):
    """Ref: 003 A01 — a VIGO fictive number (day + 40, 99 …) is not transferred to NVB; the
    document cannot be registered in the national diploma database until the real number is known.
    """
    a = ktx.per_dokument(_analyse)
    if a.type is Nummertype.VIGO_FIKTIVT:
        yield Avvik("fødselsnummeret er et fiktivt nummer fra VIGO; dokumentet kan ikke overføres "
                    "til Nasjonal vitnemålsdatabase før personen har fått fødselsnummer eller "
                    "D-nummer", sti=ktx.sti("$.person.fodselsnummer"))


@kontroll("FNR-SYNTETISK", "001 §2.2", VARSEL, "Syntetisk testfødselsnummer", trenger=DOKUMENT)
def fnr_syntetisk(ktx):
    """Ref: 001 §2.2 — «Fødselsnummer: <11-sifret fødselsnummer>»: a synthetic test number
    (Tenor/NAV, accepted only with testdata) is no person's number and must not be printed on a
    real document."""
    a = ktx.per_dokument(_analyse)
    if a.syntetisk or a.type in (Nummertype.SYNTETISK_NAV, Nummertype.SYNTETISK_TENOR):
        yield Avvik(f"fødselsnummeret er et {a.type.tekst}; bare for testdata",
                    sti=ktx.sti("$.person.fodselsnummer"))


@kontroll("ORGNR-GYLDIG", "001 §2.8", FEIL, "Organisasjonsnummer med gyldig kontrollsiffer", trenger=DOKUMENT)
def orgnr_gyldig(ktx):
    """Ref: 001 §2.8 — the document number holds «skolens eller fylkeskommunens
    organisasjonsnummer»: nine digits, weights 3 2 7 6 5 4 3 2 1, sum divisible by 11. A school
    abroad without one uses «utenlandsk nummer» (``utsteder.utenlandsk``; ``ids.utenlandsk``)."""
    k = ktx.koder
    if k.utenlandsk and not utenlandsk.is_valid(k.orgnr):
        yield Avvik(f"det utenlandske nummeret {k.orgnr} er ikke gyldig ({utenlandsk.MIN}–"
                    f"{utenlandsk.MAKS} bokstaver A–Z og siffer)", sti=ktx.sti("$.utsteder.orgnr"))
    elif not k.utenlandsk and not orgnr.is_valid(k.orgnr):
        yield Avvik(f"organisasjonsnummeret {k.orgnr} er ikke gyldig (kontrollsiffer, modulus 11)",
                    sti=ktx.sti("$.utsteder.orgnr"))


@kontroll("DOKUMENTNUMMER-FORMAT", "001 §2.8", FEIL, "Vitnemåls-/kompetansebevisnummer", trenger=DOKUMENT)
def dokumentnummer_format(ktx):
    """Ref: 001 §2.8 — «<V>,<… organisasjonsnummer>, <åååå> og <løpenummer fem siffer>»,
    «skrives sammenhengende uten mellomrom»; K for kompetansebevis; a school abroad's foreign
    number «selv om antall siffer da kan bli forskjellig»."""
    nr = ktx.dokument.dokumentnummer
    foreign = ktx.koder.utenlandsk
    form = _NUMMER_UTENLANDSK if foreign else _NUMMER
    if not form.match(nr) or nr[0] != ktx.dokumenttype.value:
        midt = "utenlandsk nummer" if foreign else "organisasjonsnummer (9 siffer)"
        yield Avvik(f"dokumentnummeret {nr} har ikke formen {ktx.dokumenttype.value} + {midt} + "
                    "år (4 siffer) + løpenummer (5 siffer)")


@kontroll("LOPENUMMER-MANGLER", "001 §2.8", FEIL, "Løpenummer for dokumentnummeret", trenger=DOKUMENT)
def lopenummer_mangler(ktx):
    """Ref: 001 §2.8 — «Løpenummeret genereres fortløpende og enhver endring av et
    vitnemål/kompetansebevis eller ny utstedelse krever et nytt nummer»: an original needs one."""
    if ktx.koder.lopenummer is None:
        yield Avvik("løpenummer mangler (utsteder.lopenummer); dokumentnummeret kan ikke lages",
                    sti=ktx.sti("$.utsteder.lopenummer"))


@kontroll("DATO-MANGLER", "001 §2.8", FEIL, "Sted og dato", trenger=DOKUMENT)
def dato_mangler(ktx):
    """Ref: 001 §2.8 — «fører dere sted, dato, skole … Dato føres på formatet <dd.mm.åååå>»."""
    if ktx.today is None:
        yield Avvik("utstedelsesdato mangler (utsteder.utstedt), og ingen dato er oppgitt",
                    sti=ktx.sti("$.utsteder.utstedt"))


@kontroll("UNDERSKRIVERE-ULIKE", "001 §2.8", FEIL, "To ulike underskrivere", trenger=DOKUMENT)
def underskrivere_ulike(ktx):
    """Ref: 001 §2.8 — «underskrift av to personer … Én av de to personene må være rektor eller
    den rektor gir myndighet». Ikke formalisert: whether one of them is the rektor."""
    a, b = ktx.dokument.underskrivere
    if " ".join(a.split()).casefold() == " ".join(b.split()).casefold():
        yield Avvik(f"de to underskriverne er samme person ({a})",
                    sti=ktx.sti("$.utsteder.underskrivere"))
