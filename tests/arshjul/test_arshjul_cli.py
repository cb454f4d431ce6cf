"""`vitnemal arshjul`: filters, JSON, bad input and the ICS round trip."""

from __future__ import annotations

import json
from datetime import date

from icalendar import Calendar

from vitnemal.cli import main


def run_json(capsys, *args):
    assert main(["arshjul", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_default_is_next_30_days_from_dato(capsys):
    rows = run_json(capsys, "--dato", "2025-09-10")
    starts = [date.fromisoformat(r["start"]) for r in rows]
    assert starts == sorted(starts)
    assert min(starts) >= date(2025, 9, 10) and max(starts) <= date(2025, 10, 10)
    assert "2023-09-25-ssbresultat-vgo-2" in {r["id"] for r in rows}
    assert all(r["skolear"] == "2025-2026" for r in rows)


def test_week_month_and_range_filters(capsys):
    week = run_json(capsys, "--skolear", "2025-2026", "--uke", "39")
    assert {r["start"] for r in week} <= {f"2025-09-{d}" for d in range(22, 29)}
    assert "2023-09-22-oppdater-rett" in {r["id"] for r in week}
    month = run_json(capsys, "--skolear", "2025-2026", "--maaned", "4")
    assert [r["id"] for r in month] == ["hver-maaned-sluttere-ot", "2024-04-08-privatskoledata", "2024-04-11-oppdater-rett",
                                        "2024-04-12-privatskoleelever"]
    span = run_json(capsys, "--fra", "2026-06-18", "--til", "2026-06-20")
    assert {r["id"] for r in span} == {"2024-06-19-fellessensur-grunnskolen",
                                       "2024-06-19-fellessensur-vgo"}


def test_kategori_filter_and_fields(capsys):
    rows = run_json(capsys, "--skolear", "2023-2024", "--kategori", "lanekassen")
    assert [r["start"] for r in rows] == ["2023-09-01", "2024-03-01"]
    assert rows[0]["klarsjekk"] == "eksamensresultater_lanekassen"
    assert rows[0]["klarsjekk_status"] == "implementert"
    assert rows[0]["til"] == "Lånekassen"


def test_timeline_has_no_duplicate_july(capsys):
    rows = run_json(capsys, "--fra", "2024-07-01", "--til", "2024-07-31")
    ids = [r["id"] for r in rows]
    assert "2024-07-14-hovedinntak" in ids and "2023-07-14-hovedinntak" not in ids


def test_text_output_shows_check_and_flag(capsys):
    assert main(["arshjul", "--skolear", "2025-2026", "--fra", "2025-10-25",
                 "--til", "2025-10-25"]) == 0
    out = capsys.readouterr().out
    assert "Klarsjekk" not in out and "OBS:        2025-10-25 er lørdag" in out


def test_bad_input_exits_2_without_output(capsys, tmp_path):
    assert main(["arshjul", "--kategori", "skatt"]) == 2
    assert "ukjent kategori «skatt»" in capsys.readouterr().err
    bad = tmp_path / "o.yaml"
    bad.write_text("skolear: 2025-2026\noverstyringer:\n  - id: nei\n    dato: 2025-09-01\n",
                   encoding="utf-8")
    assert main(["arshjul", "--overstyring", str(bad), "--dato", "2025-09-01"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and f"{bad}:3: nei: ukjent oppføring" in captured.err
    assert main(["arshjul", "--uke", "40", "--maaned", "10"]) == 2


def test_override_file_on_the_cli_moves_entries(capsys, tmp_path):
    good = tmp_path / "o.yaml"
    good.write_text("skolear: 2025-2026\noverstyringer:\n"
                    "  - id: 2023-09-25-ssbresultat-vgo-2\n    dato: 2025-09-24\n",
                    encoding="utf-8")
    rows = run_json(capsys, "--overstyring", str(good), "--fra", "2025-09-20",
                    "--til", "2025-09-26")
    found = {r["id"]: r for r in rows}
    assert found["2023-09-25-ssbresultat-vgo-2"]["start"] == "2025-09-24"
    assert found["2023-09-22-oppdater-rett"]["start"] == "2025-09-21"


def events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_ics_round_trip_and_stable_uids(tmp_path, capsys):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert main(["arshjul", "--skolear", "2025-2026", "--ics", str(first),
                 "--dato", "2025-08-01"]) == 0
    over = tmp_path / "o.yaml"
    over.write_text("skolear: 2025-2026\noverstyringer:\n"
                    "  - id: 2023-09-25-ssbresultat-vgo-2\n    dato: 2025-09-24\n",
                    encoding="utf-8")
    assert main(["arshjul", "--skolear", "2025-2026", "--ics", str(second),
                 "--overstyring", str(over), "--dato", "2025-08-02"]) == 0
    a, b = events(first), events(second)
    assert len(a) == 114 and set(a) == set(b)
    uid = "2023-09-25-ssbresultat-vgo-2-2025-2026@vitnemal"
    assert a[uid].decoded("DTSTART") == date(2025, 9, 25)
    assert b[uid].decoded("DTSTART") == date(2025, 9, 24)
    # RFC 5545: the rescheduled event (and the one tied to it) carry a higher SEQUENCE
    assert a[uid]["SEQUENCE"] == 0 and b[uid]["SEQUENCE"] == 1
    assert b["2023-09-22-oppdater-rett-2025-2026@vitnemal"]["SEQUENCE"] == 1
    assert b["2024-06-19-fellessensur-vgo-2025-2026@vitnemal"]["SEQUENCE"] == 0
    sensur = a["2024-06-19-fellessensur-vgo-2025-2026@vitnemal"]
    assert sensur.decoded("DTEND") == date(2026, 6, 22)  # exclusive end
    assert "Fellessensur" in str(sensur["DESCRIPTION"])
    assert sensur["CATEGORIES"].cats == ["Interne datoer for Vigo"]
    rule = a["hver-maaned-sluttere-ot-2025-2026@vitnemal"]
    assert rule["RRULE"]["FREQ"] == ["MONTHLY"] and rule["RRULE"]["COUNT"] == [10]
    cal = Calendar.from_ical(first.read_bytes())
    assert str(cal["PRODID"]).startswith("-//vitnemal//") and str(cal["VERSION"]) == "2.0"
    assert not list(tmp_path.glob(".*.tmp"))


def test_klarsjekker_listing(capsys):
    assert main(["arshjul", "--klarsjekker"]) == 0
    out = capsys.readouterr().out
    assert "fullfortkoder_satt (implementert)" in out
    assert "2024-07-08-fpvs" in out


def test_override_file_for_another_school_year_is_refused(capsys, tmp_path):
    other = tmp_path / "o.yaml"
    other.write_text("skolear: 2024-2025\noverstyringer: []\n", encoding="utf-8")
    assert main(["arshjul", "--skolear", "2025-2026", "--overstyring", str(other)]) == 2
    captured = capsys.readouterr()
    assert "gjelder skoleåret 2024-2025" in captured.err and captured.out == ""
