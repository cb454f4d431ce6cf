"""The audit log: who did or read what, when and why. Append-only (database triggers refuse
UPDATE and DELETE); ``detaljer`` never holds a fødselsnummer."""

from __future__ import annotations

from collections.abc import Iterable

from vitnemal.meldinger import FODSELSNUMMER_I_TEKST
from vitnemal.store.models import Hendelse


def _uten_fodselsnummer(verdi) -> None:
    """Refuse details that could carry a fødselsnummer (``meldinger.FODSELSNUMMER_I_TEKST``)."""
    if isinstance(verdi, dict):
        for v in verdi.values():
            _uten_fodselsnummer(v)
    elif isinstance(verdi, list | tuple):
        for v in verdi:
            _uten_fodselsnummer(v)
    elif isinstance(verdi, str) and FODSELSNUMMER_I_TEKST.search(verdi):
        raise ValueError("hendelsesloggen skal ikke inneholde fødselsnummer")


def ny(bruker, handling: str, *, formal: str = "", person=None, dokument=None, skole=None,
       **detaljer) -> Hendelse:
    """An unsaved event (for ``bulk_create``)."""
    _uten_fodselsnummer(detaljer)
    _uten_fodselsnummer(formal)
    return Hendelse(bruker=bruker, brukernavn=bruker.username, handling=handling,
                    formal=formal[:300], person=person, dokument=dokument, skole=skole,
                    detaljer=detaljer)


def logg(bruker, handling: str, **kw) -> Hendelse:
    h = ny(bruker, handling, **kw)
    h.save()
    return h


def logg_mange(hendelser: Iterable[Hendelse]) -> None:
    rader = list(hendelser)
    if len(rader) == 1:
        rader[0].save()  # one INSERT, without the transaction a bulk insert opens
    else:
        Hendelse.objects.bulk_create(rader, batch_size=500)
