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
from typing import NamedTuple

from vitnemal.errors import UnknownRuleSetError
from vitnemal.model.elevmappe import Elevmappe
from vitnemal.model.enums import Niva
from vitnemal.rules.fullfortkode_regler import Variant, variant
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


DEKKEDE_NIVAER = frozenset({Niva.VG1, Niva.VG2, Niva.VG3})
"""Ref: 004 generelt — the levels 004 has rules for (outside komprimerte løp)."""


@cache
def _kompiler(rs: Regelsett) -> tuple[tuple[str, Variant], ...]:
    """The rule set's ordered rule ids with the variant of each that holds on its date
    (``fullfortkode_regler.variant``); an unknown id is a clear error. Once per rule set."""
    regler = tuple((r, variant(r, rs.gyldig_fra)) for r in rs.regler)
    ukjent = [r for r, v in regler if v is None]
    if ukjent:
        raise UnknownRuleSetError(
            f"regelsettet {rs.navn} ({rs.fil}) nevner ukjente regler: {', '.join(ukjent)}")
    return regler


@cache
def _regelsett_for(skolear: str, eksempler: bool = False) -> Regelsett | None:
    """The rule set of a school year, or None when there is none (looked up once per year)."""
    try:
        return velg_regelsett(skolear, eksempler=eksempler)
    except UnknownRuleSetError:
        return None


def vurder_linje(lin: Linje) -> Fullfortkode:
    """Ref: 004 generelt — apply the rule set's rules in order to one line; first match wins."""
    p = lin.programomrade
    omrade, niva, skolear = p.kode, str(p.niva), p.skolear
    if lin.par is None:
        return Fullfortkode(omrade, niva, skolear, kode=None, regel="ingen_regelsett",
                            ref="004 generelt",
                            forklaring=f"Det finnes ingen regler for fullførtkode for skoleåret "
                                       f"{skolear}.")
    rs = lin.par.regelsett
    if p.niva not in DEKKEDE_NIVAER and not lin.komprimert:
        return Fullfortkode(omrade, niva, skolear, kode=None, regel="ikke_dekket",
                            ref="004 generelt",
                            forklaring=f"004 har ingen behandlingsregler for {niva}.",
                            regelsett=rs.navn)
    for regel_id, v in _kompiler(rs):
        treff = v.funksjon(lin)
        if treff is not None:
            return Fullfortkode(omrade, niva, skolear, treff.kode, regel_id, treff.ref or v.ref,
                                treff.forklaring, treff.avgjorende_fag, rs.navn)
    raise AssertionError(f"regelsettet {rs.navn} har ingen regel som alltid gjelder")  # pragma: no cover


def beregn(mappe: Elevmappe, *, skolear: str | None = None,
           eksempler: bool = False) -> list[Fullfortkode]:
    """Ref: 004 generelt — the fullførtkode of every programme area line (in record order), or
    only of the lines of ``skolear``. Asking for a school year without a rule set raises
    ``UnknownRuleSetError``; lines of other years without one get ``kode=None``. ``eksempler``
    lets example rule sets (not from the seeds, ``rules.regelsett``) apply."""
    if skolear is not None:
        skolear_start(skolear)  # validates the form
        velg_regelsett(skolear, eksempler=eksempler)  # a Norwegian error when there is none
    ut = []
    for lin in bygg_linjer(mappe, lambda skolear: _regelsett_for(skolear, eksempler)):
        if skolear is None or lin.programomrade.skolear == skolear:
            ut.append(vurder_linje(lin))
    return ut
