"""``vitnemal register liste|vis|pdf|verifiser|finn|person`` — read the register. Every read
of personal data is written to the event log (who, when, what, why)."""

from __future__ import annotations

import sys
from pathlib import Path

from vitnemal.cli.common import dump_json
from vitnemal.cli.registerfelles import (
    add_felles,
    beskyttet,
    formal,
    les_fodselsnummer,
    parse_ar,
    parse_id,
    start,
)
from vitnemal.errors import InputError


def register(sub) -> None:
    p = sub.add_parser("register", help="les registeret: dokumenter, personer, kontroll",
                       description="Utstedte dokumenter og personer i registeret. Hver lesing "
                       "av personopplysninger føres i hendelsesloggen.")
    rsub = p.add_subparsers(dest="register_kommando", metavar="KOMMANDO", required=True)
    liste = rsub.add_parser("liste", help="utstedte dokumenter med status")
    liste.add_argument("--skole", metavar="ORGNR")
    liste.add_argument("--ar", type=parse_ar, metavar="ÅÅÅÅ", help="utstedelsesår")
    liste.add_argument("--person", type=parse_id, metavar="ID")
    add_felles(liste)
    liste.set_defaults(func=beskyttet(vis_liste))
    vis = rsub.add_parser("vis", help="ett dokument slik det ble skrevet ut, med status")
    vis.add_argument("nummer", help="dokumentnummeret (et duplikat med uendret nummer: NUMMER/ID)")
    add_felles(vis)
    vis.set_defaults(func=beskyttet(vis_dokument))
    pdf = rsub.add_parser("pdf", help="hent ut den lagrede PDF-en")
    pdf.add_argument("nummer")
    pdf.add_argument("-o", "--ut", required=True, metavar="FIL.pdf")
    add_felles(pdf)
    pdf.set_defaults(func=beskyttet(hent_pdf))
    ver = rsub.add_parser("verifiser", help="gjengi lagrede dokumenter på nytt og sammenlign")
    ver.add_argument("nummer", nargs="?")
    ver.add_argument("--jobber", type=int, default=0, metavar="N",
                     help="antall prosesser (standard 0: én per kjerne)")
    add_felles(ver)
    ver.set_defaults(func=beskyttet(verifiser))
    finn = rsub.add_parser("finn", help="finn person-id fra fødselsnummer på standard inn")
    add_felles(finn)
    finn.set_defaults(func=beskyttet(finn_person))
    person = rsub.add_parser("person", help="en person: versjoner, nummerhistorikk, dokumenter "
                             "og hendelseslogg")
    person.add_argument("id", type=parse_id)
    add_felles(person)
    person.set_defaults(func=beskyttet(vis_person))


def vis_liste(args) -> int:
    bruker = start(args)
    from vitnemal.store import selectors
    from vitnemal.store.services import skoler

    skole = skoler.finn(args.skole) if args.skole else None
    person = selectors.person(bruker, args.person, formal=formal(args, "register liste")) \
        if args.person else None
    linjer = selectors.dokumenter(bruker, skole=skole, ar=args.ar, person=person,
                                  formal=formal(args, "vitnemal register liste"))
    if args.json:
        dump_json([linje.as_dict() for linje in linjer])
        return 0
    for d in linjer:
        tillegg = (f", duplikat av {d.original}" if d.art == "duplikat" else
                   f", erstatter {d.original}" if d.original else "")
        erstattet = f", erstattet av {d.erstattet_av}" if d.erstattet_av else ""
        print(f"{d.nummer}  {d.type}  {d.utstedt}  person {d.person_id} {d.navn}  "
              f"{d.status}{erstattet}{tillegg}")
    print(f"{len(linjer)} dokument(er)", file=sys.stderr)
    return 0


def vis_dokument(args) -> int:
    bruker = start(args)
    from vitnemal.dokument.tekstform import tekst
    from vitnemal.store import kjerne, selectors

    d = selectors.dokument(bruker, args.nummer, formal=formal(args, "vitnemal register vis"))
    status, erstattet = selectors.status(d)
    info = {"nummer": d.nummer, "id": d.pk, "type": d.type, "art": d.art,
            "person": d.person_id, "utstedt": d.utstedt.isoformat(), "status": status,
            "erstattet_av": erstattet, "original": d.original.nummer if d.original_id else "",
            "mappeversjon": d.mappeversjon_id, "sha256": d.sha256,
            "regelsett": d.regelsett_versjon, "kodeverk": d.kodeverk_versjon,
            "versjoner": d.versjoner or {}, "program": d.programversjon, "duplikater": [
                f"{g.nummer}/{g.pk}" for g in selectors.gjengivelser(d)]}
    if args.json:
        dump_json({**info, "dokument": d.dokument})
        return 0
    for k, v in info.items():
        print(f"{k}: {v}")
    print()
    print(tekst(kjerne.fra_dict(d.dokument)))
    return 0


def hent_pdf(args) -> int:
    bruker = start(args)
    from vitnemal.pdf.render import _write_atomic
    from vitnemal.store import selectors

    ut = Path(args.ut)
    if not ut.parent.is_dir():
        raise InputError(f"mappen {ut.parent} finnes ikke")
    d = selectors.dokument(bruker, args.nummer, formal=formal(args, "vitnemal register pdf"),
                           pdf=True)
    try:
        _write_atomic(str(ut), bytes(d.pdf))
    except OSError as exc:
        raise InputError(f"kan ikke skrive {ut}: {exc.strerror or exc}") from None
    if args.json:
        dump_json({"fil": str(ut), "nummer": d.nummer, "sha256": d.sha256})
    else:
        print(f"skrevet {ut}: {d.nummer}")
    return 0


def verifiser(args) -> int:
    bruker = start(args)
    from vitnemal.store import verifisering

    def fremdrift(n: int) -> None:
        if not args.json:
            print(f"[{n}]", file=sys.stderr, flush=True)

    antall, avvik = verifisering.verifiser(bruker, nummer=args.nummer,
                                           formal=formal(args, "vitnemal register verifiser"),
                                           jobber=args.jobber, fremdrift=fremdrift)
    if args.nummer and not antall:
        raise InputError(f"dokument {args.nummer} finnes ikke i registeret")
    if args.json:
        dump_json({"kontrollert": antall, "avvik": [a.as_dict() for a in avvik]})
    else:
        for a in avvik:
            print(f"AVVIK {a.nummer} (id {a.dokument_id}): {a.feil}")
        print(f"{antall} dokument(er) kontrollert, {len(avvik)} avvik")
    return 1 if avvik else 0


def finn_person(args) -> int:
    bruker = start(args)
    from vitnemal.store import selectors

    p = selectors.finn_person(bruker, les_fodselsnummer(),
                              formal=formal(args, "vitnemal register finn"))
    if args.json:
        dump_json({"person": p.pk, "navn": p.navn})
    else:
        print(f"person {p.pk}: {p.navn}")
    return 0


def vis_person(args) -> int:
    bruker = start(args)
    from vitnemal.store import selectors

    grunn = formal(args, "vitnemal register person")
    p = selectors.person(bruker, args.id, formal=grunn)
    versjoner = selectors.versjoner(p)
    historikk = selectors.fnr_historikk(p)
    dokumenter = selectors.dokumenter(bruker, person=p, formal=grunn)
    logg = selectors.hendelser_for(bruker, p, formal=grunn)
    data = {
        "person": p.pk, "navn": p.navn,
        "versjoner": [{"versjon": v.versjon, "skole": v.skole_id, "tid": v.opprettet.isoformat(),
                       "bruker": v.bruker.username, "arsak": v.arsak} for v in versjoner],
        "fodselsnummer_endret": [{"tid": e.tidspunkt.isoformat(), "arsak": e.arsak,
                                  "bruker": e.bruker.username} for e in historikk],
        "dokumenter": [d.as_dict() for d in dokumenter],
        "hendelser": [{"tid": h.tidspunkt.isoformat(), "bruker": h.brukernavn,
                       "handling": h.handling, "formal": h.formal,
                       "dokument": h.dokument_id} for h in logg],
    }
    if args.json:
        dump_json(data)
        return 0
    print(f"person {p.pk}: {p.navn}")
    for v in data["versjoner"]:
        print(f"  versjon {v['versjon']}  {v['tid']}  {v['bruker']}: {v['arsak']}")
    for e in data["fodselsnummer_endret"]:
        print(f"  nytt fødselsnummer {e['tid']} ({e['arsak']}) av {e['bruker']}")
    for d in dokumenter:
        print(f"  {d.nummer}  {d.type} {d.art}  {d.utstedt}  {d.status}")
    print("  hendelser:")
    for h in data["hendelser"]:
        print(f"    {h['tid']}  {h['bruker']}  {h['handling']}  {h['formal']}")
    return 0
