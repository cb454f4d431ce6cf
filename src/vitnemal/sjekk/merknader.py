"""Checks of fag- and vitnemålsmerknader (001 §1.3, §3, §9.1, §9.2, §12.1)."""

from __future__ import annotations

import re
from datetime import date

from vitnemal.findings import Alvorlighet
from vitnemal.meldinger import antall
from vitnemal.model import Vurdering
from vitnemal.sjekk.katalog import DOKUMENT, MAPPE, Avvik, kontroll
from vitnemal.sjekk.kontekst import fagsti

FEIL, VARSEL = Alvorlighet.FEIL, Alvorlighet.VARSEL

_DATO = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")
_DATO_I_TEKST = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")
_SAKSNUMMER = re.compile(r"\b(\d{4})/(\d+)\b")
DISPENSASJON = ("VMM17", "VMM18", "VMM19")


def _dato(tekst: str) -> date | None:
    m = _DATO.match(tekst.strip())
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _vmm(ktx, koder):
    return [(i, m) for i, m in enumerate(ktx.merknader) if m.kode in koder]


@kontroll("FAM-DOKUMENTTYPE", "001 §3.1", FEIL, "Fagmerknad tillatt på dokumenttypen", trenger=DOKUMENT)
def fam_dokumenttype(ktx):
    """Ref: 001 §3.1 — the table's columns «Gjelder for Vitnemål / Komp.bevis»: e.g. FAM05, FAM21,
    FAM29, FAM33 only on kompetansebevis; FAM37, FAM40, FAM55, FAM57 only on vitnemål."""
    for i, f in ktx.trykte_fag():
        m = f.fagmerknad
        e = ktx.kv.fagmerknader.get(m.kode) if m else None
        if e is None:
            continue
        if not (e.vitnemal if ktx.vitnemal else e.kompetansebevis):
            yield Avvik(f"{m.kode} «{e.tekst()}» på {f.fagkode} kan ikke stå på {ktx.typenavn}",
                        fagkode=f.fagkode, merknad=m.kode, sti=fagsti(i, "fagmerknad"))


def _vmm_feil_type(ktx, grupper):
    for i, m in enumerate(ktx.merknader):
        e = ktx.kv.vitnemalsmerknader.get(m.kode)
        if e is None or e.gruppe not in grupper or m.kode == "VMM33":
            continue
        if not (e.vitnemal if ktx.vitnemal else e.kompetansebevis):
            yield Avvik(f"{m.kode} kan ikke stå på {ktx.typenavn}", merknad=m.kode,
                        sti=ktx.vmmsti(i))


@kontroll("VMM-FORSTEGANG-TYPE", "001 §3.2", FEIL, "Førstegangsmerknader bare på vitnemål", trenger=DOKUMENT)
def vmm_forstegang_type(ktx):
    """Ref: 001 §3.2 — «Vitnemålsmerknader som bare kan stå på førstegangsvitnemål»."""
    yield from _vmm_feil_type(ktx, ("forstegang",))


@kontroll("VMM-DOKUMENTTYPE", "001 §3.3", FEIL, "Vitnemålsmerknad tillatt på dokumenttypen", trenger=DOKUMENT)
def vmm_dokumenttype(ktx):
    """Ref: 001 §3.3 — «Andre vitnemålsmerknader … Gjelder vitnemål / Gjelder komp.-bevis»
    (VMM36 only on vitnemål)."""
    yield from _vmm_feil_type(ktx, ("generell", None))


@kontroll("VMM-KOMPETANSEBEVIS", "001 §3.4", FEIL, "Kompetansebevismerknader ikke på vitnemål", trenger=DOKUMENT)
def vmm_kompetansebevis(ktx):
    """Ref: 001 §3.4 — «Vitnemålsmerknader som bare kan stå på kompetansebevis» (VMM33: its own
    check VMM33-VITNEMAL)."""
    yield from _vmm_feil_type(ktx, ("kompetansebevis",))


@kontroll("VMM33-VITNEMAL", "001 §1.3", FEIL, "VMM33 aldri på vitnemål", trenger=DOKUMENT)
def vmm33_vitnemal(ktx):
    """Ref: 001 §1.3 — «Dere kan ikke benytte VMM33 på et vitnemål.»"""
    if ktx.vitnemal:
        for i, _m in _vmm(ktx, ("VMM33",)):
            yield Avvik("VMM33 (fremmedspråk som privatist) kan ikke stå på vitnemål",
                        merknad="VMM33", sti=ktx.vmmsti(i))


@kontroll("VMM33-UTLOPT", "001 §1.3", FEIL, "VMM33 etter fristen", trenger=DOKUMENT)
def vmm33_utlopt(ktx):
    """Ref: 001 §1.3 — «Dersom eleven ikke tar faget innen dato som er angitt i
    vitnemålsmerknaden … skal [dere] ikke lenger benytte VMM33 når dere skriver ut et nytt
    kompetansebevis.»"""
    for i, m in _vmm(ktx, ("VMM33",)):
        frist = _dato(m.parametre[0]) if m.parametre else None
        if frist and ktx.today and ktx.today > frist:
            yield Avvik(f"VMM33: fristen {m.parametre[0]} er passert; merknaden skal ikke lenger "
                        "brukes, og årstrinnet er ikke fullført/bestått uten fremmedspråket",
                        merknad="VMM33", sti=ktx.vmmsti(i))


@kontroll("FAM-UTGATT", "001 §3.5", FEIL, "Utgått fagmerknad", trenger=DOKUMENT)
def fam_utgatt(ktx):
    """Ref: 001 §3.5 — «Følgende fagmerknader er utgått, og kan ikke lenger benyttes på
    dokumentasjon» (FAM15, FAM22, FAM24, FAM25, FAM47)."""
    for i, f in ktx.trykte_fag():
        m = f.fagmerknad
        e = ktx.kv.fagmerknader.get(m.kode) if m else None
        if e and e.utgatt and (ktx.today is None or ktx.today > e.utgatt):
            ny = f", bruk {e.erstattet_av}" if e.erstattet_av else ""
            yield Avvik(f"{m.kode} på {f.fagkode} er utgått fra {e.utgatt:%d.%m.%Y}{ny}",
                        fagkode=f.fagkode, merknad=m.kode, sti=fagsti(i, "fagmerknad"))


@kontroll("VMM-UTGATT", "001 §3.6", FEIL, "Utgått vitnemålsmerknad", trenger=DOKUMENT)
def vmm_utgatt(ktx):
    """Ref: 001 §3.6 — «Følgende vitnemålsmerknader er utgått» (VMM12, 31.12.2010)."""
    for i, m in enumerate(ktx.merknader):
        e = ktx.kv.vitnemalsmerknader.get(m.kode)
        if e and e.utgatt and (ktx.today is None or ktx.today > e.utgatt):
            yield Avvik(f"{m.kode} er utgått fra {e.utgatt:%d.%m.%Y}", merknad=m.kode,
                        sti=ktx.vmmsti(i))


@kontroll("MERKNAD-PARAMETRE", "001 §2.6", FEIL, "Merknadens plassholdere fylt ut", trenger=DOKUMENT)
def merknad_parametre(ktx):
    """Ref: 001 §2.6 — «Dere skal føre innholdet i merknaden, ikke koden for merknaden»: a text
    with placeholders (FAM13 «Fag R94 <FAGKODE>», VMM31 «<dd.mm.åååå>» …) needs its values."""
    rader = [(m, fagsti(i, "fagmerknad"), f.fagkode) for i, f in ktx.trykte_fag()
             if (m := f.fagmerknad)]
    rader += [(m, ktx.vmmsti(i), None) for i, m in enumerate(ktx.merknader)]
    for m, sti, fagkode in rader:
        e = ktx.kv.merknad(m.kode)
        if e is None:
            continue
        if len(m.parametre) != len(e.parametre):
            hva = ", ".join(f"<{p}>" for p in e.parametre) or "ingen"
            yield Avvik(f"{m.kode} skal ha {antall(len(e.parametre), 'verdi', 'verdier')} "
                        f"({hva}), har {len(m.parametre)}", fagkode=fagkode, merknad=m.kode, sti=sti)


@kontroll("VMM31-DATO", "001 §9.1", FEIL, "VMM31 med dato dd.mm.åååå", trenger=DOKUMENT)
def vmm31_dato(ktx):
    """Ref: 001 §9.1 — «VMM31 ‹Bestått fagopplæring <dd.mm.åååå>›»; 001 §2.3 takes the year of
    «har i <åååå> bestått» from it."""
    for i, m in _vmm(ktx, ("VMM31",)):
        if m.parametre and _dato(m.parametre[0]) is None:
            yield Avvik(f"VMM31: {m.parametre[0]!r} er ikke en dato på formen dd.mm.åååå",
                        merknad="VMM31", sti=ktx.vmmsti(i))


@kontroll("DISPENSASJON-SAKSNUMMER", "001 §3.3", FEIL, "Saksnummer med 4–5 siffer i VMM17–19", trenger=DOKUMENT)
def dispensasjon_saksnummer(ktx):
    """Ref: 001 §3.3 — «må dere skrive dispensasjonsvedtak fra Utdanningsdirektoratet med 4 og 5
    siffer (VMM17-19). Det betyr at dere for saksnummer under 1000 legger til 0 foran
    saksnummeret, for eksempel: 2013/0999»; 001 §12.1 — «Teksten skal inneholde dato og saksnr.»"""
    for i, m in _vmm(ktx, DISPENSASJON):
        tekst = " ".join(m.parametre)
        saker = _SAKSNUMMER.findall(tekst)
        if not saker:
            yield Avvik(f"{m.kode}: teksten mangler saksnummer (åååå/nnnn)", merknad=m.kode,
                        sti=ktx.vmmsti(i))
        for ar, nr in saker:
            if not 4 <= len(nr) <= 5:
                yield Avvik(f"{m.kode}: saksnummeret {ar}/{nr} skal ha 4 eller 5 siffer etter "
                            f"skråstreken ({ar}/{nr.zfill(4)})", merknad=m.kode,
                            sti=ktx.vmmsti(i))


@kontroll("DISPENSASJON-DATO", "001 §12.1", VARSEL, "Dato i dispensasjonsteksten", trenger=DOKUMENT)
def dispensasjon_dato(ktx):
    """Ref: 001 §12.1 — «Teksten skal inneholde dato og saksnr. (Dersom dette ikke står i teksten
    fra direktoratet, må dere føre … saksnummer og dato …)»."""
    for i, m in _vmm(ktx, DISPENSASJON):
        if not _DATO_I_TEKST.search(" ".join(m.parametre)):
            yield Avvik(f"{m.kode}: teksten mangler dato for vedtaket", merknad=m.kode,
                        sti=ktx.vmmsti(i))


def _fra_beslutningen(ktx, regel: str):
    """The FAM37 findings the decision made (``dokument.unntak.fam37_unntak``), reported here
    under their own check id and paragraph, not decided again."""
    for g in ktx.beslutning.grunner:
        if g.regel == regel:
            yield Avvik(g.tekst, fagkode=g.fagkode, merknad="FAM37",
                        sti=fagsti(g.indeks, "fagmerknad") if g.indeks is not None else None)


@kontroll("FAM37-YRKESFAG", "001 §9.2", FEIL, "FAM37 bare for yrkesfag", trenger=MAPPE)
def fam37_yrkesfag(ktx):
    """Ref: 001 §9.2 — «Elever og lærlinger i yrkesfaglige utdanningsprogram … kan likevel på visse
    vilkår få vitnemål som gir yrkeskompetanse»; 001 §1.5. FAM37 on a kompetansebevis is
    FAM-DOKUMENTTYPE. Decided by ``dokument.unntak.fam37_unntak``."""
    yield from _fra_beslutningen(ktx, "FAM37-YRKESFAG")


@kontroll("FAM37-FELLESFAG", "001 §9.2", FEIL, "FAM37 bare på fellesfag", trenger=MAPPE)
def fam37_fellesfag(ktx):
    """Ref: 001 §9.2 — «inntil to av fellesfagene … i inntil to fellesfag». Decided by
    ``dokument.unntak.fam37_unntak``."""
    yield from _fra_beslutningen(ktx, "FAM37-FELLESFAG")


@kontroll("FAM37-KARAKTER-1", "001 §9.2", FEIL, "FAM37 bare med karakteren 1", trenger=MAPPE)
def fam37_karakter_1(ktx):
    """Ref: 001 §9.2 — «fellesfag som har karakteren 1 (en) … Dette unntaket gjelder ikke for fag
    med ‹Ikke vurderingsgrunnlag› (IV) i karakterrubrikken». Decided by
    ``dokument.unntak.fam37_unntak``."""
    yield from _fra_beslutningen(ktx, "FAM37-KARAKTER-1")


@kontroll("FAM37-MAKS-TO", "001 §9.2", FEIL, "FAM37 i høyst to fag", trenger=MAPPE)
def fam37_maks_to(ktx):
    """Ref: 001 §9.2 — «i inntil to fellesfag … Eksempelvis vil norsk hovedmål skriftlig og norsk
    hovedmål muntlig (norskfaget) være ett fag». Decided by ``dokument.unntak.fam37_unntak``."""
    yield from _fra_beslutningen(ktx, "FAM37-MAKS-TO")


@kontroll("FAM33-HALVAR", "001 §5.7", FEIL, "FAM33 bare på halvårsvurdering", trenger=DOKUMENT)
def fam33_halvar(ktx):
    """Ref: 001 §5.7 — «Dere fører halvårsvurdering … Dere skal føre FAM33 ‹Kar. gitt som
    halvårsvurd.›»: FAM33 on a row registered as standpunkt is a contradiction."""
    for i, f in ktx.med_fagmerknad("FAM33"):
        if f.vurdering is not Vurdering.HALVAR:
            yield Avvik(f"FAM33 på {f.fagkode}, som ikke er ført som halvårsvurdering",
                        fagkode=f.fagkode, merknad="FAM33", sti=fagsti(i, "vurdering"))


_KORONA = {"VMM39": 2020, "VMM40": 2021, "VMM41": 2022}


@kontroll("KORONA-MERKNAD", "001 §6.9", VARSEL, "VMM39–41 med avlyst eksamen samme vår", trenger=DOKUMENT)
def korona_merknad(ktx):
    """Ref: 001 §6.9, §6.10, §6.11 — «fører dere stiplet linje i rubrikken for eksamenskarakter og
    aktuell eksamensform … Dere skal føre VMM39/VMM40/VMM41»: the remark goes with at least one
    fag of that spring with an exam form and no exam grade."""
    for i, m in enumerate(ktx.merknader):
        ar = _KORONA.get(m.kode)
        if ar is None:
            continue
        if not any(f.ar == ar and f.halvar == "V" and f.eksamensform and f.eksamen is None
                   for _, f in ktx.trykte_fag()):
            yield Avvik(f"{m.kode} gjelder avlyst eksamen våren {ar}, men ingen fag fra våren {ar} "
                        "har eksamensform uten eksamenskarakter", merknad=m.kode,
                        sti=ktx.vmmsti(i))
