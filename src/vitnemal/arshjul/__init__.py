"""VIGO's årshjul (seed 000): data, derivation to other school years, queries and ICS export.

Public API: ``seed_arshjul()``, ``load_arshjul(path)``, ``derive(arshjul, start_year, overrides)``,
``load_overstyring(path, arshjul, skolear)``, ``for_school_year(...)``, ``timeline(...)``,
``write_ics(path, hendelser, stamp, navn)`` and the readiness-check registry ``KLARSJEKKER``.
"""

from vitnemal.arshjul.derive import Datoer, derive
from vitnemal.arshjul.ics import write_ics
from vitnemal.arshjul.klarsjekk import KLARSJEKKER
from vitnemal.arshjul.loader import load_arshjul, seed_arshjul
from vitnemal.arshjul.overstyring import load_overstyring
from vitnemal.arshjul.queries import for_school_year, timeline

__all__ = ["KLARSJEKKER", "Datoer", "derive", "for_school_year", "load_arshjul",
           "load_overstyring", "seed_arshjul", "timeline", "write_ics"]
