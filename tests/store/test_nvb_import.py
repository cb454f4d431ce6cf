"""``vitnemal nvb import``: documents issued by another system into the register — all or
nothing with every problem, the number series moved past every imported number."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.nvb.bygg import annullering, fil, kompetansebevis, vgdoknr, vitnemal
from vitnemal.nvb import les, skriv

from .test_nvb_eksport import TID, nvbskole  # noqa: F401  (fixture)


def _importer(bruker, skole, nvbfil, **kw):
    from vitnemal.store.services import nvb_import

    data = skriv(nvbfil).encode()
    return nvb_import.importer(bruker, les(data), skole, filnavn="annet-system.txt", data=data,
                               testdata=True, **kw)


def _fil():
    # Serials 17 and 4 of 2026: the series must continue at 18.
    v = vitnemal(17)
    k = kompetansebevis(4)
    return fil(v, k)


def test_import_lager_dokumenter_og_flytter_serien(bruker, nvbskole, tmp_path):  # noqa: F811
    from vitnemal.store import kjerne, nummer
    from vitnemal.store.models import Hendelse, NvbLevering, UtstedtDokument
    from vitnemal.store.services import nvb

    r = _importer(bruker, nvbskole, _fil())
    assert sorted(d["nummer"] for d in r.dokumenter) == sorted([vgdoknr(17), vgdoknr(4, bokstav="K")])
    assert r.serier == {f"{nvbskole.orgnr}:2026": 18}
    assert nummer.siste(nvbskole.orgnr, 2026) == 17
    d = UtstedtDokument.objects.get(nummer=vgdoknr(17))
    assert d.tildelt and d.art == "original" and d.utstedt == date(2026, 6, 19)
    assert d.pdf[:5] == b"%PDF-" and d.sha256 == kjerne.sha256(d.pdf)
    dok = kjerne.fra_dict(d.dokument)
    assert dok.navn == "Test Testesen" and dok.koder.lopenummer == 17
    assert Hendelse.objects.filter(handling="utstedt", dokument=d).count() == 1
    # Recorded as delivered by the other system: the next export has nothing new.
    assert NvbLevering.objects.get(pk=r.levering_id).antall_dokumenter == 2
    assert nvb.eksporter(bruker, sti=tmp_path / "x.txt", tidspunkt=TID).tom


def test_alt_eller_ingenting_med_alle_problemer(bruker, nvbskole):  # noqa: F811
    from vitnemal.store.models import Person, UtstedtDokument
    from vitnemal.store.services.nvb_import import NvbImportFeil

    annen = vitnemal(5)
    annen = replace(annen, v=annen.v._replace(orgnr="842872022",
                                              vgdoknr="V842872022202600005"),
                    p=(), f=(), m=())
    tekst = skriv(fil(vitnemal(1), annen)) + "¤F¤V974544482202600001¤XYZ\n"
    from vitnemal.store.services import nvb_import

    with pytest.raises(NvbImportFeil) as e:
        nvb_import.importer(bruker, les(tekst.encode()), nvbskole, filnavn="f", data=b"",
                            testdata=True)
    tekst_ = "\n".join(e.value.problemer)
    assert "842872022" in tekst_ and "linje" in tekst_
    assert len(e.value.problemer) >= 2
    assert UtstedtDokument.objects.count() == 0 and Person.objects.count() == 0


def test_samme_fil_to_ganger_avvises(bruker, nvbskole):  # noqa: F811
    from vitnemal.store.services.nvb_import import NvbImportFeil

    _importer(bruker, nvbskole, _fil())
    with pytest.raises(NvbImportFeil, match="problem"):
        _importer(bruker, nvbskole, _fil())


def test_annullering_i_filen_og_ikke_levert(bruker, nvbskole, tmp_path):  # noqa: F811
    from vitnemal.store.models import Annullering
    from vitnemal.store.services import nvb

    v1, v2 = vitnemal(1), vitnemal(2)
    f = fil(v1, v2, annulleringer=(annullering(v1.vgdoknr, v2.vgdoknr, "KLA"),))
    r = _importer(bruker, nvbskole, f, levert=False)
    a = Annullering.objects.get(dokument__nummer=v1.vgdoknr)
    assert a.arsak == "KLA" and a.erstattet_av.nummer == v2.vgdoknr
    assert r.levering_id is None
    e = nvb.eksporter(bruker, sti=tmp_path / "e.txt", tidspunkt=TID)
    assert e.dokumenter == [v2.vgdoknr]  # v1 is annulled and never reached NVB


def test_utstedelse_etter_import_far_neste_nummer(bruker, nvbskole):  # noqa: F811
    from vitnemal.store.models import Person
    from vitnemal.store.services import importering, utstedelse

    from .test_nvb_eksport import mapper_med, tenor_fnr

    _importer(bruker, nvbskole, _fil())
    [i] = importering.importer(bruker, mapper_med([tenor_fnr(20)]), nvbskole, testdata=True)
    r = utstedelse.utsted(bruker, Person.objects.get(pk=i.person_id), dato=date(2026, 6, 19))
    assert r.nummer.endswith("00018")
