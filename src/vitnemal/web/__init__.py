"""The web application for school clerks (issue 16): Django templates + HTMX, Norwegian bokmål.

Layout — kept simple so that other features can add pages:

- ``urls`` — one flat URL conf, namespace ``web``; URLs carry opaque ids (person id, document
  id), never a fødselsnummer. A new feature adds its own ``views_<x>.py`` and a few lines in
  ``urls.py`` (for example ``path("batch/", views_batch.liste, name="batch")``) and links its
  page from ``templates/web/base.html``'s menu.
- ``views*.py`` — thin: parse the request, call ``vitnemal.store`` selectors/services (which
  check permissions per object via ``store.tilgang``), render. Every view that shows personal
  data goes through a selector that writes an audit event.
- ``skjema`` — forms (Django forms) over the elevmappe; validation is the core loader's.
- ``sikkerhet`` — security headers (CSP, no-store on pages with personal data).
- ``demo`` — ``vitnemal web --demo``: migrate, import eksempler/, demo users per role.
- ``templates/web``, ``static/web`` (HTMX vendored, no CDN).

Settings: ``vitnemal.config.settings`` (development and CLI), ``vitnemal.config.produksjon``.
"""
