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
from operator import attrgetter, itemgetter
from typing import NamedTuple

from vitnemal.model.enums import Karakter, Status
from vitnemal.rules.bestatt import Utfall, beskriv_fag, vurder_fag_husket
from vitnemal.rules.linje import Linje, mangler_gsk


class Kodetreff(NamedTuple):
    """A rule that applies: the code, its explanation and the deciding fag."""

    kode: str
    forklaring: str
    avgjorende_fag: tuple[str, ...] = ()
    ref: str | None = None  # overrides the docstring ref (B, I, M: the line's sheet)


_ny = tuple.__new__


def kodetreff(kode: str, forklaring: str, avgjorende_fag: tuple[str, ...] = (),
          ref: str | None = None) -> Kodetreff:
    """A ``Kodetreff``, built in C (calling a NamedTuple class costs several times more; every
    line ends in one)."""
    return _ny(Kodetreff, (kode, forklaring, avgjorende_fag, ref))


Koderegel = Callable[[Linje], Kodetreff | None]

# Enum members read by every rule call, bound once (attribute access on an Enum class is slow).
_BESTATT, _IKKE_BESTATT, _INGEN_KARAKTER = Utfall.BESTATT, Utfall.IKKE_BESTATT, Utfall.INGEN_KARAKTER
_MANGLER_VURDERING, _IOP = Utfall.MANGLER_VURDERING, Utfall.IOP
_PRIVATIST, _VOKSEN = Status.PRIVATIST, Status.VOKSEN
KODEREGLER: dict[str, Koderegel] = {}
REFS: dict[str, str] = {}
BARE_NAR: dict[str, str | None] = {}
"""Per rule, the attribute path of the ``Linje`` that must be truthy for the rule to apply at
all (``koderegel(bare_nar=...)``), or None; ``fullfortkode._kompiler`` makes C-level getters of
them."""


def koderegel(fn: Koderegel | None = None, *, bare_nar: str | None = None):
    """Register a rule under its function name; its ref is its docstring's ``Ref:`` part.

    ``bare_nar`` («only when») names an attribute path of the ``Linje`` (e.g.
    ``"programomrade.sluttet"``) that must be truthy for the rule to apply at all: the engine
    skips the call when it is falsy, as reading it costs less than calling the rule. The rule
    still checks it itself, so calling a rule directly gives the same answer
    (tests/rules/test_vakter.py checks that no rule applies while its ``bare_nar`` is falsy).
    """
    def registrer(fn: Koderegel) -> Koderegel:
        doc = (fn.__doc__ or "").strip()
        if not doc.startswith("Ref: "):
            raise ValueError(f"{fn.__name__}: docstring must start with 'Ref: '")
        KODEREGLER[fn.__name__] = fn
        REFS[fn.__name__] = doc[5:].split(" — ")[0].strip()
        BARE_NAR[fn.__name__] = bare_nar
        return fn

    return registrer if fn is None else registrer(fn)


_FAG, _FAGKODE = itemgetter(0), attrgetter("fagkode")


def _fagkoder(rader) -> tuple[str, ...]:
    """The fagkoder of (fag, utfall) rows, in order (read in C: B, I and M name every row)."""
    return tuple(map(_FAGKODE, map(_FAG, rader)))


def _liste(fag, maks: int = 6) -> str:
    fag = list(fag)
    tekst = ", ".join(fag[:maks])
    if len(fag) > maks:
        tekst += f" og {len(fag) - maks} til"
    return tekst


def _grunner(rader: list, maks: int = 6) -> str:
    """The pass-rule reasons (``vurder_fag``) of the deciding rows, for the explanation."""
    grunner = [vurder_fag_husket(f).grunn for f, _ in rader[:maks]]
    tekst = "; ".join(grunner)
    if len(rader) > maks:
        tekst += f"; og {len(rader) - maks} fag til"
    return tekst


# --- S, L, K (004 generelt) ------------------------------------------------------------------


@koderegel(bare_nar="programomrade.sluttet")
def s_avbrutt(lin: Linje) -> Kodetreff | None:
    """Ref: 004 generelt — S: «Eleven eller kandidaten (voksne) har, i løpet av skoleåret,
    avbrutt opplæringen på hele utdanningsprogrammet (vg1)/programområdet (vg2 eller vg3).»"""
    if lin.programomrade.sluttet:
        return kodetreff("S", "Avbrutt opplæringen på hele programområdet i løpet av skoleåret "
                          "(programområdet er registrert som sluttet).")
    return None


@koderegel(bare_nar="programomrade.laretid_fullfort")
def l_laerling(lin: Linje) -> Kodetreff | None:
    """Ref: 004 generelt — L: «Lærlingen er ferdig med læretiden, men vedkommende har ikke tatt
    fag-/ svenneprøven.»"""
    p = lin.programomrade
    if p.laretid_fullfort and not p.fagprove_avlagt and lin.mappe.person.status is Status.LAERLING:
        return kodetreff("L", "Lærlingen er ferdig med læretiden, men har ikke tatt "
                          "fag-/svenneprøven.")
    return None


@koderegel(bare_nar="programomrade.laretid_fullfort")
def k_laerekandidat(lin: Linje) -> Kodetreff | None:
    """Ref: 004 generelt — K: «Lærekandidaten er ferdig med læretiden, men vedkommende har ikke
    tatt kompetanseprøven.»"""
    p = lin.programomrade
    if (p.laretid_fullfort and not p.fagprove_avlagt
            and lin.mappe.person.status is Status.LAEREKANDIDAT):
        return kodetreff("K", "Lærekandidaten er ferdig med læretiden, men har ikke tatt "
                          "kompetanseprøven.")
    return None


# --- H for timing (004 H), before A: A needs a completed programme area (004 iop) -----------


@koderegel(bare_nar="programomrade.over_to_ar")
def h_over_to_ar_forste(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — «Elever som tar et utdanningsprogram (vg1)/programområde (vg2 eller vg3)
    over 2 år: 1. året får eleven fullførtkode H.»"""
    if lin.programomrade.over_to_ar == 1:
        return kodetreff("H", "Programområdet tas over to år, og dette er første år; B, I eller M "
                          "settes andre år ut fra begge årene.")
    return None


@koderegel(bare_nar="programomrade.unormalt_skolear")
def h_unormalt_skolear(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — «Elever som går på ... med ‹unormalt› skoleår ...: Ved ‹normal› skoleslutt
    (i juni) får eleven fullførtkode H.»"""
    if lin.programomrade.unormalt_skolear == "underveis":
        return kodetreff("H", "Unormalt skoleår: opplæringen på programområdet var ikke avsluttet "
                          "ved normal skoleslutt; B, I eller M settes når hele programområdet "
                          "er avsluttet.")
    return None


# --- A (004 iop, 004 generelt) ----------------------------------------------------------------


def _iop_rad(f, par, iop_fagkoder) -> bool:
    """Ref: 004 iop — a row that makes A: an IOP fagkode, or VO (before 2025: IV, 001 §11.3)
    with FAM05 on an ordinary fagkode."""
    if f.fagkode in iop_fagkoder:
        return True
    merket = f.fagmerknad is not None and f.fagmerknad.kode in par.iop_merknader
    return merket and (Karakter.VO in (f.standpunkt, f.eksamen) or f.standpunkt is Karakter.IV)


@koderegel(bare_nar="merket")
def a_iop(lin: Linje) -> Kodetreff | None:
    """Ref: 004 iop — «Fullførte kode A skal settes når eleven: * får karakter VO ... på en
    IOP-fagkode og/eller * har ett eller flere fag med offentlig fagkode og karakter VO ... med
    FAM05»; 004 generelt A: «... eller har hatt opplæring på IOP-fagkoder»."""
    if not lin.merket:
        return None  # no IOP fagkode and no fagmerknad (FAM05): no row can make A
    iop_koder = lin.par.iop_fagkoder  # the kodeverk's IOP-fagkoder
    rader = [f for f, _ in lin.teller if _iop_rad(f, lin.par, iop_koder)]
    if not rader:
        return None
    fag = [f"{beskriv_fag(f)}" + (f" med {f.fagmerknad.kode}" if f.fagmerknad else "")
           for f in rader]
    return kodetreff("A", "Vurdert etter individuell opplæringsplan (enkeltvedtak og IOP) i "
                      f"{_liste(fag)}.", tuple(f.fagkode for f in rader))


@koderegel(bare_nar="med_merknad")
def a_grunnleggende_norsk(lin: Linje) -> Kodetreff | None:
    """Ref: 004 generelt — A: «Eleven (med annet morsmål enn norsk og samisk) har ved utgangen
    av skoleåret fortsatt opplæring etter læreplanen for grunnleggende norsk for språklige
    minoriteter/morsmål»; registered as IV with FAM41 (001 §10.2)."""
    if not lin.med_merknad:
        return None
    rader = [f for f in lin.med_merknad if f.fagmerknad.kode in lin.par.grunnleggende_norsk]
    if not rader:
        return None
    return kodetreff("A", "Eleven har fortsatt opplæring etter læreplanen i grunnleggende norsk for "
                      "språklige minoriteter/morsmål: "
                      f"{_liste(f'{beskriv_fag(f)} med {f.fagmerknad.kode}' for f in rader)}.",
                 tuple(f.fagkode for f in rader))


# --- H for part of a programme area (004 H) ---------------------------------------------------


@koderegel(bare_nar="programomrade.deltid")
def h_deltid(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — «Elever som gjennomfører deler av et utdanningsprogram ...: ... valgt kun å
    ta noen fag eller som ikke har behov for heltids-opplæring ... Eleven får fullførtkode H.»"""
    if lin.programomrade.deltid:
        return kodetreff("H", "Eleven tar bare noen fag eller har ikke fulltidsopplæring på "
                          "programområdet (deltid).")
    return None


@koderegel
def h_voksen_privatist(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — voksne: «Når kandidaten ikke har fullført hele ... settes fullførtkode H»;
    privatister: «Når eksamenskontoret ... ikke har informasjon om privatisten har fullført hele
    ... settes fullførtkode H.»"""
    hele = lin.programomrade.hele_programomradet
    status = lin.mappe.person.status
    if status is _PRIVATIST and hele is not True:
        return kodetreff("H", "Privatist uten informasjon om at hele programområdet er fullført.")
    if status is _VOKSEN and hele is not True:
        return kodetreff("H", "Voksen kandidat uten opplysning om at hele programområdet er "
                          "fullført.")
    if hele is False:
        return kodetreff("H", "Registrert at hele programområdet ikke er fullført.")
    return None


@koderegel(bare_nar="sluttet")
def h_sluttet_fag(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — «Elever som startet skoleåret med opplæring i alle fag, men som i løpet av
    skoleåret har sluttet i ett eller flere fag ... Eleven har ikke sluttvurdering i faget/-ene
    fra tidligere skoleår. Eleven får fullførtkode H.»"""
    if not lin.sluttet:
        return None
    rader = [f.fagkode for f in lin.sluttet if f.fagkode not in lin.fagkoder]
    if not rader:
        return None
    return kodetreff("H", f"Eleven har sluttet i {_liste(rader)} i løpet av skoleåret og har ikke "
                      "sluttvurdering i faget fra tidligere skoleår.", tuple(rader))


@koderegel(bare_nar="komprimert")
def h_komprimert_ufullstendig(lin: Linje) -> Kodetreff | None:
    """Ref: 004 vg3 — komprimerte løp: «Fullførte koder B, I eller M kan bare settes når alle
    seks fag for generell studiekompetanse er gjennomført.»"""
    if not lin.komprimert:
        return None
    mangler = mangler_gsk(lin)
    if not mangler:
        return None
    return kodetreff("H", f"Komprimert løp ({lin.programomrade.kode}): B, I eller M settes bare når "
                      "alle seks fag for generell studiekompetanse er gjennomført; det mangler "
                      f"{', '.join(mangler)}.")


@koderegel
def h_ikke_vurdert(lin: Linje) -> Kodetreff | None:
    """Ref: 004 H — «har ikke fullført hele utdanningsprogrammet/programområdet og holder
    fortsatt på med opplæringen»; 004 generelt: «hele ... forstås at alle fag ... er tatt».
    A fag row with no assessment (and no FAM12) is not yet taken."""
    uten_karakter = lin.med_utfall(_INGEN_KARAKTER)
    if not uten_karakter:
        return None if lin.teller else kodetreff("H", "Ingen fag med vurdering er registrert på "
                                                  "programområdet.")
    ingen = [f for f, _ in uten_karakter
             if not (f.fagmerknad and f.fagmerknad.kode in lin.par.karakter_fores_ikke)]
    if ingen:
        koder = [f.fagkode for f in ingen]
        return kodetreff("H", f"Ikke fullført hele programområdet: {_liste(koder)} har ingen "
                          "vurdering registrert.", tuple(koder))
    if len(uten_karakter) == len(lin.teller):  # no counted row has an assessment
        return kodetreff("H", "Ingen fag med vurdering er registrert på programområdet.")
    return None


# --- M, I, B (004 vg1, vg2, vg3; 004 iop for pupils with IOP) -------------------------------


@koderegel
def m_mangler_vurdering(lin: Linje) -> Kodetreff | None:
    """Ref: 004 vg1, 004 vg2, 004 vg3 — M: «Ikke fullført ... fordi personen mangler grunnlag for
    vurdering (IV - ikke vurderingsgrunnlag) i ett eller flere fag ... uten at dette skyldes
    vedtak om individuelt tilrettelagt opplæring og IOP, eller har ikke møtt til eksamen (IM i
    rubrikken for eksamenskarakter).» M precedes I: I is «Fullført og ikke bestått»."""
    if not (lin.med_utfall(_MANGLER_VURDERING) or lin.med_utfall(_IOP)):
        return None
    iop = lin.par.iop_merknader
    mangler, vo = _MANGLER_VURDERING, _IOP
    rader = [(f, u) for f, u in lin.teller
             if (u is mangler and not (f.fagmerknad is not None and f.fagmerknad.kode in iop))
             or u is vo]  # VO without FAM05 on an ordinary fag: no A (004 iop)
    if not rader:
        return None
    karakterer = {k for f, _ in rader for k in (f.standpunkt, f.eksamen)}
    hvorfor = " eller ".join(
        t for k, t in ((Karakter.IV, "det mangler grunnlag for vurdering (IV)"),
                       (Karakter.IM, "eleven ikke har møtt til eksamen (IM)"),
                       (Karakter.VO, "VO er ført uten FAM05 på et ordinært fag (004 iop)"))
        if k in karakterer)
    return kodetreff("M", f"Ikke fullført fordi {hvorfor}: {_grunner(rader)}.", _fagkoder(rader),
                 lin.ark)


@koderegel
def i_ikke_bestatt(lin: Linje) -> Kodetreff | None:
    """Ref: 004 vg1, 004 vg2, 004 vg3 — I: «Fullført ... med stryk (karakteren 1 eller IB - ikke
    bestått) i ett eller flere fag» (with 001 §5.1: standpunkt 1 is passed by an exam of 2 or
    better, not by a tverrfaglig eksamen, 004 vg2 NB)."""
    rader = lin.med_utfall(_IKKE_BESTATT)
    if not rader:
        return None
    return kodetreff("I", f"Fullført, men ikke bestått: {_grunner(rader)}.", _fagkoder(rader),
                 lin.ark)


@koderegel
def b_bestatt(lin: Linje) -> Kodetreff | None:
    """Ref: 004 vg1, 004 vg2, 004 vg3 — B: «Fullført ... med beståttkarakterer (karakteren 2-6) i
    alle fag ... (dvs fag med halvårsvurdering med karakter og fag med standpunkt- og eventuell
    eksamenskarakter)»; fritak and fremmedspråk as privatist give B, I or M «i forhold til de
    andre karakterene» (NB)."""
    bestatt = _fagkoder(lin.med_utfall(_BESTATT))
    tekst = f"Fullført og bestått: alle {len(bestatt)} fag som teller, er bestått"
    if lin.utenfor:
        tekst += "; ikke tatt med: " + "; ".join(
            f"{f.fagkode} ({grunn})" for f, _, grunn in lin.utenfor[:6])
        if len(lin.utenfor) > 6:
            tekst += f"; og {len(lin.utenfor) - 6} til"
    return kodetreff("B", tekst + ".", bestatt, lin.ark)
