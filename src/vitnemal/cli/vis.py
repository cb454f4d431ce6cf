"""`vitnemal vis` — placeholder until its issue lands (the owning module replaces this file)."""

from vitnemal.errors import VitnemalError


def register(sub) -> None:
    p = sub.add_parser("vis", help="(ikke ferdig)")
    p.set_defaults(func=_run)


def _run(args) -> int:
    raise VitnemalError("kommandoen 'vis' er ikke ferdig ennå")
