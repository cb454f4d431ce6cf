"""Building ¤-files for the tests: a valid vitnemål, a valid kompetansebevis, and helpers.

People are synthetic: Skatteetaten Tenor test numbers (month + 80, valid check digits; the
control accepts them with ``testdata=True``) or VIGO fictive numbers (003 A01).
"""

from __future__ import annotations

from datetime import date, datetime

from vitnemal.ids import mod11
from vitnemal.nvb.poster import (
    NvbFil,
    Organisasjon,
    PostD,
    PostF,
    PostM,
    PostP,
    PostS,
    PostV,
    Vgdok,
)

ORGNR = "974544482"  # 3·9+2·7+7·4+6·5+5·4+4·4+3·4+2·8+1·2 = 165 = 15·11
ORGNR_2 = "842872022"  # the facts' own example
TIDSPUNKT = datetime(2026, 6, 20, 14, 30, 5)


def tenor(dag: int, mnd: int, aar2: int, individ: int = 512) -> tuple[int, int]:
    """(V14, V15) of a Tenor synthetic number: month + 80, check digits by mod 11."""
    while True:  # a few individnumre have no check digits; the next one has
        ni = f"{dag:02d}{mnd + 80:02d}{aar2:02d}{individ:03d}"
        par = mod11.check_digits(ni)  # remainder 0 first (the rule before 2032)
        if par:
            return int(ni[:6]), int(ni[6:] + par[0])
        individ += 1


def vgdoknr(lopenr: int, *, bokstav: str = "V", orgnr: str = ORGNR, aar: int = 2026) -> str:
    return f"{bokstav}{orgnr}{aar}{lopenr:05d}"


def fag(nr: str, fagkode: str, **kw) -> PostF:
    felt = dict(vgdoknr=nr, fagkode=fagkode, fagtypekode="FF", linjenr=1,
                karakter_standpunkt="4", omfang=140, terminkode="V", aar=2026,
                fagstatuskode="E")
    felt.update(kw)
    return PostF(**felt)


def vitnemal(lopenr: int = 1, *, v: dict | None = None, fnr=None, **deler) -> Vgdok:
    """A KL vitnemål that passes every file check (with testdata)."""
    nr = vgdoknr(lopenr, bokstav=(v or {}).get("_bokstav", "V"))
    v14, v15 = fnr or tenor(12, 3, 8)
    hode = dict(vgdoknr=nr, foerstegangsvm="J", reformkode="KL", vgdoktypekode="VM",
                avgangsaar=2026, orgnr=ORGNR, utstedersted="Fredrikstad",
                dato_utstedt=date(2026, 6, 19), skolenavn="Nordlys videregående skole",
                rektornavn="Rektor Rektorsen", underskriver_2="Avdelingsleder Avdeling",
                foedtdato=v14, personnummer=v15, personnavn="Test Testesen", gsk_ok="J",
                omfang=2800, orden="G", adferd="G", antall_vedlegg=0, maalformkode="B")
    hode.update({k: x for k, x in (v or {}).items() if not k.startswith("_")})
    p = deler.get("p", (
        PostP(nr, "STSSA1----", "VG1", None, None, 2, 5, "ST", 2024),
        PostP(nr, "STSSA2----", "VG2", None, None, 1, 0, "ST", 2025),
        PostP(nr, "STSSA3----", "VG3", "B", "Bestått", 0, 3, "ST", 2026),
    ))
    f = deler.get("f", (
        fag(nr, "NOR1267", karakter_eksamen="5", eksamensformkode="S"),
        fag(nr, "ENG1007", aar=2024, karakter_standpunkt="5"),
        fag(nr, "MAT1021", aar=2024, karakter_standpunkt="3"),
        fag(nr, "REA3056", fagtypekode="PF", karakter_standpunkt="6"),
    ))
    m = deler.get("m", (PostM(nr, 1, "VMM06"),))
    return Vgdok(PostV(**hode), tuple(p), tuple(f), tuple(m))


def kompetansebevis(lopenr: int = 2) -> Vgdok:
    """A KL kompetansebevis with no ¤P and no orden (allowed: no standpunkt grade, KB)."""
    nr = vgdoknr(lopenr, bokstav="K")
    v14, v15 = tenor(2, 11, 7, 733)
    v = PostV(vgdoknr=nr, reformkode="KL", vgdoktypekode="KB", avgangsaar=2026, orgnr=ORGNR,
              utstedersted="Oslo", dato_utstedt=date(2026, 6, 19), skolenavn="Nordlys vgs",
              rektornavn="R R", underskriver_2="A A", foedtdato=v14, personnummer=v15,
              personnavn="Kari Testesen", omfang=140)
    return Vgdok(v, (), (PostF(nr, "ENG1007", "FF", 1, "IV", None, None, 140, "V", 2026, "E",
                               "FAM21"),), ())


def organisasjon(*dokumenter: Vgdok, annulleringer=(), skole: PostS | None = None,
                 orgnr: str = ORGNR, skolenr: int = 3012) -> Organisasjon:
    return Organisasjon(orgnr=orgnr, skolenr=skolenr, systemnavn="vitnemal",
                        systemversjon="0.1.0", tidspunkt=TIDSPUNKT, skole=skole,
                        dokumenter=tuple(dokumenter), annulleringer=tuple(annulleringer))


def fil(*dokumenter: Vgdok, **kw) -> NvbFil:
    return NvbFil((organisasjon(*dokumenter, **kw),))


def annullering(nr: str, erstattes_av: str | None = None, aarsak: str = "FEI") -> PostD:
    return PostD(nr, date(2026, 6, 25), "Saksbehandler Sak", erstattes_av, aarsak, None)
