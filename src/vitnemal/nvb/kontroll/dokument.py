"""File checks of a document's header (¤V) and its ¤P and ¤M lines.

Ref: docs/nvb-format.md «¤V», «¤P», «¤M»; 001 §2.8 (the document number); 003 A01 (fictive
fødselsnummer).
"""

from __future__ import annotations

from collections import Counter

from vitnemal.findings import Alvorlighet
from vitnemal.ids import fodselsnummer
from vitnemal.ids.exceptions import InvalidChecksum, InvalidComponent, RejectedKind
from vitnemal.ids.fnr_resultat import Nummertype
from vitnemal.nvb.kontroll.katalog import Treff, filsjekk
from vitnemal.nvb.kontroll.kontekst import orgnr_gyldig, vgdoknr_feil, vgdoknr_orgnr_feil

FEIL, VARSEL, TIPS = Alvorlighet.FEIL, Alvorlighet.VARSEL, Alvorlighet.TIPS

_DOKTYPE = {"V": "VM", "K": "KB"}
_DISPENSASJON = ("VMM17", "VMM18", "VMM19", "VMM42")
_PAASTAND_SISTE = frozenset({"B", "F", "FB", "H", "I", "M"})


def _v(ktx, tekst: str, felt: str, **kw) -> Treff:
    return Treff(tekst, "V", felt, ktx.linje("V"), **kw)


def _v1(ktx) -> str | None:
    """V1 when it is well-formed (other checks only then read its parts)."""
    return ktx.v1


@filsjekk("NVB-V1-FORMAT", "NVB V1", FEIL, "Vgdoknr har riktig oppbygning")
def v1_format(ktx):
    """Ref: NVB V1; 001 §2.8 — «letter V (vitnemål), K (kompetansebevis) or T (test), then the
    issuer's 9-digit orgnr, then the 4-digit year, then a serial of 4 or 5 digits»."""
    nr = ktx.vgdoknr
    if nr and (grunn := vgdoknr_feil(nr)):
        yield _v(ktx, f"V1 {nr} {grunn}", "V1")


@filsjekk("NVB-V1-ORGNR", "NVB V1", FEIL, "Orgnr i Vgdoknr har gyldig kontrollsiffer")
def v1_orgnr(ktx):
    """Ref: NVB V1, «Organisation numbers» — the issuer's orgnr in V1 has a valid mod-11 check
    digit (foreign schools too: their fictitious numbers start with 4)."""
    if (nr := _v1(ktx)) and (grunn := vgdoknr_orgnr_feil(nr)):
        yield _v(ktx, f"V1 {nr}: {grunn}", "V1")


@filsjekk("NVB-V1-TYPE", "NVB V1", FEIL, "Bokstaven i Vgdoknr passer til dokumenttypen")
def v1_type(ktx):
    """Ref: NVB V1, V5; 001 §2.8 — «For vitnemål … <V>», «For kompetansebevis … <K>»; V5 VM
    vitnemål, KB kompetansebevis. T (test) goes with either."""
    nr, typ = _v1(ktx), ktx.v.vgdoktypekode
    if nr and typ in ("VM", "KB") and nr[0] in _DOKTYPE and _DOKTYPE[nr[0]] != typ:
        yield _v(ktx, f"V1 begynner med {nr[0]}, men V5 er {typ} (V hører til VM, K til KB)",
                 "V5")


@filsjekk("NVB-V1-UNIK", "NVB V1", FEIL, "Vgdoknr er unikt i filen")
def v1_unik(ktx):
    """Ref: NVB V1 — «mandatory, unique, never reused once issued or sent»; 001 §2.8 — «enhver
    endring … eller ny utstedelse krever et nytt nummer». The ¤P/¤F/¤M lines of a repeated
    number are read as the first ¤V's."""
    n = ktx.fil.v1_antall[ktx.vgdoknr] if ktx.vgdoknr else 0
    if n > 1:
        yield _v(ktx, f"V1 {ktx.vgdoknr} står på {n} ¤V-linjer i filen; et dokumentnummer kan "
                 "bare brukes én gang", "V1")


@filsjekk("NVB-V1-LOPENUMMER", "001 §2.8", TIPS, "Løpenummer med fem sifre")
def v1_lopenummer(ktx):
    """Ref: 001 §2.8 — «<løpenummer fem siffer>», «18-sifret»; NVB accepts a serial of 4 or 5
    digits, so a 4-digit serial (older documents) is only a tip."""
    if (nr := _v1(ktx)) and len(nr) == 18:
        yield _v(ktx, f"V1 {nr} har løpenummer med fire sifre; retningslinjene (001 §2.8) "
                 "sier fem", "V1")


@filsjekk("NVB-V1-ANNULLERT", "NVB ¤D", VARSEL, "Dokumentet annulleres ikke i samme fil")
def v1_annullert(ktx):
    """Ref: NVB ¤D, V1 — an annulled number is never used again; a document sent and annulled
    in the same file (¤V and ¤D with the same number) is contradictory (our check)."""
    if ktx.vgdoknr and ktx.vgdoknr in ktx.fil.d1:
        yield _v(ktx, f"V1 {ktx.vgdoknr} annulleres av en ¤D i samme fil", "V1")


@filsjekk("NVB-V7-V1", "NVB V7", VARSEL, "Orgnr i V7 er det samme som i Vgdoknr")
def v7_v1(ktx):
    """Ref: NVB V7 — «V7 Orgnr (mandatory), normally characters 2–10 of V1»."""
    nr, org = _v1(ktx), ktx.v.orgnr
    if nr and org and nr[1:10] != org:
        yield _v(ktx, f"V7 er {org}, men orgnr i V1 er {nr[1:10]}", "V7")


@filsjekk("NVB-V7-ORGNR", "NVB V7", FEIL, "V7 er et gyldig organisasjonsnummer")
def v7_orgnr(ktx):
    """Ref: NVB V7, «Organisation numbers» — nine digits, weights 3 2 7 6 5 4 3 2 1, sum
    divisible by 11."""
    org = ktx.v.orgnr
    if org and not orgnr_gyldig(org):
        yield _v(ktx, f"V7 {org} har feil kontrollsiffer (modulus 11)", "V7")


@filsjekk("NVB-V6-V1", "NVB V6", VARSEL, "Avgangsår og årstallet i Vgdoknr")
def v6_v1(ktx):
    """Ref: NVB V6 — «the year the diploma was completed and passed; normally equal to
    characters 11–14 of V1»."""
    aar, v6 = ktx.v1_aar, ktx.v.avgangsaar
    if aar is not None and v6 is not None and aar != v6:
        yield _v(ktx, f"V6 er {v6}, men årstallet i V1 er {aar}", "V6")


@filsjekk("NVB-V10-V1", "001 §2.8", VARSEL, "Årstallet i Vgdoknr er utstedelsesåret")
def v10_v1(ktx):
    """Ref: 001 §2.8 — «Det skal være årstallet vitnemålet skrives ut. Det betyr at
    vitnemålsnummeret samsvarer med utskriftsdatoen.» A warning: a duplicate keeping the
    original's number has a new date (001 §2.11, alternative 2)."""
    aar, dato = ktx.v1_aar, ktx.dato
    if aar is not None and dato is not None and aar != dato.year:
        yield _v(ktx, f"V10 er {dato:%d.%m.%Y}, men årstallet i V1 er {aar}", "V10")


def _fnr_grunn(nummer: str, testdata: bool) -> str:
    """Why ``nummer`` is not a usable number — never quoting its digits."""
    try:
        fodselsnummer.validate(nummer, testdata=testdata)
    except RejectedKind as exc:
        return str(exc)
    except InvalidChecksum:
        return "kontrollsifrene stemmer ikke (modulus 11)"
    except InvalidComponent:
        return "datoen eller måneden i nummeret finnes ikke"
    except fodselsnummer.InvalidFodselsnummer:
        pass
    return "nummeret har feil form"


@filsjekk("NVB-FNR", "NVB V14", FEIL, "V14 og V15 er et gyldig fødselsnummer eller D-nummer")
def fnr(ktx):
    """Ref: NVB V14, V15 — «first six digits of the fødselsnummer (D-number day+40 allowed)»,
    «last five digits; invalid check digits are an error»; 003 A01. Synthetic test numbers
    (Tenor, NAV) only with testdata. Messages never quote the number."""
    v = ktx.v
    if v.foedtdato is None:
        return  # NVB-OBLIGATORISK
    if v.personnummer is None:
        if not ktx.fil.ugyldig(ktx.linje("V"), "V15"):
            yield _v(ktx, "V15 (Personnummer) er tomt, så fødselsnummeret er ufullstendig",
                     "V15", ref="NVB V15")
        return
    a = ktx.fnr
    if not a.gyldig:
        yield _v(ktx, "V14+V15 er ikke et gyldig fødselsnummer eller D-nummer: "
                 + _fnr_grunn(a.nummer, ktx.fil.testdata), "V15", ref="NVB V15")


@filsjekk("NVB-FNR-FIKTIVT", "003 A01", FEIL, "Fiktivt fødselsnummer overføres ikke til NVB")
def fnr_fiktivt(ktx):
    """Ref: 003 A01 — «Vitnemål for elever med fiktive fødselsnummer vil ikke bli overført til
    Nasjonal vitnemålsdatabase (NVB).»; NVB V15 — invalid check digits are an error (a fictive
    number has none)."""
    if ktx.fnr is not None and ktx.fnr.type is Nummertype.VIGO_FIKTIVT:
        yield _v(ktx, "V14+V15 er et fiktivt fødselsnummer fra VIGO; vitnemål for personer med "
                 "fiktivt fødselsnummer overføres ikke til NVB", "V14")


@filsjekk("NVB-V17-D", "NVB V17", FEIL, "Dispensasjon (V17 = D) forklares i en ¤M")
def v17_d(ktx):
    """Ref: NVB V17 — «D (dispensation from subject checks; needs a ¤M remark explaining it)»;
    001 §12.1 — the dispensation is written with VMM17–19 (§6.8: VMM42 for 22 May 2023)."""
    if ktx.v.dispensasjonkode == "D" and ktx.vmm.isdisjoint(_DISPENSASJON):
        yield _v(ktx, "V17 er D (dispensasjon), men dokumentet har ingen ¤M med "
                 + ", ".join(_DISPENSASJON), "V17")


@filsjekk("NVB-V17-F", "NVB V17", FEIL, "V17 = F bare for R94")
def v17_f(ktx):
    """Ref: NVB V17 — «F (R94 trial only)»."""
    if ktx.v.dispensasjonkode == "F" and ktx.v.reformkode != "R94":
        yield _v(ktx, f"V17 er F, som bare gjelder R94, men V4 er {ktx.v.reformkode}", "V17")


@filsjekk("NVB-V22", "NVB V22", FEIL, "Orden er ført der den er obligatorisk")
def v22(ktx):
    """Ref: NVB V22 — «V22 mandatory for VM or when any standpunkt grade exists» (a grade is
    our reading: a numeric standpunkt grade on an elevfag row, docs/decisions.md)."""
    if ktx.v.orden is None and (ktx.er_vm or ktx.standpunkt_tall):
        grunn = "dokumentet er et vitnemål" if ktx.er_vm else "dokumentet har standpunktkarakter"
        yield _v(ktx, f"V22 (orden) mangler; den er obligatorisk fordi {grunn}", "V22")


@filsjekk("NVB-V23", "NVB V23", FEIL, "Adferd er ført på vitnemål i Kunnskapsløftet")
def v23(ktx):
    """Ref: NVB V23 — «V23 mandatory for KL vitnemål»."""
    if ktx.v.adferd is None and ktx.er_vm and ktx.er_kl:
        yield _v(ktx, "V23 (adferd) mangler; den er obligatorisk på vitnemål i "
                 "Kunnskapsløftet (KL)", "V23")


@filsjekk("NVB-VM-UTEN-P", "NVB ¤P", FEIL, "Et vitnemål har programområdelinjer")
def vm_uten_p(ktx):
    """Ref: NVB ¤P — «A kompetansebevis may have no ¤P (only fellesfag)»: a vitnemål may not."""
    if ktx.er_vm and not ktx.dok.p:
        yield _v(ktx, "vitnemålet har ingen ¤P (programområde); bare et kompetansebevis kan "
                 "være uten", "V5")


@filsjekk("NVB-P4-SISTE", "NVB P4", FEIL, "Siste års programområde har påstand")
def p4_siste(ktx):
    """Ref: NVB P4 — «the last year's ¤P of a KL vitnemål must have B, F or FB; H, I and M are
    also accepted». The last year is the highest P9 (every ¤P of that year is checked); without
    any P9, the ¤P lines on the highest level (P3)."""
    if not (ktx.er_vm and ktx.er_kl and ktx.dok.p):
        return
    rader = list(enumerate(ktx.dok.p))
    aar = [p.aarstall for _, p in rader if p.aarstall is not None]
    if aar:
        siste = [(i, p) for i, p in rader if p.aarstall == max(aar)]
    else:
        niva = [p.nivaakode for _, p in rader if p.nivaakode]
        siste = [(i, p) for i, p in rader if p.nivaakode == max(niva)] if niva else rader[-1:]
    for i, p in siste:
        if p.paastandkode not in _PAASTAND_SISTE:
            yield Treff(f"¤P for {p.promrkode or 'programområdet'} (siste år) har P4 "
                        f"«{p.paastandkode or ''}»; et KL-vitnemål skal ha B, F eller FB "
                        "(H, I eller M godtas)", "P", "P4", ktx.linje("P", i))


@filsjekk("NVB-P6-P7", "NVB P6", FEIL, "Fravær er ført på vitnemål med standpunktkarakterer")
def p6_p7(ktx):
    """Ref: NVB P6, P7 — «mandatory for a vitnemål with any standpunkt grade; 0 is a value»."""
    if not (ktx.er_vm and ktx.standpunkt_tall):
        return
    for i, p in enumerate(ktx.dok.p):
        for nr, verdi in (("P6", p.fravaer_dager), ("P7", p.fravaer_timer)):
            if verdi is None and not ktx.fil.ugyldig(ktx.linje("P", i), nr):
                yield Treff(f"{nr} (fravær) mangler for {p.promrkode or 'programområdet'}; "
                            "vitnemål med standpunktkarakterer skal ha fravær (0 er en verdi)",
                            "P", nr, ktx.linje("P", i), ref=f"NVB {nr}")


@filsjekk("NVB-M2-UNIK", "NVB M2", FEIL, "Merknadnr er unikt i dokumentet")
def m2_unik(ktx):
    """Ref: NVB M2 — «Merknadnr N (order, unique within the document)»."""
    numre = [m.merknadnr for m in ktx.dok.m if m.merknadnr is not None]
    if len(set(numre)) == len(numre):
        return
    teller = Counter(numre)
    sett: set[int] = set()
    for i, m in enumerate(ktx.dok.m):
        if m.merknadnr is not None and teller[m.merknadnr] > 1 and m.merknadnr in sett:
            yield Treff(f"M2 {m.merknadnr} er brukt før i dokumentet", "M", "M2",
                        ktx.linje("M", i), merknad=m.merknadkode)
        sett.add(m.merknadnr)


@filsjekk("NVB-M3-VMM", "NVB ¤M", FEIL, "¤M har bare vitnemålsmerknader (VMM)")
def m3_vmm(ktx):
    """Ref: NVB ¤M — «document remarks (VMM only; FAM goes on ¤F)», «M3 Merknadkode A5
    (`VMMnn`)»."""
    for i, m in enumerate(ktx.dok.m):
        k = m.merknadkode
        if k and not (len(k) == 5 and k.startswith("VMM") and k[3:].isdigit()):
            hint = " (en fagmerknad hører på ¤F, i F13)" if k.startswith("FAM") else ""
            yield Treff(f"M3 er «{k}», men ¤M tar bare vitnemålsmerknader VMMnn{hint}", "M", "M3",
                        ktx.linje("M", i), merknad=k)
