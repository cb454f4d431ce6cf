"""Write laid-out pages as a PDF/A-2b file with the ReportLab canvas.

One text object per page (fewer operators, faster), lines after the text of the page, the
watermark first so that it lies under everything. Every text passes ``vitnemal.pdf.vakt``
first: a character without a glyph, or a text outside the printable area, is an internal
error and nothing is written. Only black and one light grey are used, in
DeviceRGB, which the sRGB OutputIntent covers (vitnemal.pdf.pdfa).
"""

from __future__ import annotations

import io
import math
import os

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from vitnemal.dokument.model import Dokument, Dokumenttype
from vitnemal.pdf import fonts, pdfa, vakt
from vitnemal.pdf.layout import layout, tekster
from vitnemal.pdf.maal import MM, SIDE_B, SIDE_H, SKRIFT_UTKAST, STIPLET_MONSTER, STREK
from vitnemal.pdf.side import Side

_W, _H = SIDE_B * MM, SIDE_H * MM
_SPRAK = {"nb": "nb-NO", "nn": "nn-NO", "en": "en"}


def metadata(dok: Dokument) -> dict[str, str]:
    """Title, author and subject of the PDF (Info and XMP agree): the document and the person.

    Ref: 001 §2.1 — the blankett's title in the document's målform.
    """
    lt = tekster(dok)
    title = f"{dok.tittel.capitalize() if dok.maalform != 'en' else dok.tittel.title()} – {dok.navn}"
    kind = "vitnemal" if dok.type is Dokumenttype.VITNEMAL else "kompetansebevis"
    subject = f"{lt[kind]} {lt['undertittel']}, {lt['nummer']} {dok.dokumentnummer}"
    if dok.duplikat:
        subject += f" ({lt['duplikat']})"
    if dok.utkast:
        subject += f" ({lt['utkast']})"
    return {"title": title, "author": dok.skole, "subject": subject,
            "lang": _SPRAK.get(dok.maalform, dok.maalform)}


def _draw(c: Canvas, side: Side, names: dict[str, str]) -> None:
    lines = []
    t = c.beginText()
    cur = None
    for op in side.ops:
        kind = op[0]
        if kind == "T":
            _, x, y, font, size, s = op
            vakt.tekst(x, y, font, size, s)
            if cur != (font, size):
                t.setFont(names[font], size)
                cur = (font, size)
            t.setTextOrigin(x * MM, _H - y * MM)
            t.textOut(s)
        elif kind == "W":
            vakt.tegnbar(op[1], "B")
            _watermark(c, op[1], names)
        else:
            lines.append(op)
    c.drawText(t)
    if not lines:
        return
    c.setLineWidth(STREK)
    dashed = None
    for op in lines:
        if op[0] == "B":
            _, x, y, w, h = op
            c.setDash([])
            dashed = False
            c.rect(x * MM, _H - (y + h) * MM, w * MM, h * MM, stroke=1, fill=0)
            continue
        _, x1, y1, x2, y2, d = op
        if d != dashed:
            c.setDash(list(STIPLET_MONSTER) if d else [])
            dashed = d
        c.line(x1 * MM, _H - y1 * MM, x2 * MM, _H - y2 * MM)


def _watermark(c: Canvas, s: str, names: dict[str, str]) -> None:
    """A draft is marked «UTKAST» across the page in light grey, under the text (no
    transparency, which PDF/A-2b would need a blending group for)."""
    c.saveState()
    c.setFillColorRGB(0.86, 0.86, 0.86)
    c.translate(_W / 2, _H / 2)
    c.rotate(math.degrees(math.atan2(_H, _W)))
    c.setFont(names["B"], SKRIFT_UTKAST)
    c.drawCentredString(0, -SKRIFT_UTKAST * 0.35, s)
    c.restoreState()
    c.setFillColorRGB(0, 0, 0)


def render(dok: Dokument, target: str | os.PathLike | io.IOBase | None = None, *,
           invariant: bool = False) -> bytes:
    """Render ``dok`` as PDF/A-2b. Returns the bytes; also writes them to ``target`` (a path
    or a binary file) when given. ``invariant`` fixes dates and ID (reproducible output).

    Ref: 001 §2.1 — the layout of chapter 2 (vitnemal.pdf.layout); PDF/A-2b for archiving.
    """
    return render_sider(dok, target, invariant=invariant)[0]


def render_sider(dok: Dokument, target: str | os.PathLike | io.IOBase | None = None, *,
                 invariant: bool = False) -> tuple[bytes, int]:
    """Ref: 001 §2.1, §2.9 — as ``render``, and also the number of pages written
    (attachments included)."""
    names = fonts.register()
    sider = layout(dok)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(_W, _H), pageCompression=1, invariant=1 if invariant else 0,
               initialFontName=names["R"], initialFontSize=11, pdfVersion=(1, 7))
    pdfa.prepare(c, **metadata(dok))
    for side in sider:
        _draw(c, side, names)
        c.showPage()
        pdfa.end_page(c)
    _save_plain(c)
    data = buf.getvalue()
    if target is not None:
        if hasattr(target, "write"):
            target.write(data)
        else:
            _write_atomic(os.fspath(target), data)
    return data, len(sider)


def _save_plain(c: Canvas) -> None:
    """Save with Flate only: ReportLab's default ASCII85 layer on top of Flate makes files
    25 % larger and costs time. ``rl_config.useA85`` is read while saving, so it is switched
    off for this call only (not thread-safe; the renderer runs one document per process)."""
    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        c.save()
    finally:
        rl_config.useA85 = old


def _write_atomic(path: str, data: bytes) -> None:
    """Nothing half-written: write beside the target, flush it to disk, then rename."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
