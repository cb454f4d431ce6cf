"""The elevmappe record model (typed, pydantic v2) and its value sets."""

from vitnemal.model.elevmappe import (
    FORMAT_VERSJON,
    Elevmappe,
    Fag,
    Fravaer,
    MerknadRef,
    Person,
    Programomrade,
    Utsteder,
)
from vitnemal.model.enums import (
    FAGTYPE_REKKEFOLGE,
    Eksamensform,
    Fagtype,
    Karakter,
    Maalform,
    Niva,
    OrdenAdferd,
    Status,
    Vurdering,
)

__all__ = [
    "FAGTYPE_REKKEFOLGE",
    "FORMAT_VERSJON",
    "Eksamensform",
    "Elevmappe",
    "Fag",
    "Fagtype",
    "Fravaer",
    "Karakter",
    "Maalform",
    "MerknadRef",
    "Niva",
    "OrdenAdferd",
    "Person",
    "Programomrade",
    "Status",
    "Utsteder",
    "Vurdering",
]
