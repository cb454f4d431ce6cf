"""Property-based fuzzing of the loader and every command (issue 12, «Fuzzing in the suite»).

Mutated sample elevmapper (byte-level damage and nasty values put into the record) and random
bytes go to the loader and, in process through ``vitnemal.cli.main``, to every command; random
option values go to the commands that take no files. Each run must end with exit status 0, 1
or 2, no exception, a message naming the file when it fails, and bounded output. The number of
examples is bounded so that this module runs in seconds (``FUZZ_EKSEMPLER`` raises it for a
longer local run: ``FUZZ_EKSEMPLER=2000 python -m pytest tests/fuzz``).
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from vitnemal.cli import main
from vitnemal.io.load import load_elevmappe, validate_data
from vitnemal.meldinger import MAKS_MELDING

ROOT = Path(__file__).resolve().parents[2]
EKSEMPLER = sorted(p for p in (ROOT / "eksempler").iterdir() if p.suffix in (".json", ".yaml"))
POSTER = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in EKSEMPLER]
GANGER = int(os.environ.get("FUZZ_EKSEMPLER", "1"))
DATO = ["--dato", "2026-06-20"]
MAKS_UTDATA = 200_000


def _innstillinger(n: int):
    return settings(max_examples=n * GANGER, deadline=None, derandomize=GANGER == 1,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])


# --- what is fed in -------------------------------------------------------------------------------

def _stier(obj, prefix=()):
    """Every path into a record (keys and list indexes)."""
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _stier(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _stier(v, (*prefix, i))


def _skad(data, draw, verdier) -> None:
    """Replace the values at one to four random paths of ``data`` by values drawn from
    ``verdier`` (each a fresh copy, so that no two places share a list)."""
    for _ in range(draw(st.integers(1, 4))):
        sti = draw(st.sampled_from(list(_stier(data))[1:]))
        mal = data
        for del_ in sti[:-1]:
            mal = mal[del_]
        mal[sti[-1]] = copy.deepcopy(draw(verdier))


NASTY = st.sampled_from([
    None, True, False, 0, -1, 10**40, 2**63, float("nan"), float("inf"), -0.0, 1e308, "",
    " ", "\x00", "\u202e", "\ud800", "\U0001F600", "x" * 5000, "9" * 5000, "2026-13-01",
    "V2026", "VO", "IOP1000", "FAM01", "VMM06", "vg3", "G", [], {}, [[[[[]]]]],
    {"a": {"b": {"c": {}}}}, ["x"] * 50,
])



@st.composite
def skadet_post(draw) -> tuple[str, bytes]:
    """A sample elevmappe with values replaced by nasty ones, written as JSON or YAML."""
    data = copy.deepcopy(draw(st.sampled_from(POSTER)))
    _skad(data, draw, NASTY)
    if draw(st.booleans()):
        tekst = json.dumps(data, ensure_ascii=draw(st.booleans()))
        return "json", tekst.encode("utf-8", "surrogatepass")
    try:
        return "yaml", yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass")
    except yaml.YAMLError:  # PyYAML cannot write every value (a lone surrogate)
        return "json", json.dumps(data).encode("utf-8")  # ensure_ascii: \\ud800


@st.composite
def skadde_byte(draw) -> tuple[str, bytes]:
    """A sample file with bytes inserted, removed, replaced or repeated."""
    kilde = draw(st.sampled_from(EKSEMPLER))
    data = bytearray(kilde.read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(data)))
        valg = draw(st.integers(0, 3))
        if valg == 0:
            data[i:i] = draw(st.binary(min_size=1, max_size=8))
        elif valg == 1:
            del data[i:i + draw(st.integers(1, 40))]
        elif valg == 2 and i < len(data):
            data[i] = draw(st.integers(0, 255))
        else:
            data[i:i] = data[i:i + draw(st.integers(1, 200))] * draw(st.integers(1, 30))
    return kilde.suffix.lstrip("."), bytes(data)


TILFELDIG = st.tuples(st.sampled_from(["json", "yaml"]), st.binary(max_size=300))
INNDATA = st.one_of(skadet_post(), skadde_byte(), TILFELDIG)


def _skriv(mappe: Path, filtype: str, innhold: bytes) -> Path:
    f = mappe / f"fuzz.{filtype}"
    f.write_bytes(innhold)
    return f


def _kjor(capsys, argv: list[str], fil: Path | None = None) -> int:
    status = main(argv)
    out, err = capsys.readouterr()
    assert status in (0, 1, 2), (status, err[-2000:])
    assert len(out) + len(err) < MAKS_UTDATA
    if status == 2 and fil is not None:
        assert str(fil) in out + err, err[-2000:]
    return status


# --- the loader -----------------------------------------------------------------------------------

@_innstillinger(150)
@given(inn=INNDATA)
def test_laster_gir_problemer_ikke_unntak(tmp_path, inn):
    fil = _skriv(tmp_path, *inn)
    mappe, problemer = load_elevmappe(fil)
    assert (mappe is None) == bool(problemer)
    for p in problemer:
        assert p.fil == str(fil) and p.melding
        assert len(p.melding) <= MAKS_MELDING + 50 and len(p.sti) < 500


# Plain JSON values (no NaN): what another system's export could hold where a field belongs.
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3000) | st.floats(allow_nan=False)
    | st.sampled_from(["", "x", "VO", "IOP1000", "vg3", "halvar", "FAM01", "VMM06", "V2026"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                   max_size=3),
    max_leaves=8,
)


@_innstillinger(300)
@given(data=st.data())
def test_skadet_post_gir_problemer_ikke_unntak(minimal, data):
    """Validation of a damaged record: problems (each once, each at a JSON path), never an
    exception; the combination checks run over what validated (``model.delvis``)."""
    record = copy.deepcopy(minimal)
    record["fag"].append({"fagkode": "IOP1000", "fagnavn": "IOP", "fagtype": "IO", "trinn": "vg1",
                          "termin": "V2026", "standpunkt": "VO"})
    record["vitnemalsmerknader"] = [{"kode": "VMM06"}]
    _skad(record, data.draw, _JSON)
    mappe, problems = validate_data(json.loads(json.dumps(record)), "x.json")
    assert (mappe is None) == bool(problems)
    keys = [(p.sti, p.melding) for p in problems]
    assert len(keys) == len(set(keys))
    assert all(p.sti.startswith("$") and p.melding for p in problems)


# --- the commands ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kommando", [["valider"], ["sjekk", *DATO], ["sjekk", "--json", *DATO],
                                      ["vis", *DATO], ["vis", "--json", "--maalform", "en", *DATO],
                                      ["fullfortkode"], ["fullfortkode", "--json"]])
@_innstillinger(25)
@given(inn=INNDATA)
def test_kommandoer(tmp_path, capsys, kommando, inn):
    fil = _skriv(tmp_path, *inn)
    status = _kjor(capsys, [*kommando, str(fil)], fil)
    if kommando[0] == "valider":
        mappe, _ = load_elevmappe(fil)
        assert status == (0 if mappe is not None else status)


@_innstillinger(10)
@given(inn=st.one_of(skadet_post(), skadde_byte()))
def test_lag(tmp_path, capsys, inn):
    """Fewer examples: a document that validates is rendered (a PDF per example)."""
    fil = _skriv(tmp_path, *inn)
    ut = tmp_path / "ut"
    status = _kjor(capsys, ["lag", str(fil), "-o", str(ut), "--utkast", *DATO], fil)
    skrevet = sorted(p.name for p in ut.iterdir()) if ut.exists() else []
    assert not any(n.endswith(".tmp") for n in skrevet)
    assert (status == 0) == (skrevet == ["fuzz-utkast.pdf"])
    for p in skrevet:
        (ut / p).unlink()
    # the same file with --json: one JSON line on stdout, its status the exit status's
    assert main(["lag", str(fil), "-o", str(ut), "--utkast", "--json", *DATO]) == status
    out, err = capsys.readouterr()
    [linje] = [json.loads(x) for x in out.splitlines()]
    assert err == "" and linje["fil"] == str(fil)
    assert linje["status"] == {0: "skrevet", 1: "nektet", 2: "feil"}[status]
    for p in ut.glob("*.pdf"):
        p.unlink()


@_innstillinger(40)
@given(inn=st.one_of(skadet_post(), skadde_byte(), TILFELDIG))
def test_arshjul_overstyring(tmp_path, capsys, inn):
    fil = _skriv(tmp_path, "yaml", inn[1])
    _kjor(capsys, ["arshjul", "--skolear", "2025-2026", "--overstyring", str(fil)], fil)


TEKST = st.text(max_size=30) | st.from_regex(r"-?\d{1,6}", fullmatch=True) \
    | st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True) \
    | st.sampled_from(["9999-12-31", "0001-01-01", "2025-2026", "9998-9999", "99999999999999999999"])


@_innstillinger(150)
@given(valg=st.lists(st.tuples(st.sampled_from(["--skolear", "--fra", "--til", "--uke",
                                                 "--maaned", "--kategori", "--dato"]), TEKST),
                     max_size=4),
       json_=st.booleans())
def test_arshjul_valg(capsys, valg, json_):
    argv = ["arshjul", *(x for par in valg for x in par), *(["--json"] if json_ else [])]
    assume(not any(v.startswith("-") and not v.lstrip("-").isdigit() for _, v in valg))
    _kjor(capsys, argv)


@_innstillinger(100)
@given(nummer=st.lists(st.text(max_size=40) | st.from_regex(r"\d{11}", fullmatch=True),
                       min_size=1, max_size=3),
       json_=st.booleans(), testdata=st.booleans())
def test_fnr(capsys, nummer, json_, testdata):
    assume(not any(n.startswith("-") for n in nummer))
    argv = ["fnr", *nummer, *(["--json"] if json_ else []), *(["--testdata"] if testdata else [])]
    assert _kjor(capsys, argv) in (0, 1)
