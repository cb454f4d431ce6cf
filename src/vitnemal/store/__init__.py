"""The register: persons, versioned elevmapper, schools, issued documents, number series and
an append-only event log, on the Django ORM (SQLite by default, PostgreSQL via DATABASE_URL).

An adapter around the pure core. Layout (HackSoft's Django styleguide):

- ``models`` — tables only; no business logic in ``save()`` or signals;
- ``services/`` — every write (import, issue, duplicate, annul, reissue, new fødselsnummer,
  schools, number series), each taking the acting user first;
- ``selectors`` — every read; reads of personal data write an audit event;
- ``tilgang`` — the one policy module every service and selector asks;
- ``hendelser`` — the audit log;
- ``nummer`` — the number series (django-sequences);
- ``kjerne`` — the only module that calls the core (check, compose, render);
- ``masse`` — masseutstedelse over all cores;
- ``batch_modeller``, ``services/batch``, ``batch_selectors``, ``batch_eksport`` — masseutstedelse
  in the background on Django's Tasks API (issue 17): batches, the chunk task, progress,
  results, ZIP and print PDF;
- ``drift`` — workers' heartbeat and the health check; ``sikkerhetskopi`` — backup/restore;
- ``oppsett`` — lazy Django setup and the schema check of the CLI.

Importing this package does not import Django: ``oppsett.start()`` does.
"""
