"""Which document an elevmappe gives: vitnemål or kompetansebevis, and what it states (001 §1).

``beslutt(mappe)`` returns a ``Beslutning``: the document type, the reasons a vitnemål cannot
be issued (each naming its paragraph), the sluttkompetanse lines, whether it is a
førstegangsvitnemål, the year of «har i <åååå> bestått», and per programme area line the
«fullført»/«bestått» statement of a kompetansebevis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vitnemal.dokument import lop
from vitnemal.dokument.model import Dokumenttype
from vitnemal.kodeverk import Kodeverk, load
from vitnemal.model import Elevmappe, Fag, Fagtype, Karakter, Programomrade, Status, Vurdering
from vitnemal.rules.bestatt import FagVurdering, Utfall, vurder_fag

_DATO = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")

#: Norskfaget counts as one fag for the FAM37 exception (001 §9.2: «norsk hovedmål skriftlig og
#: norsk hovedmål muntlig (norskfaget) være ett fag»). Fagkoder of norsk start with NOR.
NORSK_PREFIKS = "NOR"


@dataclass(frozen=True, slots=True)
class Grunn:
    """Why a vitnemål cannot be issued: a Norwegian sentence and the paragraph."""

    ref: str
    tekst: str
    fagkode: str | None = None


@dataclass(frozen=True)
class Beslutning:
    dokumenttype: Dokumenttype
    grunner: tuple[Grunn, ...]  # why not a vitnemål (empty when it is one)
    studiekompetanse: bool = False
    yrkeskompetanse: bool = False
    fagopplaering: bool = False
    forstegangsvitnemal: bool = False
    ar: int | None = None  # «har i <åååå> bestått»
    pastander: dict[tuple[str, str], str] = field(default_factory=dict)  # (kode, niva) -> "fullfort"/"bestatt"
    fam37_godtatt: tuple[str, ...] = ()
    vurderinger: dict[int, FagVurdering] = field(default_factory=dict)  # index in mappe.fag

    @property
    def vitnemal(self) -> bool:
        return self.dokumenttype is Dokumenttype.VITNEMAL


def skrives_ut(fag: Fag, dokumenttype: Dokumenttype) -> bool:
    """Ref: 001 §5.1 — «Når et fag etter endt årstrinn ikke har standpunktkarakter, skal dere sette
    halvårsvurdering med karakter i faget (gjelder bare på kompetansebevis).»

    A halvårsvurdering row is printed on a kompetansebevis only; on a vitnemål the final
    assessment of the fag stands instead.
    """
    return not (dokumenttype is Dokumenttype.VITNEMAL and fag.vurdering is Vurdering.HALVAR)


def dokumentrett(mappe: Elevmappe, kv: Kodeverk) -> list[Grunn]:
    """Ref: 001 §1.9 — «Hvilken type dokumentasjon dere kan utstede, avhenger også av hvilken
    status personen har»: lærekandidat and praksisbrevkandidat never get a vitnemål;
    «Praksiskandidater og kandidater for fagbrev på jobb kan bare få vitnemål dersom kandidaten
    kan dokumentere at han eller hun har fellesfagene som kreves for yrkesfag» (formalised: at
    least one fellesfag, and every fellesfag passed; which fellesfag are required needs the fag-
    og timefordeling, ikke formalisert).
    """
    rett = kv.dokumentrett.get(mappe.person.status.value)
    navn = rett.tekst() if rett else mappe.person.status.value
    if rett is None or rett.vitnemal == "nei":
        return [Grunn("001 §1.9", f"status {navn.lower()} gir ikke rett til vitnemål")]
    if rett.vitnemal == "vilkar":
        ff = [f for f in mappe.fag if f.fagtype is Fagtype.FF and f.vurdering is Vurdering.STANDPUNKT]
        if not ff:
            return [Grunn("001 §1.9", f"{navn.lower()} kan bare få vitnemål med fellesfagene for "
                                      "yrkesfag, og ingen fellesfag er ført")]
        ikke = [f.fagkode for f in ff if vurder_fag(f).utfall is not Utfall.BESTATT]
        if ikke:
            return [Grunn("001 §1.9", f"{navn.lower()} kan bare få vitnemål med bestått i "
                                      f"fellesfagene; ikke bestått: {', '.join(ikke)}")]
    return []


def fam37_unntak(mappe: Elevmappe, kv: Kodeverk) -> tuple[tuple[str, ...], list[Grunn]]:
    """Ref: 001 §9.2, §1.5 — «Elever og lærlinger i yrkesfaglige utdanningsprogram som har fullført, men
    ikke bestått inntil to av fellesfagene, kan likevel på visse vilkår få vitnemål som gir
    yrkeskompetanse … Dere kan bare føre fagmerknaden i merknadsrubrikken i inntil to fellesfag
    som har karakteren 1 (en) … norskfaget være ett fag. Dette unntaket gjelder ikke for fag med
    ‹Ikke vurderingsgrunnlag› (IV)». Also 001 §1.5.

    Exception to «alle fag bestått» (001 §1.1, §5.5). Returns the fagkoder the exception covers
    and, when the FAM37 rows do not meet its conditions, why (then it covers none).
    """
    rader = [f for f in mappe.fag if f.fagmerknad and f.fagmerknad.kode == "FAM37"]
    if not rader:
        return (), []
    problemer: list[Grunn] = []
    studie, yrkes, fagopplaering = lop.sluttkompetanser(mappe, kv)
    if mappe.person.status not in (Status.ELEV, Status.LAERLING):
        problemer.append(Grunn("001 §9.2", "unntaket med FAM37 gjelder bare elever og lærlinger"))
    if not (yrkes or fagopplaering) or studie:
        problemer.append(Grunn("001 §9.2", "unntaket med FAM37 gjelder bare vitnemål som gir "
                                           "yrkeskompetanse eller bestått fagopplæring"))
    for f in rader:
        if f.fagtype is not Fagtype.FF:
            problemer.append(Grunn("001 §9.2", f"FAM37 på {f.fagkode}, som ikke er fellesfag",
                                   f.fagkode))
        if Karakter.K1 not in (f.standpunkt, f.eksamen) or Karakter.IV in (f.standpunkt, f.eksamen):
            problemer.append(Grunn("001 §9.2", f"FAM37 på {f.fagkode}, som ikke har karakteren 1",
                                   f.fagkode))
    if antall_fag(f.fagkode for f in rader) > 2:
        problemer.append(Grunn("001 §9.2", "FAM37 er ført i mer enn to fellesfag"))
    if problemer:
        return (), problemer
    return tuple(f.fagkode for f in rader), []


def antall_fag(fagkoder) -> int:
    """Fag counted for the FAM37 limit: all norsk codes are one fag (001 §9.2)."""
    return len({NORSK_PREFIKS if k.startswith(NORSK_PREFIKS) else k for k in fagkoder})


def fag_grunner(mappe: Elevmappe, vurderinger: dict[int, FagVurdering],
                unntak: tuple[str, ...]) -> list[Grunn]:
    """Ref: 001 §1.1 — «Vitnemål er dokumentasjon på et fullført og bestått videregående
    opplæringsløp»; 001 §5.5 — «Vurderingsuttrykkene som angir at faget ikke er bestått, vil i
    utgangspunktet ikke bli ført på vitnemålet».

    Every row printed on a vitnemål must be passed (``rules.bestatt``), or carry FAM12 with no
    grade (001 §5.7, §9.3), or be covered by the FAM37 exception (001 §9.2).
    """
    out: list[Grunn] = []
    for i, f in enumerate(mappe.fag):
        if not skrives_ut(f, Dokumenttype.VITNEMAL):
            continue
        v = vurderinger[i]
        if v.utfall is Utfall.BESTATT:
            continue
        if v.utfall is Utfall.INGEN_KARAKTER and f.fagmerknad and f.fagmerknad.kode == "FAM12":
            continue
        if v.utfall is Utfall.IKKE_BESTATT and f.fagkode in unntak:
            continue
        out.append(Grunn(v.ref, v.grunn, f.fagkode))
    return out


def avgangsar(mappe: Elevmappe) -> int | None:
    """Ref: 001 §2.3 — «Dere fører det året det siste faget eller eksamen på vitnemålet ble
    gjennomført. I vitnemål som dokumenterer bestått fagopplæring, skal dere føre det året som
    dere har skrevet i VMM31.»"""
    for m in mappe.vitnemalsmerknader:
        if m.kode == "VMM31" and m.parametre:
            d = _DATO.search(m.parametre[0])
            if d:
                return int(d.group(3))
    ar = [f.ar for f in mappe.fag if skrives_ut(f, Dokumenttype.VITNEMAL)]
    return max(ar) if ar else None


def fag_pa_linje(mappe: Elevmappe, linje: Programomrade) -> list[int]:
    """Indices of the fag rows that belong to a programme area line (by code, else by level)."""
    out = []
    for i, f in enumerate(mappe.fag):
        if f.programomrade:
            if f.programomrade == linje.kode:
                out.append(i)
        elif f.trinn == linje.niva:
            out.append(i)
    return out


def pastand(mappe: Elevmappe, linje: Programomrade,
            vurderinger: dict[int, FagVurdering]) -> str | None:
    """Ref: 001 §1.3 — «Fullført og bestått årstrinn»: ‹fullført› when every fag of the årstrinn
    has an assessment and every exam is taken; ‹bestått› when in addition all fag and exams are
    passed, «Også fag med halvårsvurdering må ha karakter som er bestått (2 til 6) eller stiplet
    linje med FAM12». «Privatister må ha eksamenskarakter i alle fag».

    Returns "fullfort", "bestatt" or None (nothing printed). Formalised over the fag registered
    for the line; whether they are all fag of the årstrinn needs the fag- og timefordeling (ikke
    formalisert) — a line that is registered as not whole (004 H) gets nothing. Privatists and
    adults need ``hele_programomradet`` (004 H). Fag taken as «mer opplæring» do not count (004
    generelt). VMM33 (fremmedspråk as privatist) allows the statement without that fag, which the
    record then does not hold.
    """
    if lop.ufullstendig(linje):
        return None
    if mappe.person.status in (Status.PRIVATIST, Status.VOKSEN) and not linje.hele_programomradet:
        return None
    rader = [i for i in fag_pa_linje(mappe, linje) if not mappe.fag[i].mer_opplaering]
    if not rader:
        return None
    bestatt = True
    for i in rader:
        f, v = mappe.fag[i], vurderinger[i]
        if f.privatist and f.eksamen is None:
            return None
        if v.utfall in (Utfall.MANGLER_VURDERING, Utfall.IOP):
            return None
        if v.utfall is Utfall.INGEN_KARAKTER:
            if not (f.fagmerknad and f.fagmerknad.kode == "FAM12"):
                return None
        elif v.utfall is Utfall.IKKE_BESTATT:
            bestatt = False
    return "bestatt" if bestatt else "fullfort"


def forstegang_hindringer(mappe: Elevmappe, *, studie: bool, yrkes: bool,
                          fagopplaering: bool) -> list[str]:
    """Ref: 001 §1.2 — «Den som ved utløpet av normal tid … har bestått videregående opplæring som
    gir generell studiekompetanse, kan få førstegangsvitnemål»; «Elever som får vitnemål som
    dokumentasjon på yrkeskompetanse har ikke rett til førstegangsvitnemål. Det samme gjelder
    elever som tar vg4 påbygging». What stands in the way of VMM06 on this vitnemål."""
    out = []
    if not studie:
        out.append("VMM06 «Førstegangsvitnemål» krever vitnemål med generell studiekompetanse")
    if yrkes or fagopplaering:
        out.append("VMM06: vitnemål som dokumenterer yrkeskompetanse eller bestått fagopplæring "
                   "gir ikke rett til førstegangsvitnemål")
    if any(lop.er_pabygging(p) and p.niva.nummer == 4 for p in lop.linjer(mappe)):
        out.append("VMM06: elever som tar vg4 påbygging til generell studiekompetanse har ikke "
                   "rett til førstegangsvitnemål")
    return out


def beslutt(mappe: Elevmappe, *, kv: Kodeverk | None = None,
            dokumenttype: Dokumenttype | None = None) -> Beslutning:
    """Ref: 001 §1.1 — vitnemål for a passed, complete løp; 001 §1.3 — otherwise kompetansebevis.

    A vitnemål when the status gives the right (§1.9), the lines form a complete løp (§4.1), a
    sluttkompetanse follows (§2.3), a lærling has bestått fagopplæring (VMM31, §9.1) and every
    printed fag is passed (§1.1, §5.5) or covered by FAM37 (§9.2). ``dokumenttype`` forces the
    type (a kompetansebevis can always be issued; a forced vitnemål keeps the reasons, which the
    checks report as errors).
    """
    kv = kv or load()
    vurderinger = {i: vurder_fag(f) for i, f in enumerate(mappe.fag)}
    studie, yrkes, fagopplaering = lop.sluttkompetanser(mappe, kv)
    grunner = dokumentrett(mappe, kv)
    lopgrunner = [Grunn(ref, t) for ref, t in lop.lop_mangler(mappe, kv)]
    grunner += lopgrunner
    if not (studie or yrkes or fagopplaering) and not lopgrunner:
        grunner.append(Grunn("001 §2.3", "programområdene gir verken generell studiekompetanse, "
                                         "yrkeskompetanse eller bestått fagopplæring"))
    if mappe.person.status is Status.LAERLING and not fagopplaering:
        grunner.append(Grunn("001 §9.1", "lærlingen har ikke bestått fagopplæring (VMM31 mangler)"))
    unntak, fam37_problemer = fam37_unntak(mappe, kv)
    grunner += fam37_problemer
    grunner += fag_grunner(mappe, vurderinger, unntak)
    if not any(skrives_ut(f, Dokumenttype.VITNEMAL) for f in mappe.fag):
        grunner.append(Grunn("001 §1.1", "ingen fag med sluttvurdering er ført"))
    valgt = dokumenttype or (Dokumenttype.KOMPETANSEBEVIS if grunner else Dokumenttype.VITNEMAL)
    vitnemal = valgt is Dokumenttype.VITNEMAL
    forstegang = (vitnemal and any(m.kode == "VMM06" for m in mappe.vitnemalsmerknader)
                  and not forstegang_hindringer(mappe, studie=studie, yrkes=yrkes,
                                                fagopplaering=fagopplaering))
    pastander = {}
    if not vitnemal:
        for linje in lop.linjer(mappe):
            p = pastand(mappe, linje, vurderinger)
            if p:
                pastander[(linje.kode, linje.niva.value)] = p
    return Beslutning(
        dokumenttype=valgt,
        grunner=tuple(grunner),
        studiekompetanse=vitnemal and studie,
        yrkeskompetanse=vitnemal and yrkes,
        fagopplaering=vitnemal and fagopplaering,
        forstegangsvitnemal=forstegang,
        ar=avgangsar(mappe) if vitnemal else None,
        pastander=pastander,
        fam37_godtatt=unntak,
        vurderinger=vurderinger,
    )
