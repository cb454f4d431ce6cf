"""Kodeverk as versioned data: fagmerknader, vitnemålsmerknader, vurderingsuttrykk,
eksamensformer, fagtyper, orden/adferd, dokumentrett (§1.9), utdanningsprogram,
programområdekoder, IOP-fagkoder and halvårsvurdering per level (004).

``load()`` reads the bundled YAML files once (cached). A Grep export can replace the bundled
files: pass another directory to ``load(path)``.
"""

from vitnemal.kodeverk.loader import load
from vitnemal.kodeverk.programomradekode import programomradekode_feil
from vitnemal.kodeverk.types import (
    MAALFORMER,
    Dokumentrett,
    Entry,
    Fagtype,
    HalvarFag,
    Kodeverk,
    Merknad,
    SpesiellProgramomradekode,
    Utdanningsprogram,
    Vurderingsuttrykk,
)
from vitnemal.kodeverk.versjon import versjon

__all__ = [
    "MAALFORMER",
    "Dokumentrett",
    "Entry",
    "Fagtype",
    "HalvarFag",
    "Kodeverk",
    "Merknad",
    "SpesiellProgramomradekode",
    "Utdanningsprogram",
    "Vurderingsuttrykk",
    "load",
    "programomradekode_feil",
    "versjon",
]
