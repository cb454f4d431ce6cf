"""One function per record type that reads all its field texts at once, made from the spec.

Speed (measured with bench/nvb.py): reading field by field through the formats' readers
(``Format.leser``, one call per field) cost about 13 µs per line, so parsing alone managed
~3,600 documents/s. The function made here does the same checks in straight-line code — trim,
blank → None, digits and length for `N`, length for `Ax` — with no call per field, and only
hands the rare formats (dates and times) to their readers.

It never reports anything: on any value it does not accept at once (a bad number, a text
that is too long, a text holding ``\\``, a bad date) it raises ``Avvik``, and the parser
reads the line again field by field with the formats' readers, which are the reference and
give the messages. ``tests/nvb/test_dekoder.py`` checks that both paths agree.

>>> from vitnemal.nvb import spek
>>> les = lag_dekoder(spek.P)
>>> les([" V1 ", "STSSA1----", "VG1", "", "", "007", "0", "", "2024"])
('V1', 'STSSA1----', 'VG1', None, None, 7, 0, None, 2024)
>>> les(["V1", "STSSA1----", "VG1", "", "", "7 dager", "0", "", "2024"])
Traceback (most recent call last):
    ...
vitnemal.nvb.dekoder.Avvik
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from vitnemal.nvb.format import Feltfeil
from vitnemal.nvb.spek import Posttype

#: Memory: values that repeat across lines (document numbers on every ¤P/¤F/¤M, codes of at
#: most ten characters, identifiers, numbers below 10,000 such as years) are shared, not
#: stored once per line: a national file's peak memory went from 670 to ~MB (bench/nvb.py).
_TALL = tuple(range(10_000))


def _deles(f) -> bool:
    """A text field whose values repeat across lines: a code (`Ax`, x ≤ 10), a Vgdoknr."""
    return f.navn == "Vgdoknr" or (f.fmt.lengde is not None and f.fmt.lengde <= 10)


class Avvik(Exception):
    """A value the fast path does not take; read the line field by field instead."""


def _kilde(spek: Posttype, trim: bool = True) -> str:
    """The Python source of the reading function for ``spek`` (``trim``: fields may have
    spaces or tabs at their ends)."""
    navn = [f"f{i}" for i in range(len(spek.felt))]
    ut = ["def les(felt):", f"    {', '.join(navn)}, = felt"]
    for i, f in enumerate(spek.felt):
        v, fmt = navn[i], f.fmt
        if trim:
            ut.append(f"    {v} = {v}.strip(' \\t')")
        ut.append(f"    if not {v}:")
        ut.append(f"        {v} = None")
        if fmt.art == "A":
            test = "'\\\\' in " + v + (f" or len({v}) > {fmt.lengde}" if fmt.lengde else "")
            ut.append(f"    elif {test}:")
            ut.append("        raise Avvik")
            if _deles(f):
                ut.append("    else:")
                ut.append(f"        {v} = intern({v})")
        elif fmt.art == "N":
            test = f"{v}.isdigit() and {v}.isascii()"
            if fmt.lengde is not None:
                test += f" and len({v}) {'==' if fmt.eksakt else '<='} {fmt.lengde}"
            ut.append(f"    elif {test}:")
            if f.siffer:
                ut.append(f"        {v} = intern({v})")
            else:
                ut.append(f"        {v} = int({v})")
                ut.append(f"        if {v} < {len(_TALL)}:")
                ut.append(f"            {v} = TALL[{v}]")
            ut.append("    else:")
            ut.append("        raise Avvik")
        else:  # D8, K6, T14: few fields, read by the format's own reader
            ut.append("    else:")
            ut.append(f"        {v} = lesere[{i}]({v})")
    ut.append(f"    return ({', '.join(navn)},)")
    return "\n".join(ut) + "\n"


def lag_dekoder(spek: Posttype, *, trim: bool = True) -> Callable[[list[str]], tuple]:
    """The reading function for ``spek``: field texts (exactly as many as the record has) →
    a tuple of values; raises Avvik (or Feltfeil from a date reader) for the slow path.
    ``trim=False`` is for lines with no space or tab next to a ``¤`` (the tokenizer says
    which): it skips one ``strip`` per field, about a third of the time of an ¤F line."""
    navnerom = {"Avvik": Avvik, "intern": sys.intern, "TALL": _TALL,
                "lesere": tuple(f.fmt.leser(siffer=f.siffer) for f in spek.felt)}
    exec(compile(_kilde(spek, trim), f"<nvb-dekoder ¤{spek.kode}>", "exec"), navnerom)  # noqa: S102
    return navnerom["les"]


#: What the fast path may raise.
UNNTAK = (Avvik, Feltfeil)
