"""``vitnemal utsted`` — issue vitnemål and kompetansebevis from the register, with numbers
the register allocates (001 §2.8): one person, some persons, or every ready person of a school
(masseutstedelse over all cores), one result line per document."""

from __future__ import annotations

import sys
from datetime import date

from vitnemal.cli.common import dump_json, parse_dato
from vitnemal.cli.registerfelles import (
    add_felles,
    beskyttet,
    formal,
    les_fodselsnummer,
    parse_id,
    start,
)
from vitnemal.cli.vis import dokumenttype
from vitnemal.errors import InputError

_TYPE = {"V": "vitnemål", "K": "kompetansebevis"}


def register(sub) -> None:
    p = sub.add_parser(
        "utsted", help="utsted dokumenter fra registeret",
        description="Kontrollerer elevmappen og utsteder vitnemål eller kompetansebevis med "
        "nytt nummer fra registeret. Et dokument med FEIL utstedes ikke, og det brukes ikke noe "
        "nummer. Avslutter med status 1 når noe ble nektet.")
    hvem = p.add_mutually_exclusive_group(required=True)
    hvem.add_argument("--person", action="append", type=parse_id, metavar="ID",
                      help="registerets person-id (kan gjentas)")
    hvem.add_argument("--fnr-stdin", action="store_true",
                      help="les fødselsnummeret til én person fra standard inn")
    hvem.add_argument("--skole", metavar="ORGNR",
                      help="masseutstedelse: alle personer ved skolen som er klare")
    hvem.add_argument("--nytt-fnr", metavar="NUMMER",
                      help="nytt dokument etter bytte av juridisk kjønn (001 §2.12) for "
                      "dokumentet NUMMER")
    p.add_argument("--skolear", metavar="ÅÅÅÅ-ÅÅÅÅ",
                   help="med --skole: bare elevmapper med et programområde dette skoleåret")
    p.add_argument("--dato", type=parse_dato, metavar="ÅÅÅÅ-MM-DD",
                   help="utstedelsesdato (standard: i dag); året blir nummerets år")
    p.add_argument("--maalform", choices=["nb", "nn", "en"],
                   help="målform (standard: elevmappens)")
    p.add_argument("--dokumenttype", choices=["vitnemal", "kompetansebevis"],
                   help="tving dokumenttypen (standard: avgjøres av elevmappen)")
    p.add_argument("--erstatter", metavar="NUMMER",
                   help="ny utstedelse etter endring av elevmappen: det gamle dokumentet "
                   "annulleres som erstattet av det nye")
    p.add_argument("--arsak", choices=["KLA", "FEI", "NVB", "ANN"], default="FEI",
                   help="årsakskode for annulleringen med --erstatter (standard FEI)")
    p.add_argument("--trinn", choices=["vg1", "vg2", "vg3", "vg4"],
                   help="med --skole: bare elevmapper med et programområde på dette trinnet")
    p.add_argument("--jobber", type=int, default=0, metavar="N",
                   help="antall prosesser (standard 0: én per kjerne)")
    p.add_argument("--bakgrunn", action="store_true",
                   help="med --skole: legg masseutstedelsen i køen som en batch som "
                   "arbeiderne («vitnemal worker») kjører, og skriv batchens id")
    p.add_argument("--vent", action="store_true",
                   help="med --bakgrunn: følg fremdriften til batchen er ferdig")
    add_felles(p)
    p.set_defaults(func=beskyttet(run))


def _linje(r, *, stream=None) -> None:
    linje(r.person_id, r.status, r.nummer, r.type, r.melding, [f.as_dict() for f in r.feil],
          stream=stream)


def linje(person_id: int, status: str, nummer: str, type: str, melding: str, feil: list[dict],
          *, stream=None) -> None:
    """One result line (also ``vitnemal batch vis``); ``feil`` as ``Finding.as_dict``."""
    stream = stream or sys.stdout
    if status == "utstedt":
        print(f"utstedt person {person_id}: {nummer} ({_TYPE.get(type, type)})", file=stream)
    elif status == "nektet":
        print(f"NEKTET person {person_id}: {melding}", file=stream)
        for f in feil:
            print(f"    {f['alvorlighet']} {f['regel']} ({f.get('paragraf', '')}): "
                  f"{f['melding']}", file=stream)
    else:
        print(f"{status} person {person_id}: {melding}", file=stream)


def run(args) -> int:
    bruker = start(args)
    from vitnemal.store import masse, selectors
    from vitnemal.store.services import batch, duplikat, skoler, utstedelse

    dato = args.dato or date.today()
    grunn = formal(args, "vitnemal utsted")
    if args.erstatter and not (args.person and len(args.person) == 1 or args.fnr_stdin):
        raise InputError("--erstatter gjelder utstedelse for én person")
    if (args.skolear or args.trinn or args.bakgrunn) and not args.skole:
        raise InputError("--skolear, --trinn og --bakgrunn gjelder masseutstedelse (--skole)")
    if args.vent and not args.bakgrunn:
        raise InputError("--vent gjelder --bakgrunn")
    if args.bakgrunn:
        return _bakgrunn(args, bruker, dato, grunn)
    if args.nytt_fnr:
        dok = selectors.dokument(bruker, args.nytt_fnr, formal=grunn)
        rad = duplikat.nytt_fnr_dokument(bruker, dok, dato=dato, formal=grunn)
        r = utstedelse.Resultat(rad.person_id, "utstedt", nummer=rad.nummer,
                                dokument_id=rad.pk, type=rad.type)
        return _skriv(args, [r])
    if args.fnr_stdin:
        personer = [selectors.finn_person(bruker, les_fodselsnummer(), formal=grunn)]
    elif args.person:
        personer = [selectors.person(bruker, pid, formal=grunn) for pid in args.person]
    else:
        personer = None
    if personer is not None and len(personer) == 1:
        erstatter = (selectors.dokument(bruker, args.erstatter, formal=grunn)
                     if args.erstatter else None)
        r = utstedelse.utsted(bruker, personer[0], dato=dato, maalform=args.maalform,
                              dokumenttype=dokumenttype(args), erstatter=erstatter,
                              arsak=args.arsak, formal=grunn)
        return _skriv(args, [r])
    if personer is not None:
        versjoner = masse.klare_versjoner(None, person_ids=[p.pk for p in personer])
        skoleider = {v.skole_id for v in versjoner}
        if len(skoleider) > 1:
            raise InputError("personene hører til flere skoler; utsted for én skole om gangen")
        skole = versjoner[0].skole if versjoner else None
    else:
        skole = skoler.finn(args.skole)
        versjoner = batch.utvalg(skole, args.skolear or "", args.trinn or "")
    if not versjoner:
        print("ingen elevmapper er klare for utstedelse", file=sys.stderr)
        return _skriv(args, [])
    totalt = len(versjoner)
    ferdig = [0]

    def fremdrift(linjer) -> None:
        ferdig[0] += len(linjer)
        if not args.json:
            for r in linjer:
                _linje(r)
        print(f"[{ferdig[0]}/{totalt}]", file=sys.stderr, flush=True)

    resultater, tider = masse.masseutsted(bruker, skole, versjoner, dato=dato,
                                      maalform=args.maalform, dokumenttype=dokumenttype(args),
                                      jobber=args.jobber, formal=grunn, fremdrift=fremdrift)
    return _oppsummer(args, resultater, tider=tider)


def _bakgrunn(args, bruker, dato, grunn) -> int:
    from vitnemal.cli.batch import folg
    from vitnemal.store import batch_selectors
    from vitnemal.store.services import batch, skoler

    b = batch.start(bruker, skoler.finn(args.skole), dato=dato, skolear=args.skolear or "",
                    trinn=args.trinn or "", maalform=args.maalform,
                    dokumenttype=args.dokumenttype, formal=grunn)
    f = folg(bruker, b.pk, json=args.json) if args.vent else batch_selectors.fremdrift(
        bruker, b.pk)
    if args.json:
        dump_json(f.as_dict())
    else:
        print(b.pk)
        print(f"batch {b.pk}: {f.antall} elevmapper i køen; følg den med «vitnemal batch vis "
              f"{b.pk}»" if not args.vent else
              f"batch {b.pk} {f.tilstand_tekst}: {f.utstedt} utstedt, {f.nektet} nektet, "
              f"{f.hoppet_over} hoppet over", file=sys.stderr)
    return 1 if f.nektet or f.tilstand == "feilet" else 0


def _skriv(args, resultater) -> int:
    if not args.json:
        for r in resultater:
            _linje(r)
    return _oppsummer(args, resultater)


def _oppsummer(args, resultater, *, tider=None) -> int:
    utstedt = sum(r.status == "utstedt" for r in resultater)
    nektet = sum(r.status == "nektet" for r in resultater)
    over = len(resultater) - utstedt - nektet
    if args.json:
        ut = {"utstedt": utstedt, "nektet": nektet, "hoppet_over": over,
              "dokumenter": [r.as_dict() for r in resultater]}
        if tider is not None:  # seconds per phase, summed over the worker processes
            ut["tider"] = {"sjekk": tider.sjekk, "pdf": tider.pdf, "database": tider.database,
                           "pdf_i_las": tider.pdf_i_las}
        dump_json(ut)
    else:
        print(f"{utstedt} utstedt, {nektet} nektet, {over} hoppet over", file=sys.stderr)
    return 1 if nektet else 0
