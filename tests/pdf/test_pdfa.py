"""PDF/A-2b (ISO 19005-2 level B), the archival form of the printed documents.

Ref: 001 §2.1 — the blankett as a file; vitnemal.pdf.pdfa lists what level B asks. The
validator (``pikepdf.pdfa.validate_written``) judges the whole file; the structural checks
below name the cause when one part regresses, and cover what this validator does not
compare (Info and XMP agreeing: it passes a file whose /Title differs from dc:title).
"""

from __future__ import annotations

import io
from datetime import datetime

import pikepdf
import pikepdf.pdfa
import pytest

from vitnemal.pdf.render import metadata, render

from . import pdf_support as ps
from .fixtures import FIXTURES


def _rapport(source) -> pikepdf.pdfa.Report:
    return pikepdf.pdfa.validate_written(source, "2b")


@pytest.mark.parametrize("name", list(FIXTURES))
def test_fixture_er_pdfa_2b(name):
    """Every hand-built document (reproducible render) passes the PDF/A-2b validator."""
    report = _rapport(io.BytesIO(ps.pdf(name)))
    assert report.verdict == "pass", report.summary()


@pytest.mark.parametrize("name", ps.SAMPLES)
def test_eksempel_er_pdfa_2b(name, tmp_path):
    """Every sample, rendered as issued (real dates and ID, written to a file), passes."""
    path = tmp_path / f"{name}.pdf"
    render(ps.dokument(name), path)
    report = _rapport(path)
    assert report.verdict == "pass", report.summary()


# --- The parts of level B, one by one ---------------------------------------------------------

def _open(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


@pytest.fixture(params=["vitnemal-nb", "vitnemal-en", "lang-nb", "duplikat-nb", "vedlegg-nb"])
def utgaver(request):
    """A document rendered both reproducibly and as issued (current clock, random ID)."""
    dok = ps.dokument(request.param)
    return request.param, [ps.pdf(request.param), render(dok)]


def test_xmp_pdfaid(utgaver):
    """ISO 19005-2 6.6.4: the XMP declares pdfaid:part 2 and pdfaid:conformance B."""
    for data in utgaver[1]:
        with _open(data) as pdf, pdf.open_metadata() as xmp:
            assert xmp.get("pdfaid:part") == "2"
            assert xmp.get("pdfaid:conformance") == "B"


def _pdf_dato(s: str) -> datetime:
    """«D:20260619120000+02'00'» → aware datetime."""
    s = s.removeprefix("D:").replace("'", "")
    return datetime.strptime(s if s[-1] != "Z" else s[:-1] + "+0000", "%Y%m%d%H%M%S%z")


def test_xmp_lik_info(utgaver):
    """ISO 19005-2 6.6.3: the Info entries and their XMP equivalents agree — dc:title /Title,
    dc:creator /Author, dc:description /Subject, xmp:CreatorTool /Creator, pdf:Producer
    /Producer, xmp:CreateDate /CreationDate, xmp:ModifyDate /ModDate (same instant)."""
    for data in utgaver[1]:
        with _open(data) as pdf, pdf.open_metadata() as xmp:
            info = pdf.docinfo
            assert xmp.get("dc:title") == str(info.Title)
            assert xmp.get("dc:creator") == [str(info.Author)]
            assert xmp.get("dc:description") == str(info.Subject)
            assert xmp.get("xmp:CreatorTool") == str(info.Creator)
            assert xmp.get("pdf:Producer") == str(info.Producer)
            for key, info_key in (("xmp:CreateDate", "/CreationDate"),
                                  ("xmp:ModifyDate", "/ModDate")):
                assert datetime.fromisoformat(xmp.get(key)) == _pdf_dato(str(info[info_key]))


def test_metadata_sier_hvilket_dokument(utgaver):
    """The title names the document and the person, the author the school, the subject the
    number (001 §2.8) — and «DUPLIKAT» for a duplicate (001 §2.11)."""
    name, (data, _) = utgaver
    dok = ps.dokument(name)
    with _open(data) as pdf:
        info = pdf.docinfo
        assert dok.navn in str(info.Title)
        assert str(info.Author) == dok.skole
        assert dok.dokumentnummer in str(info.Subject)
        assert ("DUPLIKAT" in str(info.Subject)) == dok.duplikat
    assert metadata(dok)["title"] == str(info.Title)


@pytest.mark.parametrize("name,lang", [("vitnemal-nb", "nb-NO"), ("vitnemal-nn", "nn-NO"),
                                       ("vitnemal-en", "en")])
def test_sprak(name, lang):
    """The catalog's /Lang and dc:language give the document's målform."""
    with _open(ps.pdf(name)) as pdf, pdf.open_metadata() as xmp:
        assert str(pdf.Root.Lang) == lang
        assert lang in xmp.get("dc:language")


def test_output_intent_srgb(utgaver):
    """ISO 19005-2 6.2.3: one OutputIntent /GTS_PDFA1 whose ICC profile has N=3 (RGB)."""
    with _open(utgaver[1][0]) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        oi = intents[0]
        assert oi.Type == pikepdf.Name.OutputIntent
        assert oi.S == pikepdf.Name.GTS_PDFA1
        assert str(oi.OutputConditionIdentifier)
        profile = oi.DestOutputProfile
        assert profile.N == 3
        icc = profile.read_bytes()
        assert icc[36:40] == b"acsp"  # ICC signature
        assert icc[16:20] == b"RGB "  # data colour space
        assert icc[12:16] in (b"mntr", b"prtr", b"scnr")  # profile class allowed
        assert icc[8] < 5  # ICC v2 or v4 (PDF/A-2 allows up to v4)


def test_bare_rgb_farger(utgaver):
    """ISO 19005-2 6.2.4.3: device colours only as covered by the RGB OutputIntent (no
    CMYK, no grey-space operators that would need their own intent)."""
    with _open(utgaver[1][0]) as pdf:
        for page in pdf.pages:
            ops = {str(op) for _, op in pikepdf.parse_content_stream(page)}
            assert not ops & {"k", "K", "cs", "CS", "sc", "scn", "SC", "SCN"}, ops


def test_trailer_id_og_ingen_kryptering(utgaver):
    """ISO 19005-2 6.1.3: a file identifier in the trailer; no /Encrypt."""
    for data in utgaver[1]:
        with _open(data) as pdf:
            ids = pdf.trailer.ID
            assert len(ids) == 2 and all(len(bytes(i)) == 16 for i in ids)
            assert "/Encrypt" not in pdf.trailer
            assert not pdf.is_encrypted


def test_ingen_overganger_handlinger_eller_javascript(utgaver):
    """ISO 19005-2 6.6.1/6.10: no page transitions (/Trans), no additional actions (/AA),
    no JavaScript anywhere."""
    with _open(utgaver[1][0]) as pdf:
        for page in pdf.pages:
            assert "/Trans" not in page.obj
            assert "/AA" not in page.obj
        assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.Root
        assert "/JavaScript" not in pdf.Root.get("/Names", {})
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                assert "/JS" not in obj
                assert obj.get("/S") != pikepdf.Name.JavaScript


def test_ingen_gjennomsiktighet(utgaver):
    """ISO 19005-2 6.4: no transparency (the UTKAST watermark is opaque light grey)."""
    with _open(utgaver[1][0]) as pdf:
        for page in pdf.pages:
            assert "/Group" not in page.obj
            for gs in page.obj.get("/Resources", {}).get("/ExtGState", {}).values():
                assert "/SMask" not in gs or gs.SMask == pikepdf.Name.None_
                assert float(gs.get("/CA", 1)) == 1.0 and float(gs.get("/ca", 1)) == 1.0


@pytest.mark.parametrize("name", ["vitnemal-nb", "utkast-nb"])
def test_pdf_hode(name):
    """ISO 19005-2 6.1.2: «%PDF-1.n» then a comment of at least four bytes above 127;
    PDF 1.7 (ISO 32000-1, the base of PDF/A-2); ends with %%EOF."""
    data = ps.pdf(name)
    first, second = data.split(b"\n", 2)[:2]
    assert first == b"%PDF-1.7"
    assert second.startswith(b"%") and all(b > 127 for b in second[1:5])
    assert data.rstrip().endswith(b"%%EOF")
    with _open(data) as pdf:
        assert pdf.pdf_version == "1.7"


def test_invariant_gir_like_bytes():
    """``invariant=True`` fixes dates and ID: two renders are byte-identical, in any order."""
    dok = FIXTURES["lang-nb"]()
    first = render(dok, invariant=True)
    render(FIXTURES["kompetansebevis-en"](), invariant=True)
    assert render(dok, invariant=True) == first


# --- The validator can fail ---------------------------------------------------------------

def _uten_output_intent(pdf):
    del pdf.Root["/OutputIntents"]


def _uten_xmp(pdf):
    del pdf.Root["/Metadata"]


def _feil_pdfaid(pdf):
    xmp = pdf.Root.Metadata.read_bytes()
    pdf.Root.Metadata.write(xmp.replace(b"<pdfaid:part>2<", b"<pdfaid:part>1<"))


def _skrift_ikke_innebygd(pdf):
    for page in pdf.pages:
        for font in page.Resources.Font.values():
            del font.FontDescriptor["/FontFile2"]


@pytest.mark.parametrize("brudd", [_uten_output_intent, _uten_xmp, _feil_pdfaid,
                                   _skrift_ikke_innebygd])
def test_odelagt_kopi_underkjennes(brudd):
    """The validator is not a rubber stamp: a copy broken in one part is not approved."""
    with _open(ps.pdf("vitnemal-nb")) as pdf:
        brudd(pdf)
        out = io.BytesIO()
        pdf.save(out)
    report = _rapport(io.BytesIO(out.getvalue()))
    assert report.verdict != "pass", brudd.__name__
    assert report.findings


def test_kryptert_kopi_underkjennes():
    with _open(ps.pdf("vitnemal-nb")) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(owner="eier", user=""))
    assert _rapport(io.BytesIO(out.getvalue())).verdict == "fail"
