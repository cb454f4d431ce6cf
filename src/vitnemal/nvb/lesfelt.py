"""Reading one raw record's fields into values, reporting every problem with line and field.

The base of the parsers (``les._Leser`` for ¤-files, ``les._Resultatleser`` for result
files): field counts, the fast path (``dekoder``), and the slow path field by field through
the formats' readers, which give the messages.
"""

from __future__ import annotations

from vitnemal.findings import Alvorlighet
from vitnemal.nvb.dekoder import UNNTAK, lag_dekoder
from vitnemal.nvb.format import Feltfeil
from vitnemal.nvb.funn import Funnliste, NvbFinding, lag
from vitnemal.nvb.spek import INNDATA, Posttype, vgdoknr_felt
from vitnemal.nvb.spek_resultat import RESULTAT

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL
TOMT = " \t"
GENERELT = "NVB generelt"

_ALLE = INNDATA | RESULTAT
_LESERE = {kode: tuple(f.fmt.leser(siffer=f.siffer) for f in p.felt) for kode, p in _ALLE.items()}
DEKODERE = {kode: lag_dekoder(p) for kode, p in _ALLE.items()}
DEKODERE_UTEN_TRIM = {kode: lag_dekoder(p, trim=False) for kode, p in _ALLE.items()}


class Linjeleser:
    """Problems and field values of raw records; subclasses place the records."""

    SPEKKER: dict[str, Posttype] = INNDATA

    def __init__(self, fl: Funnliste):
        self.fl = fl
        self.problemer: list[NvbFinding] = []
        self.feilfelt: set[tuple[int, str]] = set()
        self.linjer = 0

    # -- problems ------------------------------------------------------------------------
    def ta_med(self, f: NvbFinding) -> None:
        self.fl.ta_med(self.problemer, f)

    def problem(self, regel, paragraf, tekst, linje, post, *, felt=None, vgdoknr=None,
                alvorlighet=FEIL) -> None:
        self.ta_med(lag(regel, paragraf, alvorlighet, tekst, linje=linje, post=post, felt=felt,
                        vgdoknr=vgdoknr))

    def linjeproblem(self, linje, post, indeks, tekst) -> None:
        """A problem the tokenizer found (a line, or a `{` field without its end)."""
        p = self.SPEKKER.get(post or "")
        felt = (p.felt[indeks].nr if p is not None and indeks is not None
                and indeks < len(p.felt) else None)
        self.problem("NVB-KLAMMER" if indeks is not None else "NVB-LINJE", GENERELT, tekst,
                     linje, post if p else None, felt=felt)

    # -- fields --------------------------------------------------------------------------
    def verdier(self, spek: Posttype, linje: int, felt: list[str], innpakket, trim: bool):
        """The record's values, or None when the line cannot be split into its fields."""
        n, antall = len(felt), len(spek.felt)
        if n == antall and innpakket is None:
            try:  # the common case: every field reads at once (``dekoder``, for speed)
                return (DEKODERE if trim else DEKODERE_UTEN_TRIM)[spek.kode](felt)
            except UNNTAK:
                pass
        # The document number as written, for the messages.
        vgdoknr = felt[0].strip(TOMT)[:40] if felt and vgdoknr_felt(spek.kode) else None
        if n > antall and not any(x.strip(TOMT) for x in felt[antall:]):
            self.problem("NVB-FELTANTALL", GENERELT, f"linjen har {n} felt; ¤{spek.kode} har "
                         f"{antall}. De {n - antall} siste er tomme og er ikke lest", linje,
                         spek.kode, vgdoknr=vgdoknr, alvorlighet=VARSEL)
            felt, n = felt[:antall], antall
        if not spek.minst <= n <= antall:
            mengde = str(antall) if spek.minst == antall else f"{spek.minst}–{antall}"
            self.problem("NVB-FELTANTALL", GENERELT, f"linjen har {n} felt, men ¤{spek.kode} "
                         f"skal ha {mengde}; linjen er ikke lest", linje, spek.kode,
                         vgdoknr=vgdoknr)
            return None
        felt = felt + [""] * (antall - n)
        return self._ett_og_ett(spek, linje, felt, innpakket or frozenset(), vgdoknr)

    def _ett_og_ett(self, spek, linje, felt, innpakket, vgdoknr) -> tuple:
        """The reference path: each field through its format's reader, each problem named."""
        verdier = []
        for i, (x, les, f) in enumerate(zip(felt, _LESERE[spek.kode], spek.felt, strict=True)):
            s = x if i in innpakket else x.strip(TOMT)
            if not s:
                verdier.append(None)
                continue
            try:
                verdier.append(les(s))
            except Feltfeil as e:
                verdier.append(e.verdi)
                if e.verdi is None:
                    self.feilfelt.add((linje, f.nr))
                self.problem("NVB-FORMAT", f"NVB {f.nr}", str(e), linje, spek.kode, felt=f.nr,
                             vgdoknr=vgdoknr, alvorlighet=e.alvorlighet)
        return tuple(verdier)
