"""``vitnemal lag FIL... -o MAPPE|FIL.pdf`` — print vitnemål and kompetansebevis as PDF/A-2b.

Each file goes through one worker from start to end (``cli.lagjobb``: read, check, render
into a temporary file), so the first PDF is there after one document, not after the whole
batch was checked. This coordinator puts each file in place and reports it in input order
(``cli.lagrapport``): a document with FEIL is not printed as an original and is listed with
its findings (exit status 1), ``--utkast`` prints it marked «UTKAST»; a broken file is
reported with every problem and the others are still printed (exit status 2).

Before anything is made: the output names must not clash, existing PDFs are listed and
refused unless ``--overskriv``, and the folder must take files (``io.skriv``). The run holds
the document numbers: two people with one number are both refused (001 §2.8), also when
the first was already written (it is removed again: «trukket»). SIGINT/SIGTERM stop the
workers, remove every temporary file and say how many were written (exit status 130/143);
a write error (disk full) stops the run the same way, naming the file (exit status 2).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from datetime import date
from pathlib import Path

from vitnemal import kodeverk
from vitnemal.cli.arbeidere import Arbeidere, Borte
from vitnemal.cli.common import FUNN, INNDATA, OK, add_files_argument, add_testdata_argument
from vitnemal.cli.lagjobb import FEIL, NEKTET, SKREVET, Resultat, Valg, lag_en, ny_kjoring, rydd
from vitnemal.cli.lagrapport import Rapport
from vitnemal.cli.vis import add_dokument_arguments, dokumenttype
from vitnemal.errors import InputError
from vitnemal.findings import Alvorlighet, Finding, sort_findings
from vitnemal.io.load import Problem, expand
from vitnemal.io.skriv import FinnesFraFor, finnes_fra_for, fullfor, klargjor_fil, klargjor_mappe
from vitnemal.meldinger import antall
from vitnemal.pdf import fonts
from vitnemal.pdf.batch import prosesser


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
    p.add_argument("--overskriv", action="store_true",
                   help="erstatt PDF-filer som finnes fra før (uten dette nektes hele kjøringen "
                   "før noe skrives, og filene listes)")
    p.add_argument("--json", action="store_true",
                   help="én JSON-linje per dokument (status skrevet, nektet, feil eller "
                   "trukket), etter hvert som dokumentene blir ferdige")
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




class Avbrutt(BaseException):  # noqa: N818 — a signal, not an error
    def __init__(self, signum: int):
        super().__init__(signum)
        self.status = 128 + signum


def _avbryt(signum, frame) -> None:
    raise Avbrutt(signum)


class Skrivestopp(Exception):  # noqa: N818
    """A write failed (disk full, read-only, …): every later one would too."""


@contextlib.contextmanager
def _signaler():
    """SIGINT and SIGTERM raise ``Avbrutt`` in this process for the run's duration."""
    gamle = {s: signal.signal(s, _avbryt) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in gamle.items():
            signal.signal(s, h)


@contextlib.contextmanager
def _uten_avbrudd():
    """Putting a file in place and reporting it is one step: a signal waits for its end."""
    sett = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, sett)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, sett)


def _ingen_fra_for(args, mal: list[Path]) -> None:
    finnes = [] if args.overskriv else finnes_fra_for(mal)
    if finnes:
        raise InputError(f"{antall(len(finnes), 'fil', 'filer')} finnes fra før og blir ikke "
                         "overskrevet; ingenting er skrevet (--overskriv erstatter dem):\n"
                         + "\n".join(f"  {p}" for p in finnes))


def _opprett_mappe(ut: Path) -> list[Path]:
    """Make the output folder ready; returns the folders made (removed again if empty)."""
    nye = []
    p = ut
    while not p.exists() and p != p.parent:
        nye.append(p)
        p = p.parent
    klargjor_mappe(ut)
    return nye


def _dobbelt(nummer: str, annen: Resultat) -> Finding:
    return Finding("DOKUMENTNUMMER-DOBBELT", "001 §2.8", Alvorlighet.FEIL,
                   f"nummeret {nummer} er også gitt en annen person i samme kjøring "
                   f"({annen.fil}); hvert vitnemål og kompetansebevis skal ha sitt eget nummer",
                   sti="$.utsteder.lopenummer")


class Koordinator:
    """Takes results in input order: holds the numbers, puts files in place, reports."""

    def __init__(self, args, rapport: Rapport):
        self.overskriv = args.overskriv
        self.rapport = rapport
        self.nummer: dict[str, Resultat] = {}  # document number -> its first holder
        self.i_konflikt: set[str] = set()

    def ta(self, r: Resultat) -> None:
        if r.dokumentnummer and r.status in (SKREVET, NEKTET):
            self._sjekk_nummer(r)
        if r.status == SKREVET:
            with _uten_avbrudd():
                try:
                    fullfor(r.tmp, r.pdf, overskriv=self.overskriv)
                except FinnesFraFor as exc:  # appeared since the check: left alone
                    r.status, r.tmp = FEIL, None
                    r.problemer = [Problem(r.fil, "$", str(exc))]
                except InputError as exc:
                    r.status, r.tmp, r.skrivefeil = FEIL, None, str(exc)
                if not r.skrivefeil:
                    self.rapport.resultat(r)
                    return
        if r.skrivefeil:  # every later write would fail too: stop (--json: its line first)
            if self.rapport.som_json:
                self.rapport.resultat(r)
            raise Skrivestopp(r.skrivefeil)
        self.rapport.resultat(r)

    def _sjekk_nummer(self, r: Resultat) -> None:
        nr = r.dokumentnummer
        forste = self.nummer.setdefault(nr, r)
        if forste is r or forste.person == r.person:
            return
        if r.tmp:
            Path(r.tmp).unlink(missing_ok=True)
        r.tmp = None
        r.status = NEKTET
        r.funn = sort_findings([*r.funn, _dobbelt(nr, forste)])
        if nr in self.i_konflikt:
            return
        self.i_konflikt.add(nr)
        forste.funn = sort_findings([*forste.funn, _dobbelt(nr, r)])
        if forste.status == SKREVET:  # written already: remove it again
            with _uten_avbrudd():
                Path(forste.pdf).unlink(missing_ok=True)
                forste.status = NEKTET
                self.rapport.trukket(forste)
        # a first holder refused for its own FEIL was reported; the FEIL above names it


def _rydd(mapper: set[Path], pider: list[int], ventende: dict[int, Resultat]) -> None:
    """Remove every temporary file of this run: the rendered files not yet in place and
    whatever a stopped worker left (``.navn.pdf.<pid>.tmp``)."""
    for r in ventende.values():
        if r.tmp:
            Path(r.tmp).unlink(missing_ok=True)
    for mappe in mapper:
        for pid in {*pider, os.getpid()}:
            for tmp in mappe.glob(f".*.{pid}.tmp"):
                tmp.unlink(missing_ok=True)


def run(args) -> int:
    if args.nytt_lopenummer is not None and not args.duplikat:
        raise InputError("--nytt-lopenummer gjelder bare duplikat (--duplikat)")
    filer = [str(p) for p in expand(args.filer)]
    if not filer:
        raise InputError("fant ingen elevmapper (.json, .yaml eller .yml) i "
                         + ", ".join(args.filer))
    mal = targets(args, filer)
    _ingen_fra_for(args, mal)
    en_fil = Path(args.ut).suffix.lower() == ".pdf"
    nye_mapper = [] if en_fil else _opprett_mappe(Path(args.ut))
    valg = Valg(dato=args.dato or date.today(), maalform=args.maalform, duplikat=args.duplikat,
                nytt_lopenummer=args.nytt_lopenummer, utkast=args.utkast,
                fortrykt=args.fortrykt, dokumenttype=dokumenttype(args), testdata=args.testdata)
    jobber = [(f, str(t), valg) for f, t in zip(filer, mal, strict=True)]
    ny_kjoring()
    fonts.register()  # once here, inherited by every worker
    kodeverk.load()
    rapport = Rapport(len(jobber), som_json=args.json, fremdrift=sys.stderr.isatty())
    koordinator = Koordinator(args, rapport)
    ventende: dict[int, Resultat] = {}
    arbeidere = Arbeidere(lag_en, prosesser(args.jobber, len(jobber)), rydd=rydd)
    try:
        with _signaler(), arbeidere:
            neste = 0
            for nr, r in arbeidere.kjor(jobber):
                if isinstance(r, Borte):
                    fil, pdf, _ = jobber[nr]
                    r = Resultat(fil, pdf, FEIL, problemer=[Problem(
                        fil, "$", f"arbeidsprosessen stoppet uventet (status {r.kode}); "
                        "filen er ikke skrevet ut")])
                ventende[nr] = r
                while neste in ventende:
                    koordinator.ta(ventende.pop(neste))
                    neste += 1
    except Avbrutt as exc:
        _rydd({Path(t).parent for t in mal}, arbeidere.pider, ventende)
        rapport.avbrutt("avbrutt")
        return exc.status
    except Skrivestopp as exc:
        _rydd({Path(t).parent for t in mal}, arbeidere.pider, ventende)
        rapport.avbrutt(f"feil: {exc}; skrivingen er stoppet")
        return INNDATA
    except BaseException:  # a closed pipe (``lag … | head``), an internal error: no leftovers
        _rydd({Path(t).parent for t in mal}, arbeidere.pider, ventende)
        raise
    finally:
        if not rapport.skrevet:
            for mappe in nye_mapper:  # made for this run, and nothing was written
                with contextlib.suppress(OSError):
                    mappe.rmdir()
    rapport.slutt()
    return INNDATA if rapport.feil else FUNN if rapport.nektet else OK
