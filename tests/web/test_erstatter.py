"""Reissue replacing a document (issue 16): the id from the form is looked up by the issuing
service, only among the person's own documents, with no extra audit read."""

from __future__ import annotations

import pytest

from .conftest import som


def test_annen_persons_dokument_som_erstatter_gir_404(endret):
    from vitnemal.store.models import Annullering, UtstedtDokument

    c = som(endret.brukere["rektor"])
    for annen in (endret.dok_b.pk, 999_999):
        r = c.post(f"/person/{endret.person_a.pk}/utsted/", {"erstatter": annen, "arsak": "KLA"})
        assert r.status_code == 404
        assert endret.dok_b.nummer not in r.content.decode()
    assert not Annullering.objects.exists()
    assert UtstedtDokument.objects.filter(person=endret.person_a).count() == 1


def test_erstatning_logger_bare_personsiden(endret):
    from vitnemal.store.models import Annullering, Hendelse

    rektor = endret.brukere["rektor"]
    for_ = Hendelse.objects.filter(bruker=rektor, handling="lest").count()
    r = som(rektor).post(f"/person/{endret.person_a.pk}/utsted/",
                         {"erstatter": endret.dok_a.pk, "arsak": "KLA"})
    assert r.status_code == 302
    assert Annullering.objects.get(dokument=endret.dok_a).erstattet_av is not None
    assert Hendelse.objects.filter(bruker=rektor, handling="lest").count() == for_ + 1


def test_tjenesten_tar_id_og_sjekker_personen(endret):
    from datetime import date

    from vitnemal.store.services import utstedelse

    with pytest.raises(utstedelse.ErstatterFinnesIkke):
        utstedelse.utsted(endret.brukere["rektor"], endret.person_a, dato=date(2026, 6, 20),
                          erstatter=endret.dok_b.pk)
    r = utstedelse.utsted(endret.brukere["rektor"], endret.person_a, dato=date(2026, 6, 20),
                          erstatter=endret.dok_a.pk, arsak="KLA")
    assert r.status == "utstedt"
