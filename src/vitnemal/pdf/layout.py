"""From a ``Dokument`` to laid-out pages (001 chapter 2, seed 002), point by point.

Pure: no PDF library is touched here except for font metrics. ``layout(dok)`` returns the pages
with every text and line in reading order; ``vitnemal.pdf.render`` writes them.
"""

from __future__ import annotations

from collections.abc import Sequence

from vitnemal.dokument.model import Dokument
from vitnemal.dokument.tekster import ledetekster
from vitnemal.pdf import felt, fonts, tabell
from vitnemal.pdf.maal import (
    AVSLUTNING_MAKS_Y,
    DUPLIKAT_Y,
    FODSELSNUMMER_Y,
    FORTS_Y,
    FRAVAER_AR_BREDDE,
    FRAVAER_AR_HOYRE,
    FRAVAER_ENHET_X,
    HOYRE,
    INNLEDNING_Y,
    LINJE,
    LINJE_UNDER_FAG,
    MERKNAD_LUFT,
    MERKNAD_MAKS_Y,
    NAVN_Y,
    NUMMER_Y,
    PASTAND_HOYRE,
    PROGRAM_KODE_X,
    PROGRAM_NAVN_X,
    PROGRAM_UTDANNINGSPROGRAM_X,
    RAD_MAKS_Y,
    SIDE_B,
    SIDE_Y,
    SKOLE_Y,
    SKRIFT,
    SKRIFT_DUPLIKAT,
    SKRIFT_NUMMER,
    SKRIFT_TITTEL,
    STED_DATO_Y,
    STEMPEL_H,
    STIPLET_OVER_LUFT,
    TITTEL_Y,
    TOTAL_FELT_X,
    UNDERSKRIFT_NAVN_LUFT,
    UNDERSKRIFT_STREK_Y,
    UNDERSKRIFT_X,
    UNDERTITTEL_Y,
    VENSTRE,
)
from vitnemal.pdf.side import Side
from vitnemal.pdf.tabell import Post


def tekster(dok: Dokument) -> dict[str, str]:
    """The blankett's labels in the document's målform (dokument.tekster)."""
    return dok.ledetekster or ledetekster(dok.maalform)


def blankett(side: Side, dok: Dokument, lt: dict[str, str]) -> None:
    """Ref: 001 §2.1 — the blankett's own print (title), and the marks on every page:
    «UTKAST» watermark for drafts and the «DUPLIKAT» stamp (001 §2.11 «Duplikat skal stemples
    med duplikat»). On the pre-printed blankett (``dok.fortrykt``) its title is not printed
    again."""
    if dok.utkast:
        side.watermark(lt["utkast"])
    if not dok.fortrykt:
        side.text(SIDE_B / 2, TITTEL_Y, dok.tittel, "B", SKRIFT_TITTEL, "c")
        side.text(SIDE_B / 2, UNDERTITTEL_Y, lt["undertittel"], "R", SKRIFT, "c")
    if dok.duplikat:
        w = fonts.width(lt["duplikat"], "B", SKRIFT_DUPLIKAT)
        side.box(HOYRE - w - 4.0, DUPLIKAT_Y - 6.5, w + 4.0, 9.0)
        side.text(HOYRE - 2.0, DUPLIKAT_Y, lt["duplikat"], "B", SKRIFT_DUPLIKAT, "r")


def navnelinjer(dok: Dokument, lt: dict[str, str]) -> list[str]:
    """Ref: 001 §2.2 — the name as printed, wrapped (``felt.navn``)."""
    return felt.navn(lt).linjer(dok.navn)


def forskyvning(navn: list[str]) -> float:
    """How far (mm) a name in more than one line (``navnelinjer``) moves everything under it
    down, on every page: fødselsnummer, innledning, «forts. fra side», the attachment heading."""
    return (len(navn) - 1) * LINJE


def identitet(side: Side, dok: Dokument, lt: dict[str, str], navn: list[str]) -> None:
    """Ref: 001 §2.2 — «Øverst på dokumentasjonen fører dere identitetsopplysningene med
    ledetekst og med fet type: Navn: … Fødselsnummer: <11-sifret fødselsnummer>»; the name
    as wrapped (``navnelinjer``)."""
    x = felt.identitet_x(lt)
    side.text(VENSTRE, NAVN_Y, lt["navn"], "B")
    for i, s in enumerate(navn):
        side.text(x, NAVN_Y + i * LINJE, s, "B")
    dy = forskyvning(navn)
    side.text(VENSTRE, FODSELSNUMMER_Y + dy, lt["fodselsnummer"], "B")
    side.text(x, FODSELSNUMMER_Y + dy, dok.fodselsnummer, "B")


def programomrader(side: Side, dok: Dokument, dy: float = 0.0) -> float:
    """Ref: 001 §2.3 — innledning, one line per programområde (code, name, utdanningsprogram
    «rett under hverandre», vg1–vg4), then sluttkompetanse (vitnemål) or «fullført»/«bestått»
    «til høyre på linjen» (kompetansebevis). ``dy``: the name's extra lines. Returns the last
    baseline used."""
    y = INNLEDNING_Y + dy
    side.text(VENSTRE, y, dok.innledning)
    side.text(PROGRAM_UTDANNINGSPROGRAM_X, y, dok.innledning_program)
    up_felt = felt.utdanningsprogram(any(p.pastand for p in dok.programomrader))
    for p in dok.programomrader:
        y += LINJE
        navn = felt.PROGRAMOMRADE.linjer(p.navn)
        up = up_felt.linjer(p.utdanningsprogram)
        side.text(PROGRAM_KODE_X, y, p.kode)
        for i, s in enumerate(navn):
            side.text(PROGRAM_NAVN_X, y + i * LINJE, s)
        for i, s in enumerate(up):
            side.text(PROGRAM_UTDANNINGSPROGRAM_X, y + i * LINJE, s)
        side.text(PASTAND_HOYRE, y, p.pastand, align="r")
        y += (max(len(navn), len(up)) - 1) * LINJE
    for s in dok.sluttkompetanse:
        y += LINJE
        side.text(VENSTRE, y, s)
    return y


def forts(side: Side, dok: Dokument, lt: dict[str, str], fra_side: int,
          navn: list[str]) -> float:
    """Ref: 001 §2.9 — «Side 2 i dokumentasjonen begynner med … navn og fødselsnummer; tekst:
    forts. fra side 1». Returns the last baseline used."""
    identitet(side, dok, lt, navn)
    y = FORTS_Y + forskyvning(navn)
    side.text(VENSTRE, y, lt["forts"].replace("1", str(fra_side)))
    return y


def underskrift(side: Side, dok: Dokument, lt: dict[str, str], sidetekst: str) -> None:
    """Ref: 001 §2.8 — «Nede i høyre hjørne … sted, dato, skole eller fylkeskommune og
    underskrift av to personer. Dato føres på formatet <dd.mm.åååå>.» «Sted, dato, skole og to
    underskrifter skal alltid komme samme sted på blanketten.» Then «Side x av y» (001 §2.9)
    and the number «nederst til venstre … sammenhengende uten mellomrom … Skriftstørrelse
    skal være 9» (001 §2.8)."""
    side.text(UNDERSKRIFT_X, STED_DATO_Y, sted_dato(dok))
    for i, s in enumerate(felt.SKOLE.linjer(dok.skole)):
        side.text(UNDERSKRIFT_X, SKOLE_Y + i * LINJE, s)
    for y, navn in zip(UNDERSKRIFT_STREK_Y, dok.underskrivere, strict=True):
        side.line(UNDERSKRIFT_X, y, HOYRE, y)
        side.text(UNDERSKRIFT_X, y + UNDERSKRIFT_NAVN_LUFT, navn)
    side.text(VENSTRE, NUMMER_Y, "".join(dok.dokumentnummer.split()), "R", SKRIFT_NUMMER)
    side.text(HOYRE, SIDE_Y, sidetekst, align="r")


def sted_dato(dok: Dokument) -> str:
    """Ref: 001 §2.8 — «sted, dato … Dato føres på formatet <dd.mm.åååå>»."""
    return f"{dok.sted}, {dok.dato}"


def _merknad_linjer(dok: Dokument) -> list[list[str]]:
    return [felt.MERKNAD.linjer(m) for m in dok.merknader]


def _avslutning_hoyde(dok: Dokument) -> tuple[float, float]:
    """Heights (mm, baseline to baseline) of sum/orden/fravær and of merknader + stamp."""
    totals = LINJE_UNDER_FAG + LINJE + (3 * LINJE if dok.fravaer else 0.0)
    m = _merknad_linjer(dok)
    merk = 0.0
    if m:
        merk = MERKNAD_LUFT + sum(len(x) for x in m) * LINJE + (len(m) - 1) * 1.0
    return totals, merk + STEMPEL_H


def avslutning_passer(dok: Dokument, siste_y: float) -> bool:
    """Ref: 001 §2.7–2.8 — the closing block fits under the last fag at ``siste_y``: totals
    above place and date, merknader and the stamp above the number."""
    totals, rest = _avslutning_hoyde(dok)
    return siste_y + totals <= AVSLUTNING_MAKS_Y and siste_y + totals + rest <= MERKNAD_MAKS_Y


def avslutning(side: Side, dok: Dokument, lt: dict[str, str], siste_y: float) -> None:
    """Ref: 001 §2.7 — «Under den stiplede linjen fører dere: Total sum omfang …, Orden og
    adferd …, Fravær spesifisert for hvert år»; 001 §2.8 «Til venstre på blanketten under
    fravær fører dere eventuelle vitnemålsmerknader»."""
    y = siste_y + LINJE_UNDER_FAG + LINJE
    verdier = [(lt["sum_omfang"], dok.sum_omfang), (lt["orden"], dok.orden),
               (lt["adferd"], dok.adferd)]
    fri = VENSTRE
    for x, (label, value) in zip(TOTAL_FELT_X, verdier, strict=True):
        if value:
            x = max(x, fri)
            vx = x + fonts.width(label, "R", SKRIFT) + 3.0
            side.text(x, y, label)
            side.text(vx, y, value)
            fri = vx + fonts.width(value, "R", SKRIFT) + 6.0
    if dok.fravaer:
        y += LINJE
        side.text(VENSTRE, y, lt["fravaer"])
        for i, f in enumerate(dok.fravaer):
            side.text(FRAVAER_AR_HOYRE + i * FRAVAER_AR_BREDDE, y, f.etikett, align="r")
        for key, attr in (("dager", "dager"), ("timer", "timer")):
            y += LINJE
            side.text(FRAVAER_ENHET_X, y, lt[key])
            for i, f in enumerate(dok.fravaer):
                side.text(FRAVAER_AR_HOYRE + i * FRAVAER_AR_BREDDE, y, getattr(f, attr), align="r")
    y += MERKNAD_LUFT
    for lines in _merknad_linjer(dok):
        for s in lines:
            y += LINJE
            side.text(VENSTRE, y, s)
        y += 1.0


def _fordel(dok: Dokument, poster: list[Post], start_1: float, start_n: float) -> list[list[Post]]:
    """Ref: 001 §2.9 — «Hvis det ikke er plass til å føre alle fag på én side, fører dere
    dokumentasjonen over to sider»: as many fag as fit on page 1 above place/date, the rest
    (with totals and merknader) on the next. A heading never ends a page; the last page always
    holds at least one fag. More than two pages only if two cannot hold the fag."""
    sider: list[list[Post]] = []
    i = 0
    while True:
        start = start_1 if not sider else start_n
        rest = poster[i:]
        y = start
        for p in rest:
            y += p.linjer * LINJE
        if avslutning_passer(dok, y - LINJE):
            sider.append(rest)
            return sider
        if not rest:  # no fag at all, and the closing block does not fit under the header
            return [[], []]
        y, n = start, 0
        for p in rest:
            if y + (p.linjer - 1) * LINJE > RAD_MAKS_Y:
                break
            y += p.linjer * LINJE
            n += 1
        if n == len(rest):
            n -= 1
        while n > 0 and rest[n - 1].overskrift is not None:
            n -= 1
        if n <= 0:  # not even one fag fits with what must follow: take one anyway, never loop
            n = 2 if rest[0].overskrift is not None else 1
            if n >= len(rest):  # the fag fit, the closing block does not: it gets a page
                sider.append(rest)
                sider.append([])
                return sider
        sider.append(rest[:n])
        i += n


def layout(dok: Dokument) -> list[Side]:
    """Ref: 001 §2.1 — the whole document, page by page (001 §2.2–2.9), then its
    attachments (001 §2.10)."""
    lt = tekster(dok)
    poster = tabell.poster(dok)
    navn = navnelinjer(dok, lt)
    dy = forskyvning(navn)
    forside = Side()
    blankett(forside, dok, lt)
    identitet(forside, dok, lt, navn)
    y_topp = programomrader(forside, dok, dy)
    start_1 = y_topp + STIPLET_OVER_LUFT
    start_n = FORTS_Y + dy + STIPLET_OVER_LUFT
    header_h = tabell.tegn_ledetekst(Side(), lt, 0.0)
    fordeling = _fordel(dok, poster, start_1 + header_h, start_n + header_h)
    sider = []
    for n, del_ in enumerate(fordeling, start=1):
        if n == 1:
            side = forside
            y = tabell.tegn_ledetekst(side, lt, start_1)
        else:
            side = Side()
            blankett(side, dok, lt)
            forts(side, dok, lt, n - 1, navn)
            y = tabell.tegn_ledetekst(side, lt, start_n) if del_ else start_n + LINJE
        for p in del_:
            y = tabell.tegn_post(side, p, y)
        siste = y - LINJE
        if del_:
            side.line(VENSTRE, siste + LINJE_UNDER_FAG, HOYRE, siste + LINJE_UNDER_FAG,
                      dashed=True)
        if n == len(fordeling):
            avslutning(side, dok, lt, siste)
        sidetekst = lt["side"].format(side=n, av=len(fordeling)) if len(fordeling) > 1 else ""
        underskrift(side, dok, lt, sidetekst)
        sider.append(side)
    sider.extend(vedleggssider(dok, lt, dok.vedlegg, navn))
    return sider


def vedleggssider(dok: Dokument, lt: dict[str, str], avsnitt: Sequence[str],
                  navn: list[str]) -> list[Side]:
    """Ref: 001 §2.10 — «Vedlegg skal merkes med samme identifikasjonsopplysninger som
    vitnemålet/kompetansebeviset, det vil si: Navn, fødselsnummer og vitnemål-/
    kompetansebevisnummer. … de samme underskrifter». On the ordinary blankett."""
    if not avsnitt:
        return []
    sider: list[Side] = []
    side, y = None, 0.0
    dy = forskyvning(navn)
    for n, tekst in enumerate(avsnitt):
        if n:
            y += LINJE  # a blank line between paragraphs; dropped when a new page follows
        for s in felt.VEDLEGG.linjer(tekst):
            if side is None or y + LINJE > AVSLUTNING_MAKS_Y:
                side = Side()
                blankett(side, dok, lt)
                identitet(side, dok, lt, navn)
                side.text(VENSTRE, INNLEDNING_Y + dy, lt["vedlegg"], "B")
                y = INNLEDNING_Y + dy + LINJE
                sider.append(side)
            y += LINJE
            side.text(VENSTRE, y, s)
    for s in sider:
        underskrift(s, dok, lt, "")
    return sider
