"""Reading elevmappe files: operating-system errors in Norwegian, and nothing raises for bad
input, however it is broken (damaged records: ``tests/fuzz/test_fuzz.py``)."""

from __future__ import annotations

import copy
import errno
import os

import pytest

from vitnemal.io.load import load_elevmapper, os_melding, validate_data

ENGELSK = ("No such file", "Permission denied", "Is a directory", "Not a directory", "Errno")


def _one(paths):
    result = load_elevmapper(paths)
    assert not result.mapper
    [problem] = result.problemer
    assert not any(word in problem.melding for word in ENGELSK), problem.melding
    return problem


def test_missing_file(tmp_path):
    f = tmp_path / "borte.json"
    p = _one([f])
    assert p.fil == str(f)
    assert p.melding == f"filen {f} kan ikke leses: den finnes ikke"


def test_path_through_a_file(tmp_path):
    (tmp_path / "fil").write_text("{}", encoding="utf-8")
    p = _one([tmp_path / "fil" / "x.json"])
    assert "en del av stien er ikke en mappe" in p.melding


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path):
    f = tmp_path / "hemmelig.json"
    f.write_text("{}", encoding="utf-8")
    f.chmod(0)
    try:
        p = _one([f])
    finally:
        f.chmod(0o600)
    assert p.melding == f"filen {f} kan ikke leses: ingen tilgang (mangler lesetillatelse)"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_directory(tmp_path):
    d = tmp_path / "mappe"
    d.mkdir()
    d.chmod(0)
    try:
        p = _one([d])
    finally:
        d.chmod(0o700)
    assert p.melding == f"mappen {d} kan ikke leses: ingen tilgang (mangler lesetillatelse)"


def test_directory_that_cannot_be_listed(tmp_path, monkeypatch):
    d = tmp_path / "mappe"
    d.mkdir()

    def nekt(*_args, **_kw):
        raise PermissionError(errno.EACCES, "Permission denied", str(d))

    monkeypatch.setattr(type(d), "iterdir", nekt)
    monkeypatch.setattr(os, "listdir", nekt)
    p = _one([d])
    assert p.melding == f"mappen {d} kan ikke leses: ingen tilgang (mangler lesetillatelse)"


@pytest.mark.parametrize(("exc", "text"), [
    (PermissionError(errno.EACCES, "Permission denied"), "ingen tilgang (mangler lesetillatelse)"),
    (IsADirectoryError(errno.EISDIR, "Is a directory"), "det er en mappe, ikke en fil"),
    (OSError(errno.EIO, "Input/output error"), "lesefeil"),
    (OSError(errno.EXDEV, "Invalid cross-device link"), "ukjent feil fra operativsystemet (EXDEV)"),
    (OSError("no errno"), "ukjent feil fra operativsystemet"),
])
def test_os_messages_are_norwegian(exc, text):
    melding = os_melding(exc, "a.json")
    assert melding.startswith("filen a.json kan ikke leses: ") and text in melding
    assert not any(word in melding for word in ENGELSK)


def test_broken_rows_are_named_in_norwegian(minimal):
    """Fag rows and programme area lines are dataclasses (docs/decisions.md, issue 3): pydantic
    names their errors differently from a model's, and they must read the same."""
    record = copy.deepcopy(minimal)
    record["fag"][0]["ukjent"] = 1
    record["fag"].append("tekst")
    record["programomrader"][0]["zz"] = 2
    record["programomrader"].append(5)
    mappe, problems = validate_data(record, "x.json")
    assert mappe is None
    found = {(p.sti, p.melding) for p in problems}
    n_fag, n_linjer = len(record["fag"]) - 1, len(record["programomrader"]) - 1
    assert {("$.fag[0].ukjent", "ukjent felt «ukjent»"),
            (f"$.fag[{n_fag}]", "skal være et objekt, ikke «tekst»"),
            ("$.programomrader[0].zz", "ukjent felt «zz»"),
            (f"$.programomrader[{n_linjer}]", "skal være et objekt, ikke 5")} <= found
    assert not any("(" in p.melding and "ugyldig verdi" in p.melding for p in problems)
