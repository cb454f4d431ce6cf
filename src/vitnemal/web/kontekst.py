"""Template context: which menu entries the user may use."""

from vitnemal.store import tilgang


def meny(request) -> dict:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"kan_revidere": tilgang.har(request.user, "revidere"),
            "kan_forvalte": tilgang.har(request.user, "forvalte")}
