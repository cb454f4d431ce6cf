"""Benchmark: the PDF renderer on N distinct generated documents (default 1,000) vs a baseline.

    .venv/bin/python bench/pdf.py [--n 1000] [--seed 2026] [--no-baseline] [--baseline-n N]

Documents (``vitnemal.dokument.model.Dokument``) are generated deterministically from the seed
(not timed): synthetic people with æøå in their names, VIGO fictive fødselsnummer (day + 40,
99, gender digit, county; never a valid D-number), vitnemål and kompetansebevis, nb and nn,
1–4 programområde lines, fagtype groups, grades with words («5 fem»), exams with eksamensform,
fagmerknader, fravær per year, 0–2 vitnemålsmerknader, a few duplikat and utkast. About 10 %
are long enough for a second page; each document is checked with ``vitnemal.pdf.layout`` and
the share actually printed.

Timed, in this process: ``vitnemal.pdf.render.render(dok, path)`` for every document (full
blankett layout, PDF/A-2b, files written to a temporary folder), then
``vitnemal.pdf.batch.render_batch(..., processes=0)`` (one worker per core). Fonts are
registered and the ICC profile read before the clock starts, as the baseline registers its
fonts before its clock; the text-width cache is emptied before each timed run, since
generation filled it with the very texts that are then rendered. Peak memory is
``ru_maxrss`` of this process (generation + single run) and of the largest batch worker,
read before the baseline starts, so the baseline's memory never mixes with ours.

Then the baseline ``<repo>/../shared/bench/pdf_baseline.py --pdfa`` (a plain ReportLab canvas
page, made PDF/A with pikepdf) runs as a subprocess with the same Python and
``BASELINE_FONT_DIR`` at the bundled Liberation Serif files (unless already set), and the
ratios ours/baseline are printed. Prints figures only; nothing is asserted about timing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import reportlab
from pdf_dokumenter import lag_dokumenter

from vitnemal.dokument.model import Dokumenttype
from vitnemal.pdf import fonts
from vitnemal.pdf.batch import render_batch
from vitnemal.pdf.layout import layout
from vitnemal.pdf.render import render

REPO = Path(__file__).resolve().parent.parent
BASELINE = REPO.parent / "shared" / "bench" / "pdf_baseline.py"
FONT_DIR = REPO / "src" / "vitnemal" / "pdf" / "fonts"
ENGINE = f"vitnemal.pdf (reportlab {reportlab.Version}, pdf/a-2b)"
def tom_tekstbuffer() -> None:
    """Empty the renderer's width cache (generation filled it with the same texts)."""
    clear = getattr(fonts.width, "cache_clear", None)
    if clear:
        clear()


def rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def mappe_kb(path: Path) -> float:
    files = list(path.glob("*.pdf"))
    return sum(f.stat().st_size for f in files) / max(1, len(files)) / 1024


def kjor_baseline(n: int, out: Path) -> dict | str:
    """Run the baseline in its own process; its JSON line, or why there is none."""
    if not BASELINE.exists():
        return f"baseline not found at {BASELINE}"
    env = dict(os.environ)
    env.setdefault("BASELINE_FONT_DIR", str(FONT_DIR))
    p = subprocess.run([sys.executable, str(BASELINE), "--pdfa", "--n", str(n), "--out", str(out)],
                       capture_output=True, text=True, env=env, check=False)
    for line in reversed(p.stdout.splitlines()):
        if line.startswith("{"):
            res = json.loads(line)
            res["font_dir"] = env["BASELINE_FONT_DIR"]
            res["avg_kb"] = mappe_kb(out)
            return res
    tail = (p.stderr or p.stdout).strip().splitlines()[-3:]
    return f"baseline failed (exit {p.returncode}): " + " | ".join(tail)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--baseline-n", type=int, default=None, help="default: same as --n")
    args = ap.parse_args(argv)
    n = args.n
    cpus = os.cpu_count() or 1

    t0 = time.perf_counter()
    docs = lag_dokumenter(n, args.seed)
    t_gen = time.perf_counter() - t0
    sider = [len(layout(d)) for d in docs]
    to_sider = sum(1 for s in sider if s >= 2) / n
    rss_gen = rss_mb(resource.RUSAGE_SELF)

    with tempfile.TemporaryDirectory(prefix="vitnemal-bench-pdf-") as tmp:
        tmp = Path(tmp)
        for sub in ("single", "batch", "baseline"):
            (tmp / sub).mkdir()
        render(docs[0], tmp / "warmup.pdf")  # fonts registered, ICC profile read
        (tmp / "warmup.pdf").unlink()

        tom_tekstbuffer()
        per_dok = []
        c0, t0 = time.process_time(), time.perf_counter()
        for i, d in enumerate(docs):
            t1 = time.perf_counter()
            render(d, tmp / "single" / f"{i:05d}.pdf")
            per_dok.append(time.perf_counter() - t1)
        t_single = time.perf_counter() - t0
        cpu_single = time.process_time() - c0
        rss_single = rss_mb(resource.RUSAGE_SELF)
        kb_single = mappe_kb(tmp / "single")

        tom_tekstbuffer()
        jobber = [(d, str(tmp / "batch" / f"{i:05d}.pdf")) for i, d in enumerate(docs)]
        t0 = time.perf_counter()
        batch_sider = render_batch(jobber, processes=0)
        t_batch = time.perf_counter() - t0
        rss_batch = rss_mb(resource.RUSAGE_CHILDREN)  # largest worker, before the baseline

        base: dict | str | None = None
        if not args.no_baseline:
            base = kjor_baseline(args.baseline_n or n, tmp / "baseline" / "out")

    en = [t for t, s in zip(per_dok, sider, strict=True) if s == 1]
    to = [t for t, s in zip(per_dok, sider, strict=True) if s >= 2]
    single, batch = n / t_single, n / t_batch
    typer = sum(1 for d in docs if d.type is Dokumenttype.VITNEMAL)
    print(f"documents: {n} distinct (seed {args.seed}), generated in {t_gen:.1f} s (not timed); "
          f"{typer} vitnemål, {n - typer} kompetansebevis, "
          f"{sum(d.maalform == 'nn' for d in docs)} nynorsk")
    print(f"two-page share:          {to_sider:10.1%}  (fag per document "
          f"{min(d.antall_fag for d in docs)}–{max(d.antall_fag for d in docs)}, "
          f"{sum(sider)} pages)")
    print(f"ours, one process:       {single:10.1f} documents/s  ({t_single:.1f} s; "
          f"median {statistics.median(en) * 1000:.1f} ms one-page, "
          f"{statistics.median(to) * 1000 if to else 0:.1f} ms two-page; "
          f"{kb_single:.1f} KB/file)")
    print(f"  CPU time, one process: {cpu_single:10.1f} s = {n / cpu_single:.1f} documents/CPU-s")
    print(f"ours, batch ({cpus} cores):   {batch:10.1f} documents/s  ({t_batch:.1f} s; "
          f"{batch / single:.2f}× one process)")
    if batch_sider != sider:
        print("  note: batch page counts differ from layout()")
    print(f"peak RSS, ours:          {rss_single:10.0f} MB  (after generation {rss_gen:.0f} MB; "
          f"largest batch worker {rss_batch:.0f} MB)")
    ratio_s = ratio_b = None
    if isinstance(base, dict):
        ratio_s, ratio_b = single / base["docs_per_s"], batch / base["docs_per_s"]
        print(f"baseline {base['engine']}: {base['docs_per_s']:.1f} documents/s  "
              f"(n {base['n']}, peak RSS {base['peak_rss_mb']:.0f} MB, "
              f"{base['avg_kb']:.1f} KB/file, fonts {base['font_dir']})")
        print(f"ratio ours/baseline:     {ratio_s:10.2f} one process, {ratio_b:.2f} batch "
              f"(target ≥ 1.0)")
    elif base:
        print(f"baseline: {base}; our figures only")
    else:
        print("baseline: skipped (--no-baseline)")
    print(f"load average at the end:  {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"(figures are wall-clock; other load on the machine lowers them)")
    b = base if isinstance(base, dict) else {}
    print(json.dumps({
        "engine": ENGINE, "n": n, "seed": args.seed,
        "docs_per_s_single": round(single, 2), "docs_per_s_batch": round(batch, 2),
        "peak_rss_mb": round(rss_single, 1), "peak_rss_mb_batch_worker": round(rss_batch, 1),
        "two_page_share": round(to_sider, 4),
        "baseline_engine": b.get("engine"), "baseline_n": b.get("n"),
        "baseline_docs_per_s": b.get("docs_per_s"),
        "ratio_single": round(ratio_s, 3) if ratio_s else None,
        "ratio_batch": round(ratio_b, 3) if ratio_b else None,
        "cpu_count": cpus,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
