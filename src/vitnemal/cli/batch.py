"""``vitnemal batch liste|vis|avbryt|zip|pdf`` — background masseutstedelser (issue 17): list
them, show progress and results, cancel one, write its PDFs as a ZIP or one print PDF."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from vitnemal.cli.common import dump_json
from vitnemal.cli.registerfelles import add_felles, beskyttet, formal, start
from vitnemal.errors import InputError
from vitnemal.io.skriv import klargjor_fil, skrivefeil


def _batch_id(value: str) -> int:
    if not value.isdigit():
        raise InputError(f"ugyldig batch-id {value!r}; batchens id er et tall "
                         "(se «vitnemal batch liste»)")
    return int(value)


def register(sub) -> None:
    p = sub.add_parser("batch", help="masseutstedelser i bakgrunnen",
                       description="Masseutstedelser som arbeiderne («vitnemal worker») kjører: "
                       "list dem, vis fremdrift og resultat, avbryt, og skriv ut PDF-ene.")
    bsub = p.add_subparsers(dest="batch_kommando", metavar="KOMMANDO", required=True)
    liste = bsub.add_parser("liste", help="list de nyeste batchene")
    liste.add_argument("--skole", metavar="ORGNR", help="bare batcher for denne skolen")
    add_felles(liste)
    liste.set_defaults(func=beskyttet(run_liste))
    vis = bsub.add_parser("vis", help="vis fremdrift og resultat for én batch")
    vis.add_argument("id", type=_batch_id)
    vis.add_argument("--vent", action="store_true", help="følg fremdriften til batchen er ferdig")
    add_felles(vis)
    vis.set_defaults(func=beskyttet(run_vis))
    avbryt = bsub.add_parser("avbryt", help="avbryt en batch")
    avbryt.add_argument("id", type=_batch_id)
    add_felles(avbryt)
    avbryt.set_defaults(func=beskyttet(run_avbryt))
    for navn, hjelp in (("zip", "skriv batchens PDF-er til en ZIP-fil"),
                        ("pdf", "skriv hele batchen som én utskriftsklar PDF, i rekkefølge")):
        u = bsub.add_parser(navn, help=hjelp)
        u.add_argument("id", type=_batch_id)
        u.add_argument("-o", "--ut", required=True, metavar="FIL", help="filen som skrives")
        add_felles(u, json=False)
        u.set_defaults(func=beskyttet(run_ut), format=navn)


def _tekst(f) -> str:
    return (f"batch {f.id} {f.tilstand_tekst}: {f.behandlet}/{f.antall} behandlet — "
            f"{f.utstedt} utstedt, {f.nektet} nektet, {f.hoppet_over} hoppet over"
            + (f", {f.avbrutt} avbrutt" if f.avbrutt else ""))


def run_liste(args) -> int:
    bruker = start(args)
    from vitnemal.store import batch_selectors
    from vitnemal.store.services import skoler

    skole = skoler.finn(args.skole) if args.skole else None
    linjer = batch_selectors.batcher(bruker, skole=skole)
    if args.json:
        dump_json([f.as_dict() for f in linjer])
        return 0
    for f in linjer:
        print(f"{_tekst(f)} ({f.skole}, {f.dato}, startet av {f.startet_av})")
    if not linjer:
        print("ingen batcher", file=sys.stderr)
    return 0


def folg(bruker, batch_id: int, *, json: bool, intervall: float = 1.0):
    """Print progress until the batch ends; returns its final progress."""
    from vitnemal.store import batch_selectors

    forrige = None
    while True:
        f = batch_selectors.fremdrift(bruker, batch_id)
        if not json and (f.behandlet, f.tilstand) != forrige:
            print(f"[{f.behandlet}/{f.antall}] {f.tilstand_tekst}", file=sys.stderr, flush=True)
            forrige = (f.behandlet, f.tilstand)
        if f.ferdig:
            return f
        time.sleep(intervall)


def run_vis(args) -> int:
    bruker = start(args)
    from vitnemal.cli.utsted import linje
    from vitnemal.store import batch_selectors

    if args.vent:
        folg(bruker, args.id, json=args.json)
    f = batch_selectors.fremdrift(bruker, args.id)
    rader = batch_selectors.resultater(bruker, args.id, formal=formal(args, "vitnemal batch vis"))
    if args.json:
        dump_json({**f.as_dict(), "resultater": [r.as_dict() for r in rader]})
    else:
        for r in rader:
            if r.status != "venter":
                linje(r.person_id, r.status, r.nummer, r.type, r.melding, r.feil)
        print(_tekst(f), file=sys.stderr)
        if f.melding:
            print(f"feil: {f.melding}", file=sys.stderr)
    return 1 if f.nektet or f.tilstand == "feilet" else 0


def run_avbryt(args) -> int:
    bruker = start(args)
    from vitnemal.store import batch_selectors
    from vitnemal.store.services import batch

    batch.avbryt(bruker, args.id)
    f = batch_selectors.fremdrift(bruker, args.id)
    if args.json:
        dump_json(f.as_dict())
    else:
        print(_tekst(f))
    return 0


def run_ut(args) -> int:
    bruker = start(args)
    from vitnemal.store import batch_eksport, batch_selectors

    fil = klargjor_fil(args.ut)
    f = batch_selectors.fremdrift(bruker, args.id)
    pdfer = batch_selectors.pdfer(bruker, args.id, formal=formal(args, f"vitnemal batch "
                                                                      f"{args.format}"))
    tmp = fil.with_name(f".{fil.name}.tmp")
    try:
        if args.format == "zip":
            n = batch_eksport.skriv_zip(pdfer, tmp)
        else:
            n = batch_eksport.skriv_samlet_pdf(pdfer, tmp, tittel=f"Batch {f.id}, {f.skole}, "
                                               f"utstedt {f.dato}")
            if not n:
                tmp.unlink(missing_ok=True)
                print(f"batch {f.id} har ingen utstedte dokumenter; {fil} er ikke skrevet",
                      file=sys.stderr)
                return 1
        Path(tmp).replace(fil)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise skrivefeil(exc, fil) from None
    print(f"{n} dokument(er) fra batch {f.id} skrevet til {fil}", file=sys.stderr)
    return 0
