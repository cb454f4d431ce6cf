"""Pure rules: pass rules for a fag row (001 §5.1, §5.2, §5.5) and fullførtkoder (004).

Public API: ``vurder_fag`` (rules.bestatt), ``beregn`` / ``Fullfortkode`` (rules.fullfortkode),
``velg_regelsett`` (rules.regelsett). Rule order and references: docs/fullfortkode.md.
"""

from vitnemal.rules.bestatt import FagVurdering, Utfall, vurder_fag
from vitnemal.rules.fullfortkode import KODER, Fullfortkode, beregn, vurder_linje
from vitnemal.rules.regelsett import Regelsett, alle_regelsett, velg_regelsett

__all__ = [
    "KODER",
    "FagVurdering",
    "Fullfortkode",
    "Regelsett",
    "Utfall",
    "alle_regelsett",
    "beregn",
    "velg_regelsett",
    "vurder_fag",
    "vurder_linje",
]
