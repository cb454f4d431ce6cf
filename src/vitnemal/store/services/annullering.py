"""Annulment (NVB ¤D): reason code, date, caseworker, free text, replaced by. The document
stays in the register, visible as annulled."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from vitnemal.errors import VitnemalError
from vitnemal.store import hendelser, tilgang
from vitnemal.store.models import Annullering, Hendelse, UtstedtDokument


def _ny(bruker, dok: UtstedtDokument, *, arsak: str, dato: date, saksbehandler: str,
        fritekst: str, erstattet_av: UtstedtDokument | None, formal: str) -> Annullering:
    if arsak not in Annullering.Arsak.values:
        raise VitnemalError(f"ukjent årsakskode {arsak}; bruk {', '.join(Annullering.Arsak.values)}")
    if Annullering.objects.filter(dokument=dok).exists():
        raise VitnemalError(f"dokument {dok.nummer} er allerede annullert")
    a = Annullering.objects.create(dokument=dok, dato=dato, arsak=arsak,
                                   saksbehandler=saksbehandler or bruker.username,
                                   fritekst=fritekst, erstattet_av=erstattet_av, bruker=bruker)
    hendelser.logg(bruker, Hendelse.Handling.ANNULLERT, formal=formal,
                   dokument=dok, person=dok.person, arsak=arsak,
                   erstattet_av=erstattet_av.nummer if erstattet_av else "")
    return a


def annuller(bruker, dok: UtstedtDokument, *, arsak: str, dato: date, saksbehandler: str = "",
             fritekst: str = "", erstattet_av: UtstedtDokument | None = None,
             formal: str = "") -> Annullering:
    """Annul ``dok`` with one of NVB's reason codes (KLA klage, FEI feil, NVB, ANN annet)."""
    tilgang.krev(bruker, "annullere", dok)
    if erstattet_av is not None and erstattet_av.person_id != dok.person_id:
        raise VitnemalError("et dokument kan bare erstattes av et dokument for samme person")
    with transaction.atomic():
        return _ny(bruker, dok, arsak=arsak, dato=dato, saksbehandler=saksbehandler,
                   fritekst=fritekst, erstattet_av=erstattet_av, formal=formal)
