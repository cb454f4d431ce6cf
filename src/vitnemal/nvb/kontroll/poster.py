"""Checks every record gets from its spec: mandatory fields and enumerated codes.

Ref: docs/nvb-format.md — the fields the facts call mandatory, and the values they list for a
coded field (``spek.Felt.obligatorisk``, ``spek.Felt.koder``). A field the parser could not
read is not reported again as missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from vitnemal.findings import Alvorlighet
from vitnemal.nvb.kontroll.katalog import Treff, filsjekk
from vitnemal.nvb.spek import INNDATA

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL

_OBLIGATORISKE = {k: tuple((i, f) for i, f in enumerate(p.felt) if f.obligatorisk)
                  for k, p in INNDATA.items()}
_KODER = {k: tuple((i, f, frozenset(f.koder), f.apne_koder)
                   for i, f in enumerate(p.felt) if f.koder)
          for k, p in INNDATA.items()}


def mangler(post, kode: str, linje: int | None, fktx) -> Iterator[Treff]:
    for i, f in _OBLIGATORISKE[kode]:
        if post[i] is None and not fktx.ugyldig(linje, f.nr):
            yield Treff(f"{f.nr} ({f.navn}) er obligatorisk, men er tomt", kode, f.nr, linje,
                        ref=f"NVB {f.nr}")


def ukjente_koder(post, kode: str, linje: int | None, apne: bool) -> Iterator[Treff]:
    for i, f, koder, apen in _KODER[kode]:
        v = post[i]
        if v is not None and v not in koder and apen == apne:
            lov = ", ".join(f.koder)
            tekst = (f"{f.nr} ({f.navn}) er «{v}»; formatet kjenner {lov}" if apen else
                     f"{f.nr} ({f.navn}) er «{v}», men kan bare være {lov} (eller tomt)")
            yield Treff(tekst, kode, f.nr, linje, ref=f"NVB {f.nr}")


def _dokumentposter(ktx):
    yield ktx.v, "V", ktx.linje("V")
    for kode, rad in (("P", ktx.dok.p), ("F", ktx.dok.f), ("M", ktx.dok.m)):
        for i, post in enumerate(rad):
            yield post, kode, ktx.linje(kode, i)


def _filposter(fktx):
    for o in fktx.lesing.lesbart.organisasjoner:
        yield o.post_a(), "A", o.linje
        if o.skole is not None:
            yield o.skole, "S", o.linje_s
        for i, d in enumerate(o.annulleringer):
            yield d, "D", o.linjer_d[i] if i < len(o.linjer_d) else None


@filsjekk("NVB-OBLIGATORISK", "NVB-format", FEIL, "Obligatoriske felt er fylt ut")
def obligatorisk(ktx):
    """Ref: docs/nvb-format.md — every field the facts call mandatory (V1, V4–V7, V9–V14,
    V16, V20; F9, F10, F12; …) holds a value; P1/F1/M1/D1, F2 and M3 by our decision (the
    line means nothing without them)."""
    for post, kode, linje in _dokumentposter(ktx):
        yield from mangler(post, kode, linje, ktx.fil)


@filsjekk("NVB-OBLIGATORISK-ORG", "NVB-format", FEIL, "Obligatoriske felt i ¤A, ¤S og ¤D",
          omfang="fil")
def obligatorisk_org(fktx):
    """Ref: docs/nvb-format.md «¤A» — «All mandatory» (A1–A10); «¤S» — S6, S7, S13, S30."""
    for post, kode, linje in _filposter(fktx):
        yield from mangler(post, kode, linje, fktx)


@filsjekk("NVB-KODE", "NVB-format", FEIL, "Kodede felt har en kode formatet kjenner")
def kode(ktx):
    """Ref: docs/nvb-format.md — the codes the facts list for V2, V4, V5, V17, V18, V22, V23,
    P3, P4, F3 (with YF and IO, 001 §2.5), F5, F6, F7, F9 and F12."""
    for post, kode_, linje in _dokumentposter(ktx):
        yield from ukjente_koder(post, kode_, linje, apne=False)


@filsjekk("NVB-KODE-ORG", "NVB-format", FEIL, "Kodede felt i ¤S", omfang="fil")
def kode_org(fktx):
    """Ref: docs/nvb-format.md «¤S» — S10 F, P, K, S or U; S11 J or blank."""
    for post, kode_, linje in _filposter(fktx):
        yield from ukjente_koder(post, kode_, linje, apne=False)


@filsjekk("NVB-KODE-APEN", "NVB D5", VARSEL, "Kode utenfor formatets eksempler",
          omfang="fil")
def kode_apen(fktx):
    """Ref: docs/nvb-format.md «¤D» — «D5 Annulleringaarsakkode A3 (e.g. KLA complaint, FEI
    error, NVB, ANN other)»: the list is examples, so another code is only a warning."""
    for post, kode_, linje in _filposter(fktx):
        yield from ukjente_koder(post, kode_, linje, apne=True)
