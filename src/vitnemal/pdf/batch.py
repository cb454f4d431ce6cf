"""Render many documents, in one process or spread over the machine's cores.

Ref: 001 §2.1 — each document is rendered exactly as ``vitnemal.pdf.render`` does; only the
scheduling differs. Workers are separate processes (ReportLab is not thread-safe and the
work is CPU-bound); documents travel to them in chunks so the cost of sending is small.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from vitnemal.dokument.model import Dokument
from vitnemal.pdf.render import render_sider

Jobb = tuple[Dokument, str]
"""A document and the path of the PDF file to write."""

#: Below this many documents a pool costs more than it saves.
MIN_FOR_POOL = 8


def _kjor(jobber: Sequence[Jobb]) -> list[int]:
    return [render_sider(dok, path)[1] for dok, path in jobber]


def prosesser(antall: int | None, jobber: int) -> int:
    """How many processes to use: ``antall`` (0 or None: one per core), never more than the
    number of chunks worth sending, and 1 for small batches.

    >>> prosesser(1, 1000)
    1
    >>> prosesser(4, 3)
    1
    """
    if jobber < MIN_FOR_POOL:
        return 1
    n = antall or os.cpu_count() or 1
    return max(1, min(n, jobber // 4))


def render_batch(jobber: Sequence[Jobb], *, processes: int | None = 1) -> list[int]:
    """Render every (document, path) pair; returns the page count of each, in order.

    ``processes``: 1 renders here; 0 or None uses one process per core.
    """
    n = prosesser(processes, len(jobber))
    if n == 1:
        return _kjor(jobber)
    size = max(1, min(64, len(jobber) // (n * 4)))
    chunks = [jobber[i:i + size] for i in range(0, len(jobber), size)]
    with ProcessPoolExecutor(max_workers=n) as pool:
        return [pages for part in pool.map(_kjor, chunks) for pages in part]
