"""Coverage table: which rules and checks encode each paragraph of 001 and each sheet of 004.

``python -m vitnemal.sjekk.dekning > docs/regeldekning.md`` writes the table. It scans every
module under ``src/vitnemal`` (statically, with ``ast``) for docstrings whose first line starts
``Ref: 001 §…`` / ``Ref: 004 …``, adds the checks of the catalogue (some are generated from data
files), and takes the paragraphs from data/paragrafer.yaml and the «ikke formalisert» reasons
from data/ikke_formalisert.yaml.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import yaml

import vitnemal
from vitnemal.rules.regelsett import kilder as seedtitler
from vitnemal.sjekk.katalog import katalog

DATA = Path(__file__).parent / "data"
SRC = Path(vitnemal.__file__).parent

_TOKEN = re.compile(r"(?:\b(00[0-4])\s+)?(§\s?\d+\.\d+|\bgenerelt\b|\bvg[1-4]\b|\biop\b|\bH\b|\bA01\b)")


def paragrafer() -> dict[str, list[tuple[str, str]]]:
    """{"001": [(nr, tittel), …], "004": [(ark, tittel), …]} from data/paragrafer.yaml."""
    data = yaml.safe_load((DATA / "paragrafer.yaml").read_text(encoding="utf-8"))
    return {k: [tuple(x) for x in v] for k, v in data.items()}


def ikke_formalisert() -> dict[str, str]:
    data = yaml.safe_load((DATA / "ikke_formalisert.yaml").read_text(encoding="utf-8"))
    return {str(k): v for k, v in data.items()}


def refs(docstring: str) -> list[str]:
    """The references of a docstring whose first line starts with ``Ref:``.

    >>> refs("Ref: 001 §9.2, §1.5 — «…» 001 §3.1")
    ['001 §9.2', '001 §1.5']
    >>> refs("Ref: 004 vg1, 004 vg2 — …")
    ['004 vg1', '004 vg2']
    >>> refs("Ref: 003 A01. Classify")
    ['003 A01']
    >>> refs("No reference")
    []
    """
    first = docstring.strip().splitlines()[0] if docstring.strip() else ""
    if not first.startswith("Ref:"):
        return []
    head = re.split(r"—|«|\. |:\s|\(", first[4:], maxsplit=1)[0]
    out, seed = [], None
    for s, tok in _TOKEN.findall(head):
        seed = s or seed
        if seed is None:
            continue
        tok = tok.replace("§ ", "§")
        if seed in ("001", "002") and not tok.startswith("§"):
            continue
        if seed == "004" and tok.startswith("§"):
            continue
        out.append(f"{seed} {tok}")
    return out


def _funksjoner(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))

    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                yield name, ast.get_docstring(child) or ""
                yield from walk(child, f"{name}.")

    yield "", ast.get_docstring(tree) or ""
    yield from walk(tree, "")


def kilder() -> dict[str, set[str]]:
    """{reference: {check id or module.function}} over all of src/vitnemal and the catalogue."""
    out: dict[str, set[str]] = {}
    sjekker = {(s.funksjon.__module__, s.funksjon.__qualname__): s for s in katalog()}
    for path in sorted(SRC.rglob("*.py")):
        module = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
        for name, doc in _funksjoner(path):
            s = sjekker.get((module, name))
            label = s.id if s else (f"{module}.{name}" if name else module)
            for r in refs(doc):
                out.setdefault(r, set()).add(label)
    for s in katalog():
        out.setdefault(s.ref, set()).add(s.id)
    return out


def _nokkel(label: str) -> tuple[int, str]:
    return (0 if label.isupper() or "-" in label and "." not in label else 1, label)


def tabell() -> str:
    k = kilder()
    titler = seedtitler()
    grunner = ikke_formalisert()
    ps = paragrafer()
    linjer = [
        "# Regeldekning",
        "",
        "Generert av `python -m vitnemal.sjekk.dekning > docs/regeldekning.md` — ikke rediger for "
        f"hånd. For hvert nummererte punkt i 001 ({titler['001']}) og hvert ark i 004 "
        f"({titler['004']}): sjekkene "
        "(ID-er i store bokstaver, se `vitnemal.sjekk.katalog`) og reglene (modul.funksjon) "
        "som koder punktet, og hva som ikke er formalisert og hvorfor.",
        "",
    ]
    for seed, tittel in (("001", "001 Føring av vitnemål og kompetansebevis"),
                         ("004", "004 Fullførtkoder")):
        linjer += [f"## {tittel}", "", "| Punkt | Tittel | Regler og sjekker | Ikke formalisert |",
                   "|---|---|---|---|"]
        for nr, navn in ps[seed]:
            ref = f"{seed} §{nr}" if seed == "001" else f"{seed} {nr}"
            regler = ", ".join(f"`{x}`" for x in sorted(k.get(ref, ()), key=_nokkel))
            grunn = grunner.get(ref, "")
            linjer.append(f"| {nr} | {navn} | {regler or '—'} | {grunn or '—'} |")
        linjer.append("")
    ukjente = sorted(r for r in k if r.startswith(("001", "004")) and r not in
                     {f"001 §{n}" for n, _ in ps["001"]} | {f"004 {n}" for n, _ in ps["004"]})
    if ukjente:
        linjer += ["## Referanser som ikke er et punkt", ""]
        linjer += [f"- {r}: {', '.join(sorted(k[r]))}" for r in ukjente]
        linjer.append("")
    return "\n".join(linjer)


def normaliser(ref: str) -> str:
    """A reference as written in the table: «001 §6.1», «004 vg2».

    >>> normaliser(" 001  § 6.1 ")
    '001 §6.1'
    >>> normaliser("004 VG2")
    '004 vg2'
    """
    deler = " ".join(ref.replace("§ ", "§").split()).split(" ", 1)
    if len(deler) == 2 and deler[0] == "004" and deler[1].lower() in ("vg1", "vg2", "vg3", "iop",
                                                                      "generelt"):
        deler[1] = deler[1].lower()
    return " ".join(deler)


def for_paragraf(ref: str) -> tuple[list[str], str]:
    """The rules and checks that encode exactly the paragraph ``ref`` (``001 §6.1`` is not
    ``001 §6.10``), and what of it is not formalised ("" when nothing is said)."""
    ref = normaliser(ref)
    return sorted(kilder().get(ref, ()), key=_nokkel), ikke_formalisert().get(ref, "")


def main(argv: list[str] | None = None) -> int:
    """``python -m vitnemal.sjekk.dekning`` writes the table; ``--paragraf "001 §6.1"`` lists
    what encodes exactly that paragraph."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--paragraf"] and len(argv) == 2:
        regler, grunn = for_paragraf(argv[1])
        ref = normaliser(argv[1])
        kjente = {f"001 §{n}" for n, _ in paragrafer()["001"]} | {
            f"004 {n}" for n, _ in paragrafer()["004"]}
        if ref not in kjente and not regler:
            sys.stderr.write(f"ukjent punkt {ref!r}; skriv f.eks. \"001 §6.1\" eller \"004 vg2\"\n")
            return 2
        sys.stdout.write(f"{ref}\n" + "".join(f"  {r}\n" for r in regler)
                         + (f"  ikke formalisert: {grunn}\n" if grunn else ""))
        return 0
    if argv:
        sys.stderr.write("bruk: python -m vitnemal.sjekk.dekning [--paragraf \"001 §6.1\"]\n")
        return 2
    sys.stdout.write(tabell())
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
