"""Services and selectors of the register against a real database (SQLite, or PostgreSQL
with VITNEMAL_TEST_PG), each test in a rolled-back transaction."""

from __future__ import annotations

from datetime import date

import pytest

from vitnemal.errors import VitnemalError
from vitnemal.io import load_elevmapper
from vitnemal.model import Elevmappe

from . import stotte

DATO = date(2026, 6, 19)


def _mapper(antall: int, start: int = 0) -> list[tuple[str, Elevmappe]]:
    out = []
    for i, data in enumerate(stotte.mapper(antall + start)[start:]):
        out.append((f"elev-{i}.json", Elevmappe.model_validate(data)))
    return out


@pytest.fixture
def personer(bruker, skole):
    from vitnemal.store.models import Person
    from vitnemal.store.services import importering

    ut = importering.importer(bruker, _mapper(4), skole)
    return [Person.objects.get(pk=i.person_id) for i in ut]


def _som_kjernen_lager_det(d) -> None:
    """The stored document is exactly what the core composes and checks for its record
    version, issue date and real number, and the stored PDF is its rendering."""
    from vitnemal.store import kjerne
    from vitnemal.store.services.utstedelse import utstederfakta

    v = d.mappeversjon
    m = kjerne.mappe_fra_data(v.data, testdata=v.person.testdata)
    u = kjerne.forbered(m, utstederfakta(d.skole), dato=d.utstedt, lopenummer=d.lopenummer,
                        maalform=d.maalform)
    assert not u.nektet
    assert kjerne.fra_dict(d.dokument) == u.dokument
    assert kjerne.render_pdf(u.dokument) == bytes(d.pdf)
    assert d.versjoner == kjerne.versjoner()


def _hendelser(handling: str, **filter) -> int:
    from vitnemal.store.models import Hendelse

    return Hendelse.objects.filter(handling=handling, **filter).count()


# --- import ---------------------------------------------------------------------------------

def test_import_lager_versjoner_og_uendret_gir_ingen_ny(bruker, skole):
    from vitnemal.store.models import Elevmappeversjon
    from vitnemal.store.services import importering

    forste = importering.importer(bruker, _mapper(3), skole)
    assert [(i.versjon, i.ny_versjon, i.ny_person) for i in forste] == [(1, True, True)] * 3
    igjen = importering.importer(bruker, _mapper(3), skole)
    assert [(i.versjon, i.ny_versjon) for i in igjen] == [(1, False)] * 3
    assert Elevmappeversjon.objects.count() == 3
    endret = _mapper(1)
    fil, m = endret[0]
    m2 = m.model_copy(update={"orden": None})
    tredje = importering.importer(bruker, [(fil, m2)], skole, arsak="retting av orden")
    assert tredje[0].versjon == 2 and tredje[0].ny_versjon
    v = Elevmappeversjon.objects.get(person_id=tredje[0].person_id, versjon=2)
    assert v.arsak == "retting av orden" and v.bruker == bruker
    assert _hendelser("importert") == 4


def test_import_er_alt_eller_ingenting_med_alle_problemer(bruker, skole):
    from vitnemal.store.models import Elevmappeversjon, Person
    from vitnemal.store.services import importering

    mapper = _mapper(2)
    mapper.append(("kopi.json", mapper[0][1]))  # the same person twice in one run
    with pytest.raises(importering.ImportFeil) as e:
        importering.importer(bruker, mapper, skole)
    assert len(e.value.problemer) == 1 and "kopi.json" in e.value.problemer[0]
    assert stotte.fiktivt_fnr(0) not in e.value.problemer[0]
    assert Person.objects.count() == 0 and Elevmappeversjon.objects.count() == 0


def test_import_med_erstattet_fodselsnummer_avvises(bruker, skole, personer):
    from vitnemal.store.services import importering
    from vitnemal.store.services import personer as ps

    ps.nytt_fodselsnummer(bruker, personer[0], "42059199202", arsak="fiktivt")
    with pytest.raises(importering.ImportFeil) as e:
        importering.importer(bruker, _mapper(2), skole)
    assert "erstattet" in e.value.problemer[0] and f"person {personer[0].pk}" in e.value.problemer[0]


# --- issue ------------------------------------------------------------------------------------

def test_utsted_gir_nummer_pdf_og_hendelse_i_en_transaksjon(bruker, personer):
    from vitnemal.store import kjerne, nummer
    from vitnemal.store.models import UtstedtDokument
    from vitnemal.store.services import utstedelse

    r = utstedelse.utsted(bruker, personer[0], dato=DATO)
    assert r.status == "utstedt"
    d = UtstedtDokument.objects.get(pk=r.dokument_id)
    assert d.nummer == f"{d.type}{stotte.ORGNR}202600001" and d.lopenummer == 1 and d.tildelt
    assert d.dokument["dokumentnummer"] == d.nummer and d.dokument["dato"] == "19.06.2026"
    assert kjerne.sha256(bytes(d.pdf)) == d.sha256
    assert kjerne.render_pdf(kjerne.fra_dict(d.dokument)) == bytes(d.pdf)
    assert d.regelsett_versjon == kjerne.regelsett_versjon()
    _som_kjernen_lager_det(d)
    assert nummer.siste(stotte.ORGNR, 2026) == 1
    assert _hendelser("utstedt", dokument=d, person=personer[0]) == 1


def test_vitnemal_og_kompetansebevis_deler_serie(bruker, personer):
    """001 §2.8 (decisions): one serial per orgnr and year for V and K."""
    from vitnemal.store.services import utstedelse

    numre = [utstedelse.utsted(bruker, p, dato=DATO).nummer for p in personer]
    assert {n[0] for n in numre} == {"V", "K"}
    assert [int(n[-5:]) for n in numre] == [1, 2, 3, 4]


def test_dokument_med_feil_nektes_og_ingen_nummer_brukes(bruker, skole):
    """NVB: FEIL «skal ikke skrives ut»; nothing is allocated."""
    from vitnemal.store import nummer
    from vitnemal.store.models import Person, UtstedtDokument
    from vitnemal.store.services import importering, utstedelse

    res = load_elevmapper([stotte.EKSEMPLER / "nektes"])
    ut = importering.importer(bruker, res.mapper, skole)
    r = utstedelse.utsted(bruker, Person.objects.get(pk=ut[0].person_id), dato=DATO)
    assert r.status == "nektet" and r.feil and all(f.alvorlighet.value == "FEIL" for f in r.feil)
    assert nummer.siste(stotte.ORGNR, 2026) == 0 and not UtstedtDokument.objects.exists()


def test_to_ganger_samme_versjon_hoppes_over(bruker, personer):
    from vitnemal.store.services import utstedelse

    assert utstedelse.utsted(bruker, personer[0], dato=DATO).status == "utstedt"
    r = utstedelse.utsted(bruker, personer[0], dato=DATO)
    assert r.status == "hoppet over" and "allerede utstedt" in r.melding


def test_ny_utstedelse_etter_endring_annullerer_den_gamle(bruker, skole, personer):
    """001 §2.8: «enhver endring … krever et nytt nummer»; NVB ¤D: the old one is annulled."""
    from vitnemal.store.models import UtstedtDokument
    from vitnemal.store.services import importering, utstedelse

    gammel = UtstedtDokument.objects.get(
        pk=utstedelse.utsted(bruker, personer[0], dato=DATO).dokument_id)
    fil, m = _mapper(1)[0]
    rettet = m.model_copy(update={"person": m.person.model_copy(update={"navn": "Rettet Navn"})})
    importering.importer(bruker, [(fil, rettet)], skole)
    r = utstedelse.utsted(bruker, personer[0], dato=DATO)
    assert r.status == "hoppet over" and f"--erstatter {gammel.nummer}" in r.melding
    from vitnemal.store.models import Hendelse

    h = Hendelse.objects.filter(handling="importert", person=personer[0]).order_by("-id")[0]
    assert h.detaljer["navn_endret"] is True and h.detaljer["versjon"] == 2
    r = utstedelse.utsted(bruker, personer[0], dato=DATO, erstatter=gammel, arsak="FEI")
    assert r.status == "utstedt" and r.nummer != gammel.nummer
    gammel.refresh_from_db()
    assert gammel.annullering.erstattet_av.nummer == r.nummer
    assert gammel.annullering.arsak == "FEI"


# --- duplicates, annulment, new fødselsnummer ---------------------------------------------------

def _utstedt(bruker, person):
    from vitnemal.store.models import UtstedtDokument
    from vitnemal.store.services import utstedelse

    return UtstedtDokument.objects.get(pk=utstedelse.utsted(bruker, person,
                                                            dato=DATO).dokument_id)


def test_duplikat_med_uendret_nummer(bruker, personer):
    """001 §2.11 alternative 2: same number, DUPLIKAT, new date and signatures."""
    from vitnemal.store import kjerne
    from vitnemal.store.services import duplikat, skoler

    orig = _utstedt(bruker, personer[0])
    skoler.registrer(bruker, orgnr=stotte.ORGNR, navn="Nordlys videregående skole",
                     sted="Oslo", underskrivere=("Ny Rektor", "Per Avdeling"))
    dup = duplikat.utsted_duplikat(bruker, orig, dato=date(2027, 3, 1))
    assert dup.nummer == orig.nummer and not dup.tildelt and dup.original == orig
    d = kjerne.fra_dict(dup.dokument)
    assert d.duplikat and d.dato == "01.03.2027" and d.underskrivere[0] == "Ny Rektor"
    assert kjerne.render_pdf(d) == bytes(dup.pdf) and dup.versjoner == kjerne.versjoner()
    o = kjerne.fra_dict(orig.dokument)
    assert d.grupper == o.grupper and d.navn == o.navn and d.dokumentnummer == o.dokumentnummer


def test_duplikat_med_nytt_nummer_annullerer_forstegangsvitnemal(bruker, personer):
    """001 §2.11 alternative 3: «Dersom det gjelder et førstegangsvitnemål må det opprinnelige
    førstegangsvitnemålet annulleres.»"""
    from vitnemal.store.services import duplikat

    orig = _utstedt(bruker, personer[0])  # sample 01: a førstegangsvitnemål (VMM06)
    assert orig.forstegangsvitnemal
    dup = duplikat.utsted_duplikat(bruker, orig, dato=date(2027, 3, 1), nytt_nummer=True)
    assert dup.tildelt and dup.nummer == f"V{stotte.ORGNR}202700001"
    orig.refresh_from_db()
    assert orig.annullering.erstattet_av == dup and orig.annullering.arsak == "ANN"
    with pytest.raises(VitnemalError, match="annullert"):
        duplikat.utsted_duplikat(bruker, orig, dato=date(2027, 3, 2))


def test_duplikat_med_nytt_nummer_av_vanlig_vitnemal_annullerer_ikke(bruker, personer):
    from vitnemal.store.models import Annullering
    from vitnemal.store.services import duplikat

    orig = _utstedt(bruker, personer[1])
    assert not orig.forstegangsvitnemal
    duplikat.utsted_duplikat(bruker, orig, dato=date(2027, 3, 1), nytt_nummer=True)
    assert not Annullering.objects.filter(dokument=orig).exists()


def test_annuller_og_dokumentet_blir_synlig_som_annullert(bruker, personer):
    from vitnemal.store import selectors
    from vitnemal.store.services import annullering

    d = _utstedt(bruker, personer[0])
    annullering.annuller(bruker, d, arsak="KLA", dato=date(2026, 8, 1),
                         saksbehandler="Sara Saksbehandler", fritekst="klage tatt til følge")
    linjer = selectors.dokumenter(bruker, person=personer[0])
    assert linjer[0].status == "annullert 2026-08-01 (KLA)"
    with pytest.raises(VitnemalError, match="allerede annullert"):
        annullering.annuller(bruker, d, arsak="FEI", dato=date(2026, 8, 2))
    with pytest.raises(VitnemalError, match="ukjent årsakskode"):
        annullering.annuller(bruker, _utstedt(bruker, personer[1]), arsak="XYZ", dato=DATO)


def test_status_for_original_duplikat_og_erstatning(bruker, personer):
    """001 §2.11–2.12: a duplicate with unchanged number shares its number's fate; an annulled
    document names the number that replaced it. ``statuser`` (one query for a list) and
    ``status`` (one document) say the same."""
    from vitnemal.store import selectors
    from vitnemal.store.models import UtstedtDokument
    from vitnemal.store.services import annullering, duplikat

    orig = _utstedt(bruker, personer[1])
    dup = duplikat.utsted_duplikat(bruker, orig, dato=date(2027, 3, 1))
    annen = _utstedt(bruker, personer[2])
    ny = duplikat.utsted_duplikat(bruker, annen, dato=date(2027, 3, 1), nytt_nummer=True)
    alle = list(UtstedtDokument.objects.filter(pk__in=[orig.pk, dup.pk, annen.pk, ny.pk]))
    assert selectors.statuser(alle) == {d.pk: ("gyldig", "") for d in alle}
    annullering.annuller(bruker, orig, arsak="KLA", dato=date(2027, 4, 1), fritekst="klage")
    annullering.annuller(bruker, annen, arsak="FEI", dato=date(2027, 4, 2), fritekst="feil",
                         erstattet_av=ny)
    statuser = selectors.statuser(alle)
    assert statuser[orig.pk] == ("annullert 2027-04-01 (KLA)", "")
    assert statuser[dup.pk] == ("annullert 2027-04-01 (KLA), nummeret", "")
    assert statuser[annen.pk] == ("annullert 2027-04-02 (FEI)", ny.nummer)
    assert statuser[ny.pk] == ("gyldig", "")
    for d in alle:
        assert selectors.status(d) == statuser[d.pk]


def test_nytt_fodselsnummer_etter_kjonnsbytte_gir_nytt_dokument(bruker, personer):
    """001 §2.12: new fødselsnummer and number, not a duplicate; the old one is annulled."""
    from vitnemal.store import kjerne
    from vitnemal.store.models import Elevmappeversjon
    from vitnemal.store.services import duplikat
    from vitnemal.store.services import personer as ps

    orig = _utstedt(bruker, personer[0])
    with pytest.raises(VitnemalError, match="bytte av juridisk kjønn"):
        duplikat.nytt_fnr_dokument(bruker, orig, dato=date(2027, 1, 10))
    ps.nytt_fodselsnummer(bruker, personer[0], "42059199202", arsak="kjonn")
    assert Elevmappeversjon.objects.filter(person=personer[0]).count() == 2
    ny = duplikat.nytt_fnr_dokument(bruker, orig, dato=date(2027, 1, 10))
    d = kjerne.fra_dict(ny.dokument)
    assert d.fodselsnummer == "42059199202" and not d.duplikat
    assert ny.nummer == f"V{stotte.ORGNR}202700001" and ny.art == "nytt-fnr"
    orig.refresh_from_db()
    assert orig.annullering.erstattet_av == ny


def test_fodselsnummer_historikk_og_oppslag(bruker, personer):
    from vitnemal.store import selectors
    from vitnemal.store.services import personer as ps

    gammelt = personer[0].fodselsnummer
    ps.nytt_fodselsnummer(bruker, personer[0], "42059199202", arsak="d-til-f")
    assert selectors.finn_person(bruker, gammelt) == personer[0]
    assert selectors.finn_person(bruker, "42059199202") == personer[0]
    with pytest.raises(VitnemalError, match="tilhører allerede person"):
        ps.nytt_fodselsnummer(bruker, personer[1], "42059199202", arsak="retting")
    with pytest.raises(VitnemalError, match="ugyldig fødselsnummer"):
        ps.nytt_fodselsnummer(bruker, personer[1], "12345678901", arsak="retting")


# --- numbers ----------------------------------------------------------------------------------

def test_neste_nummer_for_fylke_som_flytter(bruker, skole, personer):
    """A county moving from another system: the numbers it issued there are never issued."""
    from vitnemal.store.services import skoler, utstedelse

    skoler.sett_neste_nummer(bruker, skole, 2026, 1234)
    assert utstedelse.utsted(bruker, personer[0], dato=DATO).nummer.endswith("01234")
    with pytest.raises(VitnemalError, match="bare flyttes fremover"):
        skoler.sett_neste_nummer(bruker, skole, 2026, 10)
    assert utstedelse.utsted(bruker, personer[1], dato=DATO).nummer.endswith("01235")


def test_serien_er_full_etter_99999(bruker, skole, personer):
    from vitnemal.store import nummer
    from vitnemal.store.models import UtstedtDokument
    from vitnemal.store.services import skoler, utstedelse

    skoler.sett_neste_nummer(bruker, skole, 2026, 99999)
    assert utstedelse.utsted(bruker, personer[0], dato=DATO).nummer.endswith("99999")
    with pytest.raises(nummer.SerieFull):
        utstedelse.utsted(bruker, personer[1], dato=DATO)
    assert UtstedtDokument.objects.count() == 1


def test_tildeling_krever_transaksjon(db):
    from django.db import transaction

    from vitnemal.store import nummer

    # the test itself runs in a transaction; outside one the allocation refuses
    conn = transaction.get_connection()
    assert conn.in_atomic_block
    nummer.tildel(stotte.ORGNR, 2030)
    conn.in_atomic_block, gammel = False, conn.in_atomic_block
    try:
        with pytest.raises(RuntimeError):
            nummer.tildel(stotte.ORGNR, 2030)
    finally:
        conn.in_atomic_block = gammel


# --- immutability -------------------------------------------------------------------------------

def _avvist(sql: str, params=()):
    from django.db import DatabaseError, connection, transaction

    with pytest.raises(DatabaseError, match="vitnemal"), transaction.atomic(), \
            connection.cursor() as c:
        c.execute(sql, params)


def test_utstedte_dokumenter_og_hendelser_kan_ikke_endres_eller_slettes(bruker, personer):
    from django.db import DatabaseError, transaction

    from vitnemal.store.models import Hendelse, UtstedtDokument

    d = _utstedt(bruker, personer[0])
    _avvist("UPDATE store_utstedtdokument SET sha256 = 'x' WHERE id = %s", [d.pk])
    _avvist("DELETE FROM store_utstedtdokument WHERE id = %s", [d.pk])
    _avvist("UPDATE store_hendelse SET formal = 'x'")
    _avvist("DELETE FROM store_hendelse")
    _avvist("UPDATE store_elevmappeversjon SET arsak = 'x'")
    _avvist("DELETE FROM store_elevmappeversjon")
    with pytest.raises(DatabaseError), transaction.atomic():
        UtstedtDokument.objects.filter(pk=d.pk).update(utstedt=date(2020, 1, 1))
    with pytest.raises(DatabaseError), transaction.atomic():
        Hendelse.objects.all().delete()
    d.refresh_from_db()
    assert d.utstedt == DATO


def test_nummerserien_kan_ikke_ga_bakover(bruker, personer):
    _utstedt(bruker, personer[0])
    _avvist("UPDATE sequences_sequence SET last = 0")
    _avvist("DELETE FROM sequences_sequence")


# --- audit and access ---------------------------------------------------------------------------

def test_lesing_av_personopplysninger_logges_uten_fodselsnummer(bruker, personer):
    from vitnemal.store import selectors
    from vitnemal.store.models import Hendelse

    d = _utstedt(bruker, personer[0])
    for_ = Hendelse.objects.filter(handling="lest").count()
    selectors.dokumenter(bruker, formal="kontroll")
    selectors.dokument(bruker, d.nummer, formal="vis")
    selectors.dokument(bruker, d.nummer, pdf=True, formal="pdf til elev")
    nye = list(Hendelse.objects.filter(handling__in=["lest", "pdf-lest"]).order_by("id")[for_:])
    assert len(nye) == 3 and [h.formal for h in nye] == ["kontroll", "vis", "pdf til elev"]
    assert all(h.brukernavn == "saksbehandler" and h.person_id == personer[0].pk for h in nye)
    for h in Hendelse.objects.all():
        assert personer[0].fodselsnummer not in str(h.detaljer) + h.formal


def test_hendelse_med_fodselsnummer_avvises(bruker):
    from vitnemal.store import hendelser

    with pytest.raises(ValueError):
        hendelser.ny(bruker, "lest", formal="oppslag på 54030799203")
    with pytest.raises(ValueError):
        hendelser.ny(bruker, "lest", data={"x": ["54030799203"]})


def test_bruker_uten_tilgang_avvises(db, personer):
    from django.contrib.auth.models import User

    from vitnemal.store import selectors, tilgang
    from vitnemal.store.services import utstedelse

    gjest = User.objects.create(username="gjest")
    with pytest.raises(tilgang.IngenTilgang, match="gjest har ikke tilgang til å utstede"):
        utstedelse.utsted(gjest, personer[0], dato=DATO)
    with pytest.raises(tilgang.IngenTilgang):
        selectors.dokumenter(gjest)
    inaktiv = User.objects.create(username="sluttet", is_active=False)
    assert not tilgang.har(inaktiv, "lese")


# --- verification -------------------------------------------------------------------------------

def _uten_vern(sql: str, params):
    """Change a stored row the way someone with direct database access could: around the
    triggers (rolled back with the test)."""
    from django.db import connection

    with connection.cursor() as c:
        if connection.vendor == "sqlite":
            c.execute("DROP TRIGGER IF EXISTS store_utstedtdokument_ingen_update")
            c.execute(sql, params)
        else:
            c.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks before ALTER
            c.execute("ALTER TABLE store_utstedtdokument DISABLE TRIGGER USER")
            c.execute(sql, params)
            c.execute("ALTER TABLE store_utstedtdokument ENABLE TRIGGER USER")


def test_verifiser_finner_endrede_pdf_byter(bruker, personer):
    from vitnemal.store import verifisering

    a = _utstedt(bruker, personer[0])
    b = _utstedt(bruker, personer[1])
    antall, avvik = verifisering.verifiser(bruker)
    assert antall == 2 and avvik == []
    pdf = bytearray(bytes(a.pdf))
    pdf[len(pdf) // 2] ^= 0x01
    _uten_vern("UPDATE store_utstedtdokument SET pdf = %s WHERE id = %s", [bytes(pdf), a.pk])
    antall, avvik = verifisering.verifiser(bruker)
    assert [(x.nummer, "SHA-256" in x.feil) for x in avvik] == [(a.nummer, True)]
    # PDF and hash replaced together: the re-rendering does not match
    import hashlib

    _uten_vern("UPDATE store_utstedtdokument SET pdf = %s, sha256 = %s WHERE id = %s",
               [bytes(pdf), hashlib.sha256(bytes(pdf)).hexdigest(), b.pk])
    _, avvik = verifisering.verifiser(bruker, nummer=b.nummer)
    assert len(avvik) == 1 and "ny gjengivelse" in avvik[0].feil


# --- masseutstedelse ----------------------------------------------------------------------------

def test_masseutstedelse_over_to_prosesser_med_forutsagte_nummer(bruker, skole, personer):
    """All ready persons of the school; the predicted numbers come true (one issuer), so no
    PDF is rendered inside the lock, and a second run finds nobody ready."""
    from vitnemal.store import masse
    from vitnemal.store.models import UtstedtDokument

    versjoner = masse.klare_versjoner(skole)
    assert len(versjoner) == 4
    linjer = []
    res, tider = masse.masseutsted(bruker, skole, versjoner, dato=DATO, jobber=2, bit=3,
                                   fremdrift=linjer.extend)
    assert [r.status for r in res] == ["utstedt"] * 4 and len(linjer) == 4
    assert sorted(int(r.nummer[-5:]) for r in res) == [1, 2, 3, 4]
    assert tider.pdf_i_las == 0 and tider.sjekk > 0 and tider.pdf > 0
    for d in UtstedtDokument.objects.all():
        assert d.dokument["dokumentnummer"] == d.nummer
        _som_kjernen_lager_det(d)
    assert masse.klare_versjoner(skole) == []


def test_forutsigelse_som_slar_feil_komponeres_og_gjengis_i_lasen(bruker, skole, personer):
    """Another issuer took the predicted number between check and storage: the document is
    checked and composed again with the real number, rendered again inside the transaction,
    and stored exactly as the core composes it."""
    from vitnemal.store import kjerne, masse
    from vitnemal.store.models import UtstedtDokument
    from vitnemal.store.services import utstedelse

    versjoner = masse.klare_versjoner(skole)
    dok, _ = utstedelse.klargjor(versjoner[0], dato=DATO, lopenummer=7)
    assert dok.dokumentnummer.endswith("00007")
    k = utstedelse.Kandidat(versjoner[0], 7, kjerne.som_dict(dok), pdf=kjerne.render_pdf(dok))
    tider = utstedelse.Tider()
    r = utstedelse.lagre_originaler(bruker, skole, [k], dato=DATO, tider=tider)[0]
    d = UtstedtDokument.objects.get(pk=r.dokument_id)
    assert d.lopenummer == 1 and tider.pdf_i_las == 1
    assert d.dokument["dokumentnummer"] == d.nummer and d.nummer.endswith("00001")
    _som_kjernen_lager_det(d)


def test_nektet_i_masse_gir_ingen_hull(bruker, skole, personer):
    """A refused record allocates nothing: the documents after it, predicted with the serials
    it would have had, move down into the hole (gapless), each stored as the core composes
    it."""
    from vitnemal.store import masse
    from vitnemal.store.models import Person, UtstedtDokument
    from vitnemal.store.services import importering

    res = load_elevmapper([stotte.EKSEMPLER / "nektes"])
    nektet = Person.objects.get(pk=importering.importer(bruker, res.mapper[:1], skole)[0].person_id)
    versjoner = masse.klare_versjoner(skole)
    versjoner.sort(key=lambda v: v.person_id != nektet.pk)  # the refused one first
    res, tider = masse.masseutsted(bruker, skole, versjoner, dato=DATO, jobber=2, bit=3)
    assert [r.status for r in res].count("nektet") == 1
    assert sorted(int(r.nummer[-5:]) for r in res if r.status == "utstedt") == [1, 2, 3, 4]
    assert tider.pdf_i_las >= 1
    for d in UtstedtDokument.objects.all():
        _som_kjernen_lager_det(d)


def test_skolear_velger_elevmapper(bruker, skole, personer):
    from vitnemal.store import masse

    alle = masse.klare_versjoner(skole)
    aar = {p["skolear"] for v in alle for p in v.data["programomrader"]}
    et = sorted(aar)[-1]
    valgt = masse.klare_versjoner(skole, skolear=et)
    assert 0 < len(valgt) <= len(alle)
    assert all(any(p["skolear"] == et for p in v.data["programomrader"]) for v in valgt)
    assert masse.klare_versjoner(skole, skolear="1990-1991") == []


def test_lagret_elevmappe_som_ikke_lenger_er_gyldig_nektes_uten_unntak(bruker, skole, personer):
    """A stored version today's model refuses (e.g. a code withdrawn) is refused with the
    loader's message, naming the person id, never the fødselsnummer; nothing is allocated."""
    from vitnemal.store import masse, nummer
    from vitnemal.store.models import Elevmappeversjon
    from vitnemal.store.services import utstedelse

    v = Elevmappeversjon.objects.filter(person=personer[0]).get()
    data = {**v.data, "orden": "XX"}
    Elevmappeversjon.objects.create(person=personer[0], skole=skole, versjon=2, data=data,
                                    sha256="-", bruker=bruker, arsak="test")
    r = utstedelse.utsted(bruker, personer[0], dato=DATO)
    assert r.status == "nektet" and r.feil[0].regel == "REGISTER-MAPPE-UGYLDIG"
    assert f"person {personer[0].pk} versjon 2" in r.feil[0].melding
    assert "$.orden" in r.feil[0].melding
    assert personer[0].fodselsnummer not in r.feil[0].melding
    res, _ = masse.masseutsted(bruker, skole, masse.klare_versjoner(skole), dato=DATO, jobber=1)
    assert sorted(x.status for x in res) == ["nektet", "utstedt", "utstedt", "utstedt"]
    assert nummer.siste(stotte.ORGNR, 2026) == 3


def test_fordel_beholder_forutsagte_nummer_og_fyller_hull(db):
    """Documents keep the serial they were composed with when it was allocated; only the
    displaced ones take the rest, in order (gapless)."""
    from vitnemal.store.services.utstedelse import fordel

    assert fordel([5, 6, 7], range(5, 8)) == [5, 6, 7]  # one issuer: nothing changes
    assert fordel([6, 7, 8], range(5, 8)) == [6, 7, 5]  # a refusal before: the last moves down
    assert fordel([1, 2, 3], range(9, 12)) == [9, 10, 11]  # another issuer took 1–8
    assert fordel([4, 4, 5], range(4, 7)) == [4, 6, 5]  # never one serial twice
