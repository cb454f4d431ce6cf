"""Readiness checks (klarsjekker): named checks run against the register before a deadline.

Ref: 000 september 2023 (entries that concern this system's own data: results to SSB/Udir,
exam results to Lånekassen, fullførtkoder to FPVS, grades after appeal); issue 15 for the
NVB deadline (1 July: «applicants must see them there by 1 July») and its checks.

This module is the pure registry (names, what each verifies) and the deadlines within a window
(``frister``); the queries live in the register (``vitnemal.store.klar``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

IKKE_IMPLEMENTERT = "ikke implementert ennå"


@dataclass(frozen=True, slots=True)
class Klarsjekk:
    navn: str
    beskrivelse: str  # what it will verify (Norwegian)
    implementert: bool = True

    @property
    def status(self) -> str:
        return "implementert" if self.implementert else IKKE_IMPLEMENTERT


_CHECKS = (
    Klarsjekk("resultater_ssb",
              "Alle elevmapper for skoleåret har standpunkt-/eksamenskarakter eller gyldig "
              "vurderingsuttrykk i hvert fag og fullførtkode satt, før levering av "
              "ssbResultat og ssbResultatfag."),
    Klarsjekk("eksamensresultater_lanekassen",
              "Eksamensresultatene for perioden (høst- eller våreksamen) er registrert for alle "
              "oppmeldte kandidater før innsending til Lånekassen."),
    Klarsjekk("fullfortkoder_satt",
              "Hver elevmappe i de avsluttede skoleårene som leveres har fullførtkode (004) "
              "før datalevering om fullført videregående opplæring (FPVS)."),
    Klarsjekk("klage_ny_eksamen_oppdatert",
              "Karakterer etter klagebehandling og ny/utsatt eksamen er ført, og fullførtkoden "
              "er oppdatert der resultatet endret den."),
    Klarsjekk("karakterer_registrert",
              "Standpunkt- og eksamenskarakterer (også for privatister) for perioden er "
              "registrert: ingen fag med status som krever vurdering står uten."),
    Klarsjekk("halvarsvurdering_registrert",
              "Halvårsvurdering/terminkarakter H1 er registrert i alle fag der den kreves (004 H)."),
    Klarsjekk("vitnemal_utstedt",
              "Vitnemål/kompetansebevis er utstedt for alle med fullført opplæring (elevmappen "
              "gir et dokument uten FEIL). Seed 000 har ingen dato for dette; NVB-fristen "
              "1. juli bruker sjekken."),
    Klarsjekk("nvb_levert",
              "Alle utstedte dokumenter og annulleringer er levert til NVB (vitnemal nvb "
              "eksport); dokumenter for personer med fiktivt fødselsnummer listes for "
              "oppfølging (003 A01)."),
    Klarsjekk("dokumenter_uten_feil",
              "Ingen elevmappe gir et dokument med FEIL (det kan ikke utstedes eller leveres)."),
)

KLARSJEKKER: dict[str, Klarsjekk] = {c.navn: c for c in _CHECKS}


#: Ref: issue 15 — NVB: the documents must be in the national database by 1 July; seed 000
#: has no entry for it, so the deadline is fixed here (docs/decisions.md).
NVB_FRIST = (7, 1)
NVB_SJEKKER = ("vitnemal_utstedt", "nvb_levert", "dokumenter_uten_feil")


@dataclass(frozen=True, slots=True)
class Frist:
    """A deadline within the window and the readiness check that must hold before it."""

    dato: date
    hva: str
    kilde: str  # the årshjul entry's id, or «NVB»
    klarsjekk: str


def frister(hendelser: Iterable, fra: date, til: date) -> list[Frist]:
    """The deadlines in [fra, til]: the årshjul's entries that name a check (``hendelser``:
    ``arshjul.model.Hendelse`` in the window; the deadline is the entry's last day) and the
    NVB deadline of each year in the window, in date order."""
    ut = [Frist(h.slutt, h.hva, h.oppforing.id, h.oppforing.klarsjekk)
          for h in hendelser if h.oppforing.klarsjekk and fra <= h.slutt <= til]
    for ar in range(fra.year, til.year + 1):
        d = date(ar, *NVB_FRIST)
        if fra <= d <= til:
            ut += [Frist(d, "Vitnemål og kompetansebevis synlige i Nasjonal vitnemålsdatabase",
                         "NVB", navn) for navn in NVB_SJEKKER]
    return sorted(ut, key=lambda f: (f.dato, f.kilde, f.klarsjekk))
