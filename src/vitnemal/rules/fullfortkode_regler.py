"""The fullførtkode rules of 004, one small pure function each.

Each rule takes a ``Linje`` (a programme area line with its sorted fag rows, see
``rules.linje``) and returns a ``Kodetreff`` when it applies, else None. The rule set (YAML) lists
the rule ids in precedence order; the first rule that applies sets the code. The reference of a
rule is the start of its docstring (``Ref: 004 H — ...``); B, I and M name the sheet of the
line's level (004 vg1, vg2, vg3). Which rules apply in a school year, in what order and with
which parameters is data on a time axis (``rules/data/fullfortkode.yaml``, ``rules.regelsett``).
Ordering and its reasons: docs/fullfortkode.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from vitnemal.model.enums import Karakter, Status
from vitnemal.rules.bestatt import Utfall, beskriv_fag, vurder_fag
from vitnemal.rules.linje import Linje, mangler_gsk


class Kodetreff(NamedTuple):
    """A rule that applies: the code, its explanation and the deciding fag."""

    kode: str
    forklaring: str
    avgjorende_fag: tuple[str, ...] = ()
    ref: str | None = None  # overrides the docstring ref (B, I, M: the line's sheet)


Koderegel = Callable[[Linje], Kodetreff | None]


@dataclass(frozen=True, slots=True)
class Variant:
    """One dated variant of a rule: the function that holds from ``fra`` (None: from the start)
    and its reference (the start of its docstring)."""

    fra: date | None
    funksjon: Koderegel
    ref: str


KODEREGLER: dict[str, list[Variant]] = {}
"""Every rule id with its dated variants, oldest first (``koderegel``)."""


def koderegel(fn: Koderegel | None = None, *, fra: date | None = None):
    """Register a rule under its function name; its ref is its docstring's ``Ref:`` part.

    ``fra`` registers a dated variant of a rule whose wording changes: a function of the same
    name decorated ``@koderegel(fra=date(2026, 8, 1))`` holds from that date, and a rule set
    uses the newest variant on or before its date (``variant``)."""
    def registrer(fn: Koderegel) -> Koderegel:
        doc = (fn.__doc__ or "").strip()
        if not doc.startswith("Ref: "):
            raise ValueError(f"{fn.__name__}: docstring must start with 'Ref: '")
        varianter = KODEREGLER.setdefault(fn.__name__, [])
        if any(v.fra == fra for v in varianter):
            raise ValueError(f"{fn.__name__}: a variant from {fra} is registered twice")
        varianter.append(Variant(fra, fn, doc[5:].split(" — ")[0].strip()))
        varianter.sort(key=lambda v: v.fra or date.min)
        return fn

    return registrer if fn is None else registrer(fn)


def variant(regel_id: str, dag: date) -> Variant | None:
    """The variant of rule ``regel_id`` that holds on ``dag`` (None: no such rule then)."""
    gjeldende = [v for v in KODEREGLER.get(regel_id, ()) if v.fra is None or v.fra <= dag]
    return gjeldende[-1] if gjeldende else None


def _fagkoder(rader) -> tuple[str, ...]:
    """The fagkoder of (fag, utfall) rows, in order."""
    return tuple(f.fagkode for f, _ in rader)


def _liste(fag, maks: int = 6) -> str:
    fag = list(fag)
    tekst = ", ".join(fag[:maks])
    if len(fag) > maks:
        tekst += f" og {len(fag) - maks} til"
    return tekst


def _grunner(rader: list, maks: int = 6) -> str:
    """The pass-rule reasons (``vurder_fag``) of the deciding rows, for the explanation."""
    grunner = [vurder_fag(f).grunn for f, _ in rader[:maks]]
    tekst = "; ".join(grunner)
    if len(rader) > maks:
        tekst += f"; og {len(rader) - maks} fag til"
    return tekst


# --- S, L, K (004 generelt) ------------------------------------------------------------------


@koderegel
def s_avbrutt(lin: Linje) -> Kodetreff | None:
    """Ref: 004 generelt — S: «Eleven eller kandidaten (voksne) har, i løpet av skoleåret,
    avbrutt opplæringen på hele utdanningsprogrammet (vg1)/programområdet (vg2 eller vg3).»"""
    if lin.programomrade.sluttet:
        return Kodetreff("S", "Avbrutt opplæringen på hele programområdet i løpet av skoleåret "
                          "(programområdet er registrert som sluttet).")
    return None


@koderegel
def l_laerling(lin: Linje) -> Kodetreff | None:
    """Ref: 004 generelt — L: «Lærlingen er ferdig med læretiden, men vedkommende har ikke tatt
    fag-/ svenneprøven.»"""
    p = lin.programomrade
    if p.laretid_fullfort and not p.fagprove_avlagt and lin.mappe.person.status is Status.LAERLING:
        return Kodetreff("L", "Lærlingen er ferdig med læretiden, men har ikke tatt "
                          "fag-/svenneprøven.")
    return None


@koderegel
def k_laerekandidat(lin: Linje) -> Kodetreff | None:
    """Ref: 004 generelt — K: «Lærekandidaten er ferdig med læretiden, men vedkommende har ikke
    tatt kompetanseprøven.»"""
    p = lin.programomrade
    if (p.laretid_fullfort and not p.fagprove_avlagt
            and lin.mappe.person.status is Status.LAEREKANDIDAT):
        return Kodetreff("K", "Lærekandidaten er ferdig med læretiden, men har ikke tatt "
                          "kompetanseprøven.")
    return None


# --- H for timing (004 H), before A: A needs a completed programme area (004 iop) -----------


@koderegel
def h_over_to_ar_forste(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — «Elever som tar et utdanningsprogram (vg1)/programområde (vg2 eller vg3)
    over 2 år: 1. året får eleven fullførtkode H.»"""
    if lin.programomrade.over_to_ar == 1:
        return Kodetreff("H", "Programområdet tas over to år, og dette er første år; B, I eller M "
                          "settes andre år ut fra begge årene.")
    return None


@koderegel
def h_unormalt_skolear(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — «Elever som går på ... med ‹unormalt› skoleår ...: Ved ‹normal› skoleslutt
    (i juni) får eleven fullførtkode H.»"""
    if lin.programomrade.unormalt_skolear == "underveis":
        return Kodetreff("H", "Unormalt skoleår: opplæringen på programområdet var ikke avsluttet "
                          "ved normal skoleslutt; B, I eller M settes når hele programområdet "
                          "er avsluttet.")
    return None


# --- A (004 iop, 004 generelt) ----------------------------------------------------------------


@koderegel
def a_iop(lin: Linje) -> Kodetreff | None:
    """Ref: 004 iop — «Fullførte kode A skal settes når eleven: * får karakter VO ... på en
    IOP-fagkode og/eller * har ett eller flere fag med offentlig fagkode og karakter VO ... med
    FAM05»; 004 generelt A: «... eller har hatt opplæring på IOP-fagkoder». A row makes A with an
    IOP fagkode, or with FAM05 and VO (before 2025: IV, 001 §11.3) on an ordinary fagkode."""
    par = lin.par
    rader = [f for f, _ in lin.teller
             if f.fagkode in par.iop_fagkoder
             or (f.fagmerknad is not None and f.fagmerknad.kode in par.iop_merknader
                 and (Karakter.VO in (f.standpunkt, f.eksamen) or f.standpunkt is Karakter.IV))]
    if not rader:
        return None
    fag = [f"{beskriv_fag(f)}" + (f" med {f.fagmerknad.kode}" if f.fagmerknad else "")
           for f in rader]
    return Kodetreff("A", "Vurdert etter individuell opplæringsplan (enkeltvedtak og IOP) i "
                      f"{_liste(fag)}.", tuple(f.fagkode for f in rader))


@koderegel
def a_grunnleggende_norsk(lin: Linje) -> Kodetreff | None:
    """Ref: 004 generelt — A: «Eleven (med annet morsmål enn norsk og samisk) har ved utgangen
    av skoleåret fortsatt opplæring etter læreplanen for grunnleggende norsk for språklige
    minoriteter/morsmål»; registered as IV with FAM41 (001 §10.2)."""
    rader = [f for f, _ in lin.teller
             if f.fagmerknad is not None and f.fagmerknad.kode in lin.par.grunnleggende_norsk]
    if not rader:
        return None
    return Kodetreff("A", "Eleven har fortsatt opplæring etter læreplanen i grunnleggende norsk for "
                      "språklige minoriteter/morsmål: "
                      f"{_liste(f'{beskriv_fag(f)} med {f.fagmerknad.kode}' for f in rader)}.",
                 tuple(f.fagkode for f in rader))


# --- H for part of a programme area (004 H) ---------------------------------------------------


@koderegel
def h_deltid(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — «Elever som gjennomfører deler av et utdanningsprogram ...: ... valgt kun å
    ta noen fag eller som ikke har behov for heltids-opplæring ... Eleven får fullførtkode H.»"""
    if lin.programomrade.deltid:
        return Kodetreff("H", "Eleven tar bare noen fag eller har ikke fulltidsopplæring på "
                          "programområdet (deltid).")
    return None


@koderegel
def h_voksen_privatist(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — voksne: «Når kandidaten ikke har fullført hele ... settes fullførtkode H»;
    privatister: «Når eksamenskontoret ... ikke har informasjon om privatisten har fullført hele
    ... settes fullførtkode H.»"""
    hele = lin.programomrade.hele_programomradet
    status = lin.mappe.person.status
    if status is Status.PRIVATIST and hele is not True:
        return Kodetreff("H", "Privatist uten informasjon om at hele programområdet er fullført.")
    if status is Status.VOKSEN and hele is not True:
        return Kodetreff("H", "Voksen kandidat uten opplysning om at hele programområdet er "
                          "fullført.")
    if hele is False:
        return Kodetreff("H", "Registrert at hele programområdet ikke er fullført.")
    return None


@koderegel
def h_sluttet_fag(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — «Elever som startet skoleåret med opplæring i alle fag, men som i løpet av
    skoleåret har sluttet i ett eller flere fag ... Eleven har ikke sluttvurdering i faget/-ene
    fra tidligere skoleår. Eleven får fullførtkode H.»"""
    rader = [f.fagkode for f in lin.sluttet if f.fagkode not in lin.fagkoder]
    if not rader:
        return None
    return Kodetreff("H", f"Eleven har sluttet i {_liste(rader)} i løpet av skoleåret og har ikke "
                      "sluttvurdering i faget fra tidligere skoleår.", tuple(rader))


@koderegel
def h_komprimert_ufullstendig(lin: Linje) -> Kodetreff | None:
    """Ref: 004 vg3 — komprimerte løp: «Fullførte koder B, I eller M kan bare settes når alle
    seks fag for generell studiekompetanse er gjennomført.»"""
    if not lin.komprimert:
        return None
    mangler = mangler_gsk(lin)
    if not mangler:
        return None
    return Kodetreff("H", f"Komprimert løp ({lin.programomrade.kode}): B, I eller M settes bare når "
                      "alle seks fag for generell studiekompetanse er gjennomført; det mangler "
                      f"{', '.join(mangler)}.")


@koderegel
def h_ikke_vurdert(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — «har ikke fullført hele utdanningsprogrammet/programområdet og holder
    fortsatt på med opplæringen»; 004 generelt: «hele ... forstås at alle fag ... er tatt».
    A fag row with no assessment (and no FAM12) is not yet taken."""
    uten_karakter = lin.med_utfall(Utfall.INGEN_KARAKTER)
    if not uten_karakter:
        return None if lin.teller else Kodetreff("H", "Ingen fag med vurdering er registrert på "
                                                  "programområdet.")
    ingen = [f for f, _ in uten_karakter
             if not (f.fagmerknad and f.fagmerknad.kode in lin.par.karakter_fores_ikke)]
    if ingen:
        koder = [f.fagkode for f in ingen]
        return Kodetreff("H", f"Ikke fullført hele programområdet: {_liste(koder)} har ingen "
                          "vurdering registrert.", tuple(koder))
    if len(uten_karakter) == len(lin.teller):  # no counted row has an assessment
        return Kodetreff("H", "Ingen fag med vurdering er registrert på programområdet.")
    return None


# --- M, I, B (004 vg1, vg2, vg3; 004 iop for pupils with IOP) -------------------------------


@koderegel
def m_mangler_vurdering(lin: Linje) -> Kodetreff | None:
    """Ref: 004 vg1, 004 vg2, 004 vg3 — M: «Ikke fullført ... fordi personen mangler grunnlag for
    vurdering (IV - ikke vurderingsgrunnlag) i ett eller flere fag ... uten at dette skyldes
    vedtak om individuelt tilrettelagt opplæring og IOP, eller har ikke møtt til eksamen (IM i
    rubrikken for eksamenskarakter).» M precedes I: I is «Fullført og ikke bestått»."""
    iop, vo, mangler = lin.par.iop_merknader, Utfall.IOP, Utfall.MANGLER_VURDERING
    rader = [(f, u) for f, u in lin.teller
             if u is vo  # VO without FAM05 on an ordinary fag: no A (004 iop)
             or (u is mangler and not (f.fagmerknad is not None and f.fagmerknad.kode in iop))]
    if not rader:
        return None
    karakterer = {k for f, _ in rader for k in (f.standpunkt, f.eksamen)}
    hvorfor = " eller ".join(
        t for k, t in ((Karakter.IV, "det mangler grunnlag for vurdering (IV)"),
                       (Karakter.IM, "eleven ikke har møtt til eksamen (IM)"),
                       (Karakter.VO, "VO er ført uten FAM05 på et ordinært fag (004 iop)"))
        if k in karakterer)
    return Kodetreff("M", f"Ikke fullført fordi {hvorfor}: {_grunner(rader)}.", _fagkoder(rader),
                 lin.ark)


@koderegel
def i_ikke_bestatt(lin: Linje) -> Kodetreff | None:
    """Ref: 004 vg1, 004 vg2, 004 vg3 — I: «Fullført ... med stryk (karakteren 1 eller IB - ikke
    bestått) i ett eller flere fag» (with 001 §5.1: standpunkt 1 is passed by an exam of 2 or
    better, not by a tverrfaglig eksamen, 004 vg2 NB)."""
    rader = lin.med_utfall(Utfall.IKKE_BESTATT)
    if not rader:
        return None
    return Kodetreff("I", f"Fullført, men ikke bestått: {_grunner(rader)}.", _fagkoder(rader),
                 lin.ark)


@koderegel
def b_bestatt(lin: Linje) -> Kodetreff | None:
    """Ref: 004 vg1, 004 vg2, 004 vg3 — B: «Fullført ... med beståttkarakterer (karakteren 2-6) i
    alle fag ... (dvs fag med halvårsvurdering med karakter og fag med standpunkt- og eventuell
    eksamenskarakter)»; fritak and fremmedspråk as privatist give B, I or M «i forhold til de
    andre karakterene» (NB)."""
    bestatt = _fagkoder(lin.med_utfall(Utfall.BESTATT))
    tekst = ("Fullført og bestått: det ene faget som teller, er bestått" if len(bestatt) == 1
             else f"Fullført og bestått: alle {len(bestatt)} fag som teller, er bestått")
    if lin.utenfor:
        tekst += "; ikke tatt med: " + "; ".join(
            f"{f.fagkode} ({grunn})" for f, _, grunn in lin.utenfor[:6])
        if len(lin.utenfor) > 6:
            tekst += f"; og {len(lin.utenfor) - 6} til"
    return Kodetreff("B", tekst + ".", bestatt, lin.ark)
