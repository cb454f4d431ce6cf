"""Snapshot of what the CLI says about the bundled samples, to compare two versions of the code.

    .venv/bin/python bench/eksempler_snapshot.py [--poster DIR] > for.json
    ... change the code ...
    .venv/bin/python bench/eksempler_snapshot.py [--poster DIR] > etter.json
    .venv/bin/python bench/eksempler_snapshot.py --sammenlign for.json etter.json

For every file in ``eksempler/`` (and its subfolders) and, with ``--poster DIR``, every
elevmappe in DIR: ``vis --json`` (nb, en, forced kompetansebevis), ``sjekk --json`` (as
decided and with a forced vitnemål), ``fullfortkode --json`` and ``lag`` (original and
duplicate with a new number; only the lines the command prints, the PDFs go to a temporary
folder). The issue date is fixed (``--dato 2026-06-20``). ``--lag-poster DIR`` writes the
valid records of the check scenarios (``tests/scenarios/sjekk``) to DIR as JSON, so that a
later version can be compared on the same records even when the scenario files change.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATO = "2026-06-20"


def _kjor(argv: list[str], tmp: str = "") -> dict:
    from vitnemal.cli import main

    ut, feil = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(ut), contextlib.redirect_stderr(feil):
        kode = main(argv)
    tekst = {k: v.getvalue().replace(tmp, "<tmp>") if tmp else v.getvalue()
             for k, v in (("ut", ut), ("feil", feil))}
    return {"kode": kode, **tekst}


def _filer(poster: Path | None) -> list[Path]:
    filer = sorted(p for p in (ROOT / "eksempler").rglob("*") if p.suffix in (".json", ".yaml"))
    if poster is not None:
        filer += sorted(poster.glob("*.json"))
    return filer


def snapshot(poster: Path | None) -> dict:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fil in _filer(poster):
            f = str(fil)
            navn = str(fil.relative_to(ROOT)) if fil.is_relative_to(ROOT) else fil.name
            out[navn] = {
                "vis": _kjor(["vis", "--json", "--dato", DATO, f]),
                "vis-en": _kjor(["vis", "--json", "--dato", DATO, "--maalform", "en", f]),
                "vis-k": _kjor(["vis", "--json", "--dato", DATO, "--dokumenttype",
                                "kompetansebevis", f]),
                "sjekk": _kjor(["sjekk", "--json", "--dato", DATO, f]),
                "sjekk-v": _kjor(["sjekk", "--json", "--dato", DATO, "--dokumenttype",
                                  "vitnemal", f]),
                "fullfortkode": _kjor(["fullfortkode", "--json", f]),
                "lag": _kjor(["lag", "--dato", DATO, "--jobber", "1", "-o",
                              f"{tmp}/{fil.stem}.pdf", f], tmp),
                "lag-dup": _kjor(["lag", "--dato", DATO, "--jobber", "1", "--duplikat",
                                  "--nytt-lopenummer", "42", "-o", f"{tmp}/{fil.stem}-d.pdf", f],
                                 tmp),
            }
    return out


def lag_poster(mappe: Path) -> int:
    """Write the scenario records that validate (no ``etter_lasting``) to ``mappe``."""
    import yaml

    sys.path.insert(0, str(ROOT / "tests" / "sjekk"))
    from conftest import bygg  # noqa: PLC0415

    from vitnemal.io.load import validate_data

    mappe.mkdir(parents=True, exist_ok=True)
    n = 0
    for path in sorted((ROOT / "tests" / "scenarios" / "sjekk").glob("[!_]*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for cid, s in data["sjekker"].items():
            for k, t in enumerate(s["tilfeller"]):
                if "etter_lasting" in t or t["input"].get("testdata"):
                    continue
                post = bygg(t["input"])
                _, problemer = validate_data(post, "x")
                if problemer:
                    continue
                (mappe / f"{path.stem}-{cid}-{k}.json").write_text(
                    json.dumps(post, ensure_ascii=False, default=str), encoding="utf-8")
                n += 1
    return n


def _dokument(s):
    try:
        return json.loads(s)
    except (TypeError, ValueError):
        return s


def sammenlign(a: dict, b: dict) -> int:
    ulike = 0
    for navn in sorted(set(a) | set(b)):
        if navn not in a or navn not in b:
            print(f"{navn}: bare i {'etter' if navn not in a else 'før'}")
            ulike += 1
            continue
        for variant in a[navn]:
            x, y = a[navn][variant], b[navn].get(variant)
            if x != y:
                ulike += 1
                print(f"== {navn} [{variant}]")
                for felt in ("kode", "ut", "feil"):
                    if x[felt] != (y or {}).get(felt):
                        print(f"  {felt}:\n    før:   {_dokument(x[felt])!r:.2000}\n"
                              f"    etter: {_dokument((y or {}).get(felt))!r:.2000}")
    print(f"{ulike} forskjeller")
    return 1 if ulike else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--poster", type=Path, help="also every *.json elevmappe in this folder")
    ap.add_argument("--lag-poster", type=Path, metavar="DIR",
                    help="write the check scenarios' records to DIR and stop")
    ap.add_argument("--sammenlign", nargs=2, type=Path, metavar=("FØR", "ETTER"))
    args = ap.parse_args(argv)
    if args.lag_poster:
        print(f"{lag_poster(args.lag_poster)} poster skrevet til {args.lag_poster}")
        return 0
    if args.sammenlign:
        a, b = (json.loads(p.read_text(encoding="utf-8")) for p in args.sammenlign)
        return sammenlign(a, b)
    json.dump(snapshot(args.poster), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
