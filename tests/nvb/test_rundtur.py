"""Round trip (issue 15): write → parse → the same model, field by field; and the writer's
output for documents that follow the format facts passes the file-level control with no FEIL.
Synthetic people only (Tenor test numbers, accepted with testdata)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from vitnemal.findings import Alvorlighet
from vitnemal.nvb import kontroller, les, skriv
from vitnemal.nvb.poster import NvbFil

from .strategier import gyldig_fil, vilkarlig_fil

_INNSTILLINGER = settings(max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])


def forskjeller(a: NvbFil, b: NvbFil) -> list[str]:
    """Every field that differs, named by organisation, record and field number."""
    ut = []

    def post(hvor, x, y):
        if type(x) is not type(y):
            ut.append(f"{hvor}: {type(x).__name__} / {type(y).__name__}")
            return
        if x is None:
            return
        for f, vx, vy in zip(type(x).SPEK.felt, x, y, strict=True):
            if vx != vy:
                ut.append(f"{hvor} {f.nr}: {vx!r} != {vy!r}")

    if len(a.organisasjoner) != len(b.organisasjoner):
        return [f"{len(a.organisasjoner)} != {len(b.organisasjoner)} organisasjoner"]
    for i, (oa, ob) in enumerate(zip(a.organisasjoner, b.organisasjoner, strict=True)):
        post(f"org {i} ¤A", oa.post_a(), ob.post_a())
        post(f"org {i} ¤S", oa.skole, ob.skole)
        for j, (da, db) in enumerate(zip(oa.dokumenter, ob.dokumenter, strict=False)):
            post(f"org {i} dok {j} ¤V", da.v, db.v)
            for kode in "pfm":
                ra, rb = getattr(da, kode), getattr(db, kode)
                if len(ra) != len(rb):
                    ut.append(f"org {i} dok {j}: {len(ra)} != {len(rb)} ¤{kode.upper()}")
                for k, (x, y) in enumerate(zip(ra, rb, strict=False)):
                    post(f"org {i} dok {j} ¤{kode.upper()}[{k}]", x, y)
        for k, (x, y) in enumerate(zip(oa.annulleringer, ob.annulleringer, strict=False)):
            post(f"org {i} ¤D[{k}]", x, y)
    return ut


@_INNSTILLINGER
@given(vilkarlig_fil())
def test_format_rundtur_felt_for_felt(fil):
    tekst = skriv(fil)
    lesing = les(tekst.encode("utf-8"))
    assert [p.finding.melding for p in lesing.problemer] == []
    assert forskjeller(fil, lesing.modell) == []
    assert lesing.modell == fil
    assert skriv(lesing.modell) == tekst  # same model, same bytes


@_INNSTILLINGER
@given(gyldig_fil())
def test_gyldige_dokumenter_rundtur_og_ingen_feil(fil):
    lesing = les(skriv(fil).encode("utf-8"))
    assert forskjeller(fil, lesing.modell or NvbFil()) == []
    r = kontroller(lesing, testdata=True, retningslinjer=False)
    feil = [f.finding.melding for f in r.filfunn + tuple(x for d in r.dokumenter for x in d.funn)
            if f.alvorlighet is Alvorlighet.FEIL]
    assert feil == []
    assert len(r.dokumenter) == sum(len(o.dokumenter) for o in fil.organisasjoner)


def test_forskjeller_finner_et_endret_felt():
    from .bygg import fil as lag_fil
    from .bygg import vitnemal

    a = lag_fil(vitnemal(1))
    dok = a.organisasjoner[0].dokumenter[0]
    endret = dok.f[1]._replace(aar=2019)
    b = NvbFil((a.organisasjoner[0].__class__(
        **{**{k: getattr(a.organisasjoner[0], k) for k in ("orgnr", "skolenr", "systemnavn",
                                                           "systemversjon", "tidspunkt")},
           "dokumenter": (type(dok)(dok.v, dok.p, (dok.f[0], endret, *dok.f[2:]), dok.m),)}),))
    assert forskjeller(a, b) == ["org 0 dok 0 ¤F[1] F10: 2024 != 2019"]
