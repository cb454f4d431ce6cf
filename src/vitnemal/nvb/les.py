"""Parse a ¤-file from any system into the typed model, with every problem at once.

``les(kilde)`` takes a path or the file's bytes and returns a ``Lesing``:

- ``problemer``: every problem, each naming line, record type and field, in Norwegian;
- ``modell``: the whole file as an ``NvbFil`` — only when no problem is a FEIL (nothing is
  ever half-imported; a VARSEL such as an `Ax` text cut to its length leaves it usable);
- ``lesbart``: every record that could be read, for checking and reporting only: lines that
  could not be split into their fields are left out, fields that could not be read are None
  (listed in ``feilfelt``).

Structure (Ref: docs/nvb-format.md «General», «¤A», «¤S»): ¤S right after its ¤A; ¤V and ¤D
under the ¤A of their orgnr (V7, and characters 2–10 of D1); ¤P, ¤F and ¤M carry the Vgdoknr
of an ¤V anywhere in the file; one ¤A per orgnr; A3–A7 agree with the lines of the file.
"""

from __future__ import annotations

import io
import os
from collections import defaultdict
from dataclasses import dataclass, field

from vitnemal.findings import Alvorlighet
from vitnemal.io.load import os_melding
from vitnemal.nvb import linjer as _linjer
from vitnemal.nvb.format import Feltfeil
from vitnemal.nvb.funn import FIL, SYSTEM, Funnliste, NvbFinding, lag
from vitnemal.nvb.poster import KLASSER, Linjenr, NvbFil, Organisasjon, Vgdok
from vitnemal.nvb.spek import INNDATA, Posttype, vgdoknr_felt
from vitnemal.nvb.spek_resultat import RESULTAT

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL
_TOMT = " \t"
_GENERELT = "NVB generelt"


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
    return _les(kilde, maks_byte, maks_funn, lambda fl: _Leser(fl))


def les_resultat(kilde: str | os.PathLike | bytes, *, maks_byte: int = _linjer.MAKS_BYTE
                 ) -> tuple[tuple, tuple[NvbFinding, ...]]:
    """Read a result file of the control engine (¤R ¤K ¤E ¤L ¤O): its records in file order
    and every problem (same rules for lines and fields as ``les``)."""
    svar = _les(kilde, maks_byte, None, lambda fl: _Resultatleser(fl))
    return svar if isinstance(svar, tuple) else ((), svar.problemer)


def _les(kilde, maks_byte: int, maks_funn: int | None, lag_leser):
    for strengt in (True, False):
        try:
            return _les_en_gang(kilde, maks_byte, maks_funn, strengt, lag_leser)
        except UnicodeDecodeError:
            continue  # read again, reporting the lines that are not UTF-8
        except _linjer.ForStor:
            return _system(f"filen er større enn grensen på {maks_byte:,} byte".replace(",", " ")
                           + "; ingenting er lest", maks_funn)
        except OSError as exc:
            return _system(os_melding(exc, str(kilde)), maks_funn)
    raise AssertionError("unreachable")  # pragma: no cover


def _system(tekst: str, maks_funn: int | None) -> Lesing:
    fl = _funnliste(maks_funn)
    problemer: list[NvbFinding] = []
    fl.ta_med(problemer, lag("NVB-FIL", _GENERELT, FEIL, tekst, klasse=SYSTEM))
    return Lesing(NvbFil(), tuple(problemer), funnliste=fl, lest=False)


def _funnliste(maks_funn: int | None) -> Funnliste:
    return Funnliste() if maks_funn is None else Funnliste(maks=maks_funn)


def _les_en_gang(kilde, maks_byte: int, maks_funn: int | None, strengt: bool, lag_leser):
    binar = isinstance(kilde, bytes | bytearray)
    with io.BytesIO(kilde) if binar else open(kilde, "rb") as raw:
        tekst, begrenset = _linjer.tekststrom(raw, maks_byte, strengt=strengt)
        leser = lag_leser(_funnliste(maks_funn))
        for post in _linjer.tokeniser(tekst, leser.linjeproblem, sjekk_utf8=not strengt):
            leser.post(*post)
        if begrenset.for_stor:
            raise _linjer.ForStor
    return leser.resultat()


_LESERE = {kode: tuple(f.fmt.leser(siffer=f.siffer) for f in p.felt)
           for kode, p in (INNDATA | RESULTAT).items()}


class _Leser:
    """Turns raw records into records and groups, collecting problems."""

    SPEKKER = INNDATA

    def __init__(self, fl: Funnliste):
        self.fl = fl
        self.problemer: list[NvbFinding] = []
        self.feilfelt: set[tuple[int, str]] = set()
        self.linjer = 0
        self.blokker: list[dict] = []  # per ¤A: a, line, s, docs, annulments, counts
        self.dok: dict[str, dict] = {}  # Vgdoknr -> the first ¤V with it
        self.dok_siste: dict[str, dict] = {}  # Vgdoknr -> the last ¤V with it so far
        self.barn: list[tuple[str, object, int]] = []  # ¤P ¤F ¤M before their ¤V
        self.v_blokk: dict[str, int] = {}  # raw V1 -> its first ¤A block (for counts)
        self.v_blokk_siste: dict[str, int] = {}  # raw V1 -> its last ¤A block so far
        self.barn_raa: list[tuple[str, str]] = []  # ¤P ¤F ¤M before any ¤V of their number
        self.uleste_v: set[str] = set()  # V1 of ¤V lines that could not be read
        self.forrige: str | None = None

    # -- problems ------------------------------------------------------------------------
    def _ta_med(self, f: NvbFinding) -> None:
        self.fl.ta_med(self.problemer, f)

    def linjeproblem(self, linje, post, indeks, tekst) -> None:
        p = self.SPEKKER.get(post or "")
        felt = p.felt[indeks].nr if p is not None and indeks is not None and \
            indeks < len(p.felt) else None
        regel = "NVB-KLAMMER" if indeks is not None else "NVB-LINJE"
        self._ta_med(lag(regel, _GENERELT, FEIL, tekst, linje=linje, post=post if p else None,
                         felt=felt))

    def _problem(self, regel, paragraf, tekst, linje, post, *, felt=None, vgdoknr=None,
                 alvorlighet=FEIL):
        self._ta_med(lag(regel, paragraf, alvorlighet, tekst, linje=linje, post=post,
                         felt=felt, vgdoknr=vgdoknr))

    # -- one raw record -------------------------------------------------------------------
    def post(self, linje: int, kode: str, felt: list[str], innpakket) -> None:
        self.linjer += 1
        spek = INNDATA.get(kode)
        if spek is None:
            self._ukjent(linje, kode)
            self.forrige = None
            return
        raa_nr = felt[0].strip(_TOMT)[:40] if felt and vgdoknr_felt(kode) else None
        self._tell_raa(kode, raa_nr)
        verdier = self._felt(spek, linje, felt, innpakket, raa_nr)
        if verdier is None:
            if kode == "V" and raa_nr:
                self.uleste_v.add(raa_nr)
            elif kode == "A":  # keep the block, so its ¤V/¤D lines stay under an ¤A
                self.feilfelt.update((linje, f.nr) for f in spek.felt)
                self._post_a(KLASSER["A"](), linje)
            self.forrige = kode
            return
        post = KLASSER[kode]._make(verdier)
        getattr(self, "_post_" + kode.lower())(post, linje)
        self.forrige = kode

    def _ukjent(self, linje: int, kode: str) -> None:
        if kode in RESULTAT:
            tekst = (f"posttypen ¤{kode} hører til resultatfilen fra kontrollmotoren, ikke til "
                     "en fil som skal kontrolleres eller leveres")
        elif len(kode) == 1 and "A" <= kode <= "Z":
            tekst = f"ukjent posttype ¤{kode} (kjente: ¤A ¤S ¤V ¤P ¤F ¤M ¤D)"
        else:
            tekst = f"linjen begynner ikke med ¤ og en stor bokstav (posttype «{kode[:20]}»)"
        self._problem("NVB-POSTTYPE", _GENERELT, tekst, linje, None)

    def _felt(self, spek: Posttype, linje: int, felt: list[str], innpakket, raa_nr):
        n, antall = len(felt), len(spek.felt)
        if n > antall and not any(x.strip(_TOMT) for x in felt[antall:]):
            self._problem("NVB-FELTANTALL", _GENERELT, f"linjen har {n} felt; ¤{spek.kode} har "
                          f"{antall}. De {n - antall} siste er tomme og er ikke lest", linje,
                          spek.kode, vgdoknr=raa_nr, alvorlighet=VARSEL)
            felt, n = felt[:antall], antall
        if not spek.minst <= n <= antall:
            mengde = str(antall) if spek.minst == antall else f"{spek.minst}–{antall}"
            self._problem("NVB-FELTANTALL", _GENERELT, f"linjen har {n} felt, men ¤{spek.kode} "
                          f"skal ha {mengde}; linjen er ikke lest", linje, spek.kode,
                          vgdoknr=raa_nr)
            return None
        if n < antall:
            felt = felt + [""] * (antall - n)
        lesere = _LESERE[spek.kode]
        if innpakket is None:
            try:  # the common case: every field reads; one comprehension, no per-field calls
                return [les(s) if (s := x.strip(_TOMT)) else None
                        for x, les in zip(felt, lesere, strict=True)]
            except Feltfeil:
                pass
        return self._felt_ett_og_ett(spek, linje, felt, innpakket or frozenset(), raa_nr)

    def _felt_ett_og_ett(self, spek, linje, felt, innpakket, raa_nr) -> list:
        verdier = []
        for i, (x, les, f) in enumerate(zip(felt, _LESERE[spek.kode], spek.felt, strict=True)):
            s = x if i in innpakket else x.strip(_TOMT)
            if not s:
                verdier.append(None)
                continue
            try:
                verdier.append(les(s))
            except Feltfeil as e:
                verdier.append(e.verdi)
                if e.verdi is None:
                    self.feilfelt.add((linje, f.nr))
                self._problem("NVB-FORMAT", f"NVB {f.nr}", str(e), linje, spek.kode, felt=f.nr,
                              vgdoknr=raa_nr, alvorlighet=e.alvorlighet)
        return verdier

    # -- structure ---------------------------------------------------------------------------
    def _tell_raa(self, kode: str, raa_nr: str | None) -> None:
        """Count lines for the ¤A checks from the raw records, read or not. A ¤P/¤F/¤M counts
        for the ¤A of the ¤V it belongs to (as ``_barn`` places it)."""
        if kode in "PFM":
            i = self.v_blokk_siste.get(raa_nr) if raa_nr else None
            if i is not None:
                self.blokker[i]["antall"][kode] += 1
            else:
                self.barn_raa.append((kode, raa_nr))
        elif kode in "VD" and self.blokker:
            self.blokker[-1]["antall"][kode] += 1
            if kode == "V" and raa_nr:
                self.v_blokk.setdefault(raa_nr, len(self.blokker) - 1)
                self.v_blokk_siste[raa_nr] = len(self.blokker) - 1

    def _post_a(self, a, linje) -> None:
        for b in self.blokker:
            if a.orgnr is not None and b["a"].orgnr == a.orgnr:
                self._problem("NVB-STRUKTUR", "NVB ¤A", f"orgnr {a.orgnr} har allerede en ¤A "
                              f"(linje {b['linje']}); det skal være én ¤A per organisasjon",
                              linje, "A", felt="A1")
                break
        self.blokker.append({"a": a, "linje": linje, "s": None, "s_linje": None, "dok": [],
                             "d": [], "d_linjer": [], "antall": defaultdict(int)})

    def _post_s(self, s, linje) -> None:
        if self.forrige != "A" or self.blokker[-1]["s"] is not None:
            self._problem("NVB-STRUKTUR", "NVB ¤S", "¤S skal stå rett etter sin ¤A (én ¤S per "
                          "¤A); linjen er ikke tatt med", linje, "S")
            return
        b = self.blokker[-1]
        b["s"], b["s_linje"] = s, linje

    def _blokk(self, kode: str, linje: int, orgnr: str | None, felt: str, nr: str | None):
        """The ¤A block a ¤V/¤D stands under, or None (reported)."""
        if not self.blokker:
            self._problem("NVB-STRUKTUR", "NVB generelt", f"¤{kode} står før første ¤A; hver "
                          f"¤{kode} skal stå under ¤A for sitt orgnr", linje, kode, vgdoknr=nr)
            return None
        b = self.blokker[-1]
        a_orgnr = b["a"].orgnr
        if orgnr is not None and a_orgnr is not None and orgnr != a_orgnr:
            self._problem("NVB-STRUKTUR", "NVB generelt", f"¤{kode} med orgnr {orgnr} står "
                          f"under ¤A for {a_orgnr} (linje {b['linje']}); den skal stå under "
                          "¤A for sitt orgnr", linje, kode, felt=felt, vgdoknr=nr)
        return b

    def _post_v(self, v, linje) -> None:
        b = self._blokk("V", linje, v.orgnr, "V7", v.vgdoknr)
        if b is None:
            if v.vgdoknr:  # its ¤P/¤F/¤M lines are not reported again
                self.uleste_v.add(v.vgdoknr)
            return
        d = {"v": v, "linje": linje, "p": [], "f": [], "m": []}
        b["dok"].append(d)
        if v.vgdoknr is not None:
            self.dok.setdefault(v.vgdoknr, d)
            self.dok_siste[v.vgdoknr] = d

    def _post_d(self, d, linje) -> None:
        nr = d.vgdoknr
        orgnr = nr[1:10] if nr and len(nr) >= 10 and nr[1:10].isdigit() else None
        b = self._blokk("D", linje, orgnr, "D1", nr)
        if b is not None:
            b["d"].append(d)
            b["d_linjer"].append(linje)

    def _barn(self, typ: str, post, linje: int) -> None:
        """A ¤P/¤F/¤M line belongs to the last ¤V before it with its Vgdoknr (so the lines of a
        repeated number stay with their own ¤V); one with no such ¤V before it is placed when
        the whole file is read (``_koble_barn``)."""
        d = self.dok_siste.get(post.vgdoknr) if post.vgdoknr is not None else None
        if d is not None:
            d[typ].append((post, linje))
        else:
            self.barn.append((typ, post, linje))

    def _post_p(self, p, linje) -> None:
        self._barn("p", p, linje)

    def _post_f(self, f, linje) -> None:
        self._barn("f", f, linje)

    def _post_m(self, m, linje) -> None:
        self._barn("m", m, linje)

    def _koble_barn(self) -> None:
        for typ, post, linje in self.barn:
            kode = typ.upper()
            nr = post.vgdoknr
            d = self.dok.get(nr) if nr is not None else None
            if d is not None:
                d[typ].append((post, linje))
            elif nr is None:
                pass  # NVB-FORMAT or NVB-OBLIGATORISK already names the blank key field
            elif nr not in self.uleste_v:
                self._problem("NVB-STRUKTUR", "NVB generelt", f"¤{kode} peker på Vgdoknr {nr}, "
                              "men ingen ¤V i filen har det nummeret; linjen er ikke tatt med",
                              linje, kode, felt=f"{kode}1", vgdoknr=nr)

    def _sjekk_antall(self) -> None:
        """Ref: docs/nvb-format.md «¤A» — A3–A7 are the numbers of ¤V, ¤D, ¤F, ¤P, ¤M."""
        for kode, nr in self.barn_raa:
            i = self.v_blokk.get(nr) if nr else None
            if i is not None:
                self.blokker[i]["antall"][kode] += 1
        for b in self.blokker:
            a = b["a"]
            for kode, nr, attr in (("V", "A3", "antall_v"), ("D", "A4", "antall_d"),
                                   ("F", "A5", "antall_f"), ("P", "A6", "antall_p"),
                                   ("M", "A7", "antall_m")):
                oppgitt, faktisk = getattr(a, attr), b["antall"][kode]
                if oppgitt is not None and oppgitt != faktisk:
                    self._problem("NVB-ANTALL", f"NVB {nr}", f"{nr} sier {oppgitt} ¤{kode}, men "
                                  f"filen har {faktisk} ¤{kode} for orgnr {a.orgnr}", b["linje"],
                                  "A", felt=nr)

    def resultat(self) -> Lesing:
        self._koble_barn()
        self._sjekk_antall()
        if self.linjer == 0:
            self._ta_med(lag("NVB-FIL", _GENERELT, FEIL, "filen inneholder ingen poster "
                             "(linjer som begynner med ¤)", klasse=SYSTEM))
            lest = False
        else:
            lest = True
        organisasjoner = tuple(self._organisasjon(b) for b in self.blokker)
        return Lesing(NvbFil(organisasjoner), tuple(self.problemer), self.linjer,
                      frozenset(self.feilfelt), self.fl, lest)

    @staticmethod
    def _organisasjon(b: dict) -> Organisasjon:
        dokumenter = tuple(_vgdok(d) for d in b["dok"])
        return Organisasjon.fra_post(b["a"], skole=b["s"], dokumenter=dokumenter,
                                     annulleringer=tuple(b["d"]), linje=b["linje"],
                                     linje_s=b["s_linje"], linjer_d=tuple(b["d_linjer"]))


class _Resultatleser(_Leser):
    """Reads a result file: records in order, no groups."""

    SPEKKER = RESULTAT

    def __init__(self, fl: Funnliste):
        super().__init__(fl)
        self.poster: list = []

    def post(self, linje: int, kode: str, felt: list[str], innpakket) -> None:
        self.linjer += 1
        spek = RESULTAT.get(kode)
        if spek is None:
            self._problem("NVB-POSTTYPE", _GENERELT, f"ukjent posttype ¤{kode[:20]} i en "
                          "resultatfil (kjente: ¤R ¤K ¤E ¤L ¤O)", linje, None)
            return
        verdier = self._felt(spek, linje, felt, innpakket, None)
        if verdier is not None:
            self.poster.append(KLASSER[kode]._make(verdier))

    def resultat(self):
        return tuple(self.poster), tuple(self.problemer)


def _vgdok(d: dict) -> Vgdok:
    p, f, m = d["p"], d["f"], d["m"]
    return Vgdok(d["v"], tuple(x for x, _ in p), tuple(x for x, _ in f),
                 tuple(x for x, _ in m),
                 Linjenr(d["linje"], tuple(n for _, n in p), tuple(n for _, n in f),
                         tuple(n for _, n in m)))


__all__ = ["FIL", "Lesing", "les", "les_resultat"]
