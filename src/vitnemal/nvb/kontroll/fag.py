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


def _rader(ktx):
    for i, f in enumerate(ktx.dok.f):
        yield i, f, ktx.linje("F", i)


def _t(tekst: str, felt: str, linje, f, **kw) -> Treff:
    return Treff(f"{f.fagkode or 'fag'}: {tekst}", "F", felt, linje, fagkode=f.fagkode, **kw)


@filsjekk("NVB-F3-KL", "NVB F3", FEIL, "Fagtype er ført i Kunnskapsløftet")
def f3_kl(ktx):
    """Ref: NVB F3 — «Fagtypekode A2 (mandatory for KL)»."""
    if not ktx.er_kl:
        return
    for _, f, linje in _rader(ktx):
        if f.fagtypekode is None and not ktx.fil.ugyldig(linje, "F3"):
            yield _t("F3 (fagtype) mangler; den er obligatorisk i Kunnskapsløftet (KL)", "F3",
                     linje, f)


@filsjekk("NVB-F7-MANGLER", "NVB F7", FEIL, "Eksamenskarakter har eksamensform")
def f7_mangler(ktx):
    """Ref: NVB F7 — «F7 is required when F6 holds a grade … (exception: F6 = `F` or `-` with
    F7 blank)»."""
    for _, f, linje in _rader(ktx):
        e = f.karakter_eksamen
        if e not in INGEN_KARAKTER and e != "F" and f.eksamensformkode is None:
            yield _t(f"F6 (eksamenskarakter) er {e}, men F7 (eksamensform) mangler", "F7",
                     linje, f)


@filsjekk("NVB-F6-MANGLER", "NVB F7", FEIL, "Eksamensform har eksamenskarakter")
def f6_mangler(ktx):
    """Ref: NVB F7 — «F6 must hold a grade when F7 is set». Exception from the guideline, as
    the core checks read it: an annulled or cancelled exam keeps its form without a grade
    (001 §6.2, §6.6 FAM04; §6.7 FAM36; «Dersom det ikke er ført eksamenskarakter fordi
    eksamen ble avlyst, annullert … skal dere likevel føre eksamensform», §6.1), and so do the
    corona springs with VMM39–41 (§6.9–6.11)."""
    korona = not ktx.vmm.isdisjoint(KORONA_MERKNADER)
    for _, f, linje in _rader(ktx):
        if f.eksamensformkode is None or f.karakter_eksamen not in INGEN_KARAKTER:
            continue
        if f.merknadkode in FORM_UTEN_KARAKTER_MERKNADER or korona:
            continue
        yield _t(f"F7 (eksamensform) er {f.eksamensformkode}, men F6 (eksamenskarakter) er tom",
                 "F6", linje, f)


@filsjekk("NVB-F12-PRIVATIST", "NVB F12", FEIL, "Privatistfag har ikke standpunktkarakter")
def f12_privatist(ktx):
    """Ref: NVB F12 — «`P` privatistfag (P with a standpunkt grade is an error)»."""
    for _, f, linje in _rader(ktx):
        if f.fagstatuskode == "P" and f.karakter_standpunkt not in INGEN_KARAKTER:
            yield _t(f"privatistfag (F12 = P) med standpunktkarakter {f.karakter_standpunkt}",
                     "F5", linje, f)


@filsjekk("NVB-FAGKODE-UNIK", "NVB F2", FEIL, "En fagkode bare én gang per dokument")
def fagkode_unik(ktx):
    """Ref: NVB ¤F — «a fagkode appears at most once per document»."""
    teller = Counter(f.fagkode for f in ktx.dok.f if f.fagkode)
    if all(n == 1 for n in teller.values()):
        return
    sett: set[str] = set()
    for _, f, linje in _rader(ktx):
        if f.fagkode in sett:
            yield _t(f"fagkoden står {teller[f.fagkode]} ganger i dokumentet", "F2", linje, f)
        sett.add(f.fagkode)


@filsjekk("NVB-KARAKTER-RUBRIKK", "NVB F5", FEIL, "Vurderingsuttrykk i riktig felt")
def karakter_rubrikk(ktx):
    """Ref: NVB F5, F6 — «`D` deltatt (standpunkt only)», «`IM` ikke møtt (… exam field
    only)». «`IV` … standpunkt field only» is not checked: 001 §6.5 and §6.6 put IV in the exam
    column after bortvisning or fusk (docs/decisions.md, issue 2)."""
    for _, f, linje in _rader(ktx):
        if f.karakter_eksamen == "D":
            yield _t("D (deltatt) kan bare stå i F5 (standpunkt), ikke i F6", "F6", linje, f)
        if f.karakter_standpunkt == "IM":
            yield _t("IM (ikke møtt) kan bare stå i F6 (eksamen), ikke i F5", "F5", linje, f)


@filsjekk("NVB-KARAKTER-IV-VM", "NVB F5", FEIL, "IV i standpunkt bare på kompetansebevis")
def karakter_iv_vm(ktx):
    """Ref: NVB F5 — «`IV` ikke vurderingsgrunnlag (kompetansebevis, standpunkt field only)».
    IM on a vitnemål and IV in its exam column are allowed: 001 §6.3 and §6.5 show them on a
    vitnemål."""
    if not ktx.er_vm:
        return
    for _, f, linje in _rader(ktx):
        if f.karakter_standpunkt == "IV":
            yield _t("IV (ikke vurderingsgrunnlag) i standpunkt kan bare stå på kompetansebevis",
                     "F5", linje, f)


@filsjekk("NVB-FRITATT-FAM", "NVB F5", FEIL, "Fritatt har en fagmerknad")
def fritatt_fam(ktx):
    """Ref: NVB F5, F6 — «`F` fritatt (needs a FAM code)»."""
    for _, f, linje in _rader(ktx):
        if "F" in (f.karakter_standpunkt, f.karakter_eksamen) and f.merknadkode is None:
            felt = "F5" if f.karakter_standpunkt == "F" else "F6"
            yield _t(f"{felt} er F (fritatt), men F13 (fagmerknad) mangler", "F13", linje, f)


@filsjekk("NVB-F13-FAM", "NVB F13", FEIL, "F13 er en fagmerknad (FAM)")
def f13_fam(ktx):
    """Ref: NVB F13 — «Merknadkode A5 (a FAM code from Grep)»; VMM codes go on ¤M."""
    for _, f, linje in _rader(ktx):
        k = f.merknadkode
        if k and not (len(k) == 5 and k.startswith("FAM") and k[3:].isdigit()):
            hint = " (en vitnemålsmerknad hører på ¤M)" if k.startswith("VMM") else ""
            yield _t(f"F13 er «{k}», men skal være en fagmerknad FAMnn{hint}", "F13", linje, f,
                     merknad=k)


@filsjekk("NVB-F16-KL", "NVB F16", VARSEL, "F16 er tomt i Kunnskapsløftet")
def f16_kl(ktx):
    """Ref: NVB F16 — «F16 blank for KL»."""
    if ktx.er_kl:
        for _, f, linje in _rader(ktx):
            if f.felt16 is not None:
                yield _t(f"F16 er «{f.felt16}», men skal være tomt i Kunnskapsløftet", "F16",
                         linje, f)


@filsjekk("NVB-F17-KL", "NVB F17", VARSEL, "Fagnavn bare når det trykte navnet er et annet")
def f17_kl(ktx):
    """Ref: NVB F17 — «Fagnavn (normally blank for KL; set only when the printed name differs;
    a warning)»."""
    if ktx.er_kl:
        for _, f, linje in _rader(ktx):
            if f.fagnavn is not None:
                yield _t(f"F17 (fagnavn) er ført («{f.fagnavn[:40]}»); i Kunnskapsløftet skal "
                         "det bare føres når det trykte navnet skiller seg fra Grep", "F17",
                         linje, f)
