"""The facts of one issuance: date, number, målform, duplicate, draft and issuer (001 §2.8, §2.11).

These are facts about the act of issuing, not about the person's results, so they are a value
of their own and not read from the elevmappe by the core: the caller (the CLI on a plain file,
the register after allocating a number) states them. ``Utstedelse.fra_elevmappe`` gives what
the CLI has always used for a plain file (the record's ``utsteder.utstedt`` and
``utsteder.lopenummer``). ``problemer()`` lists what is wrong with them; the issuing service
(``vitnemal.utskrift.forbered``) refuses such input with every problem at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vitnemal.dokument.model import Dokumenttype
from vitnemal.errors import InputError
from vitnemal.model import Elevmappe

#: 001 §2.8 — «<løpenummer fem siffer>».
LOPENUMMER_MIN, LOPENUMMER_MAKS = 1, 99999
MAALFORMER = ("nb", "nn", "en")


@dataclass(frozen=True, slots=True)
class Utsteder:
    """The issuing school or county as printed and as NVB needs it (001 §2.8; NVB A1, A2, V9,
    V11–V13): name, organisation number, place of «sted og dato», the two signatories, and the
    school's VIGO number. The register can take it from its own school table."""

    skolenavn: str
    orgnr: str
    sted: str
    underskrivere: tuple[str, str]
    skolenummer: str | None = None
    utenlandsk: bool = False  # a school abroad: ``orgnr`` is its foreign number (001 §2.8)

    @classmethod
    def fra_elevmappe(cls, mappe: Elevmappe) -> Utsteder:
        u = mappe.utsteder
        return cls(skolenavn=u.skolenavn, orgnr=u.orgnr, sted=u.sted,
                   underskrivere=(u.underskrivere[0], u.underskrivere[1]),
                   skolenummer=u.skolenummer, utenlandsk=u.utenlandsk)


@dataclass(frozen=True, slots=True)
class Utstedelse:
    """Ref: 001 §2.8, §2.11 — how one document is issued.

    ``dato`` is the printed date (None: unknown, which the check DATO-MANGLER reports).
    ``lopenummer`` is the serial of the document number (numbered in the year of ``dato``).
    A duplicate (``duplikat``) carries a new date and otherwise equals the original: with a
    new number (``lopenummer``, alternative 3) or with the original's (``opprinnelig_lopenummer``
    and ``opprinnelig_dato``, alternatives 1–2). ``maalform`` None: the record's.
    ``dokumenttype`` None: decided from the record. ``utsteder`` None: the record's ``utsteder``.
    ``utkast`` prints a marked draft, never an original; ``fortrykt`` leaves out the
    blankett's own print (001 §2.1).
    """

    dato: date | None
    lopenummer: int | None = None
    maalform: str | None = None
    duplikat: bool = False
    opprinnelig_lopenummer: int | None = None
    opprinnelig_dato: date | None = None
    utkast: bool = False
    fortrykt: bool = False
    dokumenttype: Dokumenttype | None = None
    utsteder: Utsteder | None = None

    @classmethod
    def fra_elevmappe(cls, mappe: Elevmappe, *, dato: date | None, maalform: str | None = None,
                      duplikat: bool = False, nytt_lopenummer: int | None = None,
                      utkast: bool = False, fortrykt: bool = False,
                      dokumenttype: Dokumenttype | None = None) -> Utstedelse:
        """The issuance of a plain elevmappe file, as ``vitnemal lag`` makes it.

        An original carries ``utsteder.utstedt`` (else ``dato``) and ``utsteder.lopenummer``.
        A duplicate carries ``dato`` as its new date, and ``nytt_lopenummer`` or else the
        record's number and date as the original's."""
        u = mappe.utsteder
        if not duplikat:
            return cls(dato=u.utstedt or dato, lopenummer=u.lopenummer, maalform=maalform,
                       utkast=utkast, fortrykt=fortrykt, dokumenttype=dokumenttype)
        if nytt_lopenummer is not None:
            return cls(dato=dato, lopenummer=nytt_lopenummer, maalform=maalform, duplikat=True,
                       utkast=utkast, fortrykt=fortrykt, dokumenttype=dokumenttype)
        return cls(dato=dato, maalform=maalform, duplikat=True,
                   opprinnelig_lopenummer=u.lopenummer, opprinnelig_dato=u.utstedt,
                   utkast=utkast, fortrykt=fortrykt, dokumenttype=dokumenttype)

    @property
    def nummer_lopenummer(self) -> int | None:
        """Ref: 001 §2.11 — the serial printed: the original's for a duplicate with the same
        number, else ``lopenummer``."""
        if self.duplikat and self.lopenummer is None:
            return self.opprinnelig_lopenummer
        return self.lopenummer

    @property
    def nummer_dato(self) -> date | None:
        """Ref: 001 §2.8 — «Det skal være årstallet vitnemålet skrives ut»: the date whose year
        the number carries (the original's for a duplicate with the same number)."""
        if self.duplikat and self.lopenummer is None:
            return self.opprinnelig_dato
        return self.dato

    def problemer(self) -> list[str]:
        """Ref: 001 §2.8, §2.11 — what makes these facts unusable, in Norwegian ([] when none)."""
        ut = []
        for navn, n in (("løpenummeret", self.lopenummer),
                        ("originalens løpenummer", self.opprinnelig_lopenummer)):
            if n is not None and not (isinstance(n, int) and not isinstance(n, bool)
                                      and LOPENUMMER_MIN <= n <= LOPENUMMER_MAKS):
                ut.append(f"{navn} {n!r} skal være et heltall {LOPENUMMER_MIN}–{LOPENUMMER_MAKS} "
                          "(001 §2.8: løpenummer med fem siffer)")
        for navn, d in (("utstedelsesdatoen", self.dato),
                        ("originalens utstedelsesdato", self.opprinnelig_dato)):
            if d is not None and not (isinstance(d, date) and 1000 <= d.year <= 9999):
                ut.append(f"{navn} {d!r} er ikke en dato med firesifret år (001 §2.8)")
        if self.maalform is not None and self.maalform not in MAALFORMER:
            ut.append(f"ukjent målform {self.maalform!r} (nb, nn eller en)")
        if self.duplikat:
            if self.dato is None:
                ut.append("et duplikat skal ha ny dato (001 §2.11): oppgi dato")
            if self.lopenummer is None and self.opprinnelig_dato is None:
                ut.append("duplikat med uendret nummer: originalens utstedelsesdato "
                          "(utsteder.utstedt) mangler; fyll den ut eller gi nytt løpenummer")
            if (self.opprinnelig_dato is not None and isinstance(self.dato, date)
                    and isinstance(self.opprinnelig_dato, date) and self.opprinnelig_dato > self.dato):
                ut.append(f"originalens utstedelsesdato {self.opprinnelig_dato:%d.%m.%Y} er etter "
                          f"duplikatets dato {self.dato:%d.%m.%Y}")
        elif self.opprinnelig_lopenummer is not None or self.opprinnelig_dato is not None:
            ut.append("originalens nummer og dato gjelder bare et duplikat (001 §2.11)")
        if self.utsteder is not None:
            if len(self.utsteder.underskrivere) != 2 or not all(
                    isinstance(s, str) and s.strip() for s in self.utsteder.underskrivere):
                ut.append("utstederen skal ha nøyaktig to underskrivere (001 §2.8)")
            for felt in ("skolenavn", "orgnr", "sted"):
                if not str(getattr(self.utsteder, felt) or "").strip():
                    ut.append(f"utstederens {felt} mangler (001 §2.8)")
        return ut

    def kontroller(self) -> None:
        """Raise ``InputError`` naming every problem of ``problemer()`` at once."""
        feil = self.problemer()
        if feil:
            raise InputError("utstedelsen kan ikke brukes: " + "; ".join(feil))
