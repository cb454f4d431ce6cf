"""Checks every record gets from its spec: mandatory fields and enumerated codes.

Ref: docs/nvb-format.md — the fields the facts call mandatory, and the values they list for a
coded field (``spek.Felt.obligatorisk``, ``spek.Felt.koder``). A field the parser could not
read is not reported again as missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter

from vitnemal.findings import Alvorlighet
from vitnemal.nvb.kontroll.katalog import Treff, filsjekk
from vitnemal.nvb.spek import INNDATA

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL

# Speed: these checks read every field of about a million records at national volume, so they
# go column by column with C-level scans (``None in map(…)``, set differences) and look at
# single records only for a hit; this took the file control from ~180 to ~60 µs per document
# (bench/nvb.py, 5,000 documents).
_OBLIGATORISKE = {k: tuple((itemgetter(i), f) for i, f in enumerate(p.felt) if f.obligatorisk)
                  for k, p in INNDATA.items()}
_KODER = {k: tuple((itemgetter(i), f, frozenset(f.koder) | {None}, f.apne_koder)
                   for i, f in enumerate(p.felt) if f.koder)
          for k, p in INNDATA.items()}

#: (record type, its records, a function giving the line of the i-th)
Rader = tuple[str, Sequence, Callable[[int], "int | None"]]


def mangler(kode: str, rader: Sequence, linje, fktx) -> Iterator[Treff]:
    for hent, f in _OBLIGATORISKE[kode]:
        if None not in map(hent, rader):
            continue
        for i, post in enumerate(rader):
            if hent(post) is None and not fktx.ugyldig(n := linje(i), f.nr):
                yield Treff(f"{f.nr} ({f.navn}) er obligatorisk, men er tomt", kode, f.nr, n,
                            ref=f"NVB {f.nr}")


def ukjente_koder(kode: str, rader: Sequence, linje, apne: bool) -> Iterator[Treff]:
    for hent, f, koder, apen in _KODER[kode]:
        if apen != apne or not set(map(hent, rader)) - koder:
            continue
        for i, post in enumerate(rader):
            if (v := hent(post)) not in koder:
                lov = ", ".join(f.koder)
                tekst = (f"{f.nr} ({f.navn}) er «{v}»; formatet kjenner {lov}" if apen else
                         f"{f.nr} ({f.navn}) er «{v}», men kan bare være {lov} (eller tomt)")
                yield Treff(tekst, kode, f.nr, linje(i), ref=f"NVB {f.nr}")


def _dokumentrader(ktx) -> Iterator[Rader]:
    yield "V", (ktx.v,), lambda i: ktx.linje("V")
    yield "P", ktx.dok.p, lambda i: ktx.linje("P", i)
    yield "F", ktx.dok.f, lambda i: ktx.linje("F", i)
    yield "M", ktx.dok.m, lambda i: ktx.linje("M", i)


def _filrader(fktx) -> Iterator[Rader]:
    org = fktx.lesing.lesbart.organisasjoner
    yield "A", [o.post_a() for o in org], lambda i: org[i].linje
    skoler = [o for o in org if o.skole is not None]
    yield "S", [o.skole for o in skoler], lambda i: skoler[i].linje_s
    d = [(x, o.linjer_d[j] if j < len(o.linjer_d) else None)
         for o in org for j, x in enumerate(o.annulleringer)]
    yield "D", [x for x, _ in d], lambda i: d[i][1]


@filsjekk("NVB-OBLIGATORISK", "NVB-format", FEIL, "Obligatoriske felt er fylt ut")
def obligatorisk(ktx):
    """Ref: docs/nvb-format.md — every field the facts call mandatory (V1, V4–V7, V9–V14,
    V16, V20; F9, F10, F12; …) holds a value; P1/F1/M1/D1, F2 and M3 by our decision (the
    line means nothing without them)."""
    for kode_, rader, linje in _dokumentrader(ktx):
        yield from mangler(kode_, rader, linje, ktx.fil)


@filsjekk("NVB-OBLIGATORISK-ORG", "NVB-format", FEIL, "Obligatoriske felt i ¤A, ¤S og ¤D",
          omfang="fil")
def obligatorisk_org(fktx):
    """Ref: docs/nvb-format.md «¤A» — «All mandatory» (A1–A10); «¤S» — S6, S7, S13, S30."""
    for kode_, rader, linje in _filrader(fktx):
        yield from mangler(kode_, rader, linje, fktx)


@filsjekk("NVB-KODE", "NVB-format", FEIL, "Kodede felt har en kode formatet kjenner")
def kode(ktx):
    """Ref: docs/nvb-format.md — the codes the facts list for V2, V4, V5, V17, V18, V22, V23,
    P3, P4, F3 (with YF and IO, 001 §2.5), F5, F6, F7, F9 and F12."""
    for kode_, rader, linje in _dokumentrader(ktx):
        yield from ukjente_koder(kode_, rader, linje, apne=False)


@filsjekk("NVB-KODE-ORG", "NVB-format", FEIL, "Kodede felt i ¤S", omfang="fil")
def kode_org(fktx):
    """Ref: docs/nvb-format.md «¤S» — S10 F, P, K, S or U; S11 J or blank."""
    for kode_, rader, linje in _filrader(fktx):
        yield from ukjente_koder(kode_, rader, linje, apne=False)


@filsjekk("NVB-KODE-APEN", "NVB D5", VARSEL, "Kode utenfor formatets eksempler",
          omfang="fil")
def kode_apen(fktx):
    """Ref: docs/nvb-format.md «¤D» — «D5 Annulleringaarsakkode A3 (e.g. KLA complaint, FEI
    error, NVB, ANN other)»: the list is examples, so another code is only a warning."""
    for kode_, rader, linje in _filrader(fktx):
        yield from ukjente_koder(kode_, rader, linje, apne=True)
