"""File checks of a document's subject lines (¤F).

Ref: docs/nvb-format.md «¤F». Where 001 (the guideline) allows what the summarised NVB rule
would refuse, the guideline wins and the docstring says so.
"""

from __future__ import annotations

from collections import Counter

from vitnemal.findings import Alvorlighet
from vitnemal.nvb.kontroll.katalog import Treff, filsjekk
from vitnemal.nvb.kontroll.kontekst import INGEN_KARAKTER
from vitnemal.sjekk.karakterer import FORM_UTEN_KARAKTER_MERKNADER, KORONA_MERKNADER

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL


def _t(ktx, i: int, tekst: str, felt: str, f, **kw) -> Treff:
    """A hit on the i-th ¤F (its line is looked up only here, for speed)."""
    return Treff(f"{f.fagkode or 'fag'}: {tekst}", "F", felt, ktx.linje("F", i),
                 fagkode=f.fagkode, **kw)


@filsjekk("NVB-F3-KL", "NVB F3", FEIL, "Fagtype er ført i Kunnskapsløftet")
def f3_kl(ktx):
    """Ref: NVB F3 — «Fagtypekode A2 (mandatory for KL)»."""
    if not ktx.er_kl:
        return
    for i, f in enumerate(ktx.dok.f):
        if f.fagtypekode is None and not ktx.fil.ugyldig(ktx.linje("F", i), "F3"):
            yield _t(ktx, i, "F3 (fagtype) mangler; den er obligatorisk i Kunnskapsløftet "
                     "(KL)", "F3", f)


@filsjekk("NVB-F7-MANGLER", "NVB F7", FEIL, "Eksamenskarakter har eksamensform")
def f7_mangler(ktx):
    """Ref: NVB F7 — «F7 is required when F6 holds a grade … (exception: F6 = `F` or `-` with
    F7 blank)»."""
    for i, f in enumerate(ktx.dok.f):
        e = f.karakter_eksamen
        if e not in INGEN_KARAKTER and e != "F" and f.eksamensformkode is None:
            yield _t(ktx, i, f"F6 (eksamenskarakter) er {e}, men F7 (eksamensform) mangler",
                     "F7", f)


@filsjekk("NVB-F6-MANGLER", "NVB F7", FEIL, "Eksamensform har eksamenskarakter")
def f6_mangler(ktx):
    """Ref: NVB F7 — «F6 must hold a grade when F7 is set». Exception from the guideline, as
    the core checks read it: an annulled or cancelled exam keeps its form without a grade
    (001 §6.2, §6.6 FAM04; §6.7 FAM36; «Dersom det ikke er ført eksamenskarakter fordi
    eksamen ble avlyst, annullert … skal dere likevel føre eksamensform», §6.1), and so do the
    corona springs with VMM39–41 (§6.9–6.11)."""
    korona = not ktx.vmm.isdisjoint(KORONA_MERKNADER)
    for i, f in enumerate(ktx.dok.f):
        if f.eksamensformkode is None or f.karakter_eksamen not in INGEN_KARAKTER:
            continue
        if f.merknadkode in FORM_UTEN_KARAKTER_MERKNADER or korona:
            continue
        yield _t(ktx, i, f"F7 (eksamensform) er {f.eksamensformkode}, men F6 "
                 "(eksamenskarakter) er tom", "F6", f)


@filsjekk("NVB-F12-PRIVATIST", "NVB F12", FEIL, "Privatistfag har ikke standpunktkarakter")
def f12_privatist(ktx):
    """Ref: NVB F12 — «`P` privatistfag (P with a standpunkt grade is an error)»."""
    for i, f in enumerate(ktx.dok.f):
        if f.fagstatuskode == "P" and f.karakter_standpunkt not in INGEN_KARAKTER:
            yield _t(ktx, i, "privatistfag (F12 = P) med standpunktkarakter "
                     f"{f.karakter_standpunkt}", "F5", f)


@filsjekk("NVB-FAGKODE-UNIK", "NVB F2", FEIL, "En fagkode bare én gang per dokument")
def fagkode_unik(ktx):
    """Ref: NVB ¤F — «a fagkode appears at most once per document»."""
    koder = [f.fagkode for f in ktx.dok.f if f.fagkode]
    if len(set(koder)) == len(koder):
        return
    teller = Counter(koder)
    sett: set[str] = set()
    for i, f in enumerate(ktx.dok.f):
        if f.fagkode in sett:
            yield _t(ktx, i, f"fagkoden står {teller[f.fagkode]} ganger i dokumentet", "F2",
                     f)
        sett.add(f.fagkode)


@filsjekk("NVB-KARAKTER-RUBRIKK", "NVB F5", FEIL, "Vurderingsuttrykk i riktig felt")
def karakter_rubrikk(ktx):
    """Ref: NVB F5, F6 — «`D` deltatt (standpunkt only)», «`IM` ikke møtt (… exam field
    only)». «`IV` … standpunkt field only» is not checked: 001 §6.5 and §6.6 put IV in the exam
    column after bortvisning or fusk (docs/decisions.md, issue 2)."""
    for i, f in enumerate(ktx.dok.f):
        if f.karakter_eksamen == "D":
            yield _t(ktx, i, "D (deltatt) kan bare stå i F5 (standpunkt), ikke i F6", "F6", f)
        if f.karakter_standpunkt == "IM":
            yield _t(ktx, i, "IM (ikke møtt) kan bare stå i F6 (eksamen), ikke i F5", "F5", f)


@filsjekk("NVB-KARAKTER-IV-VM", "NVB F5", FEIL, "IV i standpunkt bare på kompetansebevis")
def karakter_iv_vm(ktx):
    """Ref: NVB F5 — «`IV` ikke vurderingsgrunnlag (kompetansebevis, standpunkt field only)».
    IM on a vitnemål and IV in its exam column are allowed: 001 §6.3 and §6.5 show them on a
    vitnemål."""
    if not ktx.er_vm:
        return
    for i, f in enumerate(ktx.dok.f):
        if f.karakter_standpunkt == "IV":
            yield _t(ktx, i, "IV (ikke vurderingsgrunnlag) i standpunkt kan bare stå på "
                     "kompetansebevis", "F5", f)


@filsjekk("NVB-FRITATT-FAM", "NVB F5", FEIL, "Fritatt har en fagmerknad")
def fritatt_fam(ktx):
    """Ref: NVB F5, F6 — «`F` fritatt (needs a FAM code)»."""
    for i, f in enumerate(ktx.dok.f):
        if "F" in (f.karakter_standpunkt, f.karakter_eksamen) and f.merknadkode is None:
            felt = "F5" if f.karakter_standpunkt == "F" else "F6"
            yield _t(ktx, i, f"{felt} er F (fritatt), men F13 (fagmerknad) mangler", "F13",
                     f)


@filsjekk("NVB-F13-FAM", "NVB F13", FEIL, "F13 er en fagmerknad (FAM)")
def f13_fam(ktx):
    """Ref: NVB F13 — «Merknadkode A5 (a FAM code from Grep)»; VMM codes go on ¤M."""
    for i, f in enumerate(ktx.dok.f):
        k = f.merknadkode
        if k and not (len(k) == 5 and k.startswith("FAM") and k[3:].isdigit()):
            hint = " (en vitnemålsmerknad hører på ¤M)" if k.startswith("VMM") else ""
            yield _t(ktx, i, f"F13 er «{k}», men skal være en fagmerknad FAMnn{hint}", "F13",
                     f, merknad=k)


@filsjekk("NVB-F16-KL", "NVB F16", VARSEL, "F16 er tomt i Kunnskapsløftet")
def f16_kl(ktx):
    """Ref: NVB F16 — «F16 blank for KL»."""
    if ktx.er_kl:
        for i, f in enumerate(ktx.dok.f):
            if f.felt16 is not None:
                yield _t(ktx, i, f"F16 er «{f.felt16}», men skal være tomt i "
                         "Kunnskapsløftet", "F16", f)


@filsjekk("NVB-F17-KL", "NVB F17", VARSEL, "Fagnavn bare når det trykte navnet er et annet")
def f17_kl(ktx):
    """Ref: NVB F17 — «Fagnavn (normally blank for KL; set only when the printed name differs;
    a warning)»."""
    if ktx.er_kl:
        for i, f in enumerate(ktx.dok.f):
            if f.fagnavn is not None:
                yield _t(ktx, i, f"F17 (fagnavn) er ført («{f.fagnavn[:40]}»); i Kunnskapsløftet skal "
                         "det bare føres når det trykte navnet skiller seg fra Grep", "F17", f)
