"""What the file checks read: the file as parsed, and per document the values several checks
need, computed once."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from vitnemal.ids import fodselsnummer
from vitnemal.ids import orgnr as _orgnr
from vitnemal.ids.fnr_resultat import Analyse
from vitnemal.nvb.les import Lesing
from vitnemal.nvb.poster import Vgdok

#: Organisation numbers repeat (one per school, ~400 in a national file): each is checked
#: once (speed).
orgnr_gyldig = lru_cache(maxsize=8192)(_orgnr.is_valid)

#: Numeric grades (F5/F6).
TALLKARAKTERER = frozenset("123456")
#: Values that mean «no grade» (docs/nvb-format.md ¤F: «`-` or blank = no grade»).
INGEN_KARAKTER = frozenset({None, "-"})


@dataclass
class Filkontekst:
    lesing: Lesing
    testdata: bool = False
    v1_antall: Counter = field(init=False)
    d1: frozenset[str] = field(init=False)

    def __post_init__(self):
        fil = self.lesing.lesbart
        self.v1_antall = Counter(d.vgdoknr for d in fil.dokumenter() if d.vgdoknr)
        self.d1 = frozenset(d.vgdoknr for d in fil.annulleringer() if d.vgdoknr)

    def ugyldig(self, linje: int | None, felt: str) -> bool:
        """True when the parser could not read this field (it already said so)."""
        return linje is not None and (linje, felt) in self.lesing.feilfelt


class Dokumentkontekst:
    """One document and the values several checks read, each computed once."""

    def __init__(self, dok: Vgdok, fil: Filkontekst):
        self.dok, self.fil, self.v = dok, fil, dok.v
        self.vgdoknr = dok.v.vgdoknr
        self.er_vm = dok.v.vgdoktypekode == "VM"
        self.er_kl = dok.v.reformkode == "KL"

    # -- line numbers -------------------------------------------------------------------
    def linje(self, post: str, i: int | None = None) -> int | None:
        """The line of the ¤V (``post="V"``) or of the i-th ¤P/¤F/¤M."""
        ln = self.dok.linjer
        if ln is None:
            return None
        if post == "V":
            return ln.v
        rad = ln.p if post == "P" else ln.f if post == "F" else ln.m
        return rad[i] if i is not None and i < len(rad) else None

    # -- values read by several checks --------------------------------------------------
    @cached_property
    def standpunkt_tall(self) -> bool:
        """Any numeric standpunkt grade on an elevfag row (docs/decisions.md: our reading of
        «any standpunkt grade» in V22 and P6/P7)."""
        return any(f.karakter_standpunkt in TALLKARAKTERER and f.fagstatuskode != "P"
                   for f in self.dok.f)

    @cached_property
    def vmm(self) -> frozenset[str]:
        return frozenset(m.merknadkode for m in self.dok.m if m.merknadkode)

    @cached_property
    def v1(self) -> str | None:
        """V1 when it is well-formed (checks that read its parts only run then)."""
        nr = self.vgdoknr
        return nr if nr and vgdoknr_feil(nr) is None else None

    @cached_property
    def v1_aar(self) -> int | None:
        return int(self.v1[10:14]) if self.v1 else None

    @cached_property
    def dato(self) -> date | None:
        return self.v.dato_utstedt

    @cached_property
    def fnr(self) -> Analyse | None:
        """V14+V15 analysed as of the issue date (V10), or None when either is blank."""
        v = self.v
        if v.foedtdato is None or v.personnummer is None:
            return None
        return fodselsnummer.analyse(f"{v.foedtdato:06d}{v.personnummer:05d}",
                                     testdata=self.fil.testdata, today=self.dato)


def vgdoknr_feil(nr: str) -> str | None:
    """Ref: docs/nvb-format.md V1; 001 §2.8. Why ``nr`` is not a document number, or None.

    «letter V (vitnemål), K (kompetansebevis) or T (test), then the issuer's 9-digit orgnr,
    then the 4-digit year, then a serial of 4 or 5 digits»; the orgnr's check digit is
    a check of its own (``vgdoknr_orgnr_feil``).

    >>> vgdoknr_feil("V97454448220140214") is None
    True
    >>> vgdoknr_feil("X97454448220140214")
    'skal begynne med V (vitnemål), K (kompetansebevis) eller T (test), ikke «X»'
    >>> vgdoknr_feil("V9745444822014021")
    'skal ha 18 eller 19 tegn (bokstav, orgnr 9, år 4, løpenummer 4–5), men har 17'
    """
    if nr[:1] not in ("V", "K", "T"):
        return f"skal begynne med V (vitnemål), K (kompetansebevis) eller T (test), ikke «{nr[:1]}»"
    if len(nr) not in (18, 19):
        return ("skal ha 18 eller 19 tegn (bokstav, orgnr 9, år 4, løpenummer 4–5), men har "
                f"{len(nr)}")
    if not (nr[1:].isascii() and nr[1:].isdigit()):
        return "skal ha bare sifre etter bokstaven"
    return None


def vgdoknr_orgnr_feil(nr: str) -> str | None:
    """The orgnr inside a well-formed document number: its check digit."""
    if not orgnr_gyldig(nr[1:10]):
        return (f"organisasjonsnummeret {nr[1:10]} i nummeret har feil kontrollsiffer "
                "(modulus 11)")
    return None
