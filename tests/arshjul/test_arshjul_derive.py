"""Derivation of another school year: same day and month, ties, overrides, flags."""

from __future__ import annotations

from datetime import date

import pytest

from vitnemal.arshjul.derive import Datoer, derive
from vitnemal.arshjul.loader import seed_arshjul
from vitnemal.arshjul.overstyring import load_overstyring
from vitnemal.errors import InputError


def by_id(hendelser):
    return {h.oppforing.id: h for h in hendelser if h.nr is None}


def test_seed_year_reproduces_the_seed_dates():
    found = by_id(derive(seed_arshjul(), 2023))
    assert found["2023-09-25-ssbresultat-vgo-2"].start == date(2023, 9, 25)
    assert found["2024-06-19-fellessensur-vgo"].slutt == date(2024, 6, 21)


def test_2025_2026_keeps_day_and_month_and_shifts_text_years():
    found = by_id(derive(seed_arshjul(), 2025))
    h = found["2023-09-25-ssbresultat-vgo-2"]
    assert h.start == date(2025, 9, 25)
    assert "skoleåret 2024-2025" in h.hva
    fpvs = found["2023-10-05-fpvs"]
    assert "fom 2009" in fpvs.hva  # fixed years are not shifted
    week = found["2023-uke40-hostferie"]
    assert (week.start, week.slutt) == (date(2025, 9, 29), date(2025, 10, 5))
    two_weeks = found["2024-uke31-inntakslister"]
    assert (two_weeks.start, two_weeks.slutt) == (date(2026, 7, 27), date(2026, 8, 9))


def test_weekend_dates_are_flagged_not_moved():
    found = by_id(derive(seed_arshjul(), 2025))
    h = found["2023-10-25-ssbelev-1"]  # 25 October 2025 is a Saturday
    assert h.start == date(2025, 10, 25)
    assert [f.grunn for f in h.flagg] == ["lørdag"]
    assert found["2023-09-25-ssbresultat-vgo-2"].flagg == ()  # a Thursday


def test_public_holidays_are_flagged(tmp_path):
    over = {"2024-04-12-privatskoleelever": Datoer(date(2026, 5, 14), date(2026, 5, 14)),
            "2024-06-17-ot-data": Datoer(date(2026, 5, 17), date(2026, 5, 17))}
    found = by_id(derive(seed_arshjul(), 2025, over))
    assert [f.grunn for f in found["2024-04-12-privatskoleelever"].flagg] == [
        "Kristi himmelfartsdag"]
    assert [f.grunn for f in found["2024-06-17-ot-data"].flagg] == ["søndag", "Grunnlovsdag"]
    # derived without override: 2. påskedag 2026 is 6 April; no seed entry lands on it
    assert all("påske" not in f.grunn for h in derive(seed_arshjul(), 2025) for f in h.flagg)


def test_tied_entry_moves_with_its_anchor():
    over = {"2023-09-25-ssbresultat-vgo-2": Datoer(date(2025, 9, 24), date(2025, 9, 24))}
    found = by_id(derive(seed_arshjul(), 2025, over))
    anchor, tied = found["2023-09-25-ssbresultat-vgo-2"], found["2023-09-22-oppdater-rett"]
    assert anchor.start == date(2025, 9, 24) and anchor.overstyrt
    assert tied.start == date(2025, 9, 21) and tied.flyttet_med == anchor.oppforing.id
    assert [f.grunn for f in tied.flagg] == ["søndag"]
    # an entry that only refers with «Se også» does not move
    assert found["2023-09-01-eksamen-lanekassen"].start == date(2025, 9, 1)
    # … but every text that names the anchor's date names the new one
    assert "Se 24. september" in tied.hva and "25. september" not in tied.hva
    assert "Se også 24. september" in found["2023-09-01-eksamen-lanekassen"].kommentar
    plain = by_id(derive(seed_arshjul(), 2025))
    assert "Se 25. september" in plain["2023-09-22-oppdater-rett"].hva


def test_recurring_rule_expands_monthly_after_its_anchor():
    found = [h for h in derive(seed_arshjul(), 2025) if h.nr is not None]
    assert [h.start for h in found][:2] == [date(2025, 10, 1), date(2025, 11, 1)]
    assert found[-1].start == date(2026, 7, 1) and len(found) == 10
    over = {"2023-09-15-soker-til-elev-siste": Datoer(date(2025, 10, 3), date(2025, 10, 3))}
    moved = [h for h in derive(seed_arshjul(), 2025, over) if h.nr is not None]
    assert moved[0].start == date(2025, 11, 1)


BAD = """\
skolear: 2025-2026
overstyringer:
  - id: 2023-09-25-ssbresultat-vgo-2
    dato: 2025-09-24
  - id: finnes-ikke
    dato: 2025-09-01
  - id: 2023-10-25-ssbelev-1
    dato: 2025-13-01
  - id: 2023-11-08-ssbelev-2
    dato: 2027-11-08
  - id: 2024-06-19-fellessensur-vgo
    dato: 2026-06-17
"""


def test_override_errors_are_all_reported_with_line_and_nothing_applied(tmp_path):
    path = tmp_path / "overstyring.yaml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_overstyring(path, seed_arshjul(), "2025-2026")
    message = str(exc.value)
    assert "ingenting er brukt" in message
    assert f"{path}:5: finnes-ikke: ukjent oppføring" in message
    assert f"{path}:8: 2023-10-25-ssbelev-1: ugyldig dato «2025-13-01»" in message
    assert f"{path}:10: 2023-11-08-ssbelev-2: 2027-11-08 er utenfor årshjulet" in message
    assert f"{path}:11: 2024-06-19-fellessensur-vgo: mangler «start»" in message
    assert "2023-09-25-ssbresultat-vgo-2" not in message  # the valid line is not an error


def test_override_for_another_school_year_is_rejected(tmp_path):
    path = tmp_path / "o.yaml"
    path.write_text("skolear: 2024-2025\noverstyringer: []\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"o.yaml:1: skolear «2024-2025» stemmer ikke"):
        load_overstyring(path, seed_arshjul(), "2025-2026")


def test_valid_override_file_applies(tmp_path):
    path = tmp_path / "o.yaml"
    path.write_text(BAD.split("  - id: finnes-ikke")[0], encoding="utf-8")
    over = load_overstyring(path, seed_arshjul(), "2025-2026")
    assert over == {"2023-09-25-ssbresultat-vgo-2": Datoer(date(2025, 9, 24), date(2025, 9, 24))}
