"""Weekend and public-holiday flags for derived dates (flagged for review, never moved).

Ref: 000 juli 2023 (the issue: «dates falling on a weekend or a public holiday are flagged
for review, not silently moved»). Norwegian public holidays come from the ``holidays``
library (``country_holidays("NO")``, names in Norwegian); Sundays are weekend, not holidays.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import holidays

from vitnemal.arshjul.model import Flagg


@cache
def _norway(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NO", years=year, language="no")


def helligdag(day: date) -> str | None:
    """The Norwegian name of the public holiday on ``day``, or None.

    >>> helligdag(date(2026, 5, 14))
    'Kristi himmelfartsdag'
    >>> helligdag(date(2026, 5, 13)) is None
    True
    """
    return _norway(day.year).get(day)


def flagg_for(day: date) -> list[Flagg]:
    """Review flags for one date: «lørdag»/«søndag» and/or the holiday's name.

    >>> [f.grunn for f in flagg_for(date(2026, 5, 17))]
    ['søndag', 'Grunnlovsdag']
    """
    result = []
    if day.weekday() == 5:
        result.append(Flagg(dato=day, grunn="lørdag"))
    elif day.weekday() == 6:
        result.append(Flagg(dato=day, grunn="søndag"))
    name = helligdag(day)
    if name:
        result.append(Flagg(dato=day, grunn=name))
    return result
