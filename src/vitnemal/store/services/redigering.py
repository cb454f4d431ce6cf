"""A record edited in the web application becomes a new version (who, when, why), through the
same import service as a file, after the core model has validated it (the loader's messages)."""

from __future__ import annotations

from vitnemal.store import kjerne, tilgang
from vitnemal.store.models import Person
from vitnemal.store.services.importering import Importert, ImportFeil, importer
from vitnemal.store.services.utstedelse import navn as versjonsnavn
from vitnemal.store.services.utstedelse import siste_versjon


def lagre_endring(bruker, person: Person, data: dict, *, arsak: str) -> Importert:
    """Store ``data`` (the edited latest record) as a new version at the record's school.
    Raises ``ImportFeil`` with the loader's Norwegian messages when the model refuses it;
    an unchanged record creates no version."""
    tilgang.krev(bruker, "importere", person)
    if not arsak.strip():
        raise ImportFeil(["skriv hvorfor elevmappen endres (årsak)"])
    siste = siste_versjon(person)
    mappe, problemer = kjerne.valider(data, navn=versjonsnavn(siste), testdata=person.testdata)
    if mappe is None:
        raise ImportFeil([f"{p.sti}{f' ({p.post})' if p.post else ''}: {p.melding}"
                          for p in problemer])
    if mappe.person.fodselsnummer != person.fodselsnummer:
        raise ImportFeil(["fødselsnummeret endres ikke her; bruk «nytt fødselsnummer»"])
    return importer(bruker, [(f"web: {arsak.strip()[:200]}", mappe)], siste.skole,
                    testdata=person.testdata, arsak=arsak.strip()[:300], formal="web")[0]
