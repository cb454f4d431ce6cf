"""NVB ¤-files: the format in both directions and its file-level control (an adapter).

- ``spek``/``spek_resultat``: the field specs as data, one table per record type;
- ``poster``: the typed model (``PostA`` … ``PostO``; groups ``Vgdok``, ``Organisasjon``,
  ``NvbFil``) made from those specs;
- ``les``: the parser for files from any system (``Lesing``: the model, or every problem);
- ``skriv``: the writer (exact formats, line order, counts, UTF-8, LF);
- ``kontroll``: the file checks (the NVB engine's class FIL) as findings;
- ``resultat``/``rapport``: the result file (¤R/¤K/¤E) and the human-readable report.

Pure Python: no Django, no database. See docs/nvb.md.
"""

from vitnemal.nvb import rapport, resultat
from vitnemal.nvb.kontroll import Kontrollresultat, kontroller
from vitnemal.nvb.les import Lesing, les
from vitnemal.nvb.poster import NvbFil, Organisasjon, Vgdok
from vitnemal.nvb.skriv import Skrivefeil, skriv

__all__ = ["Kontrollresultat", "Lesing", "NvbFil", "Organisasjon", "Skrivefeil", "Vgdok",
           "kontroller", "les", "rapport", "resultat", "skriv"]
