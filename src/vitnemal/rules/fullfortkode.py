"""Fullførtkoder (B, I, M, A, H, S, L, K) per programme area line, with their explanation (004).

``beregn(mappe)`` gives one ``Fullfortkode`` per programme area line: the code, the rule that
set it (a stable id), the sheet of 004 it comes from, a Norwegian sentence naming the deciding
fag and grades, and those fag. The rule set is chosen by the line's school year
(``rules.regelsett``); its YAML lists the rules in precedence order and the first rule that
applies decides (``rules.fullfortkode_regler``).

>>> from vitnemal.rules.regelsett import velg_regelsett
>>> velg_regelsett("2025-2026").regler[:3]
('s_avbrutt', 'l_laerling', 'k_laerekandidat')
"""

from __future__ import annotations

from functools import cache
from operator import attrgetter
from typing import NamedTuple

from vitnemal.errors import UnknownRuleSetError
from vitnemal.model.elevmappe import Elevmappe
from vitnemal.model.enums import Niva
from vitnemal.rules.fullfortkode_regler import BARE_NAR, KODEREGLER, REFS, Koderegel
from vitnemal.rules.linje import Linje, bygg_linjer
from vitnemal.rules.regelsett import Regelsett, skolear_start, velg_regelsett

KODER = {
    "B": "Fullført og bestått",
    "I": "Fullført og ikke bestått",
    "M": "Ikke fullført pga. mangler grunnlag for vurdering",
    "A": "Vurdert etter individuell opplæringsplan / planlagt lavere sluttkompetanse",
    "H": "Holder fortsatt på med opplæringen eller er deltidselev",
    "S": "Avbrutt opplæringen i løpet av skoleåret",
    "L": "Fullført læretiden (lærling), ikke tatt fag-/svenneprøven",
    "K": "Fullført læretiden (lærekandidat), ikke tatt kompetanseprøven",
}
"""Ref: 004 generelt — «GYLDIGE FULLFØRTKODER» (short Norwegian names)."""


class Fullfortkode(NamedTuple):
    """The fullførtkode of one programme area line and why (immutable).

    ``kode`` is None only when no rule set covers the line's school year (``regel`` is then
    ``ingen_regelsett``) or when 004 has no rules for the level (vg4/vg5: ``ikke_dekket``).
    A NamedTuple rather than a frozen dataclass: one is made per line of every record, and a
    tuple is built in C.
    """

    programomrade: str
    niva: str
    skolear: str
    kode: str | None
    regel: str
    ref: str
    forklaring: str
    avgjorende_fag: tuple[str, ...] = ()
    regelsett: str | None = None

    @property
    def kodenavn(self) -> str:
        return KODER.get(self.kode or "", "")

    def as_dict(self) -> dict:
        d = self._asdict()
        d["avgjorende_fag"] = list(self.avgjorende_fag)
        d["kodenavn"] = self.kodenavn
        return d


class _Kompilert(NamedTuple):
    regler: tuple[tuple[Koderegel, object], ...]  # (function, guard or None), in precedence order
    refs: tuple[str, ...]  # index-aligned docstring refs
    alle: range  # the indices of every rule
    uten_vakt: tuple[int, ...]  # the indices of the rules without a guard
    vakter: object  # one C-level getter of every guard of the rule set, as a tuple, or None


@cache
def _kompiler(rs: Regelsett) -> _Kompilert:
    """The rule set's ordered rule ids resolved to (function, guard) (see
    ``fullfortkode_regler.regel``), their docstring refs and its guards read at once; an
    unknown id is a clear error. Compiled once per rule set."""
    ukjent = [r for r in rs.regler if r not in KODEREGLER]
    if ukjent:
        raise UnknownRuleSetError(
            f"regelsettet {rs.navn} ({rs.fil}) nevner ukjente regler: {', '.join(ukjent)}")
    regler = tuple((KODEREGLER[r], attrgetter(BARE_NAR[r]) if BARE_NAR[r] else None)
                   for r in rs.regler)
    stier = tuple(dict.fromkeys(BARE_NAR[r] for r in rs.regler if BARE_NAR[r]))
    vakter = None
    if len(stier) > 1:
        vakter = attrgetter(*stier)  # a tuple of the guards' values
    elif stier:  # attrgetter of one path gives the value itself
        vakt = attrgetter(stier[0])
        vakter = lambda lin: (vakt(lin),)  # noqa: E731
    return _Kompilert(regler, tuple(REFS[r] for r in rs.regler), range(len(regler)),
                      tuple(i for i, (_, vakt) in enumerate(regler) if vakt is None), vakter)


@cache
def _regelsett_eller_none(skolear: str) -> Regelsett | None:
    try:
        return velg_regelsett(skolear)
    except UnknownRuleSetError:
        return None


_ny = tuple.__new__  # Fullfortkode from all its fields, built in C (one per line of every record)
_NIVAER = frozenset({Niva.VG1, Niva.VG2, Niva.VG3})
_NIVA_TEKST = {n: n.value for n in Niva}


def vurder_linje(lin: Linje) -> Fullfortkode:
    """Ref: 004 generelt — apply the rule set's rules in order to one line; first match wins."""
    p = lin.programomrade
    omrade, niva_enum, skolear = p.kode, p.niva, p.skolear
    niva = _NIVA_TEKST[niva_enum]
    if lin.par is None:
        return Fullfortkode(omrade, niva, skolear, kode=None, regel="ingen_regelsett",
                            ref="004 generelt",
                            forklaring=f"Det finnes ingen regler for fullførtkode for skoleåret "
                                       f"{skolear}.")
    rs = lin.par.regelsett
    if niva_enum not in _NIVAER and not lin.komprimert:
        return Fullfortkode(omrade, niva, skolear, kode=None, regel="ikke_dekket",
                            ref="004 generelt",
                            forklaring=f"004 har ingen behandlingsregler for {niva}.",
                            regelsett=rs.navn)
    k = _kompiler(rs)
    regler = k.regler
    # When every guard of the rule set is falsy (the common line), only the unguarded rules can
    # apply: read all guards at once instead of one per rule.
    for i in k.uten_vakt if k.vakter is None or not any(k.vakter(lin)) else k.alle:
        fn, bare_nar = regler[i]
        if bare_nar is not None and not bare_nar(lin):
            continue  # the rule cannot apply (``koderegel(bare_nar=...)``)
        treff = fn(lin)
        if treff is not None:
            return _ny(Fullfortkode, (omrade, niva, skolear, treff.kode, rs.regler[i],
                                      treff.ref or k.refs[i], treff.forklaring,
                                      treff.avgjorende_fag, rs.navn))
    raise AssertionError(f"regelsettet {rs.navn} har ingen regel som alltid gjelder")  # pragma: no cover


def beregn(mappe: Elevmappe, *, skolear: str | None = None) -> list[Fullfortkode]:
    """Ref: 004 generelt — the fullførtkode of every programme area line (in record order), or
    only of the lines of ``skolear``. Asking for a school year without a rule set raises
    ``UnknownRuleSetError``; lines of other years without one get ``kode=None``."""
    if skolear is not None:
        skolear_start(skolear)  # validates the form
        velg_regelsett(skolear)  # raises UnknownRuleSetError with a Norwegian message
    ut = []
    for lin in bygg_linjer(mappe, _regelsett_eller_none):
        if skolear is None or lin.programomrade.skolear == skolear:
            ut.append(vurder_linje(lin))
    return ut
