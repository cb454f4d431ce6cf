"""File checks of the organisations (¤A, ¤S), the annulments (¤D) and the file as a whole.

Ref: docs/nvb-format.md «¤A», «¤S», «¤D», «Organisation numbers».
"""

from __future__ import annotations

from vitnemal.findings import Alvorlighet
from vitnemal.ids import orgnr as _orgnr
from vitnemal.ids.fylker import PRIVATSKOLE, gyldig_fylkesnummer
from vitnemal.nvb.kontroll.katalog import Treff, filsjekk
from vitnemal.nvb.kontroll.kontekst import vgdoknr_feil, vgdoknr_orgnr_feil

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL


@filsjekk("NVB-ORGNR", "NVB A1", FEIL, "Organisasjonsnumre har gyldig kontrollsiffer",
          omfang="fil")
def orgnr(fktx):
    """Ref: NVB «Organisation numbers» — «Nine digits; weights 3 2 7 6 5 4 3 2 1; valid when
    the weighted sum is divisible by 11» (A1; S1, S2 and S12 when set)."""
    for o in fktx.lesing.lesbart.organisasjoner:
        felt = [("A", "A1", o.orgnr, o.linje)]
        if o.skole is not None:
            s = o.skole
            felt += [("S", "S1", s.orgnr, o.linje_s), ("S", "S2", s.tidligere_orgnr, o.linje_s),
                     ("S", "S12", s.eier_orgnr, o.linje_s)]
        for post, nr, verdi, linje in felt:
            if verdi is not None and not _orgnr.is_valid(verdi):
                yield Treff(f"{nr} «{verdi[:20]}» er ikke et gyldig organisasjonsnummer "
                            "(9 sifre, kontrollsiffer modulus 11)", post, nr, linje,
                            ref=f"NVB {nr}")


@filsjekk("NVB-S1-A1", "NVB ¤S", FEIL, "¤S gjelder sin ¤A", omfang="fil")
def s1_a1(fktx):
    """Ref: NVB ¤S — «optional school info (after ¤A)»: S1 (orgnr), when set, is the orgnr of
    the ¤A it follows."""
    for o in fktx.lesing.lesbart.organisasjoner:
        s = o.skole
        if s is not None and s.orgnr and o.orgnr and s.orgnr != o.orgnr:
            yield Treff(f"S1 er {s.orgnr[:20]}, men ¤S står under ¤A for {o.orgnr}", "S", "S1",
                        o.linje_s)


@filsjekk("NVB-A2-FYLKE", "NVB A2", VARSEL, "Skolenummeret begynner med fylkesnummer eller 00",
          omfang="fil")
def a2_fylke(fktx):
    """Ref: NVB A2 — «Skolenr N05 (school's VIGO number; first two digits are the county
    number for county schools, 00 for private schools)»; county numbers as ids.fylker knows
    them (every number Norway has used)."""
    for o in fktx.lesing.lesbart.organisasjoner:
        if o.skolenr is None:
            continue
        fylke = f"{o.skolenr:05d}"[:2]
        if fylke != PRIVATSKOLE and not gyldig_fylkesnummer(fylke):
            yield Treff(f"A2 {o.skolenr:05d} begynner med {fylke}, som verken er et "
                        "fylkesnummer eller 00 (privat skole)", "A", "A2", o.linje)


def _annulleringer(fktx):
    for o in fktx.lesing.lesbart.organisasjoner:
        for i, d in enumerate(o.annulleringer):
            yield d, o.linjer_d[i] if i < len(o.linjer_d) else None


@filsjekk("NVB-D1-FORMAT", "NVB D1", FEIL, "Det annullerte Vgdoknr har riktig oppbygning",
          omfang="fil")
def d1_format(fktx):
    """Ref: NVB D1, V1 — an annulment names a document number: V/K/T, orgnr with a valid
    check digit, year, serial of 4 or 5 digits."""
    for d, linje in _annulleringer(fktx):
        nr = d.vgdoknr
        if nr and (grunn := vgdoknr_feil(nr) or vgdoknr_orgnr_feil(nr)):
            yield Treff(f"D1 {nr[:30]}: {grunn}", "D", "D1", linje, vgdoknr=nr[:30])


@filsjekk("NVB-D4-FORMAT", "NVB D4", FEIL, "Det erstattende Vgdoknr har riktig oppbygning",
          omfang="fil")
def d4_format(fktx):
    """Ref: NVB D4 — «Vgdoknr_erstattes_av (the replacing document)»: when set, a document
    number as V1 describes."""
    for d, linje in _annulleringer(fktx):
        nr = d.vgdoknr_erstattes_av
        if nr and (grunn := vgdoknr_feil(nr) or vgdoknr_orgnr_feil(nr)):
            yield Treff(f"D4 {nr[:30]}: {grunn}", "D", "D4", linje, vgdoknr=d.vgdoknr)


@filsjekk("NVB-D4-D1", "NVB D4", FEIL, "Et dokument erstattes ikke av seg selv", omfang="fil")
def d4_d1(fktx):
    """Ref: NVB V1, D4 — «Any change to an issued document gives a new number, and the old one
    is annulled with a ¤D line»: the replacing number is another one."""
    for d, linje in _annulleringer(fktx):
        if d.vgdoknr and d.vgdoknr == d.vgdoknr_erstattes_av:
            yield Treff("D4 (erstattes av) er det samme nummeret som annulleres (D1)", "D", "D4",
                        linje, vgdoknr=d.vgdoknr)


@filsjekk("NVB-TEST-BLANDET", "NVB V1", VARSEL, "Testdokumenter og ekte dokumenter i samme fil",
          omfang="fil")
def test_blandet(fktx):
    """Ref: NVB V1 — «T (test)»: a file for trying a delivery holds only T-numbered documents;
    one that mixes T with V/K numbers is probably a mistake (our check)."""
    fil = fktx.lesing.lesbart
    nr = [d.vgdoknr for d in fil.dokumenter() if d.vgdoknr]
    test = sum(1 for n in nr if n.startswith("T"))
    if 0 < test < len(nr):
        yield Treff(f"filen har {test} testdokument(er) (T) og {len(nr) - test} ekte "
                    "dokument(er) (V/K)", None, None, None)
