"""A record edited in the web application becomes a new version (who, when, why), through the
same import service as a file, after the core model has validated it (the loader's messages)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from vitnemal.store import kjerne, tilgang
from vitnemal.store.models import Person
from vitnemal.store.services.importering import Importert, ImportFeil, importer
from vitnemal.store.services.utstedelse import navn as versjonsnavn
from vitnemal.store.services.utstedelse import siste_versjon


@dataclass
class Endringsfeil(ImportFeil):
    """Nothing saved; besides the messages, ``steder`` holds ``(sti, melding)`` of each problem
    the model found («$.fag[3].omfang»), so that a form can show it beside its field."""

    steder: list[tuple[str, str]] = field(default_factory=list)


def problemtekst(p) -> str:
    """A loader problem as one line: where («$.fag[3].omfang (fag NOR1267)») and what."""
    return f"{p.sti}{f' ({p.post})' if p.post else ''}: {p.melding}"


def lagre_endring(bruker, person: Person, data: dict, *, arsak: str,
                  grunnlag: int | None = None) -> Importert:
    """Store ``data`` (the edited latest record) as a new version at the record's school.
    Raises ``Endringsfeil`` (an ``ImportFeil``) with the loader's Norwegian messages when the model refuses it;
    an unchanged record creates no version. ``grunnlag``: the version the edit started from;
    when another version has been stored since, nothing is saved (the edit would undo it)."""
    tilgang.krev(bruker, "importere", person)
    with transaction.atomic():
        # Locked as ``importer`` locks it: a save in between is seen here, not overwritten.
        Person.objects.select_for_update().filter(pk=person.pk).first()
        return _lagre(bruker, person, data, arsak=arsak, grunnlag=grunnlag)


def _lagre(bruker, person: Person, data: dict, *, arsak: str, grunnlag: int | None) -> Importert:
    siste = siste_versjon(person)
    if grunnlag is not None and grunnlag != siste.versjon:
        raise Endringsfeil([f"elevmappen er endret (versjon {siste.versjon}) etter at skjemaet "
                          "ble åpnet; åpne skjemaet på nytt og gjør endringen der"])
    mappe, problemer = kjerne.valider(data, navn=versjonsnavn(siste), testdata=person.testdata)
    alle = [] if arsak.strip() else ["skriv hvorfor elevmappen endres (årsak)"]
    if mappe is None:
        alle += [problemtekst(p) for p in problemer]
    if alle:
        raise Endringsfeil(alle, steder=[(p.sti, p.melding) for p in problemer or ()])
    if mappe.person.fodselsnummer != person.fodselsnummer:
        raise Endringsfeil(["fødselsnummeret endres ikke her; bruk «nytt fødselsnummer»"])
    return importer(bruker, [(f"web: {arsak.strip()[:200]}", mappe)], siste.skole,
                    testdata=person.testdata, arsak=arsak.strip()[:300], formal="web")[0]
