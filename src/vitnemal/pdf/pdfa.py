"""PDF/A-2b written directly by the ReportLab canvas: no second pass over the file.

ISO 19005-2 level B asks, beyond a clean PDF: an XMP metadata stream in the catalog that
declares ``pdfaid:part=2``/``conformance=B`` and agrees with the Info dictionary; an
OutputIntent ``GTS_PDFA1`` with an ICC profile for the device colours used; every font
embedded (ReportLab embeds TrueType subsets with widths); a file identifier in the trailer;
no encryption, JavaScript, transparency or page transitions. This module adds what ReportLab
does not write itself and removes the empty ``/Trans`` it writes on every page.

The sRGB profile is bundled (``icc/sRGB.icc``, Little CMS generated, «no copyright, use
freely»; see ``icc/README.md``); it is read and compressed once per process.
"""

from __future__ import annotations

import zlib
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc

PRODUCER = "vitnemal (ReportLab)"
CREATOR = "vitnemal"


@lru_cache(maxsize=1)
def _icc_compressed() -> bytes:
    data = resources.files("vitnemal.pdf").joinpath("icc", "sRGB.icc").read_bytes()
    return zlib.compress(data, 9)


class _RawStream(pdfdoc.PDFStream):
    """A stream whose content is already Flate-compressed (cached across documents)."""

    def __init__(self, dictionary: dict, compressed: bytes):
        d = dict(dictionary)
        d["Filter"] = pdfdoc.PDFName("FlateDecode")
        super().__init__(dictionary=pdfdoc.PDFDictionary(d), content=compressed, filters=())


#: ReportLab's catalog writes only keys it knows; ``/OutputIntents`` is added per instance.
_CATALOG_KEYS = [*pdfdoc.PDFCatalog.__NoDefault__, "OutputIntents"]
_CATALOG_REFS = list(pdfdoc.PDFCatalog.__Refs__)


def _iso(ts) -> str:
    """The timestamp of the document as XMP wants it (same instant as Info /CreationDate)."""
    y, mo, d, h, mi, s = ts.YMDhms
    tz = timezone(timedelta(hours=ts.dhh, minutes=ts.dmm))
    return datetime(y, mo, d, h, mi, s, tzinfo=tz).isoformat()


def _xmp(title: str, author: str, subject: str, lang: str):
    def make(doc) -> bytes:
        when = _iso(doc._timeStamp)
        t, a, s = escape(title), escape(author), escape(subject)
        return (
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
            '<rdf:Description rdf:about=""'
            ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
            ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
            "<pdfaid:part>2</pdfaid:part>\n"
            "<pdfaid:conformance>B</pdfaid:conformance>\n"
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>\n'
            f"<dc:creator><rdf:Seq><rdf:li>{a}</rdf:li></rdf:Seq></dc:creator>\n"
            f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{s}</rdf:li></rdf:Alt>'
            "</dc:description>\n"
            f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>\n"
            "<dc:format>application/pdf</dc:format>\n"
            f"<xmp:CreateDate>{when}</xmp:CreateDate>\n"
            f"<xmp:ModifyDate>{when}</xmp:ModifyDate>\n"
            f"<xmp:MetadataDate>{when}</xmp:MetadataDate>\n"
            f"<xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>\n"
            f"<pdf:Producer>{PRODUCER}</pdf:Producer>\n"
            "<pdf:Keywords></pdf:Keywords>\n"
            "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
            '<?xpacket end="w"?>'
        ).encode()
    return make


def prepare(canvas, *, title: str, author: str, subject: str, lang: str) -> None:
    """Make the canvas write PDF/A-2b parts: Info, XMP, OutputIntent. Call before drawing."""
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator(CREATOR)
    canvas.setProducer(PRODUCER)
    canvas.setKeywords("")
    doc = canvas._doc
    cat = doc.Catalog
    cat.__NoDefault__ = _CATALOG_KEYS
    cat.__Refs__ = _CATALOG_REFS
    cat.Lang = pdfdoc.PDFString(lang)
    cat.Metadata = pdfdoc.XMP(creator=_xmp(title, author, subject, lang))
    icc = _RawStream({"N": 3}, _icc_compressed())
    cat.OutputIntents = pdfdoc.PDFArray([pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("OutputIntent"),
        "S": pdfdoc.PDFName("GTS_PDFA1"),
        "OutputConditionIdentifier": pdfdoc.PDFString("sRGB IEC61966-2.1"),
        "Info": pdfdoc.PDFString("sRGB IEC61966-2.1"),
        "DestOutputProfile": doc.Reference(icc),
    })])


def end_page(canvas) -> None:
    """Drop the empty ``/Trans`` ReportLab puts on each page (PDF/A forbids transitions)."""
    canvas._doc.Pages.pages[-1].Trans = None
