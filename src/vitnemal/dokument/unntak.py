"""The FAM37 exception to «alle fag bestått» (001 §9.2, §1.5), decided once per document.

``fam37_unntak`` returns the fagkoder the exception covers and, when the FAM37 rows do not
meet its conditions, a ``Grunn`` per unmet condition. Each ``Grunn`` names the catalogue check
that reports it (``FAM37-YRKESFAG``, ``FAM37-FELLESFAG``, ``FAM37-KARAKTER-1``,
``FAM37-MAKS-TO``; the person's status goes with the document-type reasons), so the checks
report what the decision found instead of deciding again.
"""

from __future__ import annotations

from dataclasses import dataclass

from vitnemal.model import Elevmappe, Fagtype, Karakter, Status

FAM37 = "FAM37"
#: Norskfaget counts as one fag for the FAM37 exception (001 §9.2: «norsk hovedmål skriftlig og
#: norsk hovedmål muntlig (norskfaget) være ett fag»). Fagkoder of norsk start with NOR.
NORSK_PREFIKS = "NOR"


@dataclass(frozen=True, slots=True)
class Grunn:
    """Why a vitnemål cannot be issued: a Norwegian sentence and the paragraph it comes from.

    ``regel`` is the id of the catalogue check that reports it (None: a reason about the whole
    document, reported by DOKUMENTTYPE-GRUNNLAG when a vitnemål is asked for); ``fagkode`` and
    ``indeks`` (the row in ``mappe.fag``) name the fag row it concerns, if any."""

    ref: str
    tekst: str
    fagkode: str | None = None
    regel: str | None = None
    indeks: int | None = None


def antall_fag(fagkoder) -> int:
    """Fag counted for the FAM37 limit: all norsk codes are one fag (001 §9.2)."""
    return len({NORSK_PREFIKS if k.startswith(NORSK_PREFIKS) else k for k in fagkoder})


def fam37_unntak(mappe: Elevmappe, *, studie: bool, yrkes: bool,
                 fagopplaering: bool) -> tuple[tuple[str, ...], list[Grunn]]:
    """Ref: 001 §9.2, §1.5 — «Elever og lærlinger i yrkesfaglige utdanningsprogram som har
    fullført, men ikke bestått inntil to av fellesfagene, kan likevel på visse vilkår få vitnemål
    som gir yrkeskompetanse … Dere kan bare føre fagmerknaden i merknadsrubrikken i inntil to
    fellesfag som har karakteren 1 (en). Eksempelvis vil norsk hovedmål skriftlig og norsk
    hovedmål muntlig (norskfaget) være ett fag. Dette unntaket gjelder ikke for fag med ‹Ikke
    vurderingsgrunnlag› (IV) i karakterrubrikken».

    Exception to «alle fag bestått» (001 §1.1, §5.5), given the sluttkompetanse the lines give
    (``studie``, ``yrkes``, ``fagopplaering``). Returns the fagkoder the exception covers and,
    when the FAM37 rows do not meet its conditions, why (then it covers none). Ikke
    formalisert: the rektor's judgement that the conditions of § 3-42 are met (001 §1.5).
    """
    rader = [(i, f) for i, f in enumerate(mappe.fag)
             if f.fagmerknad and f.fagmerknad.kode == FAM37]
    if not rader:
        return (), []
    problemer: list[Grunn] = []
    if mappe.person.status not in (Status.ELEV, Status.LAERLING):
        problemer.append(Grunn("001 §9.2", "unntaket med FAM37 gjelder bare elever og lærlinger"))
    yrkesfag = (yrkes or fagopplaering) and not studie
    for i, f in rader:
        if not yrkesfag:
            problemer.append(Grunn(
                "001 §9.2", f"FAM37 på {f.fagkode}: unntaket gjelder bare vitnemål i yrkesfaglige "
                "utdanningsprogram (yrkeskompetanse eller bestått fagopplæring)",
                f.fagkode, "FAM37-YRKESFAG", i))
        if f.fagtype is not Fagtype.FF:
            problemer.append(Grunn("001 §9.2", f"FAM37 på {f.fagkode}, som er {f.fagtype.value}, "
                                   "ikke fellesfag", f.fagkode, "FAM37-FELLESFAG", i))
        karakterer = (f.standpunkt, f.eksamen)
        if Karakter.IV in karakterer:
            problemer.append(Grunn("001 §9.2", f"FAM37 på {f.fagkode}: unntaket gjelder ikke fag "
                                   "med IV", f.fagkode, "FAM37-KARAKTER-1", i))
        elif Karakter.K1 not in karakterer:
            problemer.append(Grunn("001 §9.2", f"FAM37 på {f.fagkode}, som ikke har karakteren 1",
                                   f.fagkode, "FAM37-KARAKTER-1", i))
    koder = [f.fagkode for _, f in rader]
    if antall_fag(koder) > 2:
        problemer.append(Grunn("001 §9.2", f"FAM37 er ført i {antall_fag(koder)} fag "
                               f"({', '.join(koder)}); høyst to (norskfaget teller som ett)",
                               regel="FAM37-MAKS-TO"))
    if problemer:
        return (), problemer
    return tuple(koder), []
