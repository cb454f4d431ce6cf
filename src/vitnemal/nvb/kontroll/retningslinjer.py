"""The guideline's checks on each document of a ¤-file: the core's catalogue (class FAG).

Each document is read into the core's ``Dokument`` (``nvb.dokumenter.fra_vgdok``, codes only)
and checked by ``vitnemal.sjekk.sjekk_dokument`` — the same catalogue the register uses before
it issues. The checks that need the elevmappe (status, every programme line, reasons) cannot
run on a ¤-file: they are named once per file (``ikke_kontrollert``), never guessed.

Where a guideline check and a file check find the same fault, the file check's finding is
kept and the twin is left out (``TVILLINGER``), so one fault is reported once.
"""

from __future__ import annotations

from vitnemal.findings import Alvorlighet
from vitnemal.kodeverk import Kodeverk
from vitnemal.nvb.dokumenter import Tilordningsfeil, fra_vgdok
from vitnemal.nvb.funn import FAG, FIL, NvbFinding, lag
from vitnemal.nvb.poster import Vgdok
from vitnemal.sjekk import MAPPE, katalog, sjekk_dokument

#: Guideline check → the file check that reports the same fault on a ¤-file.
TVILLINGER = {
    "FAGKODE-UNIK": "NVB-FAGKODE-UNIK",
    "EKSAMENSFORM-MANGLER": "NVB-F7-MANGLER",
    "EKSAMENSFORM-UTEN-EKSAMEN": "NVB-F6-MANGLER",
    "KARAKTER-KOLONNE": "NVB-KARAKTER-RUBRIKK",
    "FRITATT-FAGMERKNAD": "NVB-FRITATT-FAM",
    "FNR-FIKTIVT": "NVB-FNR-FIKTIVT",
    "DOKUMENTNUMMER-FORMAT": "NVB-V1-FORMAT",
    "ORGNR-GYLDIG": "NVB-V7-ORGNR",
}


def ikke_kontrollert() -> list[NvbFinding]:
    """One INFO per guideline check that needs the elevmappe (said once per file)."""
    return [lag(s.id, s.ref, Alvorlighet.INFO,
                f"ikke kontrollert: {s.tittel} (¤-filen har ikke elevmappen)", klasse=FIL)
            for s in katalog() if s.trenger == MAPPE]


def _fagkode_linje(dok: Vgdok, fagkode: str | None) -> int | None:
    if not fagkode or dok.linjer is None:
        return None
    for i, f in enumerate(dok.f):
        if f.fagkode == fagkode:
            return dok.linjer.f[i] if i < len(dok.linjer.f) else None
    return None


def sjekk(dok: Vgdok, kv: Kodeverk, *, skolenr: int | None, testdata: bool,
          fil_regler: set[str]) -> list[NvbFinding]:
    """The guideline's findings on one document; ``fil_regler``: the file checks that
    already found something on it (their twins are left out)."""
    nr = dok.vgdoknr
    try:
        d = fra_vgdok(dok, kv, skolenr=skolenr, tekster=False)
    except Tilordningsfeil as e:
        return [lag("NVB-RETNINGSLINJER", "NVB ¤F", Alvorlighet.VARSEL,
                    f"dokumentet kan ikke kontrolleres mot retningslinjene: {e}",
                    klasse=FAG, vgdoknr=nr)]
    ut = []
    for f in sjekk_dokument(d, kv, testdata=testdata).funn:
        tvilling = TVILLINGER.get(f.regel)
        if tvilling is not None and tvilling in fil_regler:
            continue
        linje = _fagkode_linje(dok, f.fagkode)
        ut.append(lag(f.regel, f.paragraf, f.alvorlighet, f.melding, klasse=FAG,
                      linje=linje, post="F" if linje else None, vgdoknr=nr,
                      fagkode=f.fagkode, merknad=f.merknad))
    return ut
