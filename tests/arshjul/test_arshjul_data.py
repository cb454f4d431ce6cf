"""The data file holds every entry of seed 000, per month, with references resolved."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from vitnemal.arshjul.klarsjekk import KLARSJEKKER
from vitnemal.arshjul.loader import SEED_FILE, load_arshjul, seed_arshjul
from vitnemal.arshjul.model import Art
from vitnemal.errors import InputError

SEED = Path("/work/shared/seeds/000_67b6e8e3f12b9264.txt")
MONTHS = ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"]
DATE_CELL = re.compile(r"^(\d{2})\.(" + "|".join(MONTHS) + r")(\s|$)")

# Date cells that are not «dd.mmm». Their month group is read from the seed's page labels:
# «uke 40/41» (lines 303, 305) sit on the page labelled «Oktober 2023»; «Uke 8/9» (845, 855)
# follow 26.feb under «Februar 2024»; «Uke 10» (870) opens the page labelled «Mars 2024»;
# «Uke 31/32» (1197) is under «August 2024» (the label on that page, line 1248, after
# «Juli 2024» ended the previous page); «I løpet av august» (114) is August 2023; «En gang pr.
# måned» (1201) is the month cell «Hver måned …» (line 1250).
OTHER_CELLS = {
    r"^uke 40\b": "2023-10", r"^uke 41\b": "2023-10", r"^Uke 8\b": "2024-02",
    r"^Uke 9\b": "2024-02", r"^Uke 10\b": "2024-03", r"^Uke 31/32\b": "2024-08",
    r"^I løpet av": "2023-08", r"^En gang": None,
}


def seed_cells() -> dict[int, str | None]:
    """Line number of each entry's date cell in the seed → its month group («YYYY-MM»)."""
    if not SEED.exists():
        pytest.skip("seed 000 not available")
    cells: dict[int, str | None] = {}
    year, last_month, previous = 2023, 7, ""
    for number, line in enumerate(SEED.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        m = DATE_CELL.match(text)
        if m:
            month = MONTHS.index(m.group(2)) + 1
            if month < last_month:
                year += 1
            last_month = month
            if previous != "til":  # «19.jun / til / 21.jun» is one entry
                cells[number] = f"{year}-{month:02d}"
        else:
            for pattern, group in OTHER_CELLS.items():
                if re.match(pattern, text):
                    cells[number] = group
        if text:
            previous = text
    return cells


def test_every_seed_entry_is_in_the_data_file_once():
    cells = seed_cells()
    lines = Counter(o.linje for o in seed_arshjul().oppforinger)
    assert set(lines) == set(cells)
    assert all(count == 1 for count in lines.values())


def test_count_per_month_equals_the_seeds():
    cells = seed_cells()
    expected = Counter(cells.values())
    actual = Counter(o.maaned for o in seed_arshjul().oppforinger)
    assert actual == expected
    assert sum(expected.values()) == 114
    assert expected["2024-05"] == 0  # the seed has no entry in May


def test_kinds_are_transcribed():
    kinds = Counter(o.art for o in seed_arshjul().oppforinger)
    assert kinds[Art.UKE] == 6
    assert kinds[Art.PERIODE] == 3  # 19.–21. juni twice, «I løpet av august»
    assert kinds[Art.GJENTAKENDE] == 1


def test_cross_references_resolve_to_entries_with_the_written_date():
    arshjul = seed_arshjul()
    index = arshjul.by_id()
    refs = [(o, r) for o in arshjul.oppforinger for r in o.referanser]
    assert len(refs) >= 25
    for o, ref in refs:
        target = index[ref.id]
        day = int(ref.tekst.split(".")[0])
        assert ref.avvik or target.seed_date.day == day, (o.id, ref)
    # «Se 22. september» on the 25 September delivery points at the 22 September entry
    sep25 = index["2023-09-25-ssbresultat-vgo-2"]
    assert "2023-09-22-oppdater-rett" in {r.id for r in sep25.referanser}


def test_every_se_in_the_text_is_a_reference():
    for o in seed_arshjul().oppforinger:
        text = " ".join(filter(None, (o.hva, o.kommentar)))
        written = len(re.findall(r"\b[Ss]e (?:også )?\d{2}\.", text))
        written += len(re.findall(r"\bSe \d{2}\. og \d{2}\.", text))
        if o.art != Art.GJENTAKENDE:
            assert len(o.referanser) == written, o.id


def test_readiness_checks_are_named_and_registered():
    checks = {o.id: o.klarsjekk for o in seed_arshjul().oppforinger if o.klarsjekk}
    assert checks["2023-09-01-eksamen-lanekassen"] == "eksamensresultater_lanekassen"
    assert checks["2023-09-25-ssbresultat-vgo-2"] == "resultater_ssb"
    assert set(checks.values()) <= set(KLARSJEKKER)
    assert all(c.implementert for c in KLARSJEKKER.values())


def test_frister_i_vinduet_med_nvb_1_juli():
    from datetime import date

    from vitnemal.arshjul.klarsjekk import NVB_SJEKKER, frister
    from vitnemal.arshjul.queries import timeline

    fra, til = date(2024, 6, 20), date(2024, 7, 10)
    f = frister(timeline(seed_arshjul(), fra, til), fra, til)
    nvb = [x for x in f if x.kilde == "NVB"]
    assert [x.klarsjekk for x in nvb] == sorted(NVB_SJEKKER)
    assert all(x.dato == date(2024, 7, 1) for x in nvb)
    assert all(fra <= x.dato <= til for x in f)
    assert not [x for x in frister(timeline(seed_arshjul(), fra, fra), fra, fra)
                if x.kilde == "NVB"]


def test_bad_data_file_names_file_line_entry_and_field(tmp_path):
    text = SEED_FILE.read_text(encoding="utf-8").replace("kategori: fpvs", "kategori: forsvaret", 1)
    bad = tmp_path / "arshjul.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_arshjul(bad)
    message = str(exc.value)
    assert f"{bad}:" in message
    assert "oppføring 2023-07-05-fpvs, felt kategori: ukjent verdi «forsvaret»" in message
    line = text.splitlines().index("  kategori: forsvaret") + 1
    assert f"{bad}:{line}:" in message


def test_unresolved_reference_and_wrong_date_are_load_errors(tmp_path):
    text = SEED_FILE.read_text(encoding="utf-8")
    text = text.replace("{id: 2023-09-25-ssbresultat-vgo-2, tekst: 25. september}]\n"
                        "  klarsjekk: eksamensresultater_lanekassen",
                        "{id: finnes-ikke, tekst: 25. september}]\n"
                        "  klarsjekk: eksamensresultater_lanekassen", 1)
    text = text.replace("{id: 2023-10-11-oppdatere-status, tekst: 11. oktober}",
                        "{id: 2023-10-11-oppdatere-status, tekst: 12. oktober}", 1)
    bad = tmp_path / "arshjul.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_arshjul(bad)
    message = str(exc.value)
    assert "2023-09-01-eksamen-lanekassen, felt referanser: peker på ukjent oppføring" in message
    assert "«12. oktober» stemmer ikke med 2023-10-11-oppdatere-status" in message
