"""The coded facts of a printed document, beside its printed text (NVB ¤-file, docs/nvb-format.md).

A ``Dokument`` carries what is printed (texts for the renderer) and, in ``Dokument.koder``, the
same content as codes: per fag row the fagkode, fagtype, grade codes, exam form, termin, omfang,
elev/privatist and fagmerknad with its parameters; per programme area line the code, level,
statement code and utdanningsprogram; fravær as integers; and the document-level facts NVB
asks for (organisation and school number, serial and year of the number, avgangsår,
generell studiekompetanse, dispensation, orden/adferd, vitnemålsmerknader, total omfang).
They are computed once, when the document is composed, from the same decision; the checks that
can run on a document alone (an NVB file has no elevmappe) read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from vitnemal.dokument import lop
from vitnemal.model import (
    Eksamensform,
    Elevmappe,
    Fag,
    Fagtype,
    Karakter,
    MerknadRef,
    Niva,
    OrdenAdferd,
    Vurdering,
)

if TYPE_CHECKING:  # the decision and the issuance import the document model, not this module
    from vitnemal.dokument.beslutning import Beslutning
    from vitnemal.dokument.utstedelse import Utstedelse, Utsteder
    from vitnemal.kodeverk import Kodeverk

#: NVB P4 «Paastandkode» for the kompetansebevis statement (001 §2.3): «fullført» F,
#: «bestått» B; a vitnemål documents a passed løp (001 §1.1), so its lines are B.
PASTAND_KODE = {"fullfort": "F", "bestatt": "B"}


@dataclass(frozen=True, slots=True)
class MerknadKoder:
    """A fag- or vitnemålsmerknad as registered: its code and placeholder values (NVB F13–F15,
    M3–M5)."""

    kode: str
    parametre: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FagKoder:
    """One printed fag row as codes (NVB ¤F), in print order.

    ``indeks`` is the row of the elevmappe it was composed from (None when the document was
    read from elsewhere, e.g. an NVB file); the checks use it to point at the record's field.
    """

    fagkode: str  # F2
    fagnavn: str  # F17, as printed
    fagtype: Fagtype  # F3
    standpunkt: Karakter | None  # F5
    eksamen: Karakter | None  # F6
    eksamensform: Eksamensform | None  # F7
    omfang: int | None  # F8, None where «--» is printed
    termin: str  # F9 + F10: «V2026»
    privatist: bool = False  # F12: P (privatistfag) or E (elevfag)
    fagmerknad: MerknadKoder | None = None  # F13–F15
    vurdering: Vurdering = Vurdering.STANDPUNKT  # halvårsvurdering rows: kompetansebevis only
    tverrfaglig: bool = False
    indeks: int | None = None

    # The termin is read as a record row reads it (the same «V2026» form): halvår V/H (NVB F9),
    # year (F10), and the printed «V26» (001 §2.6).
    halvar = Fag.halvar
    ar = Fag.ar
    termin_kort = Fag.termin_kort

    @property
    def fagstatus(self) -> str:
        """NVB F12: «P» privatistfag, «E» elevfag."""
        return "P" if self.privatist else "E"


@dataclass(frozen=True, slots=True)
class LinjeKoder:
    """One printed programme area line as codes (NVB ¤P): code, level, statement code (P4),
    utdanningsprogram code (P8, two letters, "" when none), school year and its spring year
    (P9). ``indeks``: the line of the elevmappe (None when read from elsewhere)."""

    kode: str
    niva: Niva
    pastand: str  # "B", "F" or ""
    utdanningsprogram: str
    skolear: str
    indeks: int | None = None

    @property
    def ar(self) -> int:
        return int(self.skolear[5:])


@dataclass(frozen=True, slots=True)
class FravaerKoder:
    """Fravær of one year of the opplæring, as integers (NVB P6, P7)."""

    ar: int
    dager: int
    timer: int


@dataclass(frozen=True, slots=True)
class Koder:
    """The document's coded facts (see the module docstring). ``lopenummer`` and ``nummer_ar``
    are the serial and year of the printed number (None: no serial); ``dato`` the issue date
    (None: unknown); ``avgangsar`` the year of «har i <åååå> bestått» (NVB V6; vitnemål only);
    ``studiekompetanse`` whether the document states generell studiekompetanse (NVB V18);
    ``dispensasjon`` «D» when the record has a dispensation (VMM17–VMM19, NVB V17), else "".
    ``orden``/``adferd`` are None where nothing is printed."""

    orgnr: str
    utenlandsk: bool  # ``orgnr`` is a school abroad's foreign number (001 §2.8)
    skolenummer: str | None
    lopenummer: int | None
    nummer_ar: int
    dato: date | None
    avgangsar: int | None
    studiekompetanse: bool
    dispensasjon: str
    orden: OrdenAdferd | None
    adferd: OrdenAdferd | None
    sum_omfang: int
    fag: tuple[FagKoder, ...]
    programomrader: tuple[LinjeKoder, ...]
    fravaer: tuple[FravaerKoder, ...]
    merknader: tuple[MerknadKoder, ...]  # vitnemålsmerknader, in print order


#: 001 §3.3, §12.1 — dispensation texts from Udir (NVB V17 «D»).
DISPENSASJON = ("VMM17", "VMM18", "VMM19")


def _merknad(m: MerknadRef | None) -> MerknadKoder | None:
    return None if m is None else MerknadKoder(m.kode, tuple(m.parametre))


def fagkoder(i: int, f: Fag) -> FagKoder:
    """The coded facts of record row ``i`` as printed (001 §2.6; NVB F2–F17)."""
    return FagKoder(fagkode=f.fagkode, fagnavn=f.fagnavn, fagtype=f.fagtype,
                    standpunkt=f.standpunkt, eksamen=f.eksamen, eksamensform=f.eksamensform,
                    omfang=f.omfang, termin=f.termin, privatist=f.privatist,
                    fagmerknad=_merknad(f.fagmerknad), vurdering=f.vurdering,
                    tverrfaglig=f.tverrfaglig, indeks=i)


def kod(mappe: Elevmappe, b: Beslutning, u: Utstedelse, utsteder: Utsteder,
        rader: list[tuple[int, Fag]], kv: Kodeverk, *, fravaer: bool,
        orden_adferd: bool) -> Koder:
    """Ref: 001 §2.2–2.8 — the coded facts of the document composed from ``mappe`` with the
    decision ``b`` and the issuance ``u``: ``rader`` are the printed fag rows in print order;
    ``fravaer`` and ``orden_adferd`` whether they are printed (001 §2.7)."""
    indeks = {id(p): i for i, p in enumerate(mappe.programomrader)}
    vitnemal = b.vitnemal
    linjer = []
    for p in b.linjer:
        pastand = "B" if vitnemal else PASTAND_KODE.get(b.pastander.get((p.kode, p.niva.value)), "")
        up = lop.utdanningsprogram_kode(p, kv)
        linjer.append(LinjeKoder(kode=p.kode, niva=p.niva, pastand=pastand, utdanningsprogram=up,
                                 skolear=p.skolear, indeks=indeks[id(p)]))
    nummer_dato = u.nummer_dato
    return Koder(
        orgnr=utsteder.orgnr,
        utenlandsk=utsteder.utenlandsk,
        skolenummer=utsteder.skolenummer,
        lopenummer=u.nummer_lopenummer,
        nummer_ar=nummer_dato.year if nummer_dato else max((f.ar for f in mappe.fag), default=2000),
        dato=u.dato,
        avgangsar=b.ar if vitnemal else None,
        studiekompetanse=b.studiekompetanse,
        dispensasjon="D" if any(m.kode in DISPENSASJON for m in mappe.vitnemalsmerknader) else "",
        orden=mappe.orden if orden_adferd else None,
        adferd=mappe.adferd if orden_adferd else None,
        sum_omfang=sum(f.omfang or 0 for _, f in rader),
        fag=tuple(fagkoder(i, f) for i, f in rader),
        programomrader=tuple(linjer),
        fravaer=tuple(FravaerKoder(f.ar, f.dager, f.timer) for f in sorted(
            mappe.fravaer, key=lambda f: f.ar)) if fravaer else (),
        merknader=tuple(MerknadKoder(m.kode, tuple(m.parametre)) for m in mappe.vitnemalsmerknader),
    )
