"""``vitnemal lag FIL... -o MAPPE|FIL.pdf`` — print vitnemål and kompetansebevis as PDF/A-2b.

Every elevmappe is checked first (``vitnemal.utskrift``): one with FEIL is not printed as an
original and is listed with its findings (exit status 1); ``--utkast`` prints it marked
«UTKAST». Broken input stops everything before anything is written (exit status 2), and so does
an output path that cannot take a file (under a regular file, a read-only disk, ``/proc``):
the folder is tried before the first document is made (``io.skriv``).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from vitnemal.cli.common import add_files_argument, add_testdata_argument, load_or_fail
from vitnemal.cli.vis import add_dokument_arguments, dokumenttype
from vitnemal.dokument.model import Dokumenttype
from vitnemal.errors import InputError
from vitnemal.io.skriv import klargjor_fil, klargjor_mappe, skrivefeil
from vitnemal.meldinger import antall, begrens
from vitnemal.pdf.batch import render_batch
from vitnemal.pdf.kontroll import passer
from vitnemal.utskrift import Utskrift, Utstedelse, forbered

_TYPE = {Dokumenttype.VITNEMAL: "vitnemål", Dokumenttype.KOMPETANSEBEVIS: "kompetansebevis"}


def register(sub) -> None:
    p = sub.add_parser(
        "lag", help="skriv ut vitnemål eller kompetansebevis som PDF",
        description="Kontrollerer hver elevmappe og skriver dokumentet ut som PDF/A-2b slik "
        "blanketten foreskriver (001 kap. 2). Et dokument med FEIL skrives ikke ut som "
        "original. Avslutter med status 1 når noe ble nektet.")
    add_files_argument(p)
    p.add_argument("-o", "--ut", required=True, metavar="MAPPE|FIL.pdf",
                   help="mappe for PDF-filene (opprettes ved behov), eller én PDF-fil når det er "
                   "én elevmappe")
    p.add_argument("--maalform", choices=["nb", "nn", "en"],
                   help="målform: bokmål, nynorsk eller engelsk (standard: elevmappens)")
    p.add_argument("--duplikat", action="store_true",
                   help="duplikat (001 §2.11): merket DUPLIKAT, ny dato (--dato), ellers likt "
                   "originalen. Nytt vitnemål etter bytte av juridisk kjønn er ikke duplikat "
                   "(001 §2.12)")
    p.add_argument("--nytt-lopenummer", type=int, metavar="N",
                   help="duplikat med nytt nummer: løpenummeret (1–99999) for det nye nummeret")
    p.add_argument("--utkast", action="store_true",
                   help="skriv ut også dokumenter med FEIL, merket UTKAST (aldri en original)")
    p.add_argument("--fortrykt", action="store_true",
                   help="for utskrift på Udirs fortrykte blankett: blankettens egen tittel "
                   "skrives ikke (001 §2.1)")
    p.add_argument("--jobber", type=int, default=0, metavar="N",
                   help="antall prosesser (standard 0: én per kjerne)")
    add_testdata_argument(p)
    add_dokument_arguments(p)
    p.set_defaults(func=run)


def _suffix(args) -> str:
    return "-utkast" if args.utkast else "-duplikat" if args.duplikat else ""


def targets(args, paths: list[str]) -> list[Path]:
    """The output file of every input; all conflicts are reported before anything is written."""
    ut = Path(args.ut)
    if ut.suffix.lower() == ".pdf":
        if len(paths) != 1:
            raise InputError(f"-o {ut} er én fil, men det er {len(paths)} elevmapper; "
                             "oppgi en mappe")
        return [klargjor_fil(ut)]
    if ut.exists() and not ut.is_dir():
        raise InputError(f"{ut} finnes og er ikke en mappe")
    out = [ut / f"{Path(p).stem}{_suffix(args)}.pdf" for p in paths]
    seen: dict[Path, str] = {}
    clashes = []
    for path, target in zip(paths, out, strict=True):
        if target in seen:
            clashes.append(f"{seen[target]} og {path} gir begge {target}")
        seen[target] = path
    if clashes:
        raise InputError("; ".join(clashes) + "; gi filene ulike navn")
    return out


def _nektet(path: str, u: Utskrift) -> None:
    plass = any(f.regel.startswith("PLASS-") for f in u.feil)  # no layout holds it, no draft
    print(f"IKKE SKREVET UT {path}: {len(u.feil)} FEIL — dokumentet skal ikke skrives ut som "
          f"original{'' if plass else ' (--utkast gir et utkast)'}", file=sys.stderr)
    for f in u.feil:
        print(f"    {f.alvorlighet.value} {f.regel} ({f.paragraf}): {begrens(f.melding)}",
              file=sys.stderr)


def run(args) -> int:
    if args.nytt_lopenummer is not None and not args.duplikat:
        raise InputError("--nytt-lopenummer gjelder bare duplikat (--duplikat)")
    result = load_or_fail(args)
    paths = [p for p, _ in result.mapper]
    mal = targets(args, paths)
    today = args.dato or date.today()
    utskrifter = [forbered(m, Utstedelse.fra_elevmappe(
                      m, dato=today, maalform=args.maalform, duplikat=args.duplikat,
                      nytt_lopenummer=args.nytt_lopenummer, utkast=args.utkast,
                      fortrykt=args.fortrykt, dokumenttype=dokumenttype(args)),
                      testdata=args.testdata, plasskontroll=passer)
                  for _, m in result.mapper]
    jobber = [(u.dokument, str(t)) for u, t in zip(utskrifter, mal, strict=True) if not u.nektet]
    if jobber and Path(args.ut).suffix.lower() != ".pdf":
        klargjor_mappe(args.ut)
    try:
        sider = iter(render_batch(jobber, processes=args.jobber))
    except OSError as exc:  # disk full, no write permission …: each file is whole or absent
        raise skrivefeil(exc, args.ut) from None
    nektet = 0
    for path, u, target in zip(paths, utskrifter, mal, strict=True):
        if u.nektet:
            nektet += 1
            _nektet(path, u)
            continue
        d = u.dokument
        n = next(sider)
        merke = " UTKAST" if d.utkast else " DUPLIKAT" if d.duplikat else ""
        print(f"skrevet {target}: {_TYPE[d.type]}{merke}, {antall(n, 'side', 'sider')}, "
              f"nr. {d.dokumentnummer}")
    if nektet:
        print(f"{nektet} av {antall(len(paths), 'dokument', 'dokumenter')} ble ikke skrevet ut",
              file=sys.stderr)
    return 1 if nektet else 0
