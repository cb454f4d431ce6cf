"""Readiness checks (klarsjekker): named checks that later issues will run against the register.

Ref: 000 september 2023 (entries that concern this system's own data: results to SSB/Udir,
exam results to Lånekassen, fullførtkoder to FPVS, grades after appeal)

Only the registry exists: no check is implemented yet («ikke implementert ennå»).
"""

from __future__ import annotations

from dataclasses import dataclass

IKKE_IMPLEMENTERT = "ikke implementert ennå"


@dataclass(frozen=True, slots=True)
class Klarsjekk:
    navn: str
    beskrivelse: str  # what it will verify (Norwegian)
    implementert: bool = False

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
              "Vitnemål/kompetansebevis er utstedt for alle med fullført opplæring. Seed 000 "
              "har ingen dato for dette, så ingen oppføring bruker sjekken ennå."),
)

KLARSJEKKER: dict[str, Klarsjekk] = {c.navn: c for c in _CHECKS}
