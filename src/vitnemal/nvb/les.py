"""Parse a ¤-file from any system into the typed model, with every problem at once.

``les(kilde)`` takes a path or the file's bytes and returns a ``Lesing``:

- ``problemer``: every problem, each naming line, record type and field, in Norwegian;
- ``modell``: the whole file as an ``NvbFil`` — only when no problem is a FEIL (nothing is
  ever half-imported; a VARSEL such as an `Ax` text cut to its length leaves it usable);
- ``lesbart``: every record that could be read, for checking and reporting only: lines that
  could not be split into their fields are left out, fields that could not be read are None
  (listed in ``feilfelt``).

Structure (Ref: docs/nvb-format.md «General», «¤A», «¤S»): ¤S right after its ¤A; ¤V and ¤D
under the ¤A of their orgnr (V7, and characters 2–10 of D1); one ¤A per orgnr; ¤P, ¤F and ¤M
carry the Vgdoknr of an ¤V in the file, and belong to the last such ¤V before them (the
first, if none is before them); A3–A7 agree with the lines of the file, read or not.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from functools import partial

from vitnemal.findings import Alvorlighet
from vitnemal.io.load import os_melding
from vitnemal.nvb import linjer as _linjer
from vitnemal.nvb.dekoder import UNNTAK
from vitnemal.nvb.funn import FIL, SYSTEM, Funnliste, NvbFinding, lag
from vitnemal.nvb.lesfelt import DEKODERE, DEKODERE_UTEN_TRIM, GENERELT, TOMT, Linjeleser
from vitnemal.nvb.minne import uten_syklisk_gc
from vitnemal.nvb.poster import KLASSER, Linjenr, NvbFil, Organisasjon, PostA, PostV, Vgdok
from vitnemal.nvb.spek import INNDATA, vgdoknr_felt
from vitnemal.nvb.spek_resultat import RESULTAT

FEIL = Alvorlighet.FEIL
_MED_VGDOKNR = frozenset(k for k in INNDATA if vgdoknr_felt(k))
_BARN = frozenset("PFM")
_RASK_UNNTAK = (*UNNTAK, ValueError)
#: Build a record from its values; the count is right by construction (speed: a C call,
#: where ``_make`` is a Python-level classmethod that checks the length again).
_NY = {kode: partial(tuple.__new__, cls) for kode, cls in KLASSER.items()}


@dataclass(frozen=True)
class Lesing:
    lesbart: NvbFil
    problemer: tuple[NvbFinding, ...]
    linjer: int = 0  # record lines read
    feilfelt: frozenset[tuple[int, str]] = frozenset()  # (line, field) not read
    funnliste: Funnliste = field(default_factory=Funnliste)
    lest: bool = True  # False: the file could not be read at all (SYSTEM)

    @property
    def ok(self) -> bool:
        return not self.funnliste.har_feil

    @property
    def modell(self) -> NvbFil | None:
        """The whole file, or None when any problem is a FEIL."""
        return self.lesbart if self.lest and self.ok else None


def les(kilde: str | os.PathLike | bytes, *, maks_byte: int = _linjer.MAKS_BYTE,
        maks_funn: int | None = None) -> Lesing:
    """Parse ``kilde`` (a path, or the bytes of a file). Never raises for bad input."""
    return _les(kilde, maks_byte, maks_funn, _Leser)


def les_resultat(kilde: str | os.PathLike | bytes, *, maks_byte: int = _linjer.MAKS_BYTE
                 ) -> tuple[tuple, tuple[NvbFinding, ...]]:
    """Read a result file of the control engine (¤R ¤K ¤E ¤L ¤O): its records in file order
    and every problem (same rules for lines and fields as ``les``)."""
    svar = _les(kilde, maks_byte, None, _Resultatleser)
    return svar if isinstance(svar, tuple) else ((), svar.problemer)


def _les(kilde, maks_byte: int, maks_funn: int | None, leserklasse):
    def ny() -> Funnliste:  # each attempt starts afresh
        return Funnliste() if maks_funn is None else Funnliste(maks=maks_funn)

    fl = ny()
    for strengt in (True, False):
        try:
            return _les_en_gang(kilde, maks_byte, strengt, leserklasse(ny()))
        except UnicodeDecodeError:
            continue  # read again, reporting the lines that are not UTF-8
        except _linjer.ForStor:
            grense = f"{maks_byte:,}".replace(",", " ")
            return _system(f"filen er større enn grensen på {grense} byte; ingenting er lest", fl)
        except OSError as exc:
            return _system(os_melding(exc, str(kilde)), fl)
    raise AssertionError("unreachable")  # pragma: no cover


def _system(tekst: str, fl: Funnliste) -> Lesing:
    problemer: list[NvbFinding] = []
    fl.ta_med(problemer, lag("NVB-FIL", GENERELT, FEIL, tekst, klasse=SYSTEM))
    return Lesing(NvbFil(), tuple(problemer), funnliste=fl, lest=False)


def _les_en_gang(kilde, maks_byte: int, strengt: bool, leser):
    binar = isinstance(kilde, bytes | bytearray)
    with io.BytesIO(kilde) if binar else open(kilde, "rb") as raw, uten_syklisk_gc():
        tekst, begrenset = _linjer.tekststrom(raw, maks_byte, strengt=strengt)
        for post in _linjer.tokeniser(tekst, leser.linjeproblem, sjekk_utf8=not strengt):
            leser.post(*post)
        if begrenset.for_stor:
            raise _linjer.ForStor
        return leser.resultat()


class _Blokk:
    """An ¤A with what stands under it, while the file is read."""

    __slots__ = ("a", "linje", "s", "s_linje", "dok", "d", "d_linjer", "antall")

    def __init__(self, a: PostA, linje: int):
        self.a, self.linje, self.s, self.s_linje = a, linje, None, None
        self.dok: list[_Dok] = []
        self.d: list = []
        self.d_linjer: list[int] = []
        self.antall = dict.fromkeys("VDPFM", 0)  # lines under it by type, read or not


class _Dok:
    """A ¤V with its ¤P/¤F/¤M records and their lines, while the file is read."""

    __slots__ = ("v", "linje", "blokk", "rader", "linjer")

    def __init__(self, v: PostV, linje: int, blokk: _Blokk):
        self.v, self.linje, self.blokk = v, linje, blokk
        self.rader: dict[str, list] = {"P": [], "F": [], "M": []}
        self.linjer: dict[str, list[int]] = {"P": [], "F": [], "M": []}

    def legg_til(self, kode: str, verdier: tuple, linje: int) -> None:
        self.blokk.antall[kode] += 1
        if verdier is not None:
            self.rader[kode].append(_NY[kode](verdier))
            self.linjer[kode].append(linje)

    def vgdok(self) -> Vgdok:
        r, n = self.rader, self.linjer
        return Vgdok(self.v, tuple(r["P"]), tuple(r["F"]), tuple(r["M"]),
                     Linjenr(self.linje, tuple(n["P"]), tuple(n["F"]), tuple(n["M"])))


class _Leser(Linjeleser):
    """Turns raw records into records and groups, collecting problems."""

    def __init__(self, fl: Funnliste):
        super().__init__(fl)
        self.blokker: list[_Blokk] = []
        self.forste: dict[str, _Dok] = {}  # Vgdoknr -> the first ¤V with it
        self.siste: dict[str, _Dok] = {}  # Vgdoknr -> the last ¤V with it so far
        self.uleste: dict[str, _Blokk | None] = {}  # V1 of ¤V lines not read -> their ¤A
        self.ventende: list[tuple] = []  # ¤P/¤F/¤M lines before any ¤V of their number
        self.forrige: str | None = None

    def post(self, linje: int, kode: str, felt: list[str], innpakket, trim: bool) -> None:
        self.linjer += 1
        if kode in _BARN and innpakket is None:
            # Speed: ¤P/¤F/¤M lines are nine in ten; the common case (fields read at once,
            # their ¤V known) is handled here in full. Anything else takes the general path.
            try:
                verdier = (DEKODERE if trim else DEKODERE_UTEN_TRIM)[kode](felt)
            except _RASK_UNNTAK:  # includes ValueError: not as many fields as the record has
                pass
            else:
                d = self.siste.get(verdier[0])
                if d is not None:
                    d.blokk.antall[kode] += 1
                    d.rader[kode].append(_NY[kode](verdier))
                    d.linjer[kode].append(linje)
                    self.forrige = kode
                    return
        spek = INNDATA.get(kode)
        if spek is None:
            self._ukjent(linje, kode)
            self.forrige = None
            return
        verdier = self.verdier(spek, linje, felt, innpakket, trim)
        # The Vgdoknr as written, for a line whose fields could not be read.
        raa = (felt[0].strip(TOMT)[:40] if verdier is None and felt and kode in _MED_VGDOKNR
               else None)
        if kode in _BARN:
            self._barn(kode, verdier, raa, linje)
        elif kode == "V":
            self._v(verdier, raa, linje)
        elif kode == "A":
            self._a(verdier, linje)
        elif kode == "S":
            self._s(verdier, linje)
        else:
            self._d(verdier, raa, linje)
        self.forrige = kode

    def _ukjent(self, linje: int, kode: str) -> None:
        if kode in RESULTAT:
            tekst = (f"posttypen ¤{kode} hører til resultatfilen fra kontrollmotoren, ikke til "
                     "en fil som skal kontrolleres eller leveres")
        elif len(kode) == 1 and "A" <= kode <= "Z":
            tekst = f"ukjent posttype ¤{kode} (kjente: ¤A ¤S ¤V ¤P ¤F ¤M ¤D)"
        else:
            tekst = f"linjen begynner ikke med ¤ og en stor bokstav (posttype «{kode[:20]}»)"
        self.problem("NVB-POSTTYPE", GENERELT, tekst, linje, None)

    # -- ¤A ¤S -----------------------------------------------------------------------------
    def _a(self, verdier, linje: int) -> None:
        if verdier is None:  # keep a block, so its ¤V/¤D lines stay under an ¤A
            self.feilfelt.update((linje, f.nr) for f in INNDATA["A"].felt)
            a = PostA()
        else:
            a = PostA._make(verdier)
        for b in self.blokker:
            if a.orgnr is not None and b.a.orgnr == a.orgnr:
                self.problem("NVB-STRUKTUR", "NVB ¤A", f"orgnr {a.orgnr} har allerede en ¤A "
                             f"(linje {b.linje}); det skal være én ¤A per organisasjon", linje,
                             "A", felt="A1")
                break
        self.blokker.append(_Blokk(a, linje))

    def _s(self, verdier, linje: int) -> None:
        if verdier is None:
            return
        if self.forrige != "A" or self.blokker[-1].s is not None:
            self.problem("NVB-STRUKTUR", "NVB ¤S", "¤S skal stå rett etter sin ¤A (én ¤S per "
                         "¤A); linjen er ikke tatt med", linje, "S")
            return
        b = self.blokker[-1]
        b.s, b.s_linje = KLASSER["S"]._make(verdier), linje

    # -- ¤V ¤D ---------------------------------------------------------------------------
    def _blokk(self, kode: str, linje: int, orgnr: str | None, felt: str, nr: str | None):
        """The ¤A block a ¤V/¤D stands under (its line counted there), or None (reported)."""
        if not self.blokker:
            self.problem("NVB-STRUKTUR", GENERELT, f"¤{kode} står før første ¤A; hver ¤{kode} "
                         "skal stå under ¤A for sitt orgnr", linje, kode, vgdoknr=nr)
            return None
        b = self.blokker[-1]
        b.antall[kode] += 1
        if orgnr is not None and b.a.orgnr is not None and orgnr != b.a.orgnr:
            self.problem("NVB-STRUKTUR", GENERELT, f"¤{kode} med orgnr {orgnr} står under ¤A "
                         f"for {b.a.orgnr} (linje {b.linje}); den skal stå under ¤A for sitt "
                         "orgnr", linje, kode, felt=felt, vgdoknr=nr)
        return b

    def _v(self, verdier, raa: str | None, linje: int) -> None:
        v = PostV._make(verdier) if verdier is not None else None
        nr = v.vgdoknr if v is not None else raa
        b = self._blokk("V", linje, v.orgnr if v is not None else None, "V7", nr)
        if v is None or b is None:
            if nr:  # its ¤P/¤F/¤M lines are counted for this ¤A but not reported again
                self.uleste[nr] = b
                self.siste.pop(nr, None)
            return
        d = _Dok(v, linje, b)
        b.dok.append(d)
        if nr is not None:
            self.forste.setdefault(nr, d)
            self.siste[nr] = d

    def _d(self, verdier, raa: str | None, linje: int) -> None:
        nr = verdier[0] if verdier is not None else raa
        orgnr = nr[1:10] if nr and len(nr) >= 10 and nr[1:10].isdigit() else None
        b = self._blokk("D", linje, orgnr, "D1", nr)
        if b is not None and verdier is not None:
            b.d.append(KLASSER["D"]._make(verdier))
            b.d_linjer.append(linje)

    # -- ¤P ¤F ¤M ------------------------------------------------------------------------
    def _plasser(self, dok: dict[str, _Dok], kode: str, nr, verdier, linje: int) -> bool:
        """Put a ¤P/¤F/¤M line with its ¤V in ``dok`` (or count it for the ¤A of an ¤V that
        could not be read); False when there is no such ¤V."""
        d = dok.get(nr) if nr else None
        if d is not None:
            d.legg_til(kode, verdier, linje)
        elif nr in self.uleste:
            if (b := self.uleste[nr]) is not None:
                b.antall[kode] += 1
        else:
            return False
        return True

    def _barn(self, kode: str, verdier, raa: str | None, linje: int) -> None:
        nr = verdier[0] if verdier is not None else raa
        if not self._plasser(self.siste, kode, nr, verdier, linje):
            self.ventende.append((kode, nr, verdier, linje))

    def _plasser_ventende(self) -> None:
        for kode, nr, verdier, linje in self.ventende:
            if self._plasser(self.forste, kode, nr, verdier, linje):
                continue
            if nr and verdier is not None:  # a blank key field is already reported
                self.problem("NVB-STRUKTUR", GENERELT, f"¤{kode} peker på Vgdoknr {nr}, men "
                             "ingen ¤V i filen har det nummeret; linjen er ikke tatt med", linje,
                             kode, felt=f"{kode}1", vgdoknr=nr)

    def _sjekk_antall(self) -> None:
        """Ref: docs/nvb-format.md «¤A» — A3–A7 are the numbers of ¤V, ¤D, ¤F, ¤P, ¤M."""
        for b in self.blokker:
            for kode, nr, oppgitt in (("V", "A3", b.a.antall_v), ("D", "A4", b.a.antall_d),
                                      ("F", "A5", b.a.antall_f), ("P", "A6", b.a.antall_p),
                                      ("M", "A7", b.a.antall_m)):
                if oppgitt is not None and oppgitt != b.antall[kode]:
                    self.problem("NVB-ANTALL", f"NVB {nr}", f"{nr} sier {oppgitt} ¤{kode}, men "
                                 f"filen har {b.antall[kode]} ¤{kode} for orgnr {b.a.orgnr}",
                                 b.linje, "A", felt=nr)

    def resultat(self) -> Lesing:
        self._plasser_ventende()
        self._sjekk_antall()
        lest = self.linjer > 0
        if not lest:
            self.ta_med(lag("NVB-FIL", GENERELT, FEIL, "filen inneholder ingen poster "
                            "(linjer som begynner med ¤)", klasse=SYSTEM))
        organisasjoner = tuple(
            Organisasjon.fra_post(b.a, skole=b.s, dokumenter=tuple(d.vgdok() for d in b.dok),
                                  annulleringer=tuple(b.d), linje=b.linje, linje_s=b.s_linje,
                                  linjer_d=tuple(b.d_linjer))
            for b in self.blokker)
        return Lesing(NvbFil(organisasjoner), tuple(self.problemer), self.linjer,
                      frozenset(self.feilfelt), self.fl, lest)


class _Resultatleser(Linjeleser):
    """Reads a result file: records in order, no groups."""

    SPEKKER = RESULTAT

    def __init__(self, fl: Funnliste):
        super().__init__(fl)
        self.poster: list = []

    def post(self, linje: int, kode: str, felt: list[str], innpakket, trim: bool) -> None:
        self.linjer += 1
        spek = RESULTAT.get(kode)
        if spek is None:
            self.problem("NVB-POSTTYPE", GENERELT, f"ukjent posttype ¤{kode[:20]} i en "
                         "resultatfil (kjente: ¤R ¤K ¤E ¤L ¤O)", linje, None)
            return
        verdier = self.verdier(spek, linje, felt, innpakket, trim)
        if verdier is not None:
            self.poster.append(KLASSER[kode]._make(verdier))

    def resultat(self):
        return tuple(self.poster), tuple(self.problemer)


__all__ = ["FIL", "Lesing", "les", "les_resultat"]
