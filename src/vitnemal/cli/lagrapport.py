"""What ``vitnemal lag`` says about each file, as the file is done: a «skrevet» line on stdout
(flushed at once, so a pipe sees it too), the reasons for a refused or broken file on stderr,
or with ``--json`` one JSON object per line on stdout. On a terminal, stderr also shows a
progress line that is rewritten in place (and wiped before any other line is printed)."""

from __future__ import annotations

import json
import sys
import time

from vitnemal.cli.lagjobb import FEIL, NEKTET, SKREVET, Resultat
from vitnemal.dokument.model import Dokumenttype
from vitnemal.io.load import Problem
from vitnemal.meldinger import antall, begrens

TRUKKET = "trukket"
"""Status of a document written earlier in the run and removed again (its number turned out
to be another person's too)."""

_TYPE = {Dokumenttype.VITNEMAL: "vitnemål", Dokumenttype.KOMPETANSEBEVIS: "kompetansebevis"}
_TYPE_JSON = {Dokumenttype.VITNEMAL: "vitnemal", Dokumenttype.KOMPETANSEBEVIS: "kompetansebevis"}


class Fremdrift:
    """«12/5000 ferdig» on stderr, at most ten times a second, only on a terminal."""

    def __init__(self, totalt: int, *, på: bool):
        self.totalt = totalt
        self.på = på
        self._vist = False
        self._sist = 0.0

    def vis(self, ferdig: int, skrevet: int) -> None:
        if not self.på or time.monotonic() - self._sist < 0.1 and ferdig < self.totalt:
            return
        self._sist = time.monotonic()
        sys.stderr.write(f"\r\x1b[K{ferdig}/{self.totalt} ferdig, {skrevet} skrevet")
        sys.stderr.flush()
        self._vist = True

    def visk(self) -> None:
        if self._vist:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self._vist = False


class Rapport:
    """Prints each result as it is decided; counts what was written, refused and broken."""

    def __init__(self, totalt: int, *, som_json: bool, fremdrift: bool):
        self.totalt = totalt
        self.som_json = som_json
        self.fremdrift = Fremdrift(totalt, på=fremdrift and not som_json)
        self.ferdig = self.skrevet = self.nektet = self.feil = 0
        self.problemer = 0
        self.filer_med_feil = 0

    def _ut(self, tekst: str, *, feil: bool = False) -> None:
        self.fremdrift.visk()
        print(tekst, file=sys.stderr if feil else sys.stdout, flush=True)

    def _json(self, r: Resultat, status: str) -> None:
        self._ut(json.dumps({
            "fil": r.fil, "status": status, "pdf": r.pdf if status == SKREVET else None,
            "dokumenttype": _TYPE_JSON.get(r.dokumenttype), "dokumentnummer": r.dokumentnummer,
            "sider": r.sider if status == SKREVET else None,
            "funn": [{**f.as_dict(), "melding": begrens(f.melding)} for f in r.funn],
            "problemer": [p.as_dict() for p in r.problemer]
            + ([Problem(r.fil, "$", r.skrivefeil).as_dict()] if r.skrivefeil else []),
        }, ensure_ascii=False))

    def resultat(self, r: Resultat) -> None:
        """Report a file whose fate is final (written and in place, refused, or broken)."""
        self.ferdig += 1
        if r.status == SKREVET:
            self.skrevet += 1
            if self.som_json:
                self._json(r, SKREVET)
            else:
                self._ut(f"skrevet {r.pdf}: {_TYPE[r.dokumenttype]}{r.merke}, "
                         f"{antall(r.sider, 'side', 'sider')}, nr. {r.dokumentnummer}")
        elif r.status == NEKTET:
            self.nektet += 1
            self._json(r, NEKTET) if self.som_json else self._nektet(r)
        else:
            self.feil += 1
            self.filer_med_feil += 1
            self.problemer += len(r.problemer) + bool(r.skrivefeil)
            if self.som_json:
                self._json(r, FEIL)
            else:
                for p in r.problemer:
                    self._ut(begrens(str(p)), feil=True)
                if r.skrivefeil:
                    self._ut(f"{r.fil}: {begrens(r.skrivefeil)}", feil=True)
        self.fremdrift.vis(self.ferdig, self.skrevet)

    def _nektet(self, r: Resultat) -> None:
        feil = [f for f in r.funn if f.alvorlighet.value == "FEIL"]
        plass = any(f.regel.startswith("PLASS-") for f in feil)  # no layout holds it: no draft
        self._ut(f"IKKE SKREVET UT {r.fil}: {antall(len(feil), 'FEIL', 'FEIL')} — dokumentet "
                 f"skal ikke skrives ut som original{'' if plass else ' (--utkast gir et utkast)'}",
                 feil=True)
        for f in feil:
            self._ut(f"    {f.alvorlighet.value} {f.regel} ({f.paragraf}): {begrens(f.melding)}",
                     feil=True)

    def trukket(self, r: Resultat) -> None:
        """A document written earlier in this run was removed again (``r.funn`` says why)."""
        self.skrevet -= 1
        self.nektet += 1
        if self.som_json:
            self._json(r, TRUKKET)
            return
        self._ut(f"TRUKKET TILBAKE {r.pdf} ({r.fil}): filen er slettet igjen", feil=True)
        for f in r.funn:
            if f.alvorlighet.value == "FEIL":
                self._ut(f"    FEIL {f.regel} ({f.paragraf}): {begrens(f.melding)}", feil=True)

    def slutt(self) -> None:
        """The closing summary on stderr (not with ``--json``: every line is a document)."""
        self.fremdrift.visk()
        if self.som_json:
            return
        if self.feil:
            print(f"feil: {self.problemer} feil i {antall(self.filer_med_feil, 'fil', 'filer')}; "
                  "de andre filene er behandlet", file=sys.stderr)
        if self.nektet:
            print(f"{self.nektet} av {antall(self.totalt, 'dokument', 'dokumenter')} ble ikke "
                  "skrevet ut", file=sys.stderr)

    def avbrutt(self, grunn: str) -> None:
        """The run stopped early (a signal, a write error): say how far it came."""
        self.fremdrift.visk()
        print(f"{grunn}: {self.skrevet} av {antall(self.totalt, 'dokument', 'dokumenter')} ble "
              "skrevet; arbeidsprosessene er stoppet og ingen halvskrevne filer er igjen",
              file=sys.stderr, flush=True)
