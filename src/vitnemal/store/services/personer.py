"""Persons: a change of fødselsnummer, kept as history, and carried into a new record version."""

from __future__ import annotations

from django.db import transaction

from vitnemal.errors import VitnemalError
from vitnemal.ids import fodselsnummer as fnr_id
from vitnemal.store import hendelser, kjerne, tilgang
from vitnemal.store.models import (
    Elevmappeversjon,
    Fodselsnummerendring,
    Hendelse,
    Person,
)
from vitnemal.store.services.utstedelse import siste_versjon


def nytt_fodselsnummer(bruker, person: Person, nytt: str, *, arsak: str, merknad: str = "",
                       formal: str = "") -> Fodselsnummerendring:
    """Ref: 003 A01 (D-nummer → fødselsnummer, fiktivt → ekte, retting), 001 §2.12 (nytt
    personnummer etter bytte av juridisk kjønn). The old number stays in the history (import of
    a file with the old number is then refused); the latest record gets a new version with the
    new number. Issued documents are not changed (001 §2.12: a new document is issued)."""
    tilgang.krev(bruker, "endre_fodselsnummer", person)
    if arsak not in Fodselsnummerendring.Arsak.values:
        raise VitnemalError(f"ukjent årsak {arsak}; bruk {', '.join(Fodselsnummerendring.Arsak.values)}")
    try:
        nytt = fnr_id.validate(nytt, testdata=person.testdata)
    except fnr_id.InvalidFodselsnummer as exc:
        raise VitnemalError(f"ugyldig fødselsnummer: {exc}") from None
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        if nytt == person.fodselsnummer:
            raise VitnemalError(f"person {person.pk} har allerede dette fødselsnummeret")
        annen = Person.objects.filter(fodselsnummer=nytt).values_list("pk", flat=True).first()
        if annen is not None:
            raise VitnemalError(f"fødselsnummeret tilhører allerede person {annen}")
        endring = Fodselsnummerendring.objects.create(
            person=person, gammelt=person.fodselsnummer, nytt=nytt, arsak=arsak, bruker=bruker,
            merknad=merknad)
        person.fodselsnummer = nytt
        person.save(update_fields=["fodselsnummer"])
        siste = Elevmappeversjon.objects.filter(person=person).exists() and siste_versjon(person)
        if siste:
            data = {**siste.data, "person": {**siste.data["person"], "fodselsnummer": nytt}}
            kjerne.mappe_fra_data(data, testdata=person.testdata,  # still a valid record
                                  navn=f"person {person.pk}")
            Elevmappeversjon.objects.create(
                person=person, skole=siste.skole, versjon=siste.versjon + 1, data=data,
                sha256=kjerne.fingeravtrykk(data), bruker=bruker,
                arsak=f"nytt fødselsnummer: {Fodselsnummerendring.Arsak(arsak).label}")
        hendelser.logg(bruker, Hendelse.Handling.FNR_ENDRET, formal=formal, person=person,
                       arsak=arsak)
    return endring
