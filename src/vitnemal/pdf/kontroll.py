"""Does the document fit the blankett? Findings for every text that cannot be printed.

``passer(dok)`` is pure over a ``Dokument`` (it only measures, with the bundled font's
metrics): one FEIL per text that does not fit where 001 chapter 2 puts it, naming the field,
and nothing when the document can be printed. The issuing services call it before printing
and refuse a document with such a FEIL like any other (``vitnemal lag``; ``nekt_uten_plass``).
The renderer itself refuses to draw past the margin (``vitnemal.pdf.vakt``), so a document
this check has not passed can never become a PDF that runs off the page.

Each field's room is its ``vitnemal.pdf.felt.Felt``, the same the layout wraps with; the two
checks of height (the top of page 1 and the closing block) use the layout's own functions.
"""

from __future__ import annotations

from vitnemal.dokument.model import Dokument
from vitnemal.findings import Alvorlighet, Finding, sort_findings
from vitnemal.pdf import felt, tabell
from vitnemal.pdf.felt import Felt
from vitnemal.pdf.layout import (
    avslutning_passer,
    forskyvning,
    navnelinjer,
    programomrader,
    sted_dato,
    tekster,
)
from vitnemal.pdf.maal import (
    FAG_MAKS_LINJER,
    FORTS_Y,
    LINJE,
    RAD_MAKS_Y,
    STIPLET_OVER_LUFT,
)
from vitnemal.pdf.side import Side


def _funn(f: Felt, tekst: str, hva: str = "", *, sti: str | None = None,
          fagkode: str | None = None) -> list[Finding]:
    grunn = f.problem(tekst)
    if grunn is None:
        return []
    return [Finding(
        regel=f.regel, paragraf=f.paragraf, alvorlighet=Alvorlighet.FEIL,
        melding=f"{f.navn}{hva} får ikke plass på blanketten: {grunn} (skriftstørrelse 11, "
                "001 §2.1, kan ikke gjøres mindre)",
        fagkode=fagkode, sti=sti)]


def bredder(dok: Dokument) -> list[Finding]:
    """Ref: 001 §2.2, §2.3, §2.6, §2.8, §2.10 — every text of the record in its own room:
    name, programme areas, fag rows, vitnemålsmerknader, place, school, signatories and
    attachment paragraphs (widths and lines, ``vitnemal.pdf.felt``)."""
    lt = tekster(dok)
    ut = _funn(felt.navn(lt), dok.navn, sti="$.person.navn")
    up = felt.utdanningsprogram(any(p.pastand for p in dok.programomrader))
    for p in dok.programomrader:
        ut += _funn(felt.PROGRAMOMRADE, p.navn, f" ({p.kode})")
        ut += _funn(up, p.utdanningsprogram, f" for programområdet {p.kode}")
    for g in dok.grupper:
        for r in g.rader:
            for key, f in felt.CELLER.items():
                ut += _funn(f, getattr(r, tabell.RAD_ATTR[key]), f" for {r.fagkode}",
                            fagkode=r.fagkode)
    for i, m in enumerate(dok.merknader):
        ut += _funn(felt.MERKNAD, m, f" nr. {i + 1}", sti=f"$.vitnemalsmerknader[{i}]")
    ut += _funn(felt.STED_DATO, sted_dato(dok), sti="$.utsteder.sted")
    ut += _funn(felt.SKOLE, dok.skole, sti="$.utsteder.skolenavn")
    for i, navn in enumerate(dok.underskrivere):
        ut += _funn(felt.UNDERSKRIVER, navn, f" nr. {i + 1}", sti=f"$.utsteder.underskrivere[{i}]")
    for i, avsnitt in enumerate(dok.vedlegg):
        ut += _funn(felt.VEDLEGG, avsnitt, f" (avsnitt {i + 1})", sti=f"$.vedlegg[{i}]")
    return ut


def hoyder(dok: Dokument) -> list[Finding]:
    """Ref: 001 §2.3, §2.8, §2.9 — what must share a page still fits on it: the top of page 1
    (identity, «inntil fire linjer» of programme areas, sluttkompetanse) leaves room for the
    column header, a fagtype heading and a fag row of the most lines; the closing block (sum,
    orden og adferd, fravær, vitnemålsmerknader and the stamp's room) fits on a page of its
    own (001 §2.9: «Vitnemålsmerknader fører dere bare på side 2»)."""
    lt = tekster(dok)
    dy = forskyvning(navnelinjer(dok, lt))
    hode = tabell.tegn_ledetekst(Side(), lt, 0.0)
    ut = []
    topp = programomrader(Side(), dok, dy) + STIPLET_OVER_LUFT + hode
    if dok.grupper and topp + FAG_MAKS_LINJER * LINJE > RAD_MAKS_Y:
        ut.append(Finding(
            regel="PLASS-PROGRAMOMRADER", paragraf="001 §2.3", alvorlighet=Alvorlighet.FEIL,
            melding=f"programområdene ({len(dok.programomrader)} linjer) tar så mye plass "
                    "øverst på side 1 at fagene ikke får plass under dem; dere kan føre inntil "
                    "fire linjer med programområder (001 §2.3)"))
    if not avslutning_passer(dok, FORTS_Y + dy + STIPLET_OVER_LUFT):
        ut.append(Finding(
            regel="PLASS-MERKNADER", paragraf="001 §2.8", alvorlighet=Alvorlighet.FEIL,
            melding=f"vitnemålsmerknadene ({len(dok.merknader)}) får ikke plass over stempelet "
                    "og nummeret på én side, selv uten fag over seg (001 §2.8, §2.9)",
            sti="$.vitnemalsmerknader"))
    return ut


def passer(dok: Dokument) -> list[Finding]:
    """Ref: 001 §2.1 — a FEIL for every text that does not fit on the blankett (sorted), or
    nothing when the document can be printed as composed. Heights are judged only when every
    text fits its width and lines."""
    ut = bredder(dok)
    return sort_findings(ut or hoyder(dok))
