"""`vitnemal fnr` through vitnemal.cli.main."""

import json

from vitnemal.cli import main


def test_seed_003_examples(capsys):
    rc = main(["fnr", "42059199202", "55049199119", "--dato", "2025-08-01"])
    out = capsys.readouterr().out.splitlines()
    assert rc == 0
    assert len(out) == 2
    assert "fiktivt" in out[0] and "kvinne" in out[0] and "fylke 02" in out[0]
    assert "02.05.1991" in out[0]
    assert "fiktivt" in out[1] and "mann" in out[1] and "fylke 19" in out[1]


def test_2032_number_valid(capsys):
    assert main(["fnr", "30108299939", "--dato", "2025-08-01"]) == 0
    out = capsys.readouterr().out
    assert "30.10.1982" in out and "kjønn går ikke fram" in out


def test_rejected_numbers_exit_1_with_reasons(capsys):
    rc = main(["fnr", "42059199202", "81234567890", "1234567890123", "200816832910"])
    out = capsys.readouterr().out.splitlines()
    assert rc == 1
    assert len(out) == 4
    assert out[0].startswith("42059199202: gyldig")
    assert "avvist" in out[1] and "FH-nummer" in out[1]
    assert "avvist" in out[2] and "eksamenstjenesten" in out[2]
    assert "avvist" in out[3] and "DUF-nummer" in out[3]


def test_json_one_object_per_number(capsys):
    rc = main(["fnr", "--json", "420591 99202", "abc", "--dato", "2025-08-01"])
    lines = capsys.readouterr().out.splitlines()
    objs = [json.loads(line) for line in lines]
    assert rc == 1
    assert objs[0]["type"] == "vigo_fiktivt" and objs[0]["fodselsdato"] == "1991-05-02"
    assert objs[0]["nummer"] == "42059199202"
    assert objs[1]["gyldig"] is False and "siffer" in objs[1]["grunn"]


def test_testdata_switch(capsys):
    tenor = "15850756217"  # 15.(05+80).07, individnummer 562
    assert main(["fnr", tenor]) == 1
    assert "Tenor" in capsys.readouterr().out
    assert main(["fnr", "--testdata", tenor, "--dato", "2025-08-01"]) == 0
    assert "syntetisk" in capsys.readouterr().out


def test_merknader_flag(capsys):
    main(["fnr", "--merknader", "42059199200", "--dato", "2025-08-01"])
    out = capsys.readouterr().out
    assert "privat" in out and "  - " in out and "NVB" in out


def test_bad_date_option_is_a_clean_error(capsys):
    rc = main(["fnr", "42059199202", "--dato", "2025-13-01"])
    err = capsys.readouterr().err
    assert rc == 2
    assert "ÅÅÅÅ-MM-DD" in err and "Traceback" not in err


def test_2032_scheme_named_and_future_by_table_accepted(capsys):
    # Issue 12: «Person født 02.01.2032 får fødselsnummer 02013299997», read on a 2025 date,
    # was «avvist» (the pre-2032 table dates it after the date asked for).
    assert main(["fnr", "02013299997", "--dato", "2025-08-01", "--json"]) == 0
    obj = json.loads(capsys.readouterr().out)
    assert (obj["gyldig"], obj["fodselsdato"], obj["kjonn"], obj["ordning"]) == (
        True, "1932-01-02", None, "2032")
    assert main(["fnr", "02013299997", "--dato", "2025-08-01"]) == 0
    assert "lest etter 2032-ordningen" in capsys.readouterr().out
