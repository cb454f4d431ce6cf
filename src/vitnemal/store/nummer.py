"""Number series: one gapless serial per issuer (orgnr) and year of issue.

Ref: 001 §2.8 — «<V>,<orgnr>, <åååå> og <løpenummer fem siffer> … Løpenummeret genereres
fortløpende og enhver endring av et vitnemål/kompetansebevis eller ny utstedelse krever et nytt
nummer.» V and K share one serial per orgnr and year (docs/decisions.md), so no 18 digits are
ever printed twice.

The counter is django-sequences' row (``sequences_sequence``, name ``dokumentnummer:ORGNR:ÅÅÅÅ``),
advanced inside the caller's transaction, the same one that inserts the document: on
PostgreSQL an ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` whose row lock is held until
commit; on SQLite the transaction began ``BEGIN IMMEDIATE`` and holds the database's write
lock. A rollback takes the number back with the document, so committed documents have no gaps;
a trigger refuses to move a series backwards or delete it (migration 0002).
"""

from __future__ import annotations

from django.db import transaction
from sequences import get_last_value, get_next_values

from vitnemal.errors import VitnemalError

MAKS = 99_999  # «løpenummer fem siffer»


class SerieFull(VitnemalError):
    """The five-digit serial of an orgnr and year is used up."""


def serienavn(orgnr: str, ar: int) -> str:
    return f"dokumentnummer:{orgnr}:{ar:04d}"


def tildel(orgnr: str, ar: int, antall: int = 1) -> range:
    """The next ``antall`` serials; must run inside the transaction that stores the
    documents (their allocation is undone with it)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("nummer.tildel skal kalles i transaksjonen som lagrer dokumentet")
    verdier = get_next_values(antall, serienavn(orgnr, ar))
    if verdier[-1] > MAKS:
        raise SerieFull(f"løpenumrene for {orgnr} i {ar} er brukt opp (høyst {MAKS})")
    return verdier


def siste(orgnr: str, ar: int) -> int:
    """The last serial allocated (0 when none): the basis of a prediction, never a promise."""
    return get_last_value(serienavn(orgnr, ar)) or 0


def sett_neste(orgnr: str, ar: int, neste: int) -> int:
    """Make ``neste`` the next serial (a county moving from another system reserves the
    numbers it issued there). Only forwards; returns the previous last serial."""
    from sequences.models import Sequence

    if not 1 <= neste <= MAKS:
        raise VitnemalError(f"neste løpenummer skal være 1–{MAKS}")
    with transaction.atomic():
        rad, ny = Sequence.objects.select_for_update().get_or_create(
            name=serienavn(orgnr, ar), defaults={"last": neste - 1})
        if ny:
            return 0
        if rad.last > neste - 1:
            raise VitnemalError(f"løpenummer {rad.last} er allerede tildelt for {orgnr} i {ar}; "
                                "neste nummer kan bare flyttes fremover")
        forrige = rad.last
        rad.last = neste - 1
        rad.save(update_fields=["last"])
        return forrige
