"""File-level control of a ¤-file, as the NVB control engine's file checks (class FIL).

``kontroller(lesing)`` runs every file check of the catalogue (``katalog()``) over what the
parser could read, and returns a ``Kontrollresultat``: one ``Dokumentkontroll`` per document
(its control number, its findings — the parser's problems on its lines included), and the
findings that concern no single document (the ¤A/¤S/¤D lines, lines that could not be placed,
the file as a whole). A document with a FEIL is one NVB would not import.

The file checks need the format facts only. Then each document is read into the core's
``Dokument`` and checked by the guideline's catalogue, the one the register uses
(``kontroll.retningslinjer``, class FAG); the guideline checks that need the elevmappe are
named once per file as not checked (INFO). ``retningslinjer=False`` runs the file checks only.

>>> from vitnemal.nvb.les import les
>>> r = kontroller(les(b"\\xc2\\xa4A\\xc2\\xa4974544482"))
>>> r.har_feil, [f.regel for f in r.filfunn][:1]
(True, ['NVB-FELTANTALL'])
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from vitnemal.findings import Alvorlighet
from vitnemal.kodeverk import load
from vitnemal.nvb.funn import Funnliste, NvbFinding, lag
from vitnemal.nvb.kontroll.katalog import Filsjekk, Treff, katalog
from vitnemal.nvb.kontroll.kontekst import Dokumentkontekst, Filkontekst
from vitnemal.nvb.kontroll.retningslinjer import ikke_kontrollert
from vitnemal.nvb.kontroll.retningslinjer import sjekk as retningslinjer_sjekk
from vitnemal.nvb.les import Lesing
from vitnemal.nvb.minne import uten_syklisk_gc
from vitnemal.nvb.poster import Vgdok

__all__ = ["Dokumentkontroll", "Kontrollresultat", "katalog", "kontroller"]


@dataclass(frozen=True)
class Dokumentkontroll:
    kontrollnr: int  # K1: 1, 2, … in file order
    dok: Vgdok
    funn: tuple[NvbFinding, ...]

    @property
    def har_feil(self) -> bool:
        return any(f.alvorlighet is Alvorlighet.FEIL for f in self.funn)


@dataclass(frozen=True)
class Kontrollresultat:
    lesing: Lesing
    filfunn: tuple[NvbFinding, ...]
    dokumenter: tuple[Dokumentkontroll, ...]
    antall: Counter  # every finding by severity, those not kept included
    utelatt: int  # findings beyond the cap, counted but not kept
    #: INFO, once per file: the guideline checks that need the elevmappe (not counted).
    ikke_kontrollert: tuple[NvbFinding, ...] = ()

    @property
    def har_feil(self) -> bool:
        return self.antall[Alvorlighet.FEIL] > 0

    @property
    def lest(self) -> bool:
        """False when the file could not be read at all (a SYSTEM problem)."""
        return self.lesing.lest


def _sortert(funn: list[NvbFinding]) -> tuple[NvbFinding, ...]:
    return tuple(sorted(funn, key=lambda f: (f.alvorlighet.rank, f.linje or 0, f.regel)))


def _finding(s: Filsjekk, t: Treff, vgdoknr: str | None) -> NvbFinding:
    return lag(s.id, t.ref or s.ref, s.alvorlighet, t.tekst, linje=t.linje, post=t.post,
               felt=t.felt, vgdoknr=t.vgdoknr or vgdoknr, fagkode=t.fagkode, merknad=t.merknad)


def kontroller(lesing: Lesing, *, testdata: bool = False,
               retningslinjer: bool = True) -> Kontrollresultat:
    """Every file check over ``lesing.lesbart``, then (``retningslinjer``) the guideline's
    checks on each document; ``testdata`` accepts synthetic test fødselsnummer (Tenor, NAV)
    as ``vitnemal fnr --testdata`` does."""
    with uten_syklisk_gc():  # speed: see vitnemal.nvb.minne
        return _kontroller(lesing, testdata, retningslinjer)


def _kontroller(lesing: Lesing, testdata: bool, retningslinjer: bool) -> Kontrollresultat:
    gammel = lesing.funnliste
    fl = Funnliste(maks=gammel.maks, antall=Counter(gammel.antall), utelatt=gammel.utelatt,
                   beholdt=gammel.beholdt)
    dokumenter = list(lesing.lesbart.dokumenter())
    # The parser's problems go to their document where it was read, else to the file.
    per_dok: dict[str, list[NvbFinding]] = {d.vgdoknr: [] for d in dokumenter if d.vgdoknr}
    filfunn: list[NvbFinding] = []
    for p in lesing.problemer:
        per_dok.get(p.vgdoknr or "", filfunn).append(p)
    if not lesing.lest:
        return Kontrollresultat(lesing, _sortert(filfunn), (), fl.antall, fl.utelatt)

    sjekker = katalog()
    fktx = Filkontekst(lesing, testdata)
    for s in sjekker:
        if s.omfang == "fil":
            for t in s.funksjon(fktx):
                fl.ta_med(filfunn, _finding(s, t, None))
    kv = load() if retningslinjer else None
    skolenr = {id(d): o.skolenr for o in lesing.lesbart.organisasjoner for d in o.dokumenter}
    arbeid = _Arbeid(dokumenter, fktx, tuple(s for s in sjekker if s.omfang == "dokument"),
                     kv, [skolenr.get(id(d)) for d in dokumenter], testdata)
    kontroller_: list[Dokumentkontroll] = []
    sett: set[str] = set()
    for k, (dok, nye) in enumerate(zip(dokumenter, arbeid.alle(), strict=True), 1):
        nr = dok.vgdoknr
        funn = per_dok.get(nr, []) if nr not in sett else []
        sett.add(nr)
        for f in nye:
            fl.ta_med(funn, f)
        kontroller_.append(Dokumentkontroll(k, dok, _sortert(funn)))
    return Kontrollresultat(lesing, _sortert(filfunn), tuple(kontroller_), fl.antall,
                            fl.utelatt, tuple(ikke_kontrollert()) if kv and dokumenter else ())


#: From this many documents the per-document checks run in worker processes (one per core).
PARALLELT_FRA = 2_000
_DELT: _Arbeid | None = None  # what forked workers read (set before the pool is made)


class _Arbeid:
    """The per-document checks (file checks, then the guideline's) of one run: each
    document's new findings, in order. Pure per document, so a national file is split
    between the cores (fork: the workers share the parsed file, nothing is sent to them but
    index ranges; the findings come back) and merged in file order — the same result as one
    process, only sooner (bench/nvb.py)."""

    def __init__(self, dokumenter, fktx, doksjekker, kv, skolenr, testdata):
        self.dokumenter, self.fktx, self.doksjekker = dokumenter, fktx, doksjekker
        self.kv, self.skolenr, self.testdata = kv, skolenr, testdata

    def en(self, i: int) -> list[NvbFinding]:
        dok = self.dokumenter[i]
        nr = dok.vgdoknr
        ktx = Dokumentkontekst(dok, self.fktx)
        ut: list[NvbFinding] = []
        regler = set()
        for s in self.doksjekker:
            for t in s.funksjon(ktx):
                regler.add(s.id)
                ut.append(_finding(s, t, nr))
        if self.kv is not None:
            ut += retningslinjer_sjekk(dok, self.kv, skolenr=self.skolenr[i],
                                       testdata=self.testdata, fil_regler=regler)
        return ut

    def del_(self, fra: int, til: int) -> list[list[NvbFinding]]:
        return [self.en(i) for i in range(fra, til)]

    def alle(self, prosesser: int | None = None):
        n = len(self.dokumenter)
        prosesser = prosesser if prosesser is not None else _kjerner()
        # The file checks alone are cheap: workers only for the guideline's catalogue.
        if prosesser < 2 or n < PARALLELT_FRA or self.kv is None:
            return (self.en(i) for i in range(n))
        return self._parallelt(n, prosesser)

    def _parallelt(self, n: int, prosesser: int):
        import multiprocessing

        global _DELT
        _DELT = self
        biter = max(1, n // (prosesser * 8))  # small enough to balance a busy machine
        deler = [(a, min(a + biter, n)) for a in range(0, n, biter)]
        try:
            with multiprocessing.get_context("fork").Pool(prosesser) as pool:
                for del_ in pool.imap(_del_i_arbeider, deler):
                    yield from del_
        finally:
            _DELT = None


def _del_i_arbeider(omrade: tuple[int, int]) -> list[list[NvbFinding]]:
    return _DELT.del_(*omrade)


def _kjerner() -> int:
    """The cores this process may use (1 where fork is not available)."""
    import os
    import sys

    if sys.platform == "win32" or not hasattr(os, "fork"):
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
