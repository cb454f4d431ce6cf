"""Combinations of field values that cannot occur in an elevmappe, as pure functions.

The model validators in ``model.elevmappe`` call these on a validated record; ``model.delvis``
calls them on the parts of a broken record that did validate, so that ``vitnemal valider``
reports them in the same run as wrong types elsewhere. Every function takes *mappings* of
validated field values: a key that is absent means «this field did not validate», and a check
that needs it is skipped rather than guessed. Each problem is ``(loc, melding)`` with ``loc``
the precise location relative to the record (``("fag", 2, "eksamen")``).
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping, Sequence
from typing import Any

from vitnemal.model.enums import Karakter, Vurdering

Loc = tuple[str | int, ...]
Funn = tuple[Loc, str]
Rad = tuple[int, Mapping[str, Any]]  # (index in its list, validated fields)

_MANGLER = object()


def _har(v: Mapping[str, Any], *names: str) -> bool:
    return all(v.get(n, _MANGLER) is not _MANGLER for n in names)


def _fagnavn(f: Mapping[str, Any]) -> str:
    return f.get("fagkode") or (f"«{f['fagnavn']}»" if f.get("fagnavn") else "faget")


def fag_kombinasjoner(f: Mapping[str, Any]) -> Iterator[Funn]:
    """Ref: 001 §2.6, §5.7, §6.1 — combinations within one fag row that cannot occur."""
    if (_har(f, "vurdering", "eksamen") and f["vurdering"] is Vurdering.HALVAR
            and f["eksamen"] is not None):
        yield ("eksamen",), "en halvårsvurdering kan ikke ha eksamenskarakter"
    if (_har(f, "tverrfaglig", "eksamen", "eksamensform") and f["tverrfaglig"]
            and f["eksamen"] is None and f["eksamensform"] is None):
        yield ("tverrfaglig",), ("tverrfaglig eksamen er oppgitt, men verken eksamenskarakter "
                                 "eller eksamensform")
    if _har(f, "privatist", "standpunkt") and f["privatist"] and f["standpunkt"] is not None:
        yield ("standpunkt",), "fag tatt som privatist kan ikke ha standpunktkarakter"
    if _har(f, "privatist", "mer_opplaering") and f["privatist"] and f["mer_opplaering"]:
        yield ("mer_opplaering",), ("fag kan ikke både være tatt som privatist og som mer "
                                    "opplæring")


def programomrade_kombinasjoner(p: Mapping[str, Any], spesielle: Container[str]) -> Iterator[Funn]:
    """Ref: 001 §2.3 — the level digit of a programområdekode (position 6) is the line's level;
    digit 0 and the guideline's named exceptions (``spesielle``) go with any level."""
    if not _har(p, "kode", "niva"):
        return
    kode, niva = p["kode"], p["niva"]
    digit = kode[5] if len(kode) == 10 else ""
    if kode in spesielle or not digit.isdigit() or digit == "0":
        return
    if int(digit) != niva.nummer:
        yield ("niva",), (f"nivå {niva.value} passer ikke med programområdekoden {kode}, "
                          f"som er for vg{digit}")


def merknad_problemer(merknader: Sequence[Rad], vitnemalsmerknader: Container[str]
                      ) -> Iterator[Funn]:
    """Ref: 001 §3.2–3.6 — each vitnemålsmerknad must be a known VMM; a FAM belongs to a fag."""
    for i, m in merknader:
        kode = m.get("kode")
        if kode is None or kode in vitnemalsmerknader:
            continue
        if kode.startswith("FAM"):
            yield (i,), f"{kode} er en fagmerknad og hører til et fag"
        else:
            yield (i,), f"ukjent vitnemålsmerknad {kode}"


def fravaer_problemer(rader: Sequence[Rad]) -> Iterator[Funn]:
    """Ref: 001 §2.7 — fravær is given once per year of the opplæring."""
    sett: set[int] = set()
    for i, r in rader:
        ar = r.get("ar")
        if ar is None:
            continue
        if ar in sett:
            yield (i, "ar"), f"fravær er oppgitt mer enn én gang for samme år ({ar}. år)"
        sett.add(ar)


def mappe_kombinasjoner(
    iop: bool | None,
    linjer: Sequence[Rad],
    fag: Sequence[Rad],
    *,
    linjer_kjent: bool,
    iop_fagkoder: Container[str],
    komprimerte: Container[str],
) -> Iterator[Funn]:
    """Combinations across records of one elevmappe (locations from the record's root).

    ``iop`` is None when ``person.iop`` did not validate; ``linjer_kjent`` is False when some
    programme area line's ``kode`` or ``niva`` did not validate (the level checks then keep
    quiet rather than guess which levels the record has).
    """
    if iop is False:
        yield from _uten_iop_vedtak(fag, iop_fagkoder)
    yield from _doble_linjer(linjer)
    if linjer_kjent:
        yield from _fag_uten_linje(linjer, fag, komprimerte)


def _uten_iop_vedtak(fag: Sequence[Rad], iop_fagkoder: Container[str]) -> Iterator[Funn]:
    """Ref: 001 §11.3 — VO («vurdert etter individuell opplæringsplan») and the IOP fagkoder
    IOP1000–IOP5000 are only for a person with enkeltvedtak om individuelt tilrettelagt
    opplæring and an individuell opplæringsplan (``person.iop``)."""
    for i, f in fag:
        navn = _fagnavn(f)
        if f.get("fagkode") in iop_fagkoder:
            yield ("fag", i, "fagkode"), (
                f"{f['fagkode']} er en IOP-fagkode (001 §11.3) og krever enkeltvedtak om "
                "individuell opplæringsplan (person.iop)")
        for felt in ("standpunkt", "eksamen"):
            if f.get(felt) is Karakter.VO:
                yield ("fag", i, felt), (
                    f"VO (vurdert etter individuell opplæringsplan) i {navn} krever enkeltvedtak "
                    "om individuell opplæringsplan (person.iop)")


def _doble_linjer(linjer: Sequence[Rad]) -> Iterator[Funn]:
    """Ref: 001 §2.3 — one line per programme area and year."""
    sett: set[tuple] = set()
    for i, p in linjer:
        if not _har(p, "kode", "niva", "skolear"):
            continue
        key = (p["kode"], p["niva"], p["skolear"])
        if key in sett:
            yield ("programomrader", i), (
                f"programområdet {p['kode']} ({p['niva'].value}) er oppgitt to ganger for "
                f"skoleåret {p['skolear']}")
        sett.add(key)


def _fag_uten_linje(linjer: Sequence[Rad], fag: Sequence[Rad], komprimerte: Container[str]
                    ) -> Iterator[Funn]:
    """Ref: 001 §2.3 — a fag row is printed under the programme area line it belongs to:
    the line named by its ``programomrade``, else a line on its level (``trinn``). A record
    without programme area lines, or whose lines are all komprimerte løp (PBPBY4…, 004 vg3,
    whose fag may come from any level), is not checked."""
    if not linjer or all(p["kode"] in komprimerte for _, p in linjer):
        return
    koder = {p["kode"] for _, p in linjer}
    nivaer = {p["niva"] for _, p in linjer}
    for i, f in fag:
        navn = _fagnavn(f)
        eksplisitt = f.get("programomrade")
        if eksplisitt:
            if eksplisitt not in koder:
                yield ("fag", i, "programomrade"), (
                    f"{navn} er ført på programområdet {eksplisitt}, men elevmappen har ingen "
                    "programområdelinje med den koden")
        elif "trinn" in f and f["trinn"] not in nivaer:
            trinn = f["trinn"].value
            yield ("fag", i, "trinn"), (
                f"{navn} er ført på trinn {trinn}, men elevmappen har ingen programområdelinje "
                f"på {trinn} (001 §2.3)")
