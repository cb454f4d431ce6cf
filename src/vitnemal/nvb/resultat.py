"""The result file of a control run, in the NVB control engine's own shape (¤R, ¤K, ¤E).

Ref: docs/nvb-format.md «Result file of the control engine». One ¤R header (version, version
date, time, run time, counts), then the messages about the file as a whole (¤E with E2
blank), then per document checked its ¤K followed by its ¤E lines. What we put in the fields
the facts leave open (K3, K5, K13, E5, E7–E13) is in ``spek_resultat`` and docs/nvb.md.

``kjoretid`` and ``tidspunkt`` are passed in: the same result and times give the same bytes.
"""

from __future__ import annotations

from datetime import date, datetime

from vitnemal import __version__
from vitnemal.nvb.funn import SYSTEM, NvbFinding
from vitnemal.nvb.kontroll import Dokumentkontroll, Kontrollresultat
from vitnemal.nvb.kontroll.kontekst import TALLKARAKTERER
from vitnemal.nvb.poster import PostE, PostK, PostR
from vitnemal.nvb.skriv import skriv_poster

#: The date of this version of the file-check catalogue (R2).
KONTROLL_VERSJONSDATO = date(2026, 12, 2)


_UTSKIFT = {c: " " for c in (*range(0x20), *range(0x7F, 0xA0))}


def _skrivbar(t: str | None) -> str | None:
    """A message text as one plain field, readable by a reader that splits on ``¤`` without
    knowing ``{}``: «¤V» naming a record type becomes «V», any other ``¤`` becomes ``*`` (the
    format's simplest way), line breaks and control characters a space, and a backslash
    before «n» gets a space so it is not read as a line break. Messages may quote values from
    the checked file.

    >>> _skrivbar("linje 2, ¤V felt V15: «a¤b»")
    'linje 2, V felt V15: «a*b»'
    """
    if t is None:
        return None
    t = t.translate(_UTSKIFT).replace("\\n", "\\ n")
    deler = t.split("¤")
    ut = [deler[0]]
    for d in deler[1:]:
        ut.append(d if d[:1].isascii() and d[:1].isupper() else "*" + d)
    return "".join(ut).strip() or None


def _e(nr: int, kontrollnr: int | None, f: NvbFinding) -> PostE:
    fi = f.finding
    return PostE(meldingsnr=nr, kontrollnr=kontrollnr, klasse=f.klasse,
                 alvorlighet=fi.alvorlighet.value, meldingskode=None,
                 tekst=_skrivbar(fi.melding), parameter_1=fi.regel, parameter_2=fi.paragraf,
                 parameter_3=str(f.linje) if f.linje is not None else None,
                 parameter_4=f.felt, parameter_5=_skrivbar(fi.fagkode),
                 parameter_6=_skrivbar(fi.merknad), parameter_7=_skrivbar(f.vgdoknr))


def _k(d: Dokumentkontroll, tidspunkt: datetime) -> PostK:
    """Ref: NVB ¤K — K8 subjects, K9 omfang, K11–K13 numeric grades, their sum and average."""
    karakterer = [int(k) for f in d.dok.f for k in (f.karakter_standpunkt, f.karakter_eksamen)
                  if k in TALLKARAKTERER]
    return PostK(
        kontrollnr=d.kontrollnr, vgdoknr=d.dok.vgdoknr, kravkode=None, tidspunkt=tidspunkt,
        resultattype="B", resultat="USANN" if d.har_feil else "SANN",
        antall_fag=len(d.dok.f), omfang=sum(f.omfang or 0 for f in d.dok.f),
        antall_tallkarakterer=len(karakterer), sum_tallkarakterer=sum(karakterer),
        snitt_tallkarakterer=f"{sum(karakterer) / len(karakterer):.2f}" if karakterer else None)


def resultatposter(r: Kontrollresultat, *, tidspunkt: datetime, kjoretid: float) -> list:
    """The records of the result file, in order."""
    poster: list = []
    e_nr = 0
    for f in (*r.filfunn, *r.ikke_kontrollert):
        e_nr += 1
        poster.append(_e(e_nr, None, f))
    for d in r.dokumenter:
        poster.append(_k(d, tidspunkt)._replace(vgdoknr=_skrivbar(d.dok.vgdoknr)))
        for f in d.funn:
            e_nr += 1
            poster.append(_e(e_nr, d.kontrollnr, f))
    if r.utelatt:
        e_nr += 1
        poster.append(PostE(meldingsnr=e_nr, klasse=SYSTEM, alvorlighet="INFO",
                            tekst=f"{r.utelatt} funn til er ikke tatt med (grensen er nådd)",
                            parameter_1="NVB-GRENSE"))
    hode = PostR(versjon=f"vitnemal {__version__}", versjonsdato=KONTROLL_VERSJONSDATO,
                 tidspunkt=tidspunkt, kjoretid=round(kjoretid), antall_linjer=r.lesing.linjer,
                 antall_e=e_nr, antall_k=len(r.dokumenter), antall_l=0)
    return [hode, *poster]


def skriv_resultat(r: Kontrollresultat, *, tidspunkt: datetime, kjoretid: float) -> str:
    """The result file as text (UTF-8, LF)."""
    return skriv_poster(resultatposter(r, tidspunkt=tidspunkt, kjoretid=kjoretid))
