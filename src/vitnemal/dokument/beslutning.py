"""Which document an elevmappe gives: vitnemål or kompetansebevis, and what it states (001 §1).

``beslutt(mappe)`` returns a ``Beslutning``, made once per document: the document type, the
reasons a vitnemål cannot be issued (each a ``Grunn`` naming its paragraph and the check that
reports it), the sluttkompetanse lines, whether it is a førstegangsvitnemål, the year of «har i
<åååå> bestått», the lines printed and per line the «fullført»/«bestått» statement of a
kompetansebevis. Composition (``dokument.compose``) and the checks (``vitnemal.sjekk``) read it
and decide nothing again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vitnemal.dokument import lop
from vitnemal.dokument.model import Dokumenttype
from vitnemal.dokument.unntak import Grunn, fam37_unntak
from vitnemal.kodeverk import Kodeverk, load
from vitnemal.model import Elevmappe, Fag, Fagtype, Programomrade, Status, Vurdering
from vitnemal.rules.bestatt import FagVurdering, Utfall, vurder_fag
from vitnemal.rules.linje import fordel

__all__ = ["Beslutning", "Grunn", "beslutt", "skrives_ut"]

_DATO = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")


@dataclass(frozen=True)
class Beslutning:
    """What the record gives, decided once per document; composition and checks read it.

    ``grunner``: why not a vitnemål (empty when it is one). ``linjer``: the programme area lines
    printed (001 §2.3), ``pastander`` their «fullført»/«bestått» on a kompetansebevis keyed by
    (kode, nivå). ``fordeling``: the fag rows (indices into ``mappe.fag``) of every line of the
    record (``rules.linje.fordel``). ``vurderinger``: the pass outcome of every fag row.
    ``forstegang_hindringer``: why VMM06 does not make a førstegangsvitnemål here (001 §1.2).
    """

    dokumenttype: Dokumenttype
    grunner: tuple[Grunn, ...]
    studiekompetanse: bool = False
    yrkeskompetanse: bool = False
    fagopplaering: bool = False
    forstegangsvitnemal: bool = False
    forstegang_hindringer: tuple[str, ...] = ()
    ar: int | None = None  # «har i <åååå> bestått»
    pastander: dict[tuple[str, str], str] = field(default_factory=dict)  # (kode, niva) -> "fullfort"/"bestatt"
    fam37_godtatt: tuple[str, ...] = ()
    vurderinger: dict[int, FagVurdering] = field(default_factory=dict)  # index in mappe.fag
    linjer: tuple[Programomrade, ...] = ()
    fordeling: tuple[tuple[int, ...], ...] = ()  # per line of mappe.programomrader

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


def dokumentrett(mappe: Elevmappe, kv: Kodeverk,
                 vurderinger: dict[int, FagVurdering]) -> list[Grunn]:
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
        ff = [i for i, f in enumerate(mappe.fag)
              if f.fagtype is Fagtype.FF and f.vurdering is Vurdering.STANDPUNKT]
        if not ff:
            return [Grunn("001 §1.9", f"{navn.lower()} kan bare få vitnemål med fellesfagene for "
                                      "yrkesfag, og ingen fellesfag er ført")]
        ikke = [mappe.fag[i].fagkode for i in ff if vurderinger[i].utfall is not Utfall.BESTATT]
        if ikke:
            return [Grunn("001 §1.9", f"{navn.lower()} kan bare få vitnemål med bestått i "
                                      f"fellesfagene; ikke bestått: {', '.join(ikke)}")]
    return []


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
        out.append(Grunn(v.ref, v.grunn, f.fagkode, "IKKE-BESTATT-VITNEMAL", i))
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


def pastand(mappe: Elevmappe, linje: Programomrade, rader: tuple[int, ...] | list[int],
            vurderinger: dict[int, FagVurdering]) -> str | None:
    """Ref: 001 §1.3 — «Fullført og bestått årstrinn»: ‹fullført› when every fag of the årstrinn
    has an assessment and every exam is taken; ‹bestått› when in addition all fag and exams are
    passed, «Også fag med halvårsvurdering må ha karakter som er bestått (2 til 6) eller stiplet
    linje med FAM12». «Privatister må ha eksamenskarakter i alle fag».

    Returns "fullfort", "bestatt" or None (nothing printed). Formalised over ``rader``, the fag
    rows ``rules.linje.fordel`` gives the line — the rows its fullførtkode is computed from, so
    the two never disagree (a repeated year: the rows of the last attempt); whether they are all fag of the årstrinn needs the fag- og timefordeling (ikke
    formalisert) — a line that is registered as not whole (004 H) gets nothing. Privatists and
    adults need ``hele_programomradet`` (004 H). Fag taken as «mer opplæring» do not count (004
    generelt). VMM33 (fremmedspråk as privatist) allows the statement without that fag, which the
    record then does not hold.
    """
    if lop.ufullstendig(linje):
        return None
    if mappe.person.status in (Status.PRIVATIST, Status.VOKSEN) and not linje.hele_programomradet:
        return None
    rader = [i for i in rader if not mappe.fag[i].mer_opplaering]
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


def forstegang_hindringer(linjer, *, studie: bool, yrkes: bool,
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
    if any(lop.er_pabygging(p) and p.niva.nummer == 4 for p in linjer):
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
    linjer = lop.linjer(mappe)
    studie, yrkes, fagopplaering = lop.sluttkompetanser(linjer, mappe, kv)
    grunner = dokumentrett(mappe, kv, vurderinger)
    lopgrunner = [Grunn(ref, t) for ref, t in lop.lop_mangler(linjer, kv)]
    grunner += lopgrunner
    if not (studie or yrkes or fagopplaering) and not lopgrunner:
        grunner.append(Grunn("001 §2.3", "programområdene gir verken generell studiekompetanse, "
                                         "yrkeskompetanse eller bestått fagopplæring"))
    if mappe.person.status is Status.LAERLING and not fagopplaering:
        grunner.append(Grunn("001 §9.1", "lærlingen har ikke bestått fagopplæring (VMM31 mangler)"))
    unntak, fam37_problemer = fam37_unntak(mappe, studie=studie, yrkes=yrkes,
                                           fagopplaering=fagopplaering)
    grunner += fam37_problemer
    grunner += fag_grunner(mappe, vurderinger, unntak)
    if not any(skrives_ut(f, Dokumenttype.VITNEMAL) for f in mappe.fag):
        grunner.append(Grunn("001 §1.1", "ingen fag med sluttvurdering er ført"))
    valgt = dokumenttype or (Dokumenttype.KOMPETANSEBEVIS if grunner else Dokumenttype.VITNEMAL)
    vitnemal = valgt is Dokumenttype.VITNEMAL
    vmm06 = vitnemal and any(m.kode == "VMM06" for m in mappe.vitnemalsmerknader)
    hindringer = tuple(forstegang_hindringer(linjer, studie=studie, yrkes=yrkes,
                                             fagopplaering=fagopplaering)) if vmm06 else ()
    fordeling = tuple(tuple(r) for r in fordel(mappe))
    pastander = {}
    if not vitnemal:
        indeks = {id(p): i for i, p in enumerate(mappe.programomrader)}
        for linje in linjer:
            p = pastand(mappe, linje, fordeling[indeks[id(linje)]], vurderinger)
            if p:
                pastander[(linje.kode, linje.niva.value)] = p
    return Beslutning(
        dokumenttype=valgt,
        grunner=tuple(grunner),
        studiekompetanse=vitnemal and studie,
        yrkeskompetanse=vitnemal and yrkes,
        fagopplaering=vitnemal and fagopplaering,
        forstegangsvitnemal=vmm06 and not hindringer,
        forstegang_hindringer=hindringer,
        ar=avgangsar(mappe) if vitnemal else None,
        pastander=pastander,
        fam37_godtatt=unntak,
        vurderinger=vurderinger,
        linjer=tuple(linjer),
        fordeling=fordeling,
    )
