"""Readiness checks against the register (``vitnemal arshjul klar``): counts and persons by
name and record id, the NVB checks, exit 1 when a deadline within N days is not met."""

from __future__ import annotations

import json
from datetime import date

from vitnemal.model import Elevmappe

from . import stotte
from .test_cli_register import cli  # noqa: F401  (fixture)
from .test_nvb_eksport import TID, nvbskole, tenor_fnr, utsted_alle  # noqa: F401

DATO = date(2026, 6, 19)


def _kjor(bruker, skole=None):
    from vitnemal.arshjul.klarsjekk import KLARSJEKKER
    from vitnemal.store import klar

    return {r.navn: r for r in klar.kjor(bruker, list(KLARSJEKKER), dato=DATO, skole=skole)}


def _importer(bruker, skole, data: list[dict]):
    from vitnemal.store.services import importering

    return importering.importer(bruker, [(f"e{i}.json", Elevmappe.model_validate(
        d, context={"testdata": True})) for i, d in enumerate(data)], skole, testdata=True)


def _mapper(fnr: list[str]) -> list[dict]:
    data = stotte.mapper(len(fnr))
    for d, f in zip(data, fnr, strict=True):
        d["person"]["fodselsnummer"] = f
    return data


def test_utstedt_levert_og_endret_etter_utstedelse(bruker, nvbskole, tmp_path):  # noqa: F811
    from vitnemal.store.services import nvb

    (a,) = utsted_alle(bruker, nvbskole, [tenor_fnr(30)])
    ikke = _importer(bruker, nvbskole, _mapper([tenor_fnr(31)]))[0]
    r = _kjor(bruker)
    assert [b.person_id for b in r["vitnemal_utstedt"].berorte] == [ikke.person_id]
    assert r["vitnemal_utstedt"].berorte[0].versjon == 1
    assert [b.person_id for b in r["nvb_levert"].berorte] == [a.person_id]
    assert r["klage_ny_eksamen_oppdatert"].antall == 0
    nvb.eksporter(bruker, sti=tmp_path / "l.txt", tidspunkt=TID)
    data = _mapper([tenor_fnr(30)])
    data[0]["person"]["navn"] = "Endret Etter Klage"
    _importer(bruker, nvbskole, data)
    r = _kjor(bruker)
    assert r["nvb_levert"].antall == 0
    [b] = r["klage_ny_eksamen_oppdatert"].berorte
    assert b.person_id == a.person_id and a.nummer in b.detalj and b.versjon == 2
    assert all(tenor_fnr(30) not in x.detalj for x in r["klage_ny_eksamen_oppdatert"].berorte)


def test_karakterer_og_feil(bruker, nvbskole):  # noqa: F811
    data = _mapper([tenor_fnr(32), tenor_fnr(33)])
    fag = data[0]["fag"][-1]
    fag.update(termin="V2026", vurdering="standpunkt")
    fag.pop("standpunkt", None)
    fag.pop("eksamen", None)
    fag.pop("eksamensform", None)
    [a, b] = _importer(bruker, nvbskole, data)
    r = _kjor(bruker)
    [x] = r["karakterer_registrert"].berorte
    assert x.person_id == a.person_id and fag["fagkode"] in x.detalj
    assert a.person_id in {y.person_id for y in r["resultater_ssb"].berorte}
    assert b.person_id not in {y.person_id for y in r["karakterer_registrert"].berorte}
    assert a.person_id in {y.person_id for y in r["dokumenter_uten_feil"].berorte}


def test_klar_fra_kommandolinjen(cli, tmp_path):  # noqa: F811
    from vitnemal.store.services import brukere, skoler

    bruker = brukere.finn("saksbehandler")
    _importer(bruker, skoler.finn(stotte.ORGNR), _mapper([tenor_fnr(34)]))
    rc, out, err = cli("arshjul", "klar", "--dato", "2026-06-20", "--dager", "15")
    assert rc == 1, err
    assert "vitnemal_utstedt: 1 berørt(e)" in out and "frist 2026-07-01 (NVB)" in out
    assert tenor_fnr(34) not in out and tenor_fnr(34)[:6] not in out
    rc, out, _ = cli("arshjul", "klar", "--dato", "2026-08-10", "--dager", "5", "--json")
    data = json.loads(out)
    assert rc == 0 and data["frister"] == []
    assert {s["navn"]: s["antall"] for s in data["sjekker"]}["vitnemal_utstedt"] == 1
