"""Immutability in the database itself: issued documents, annulments, record versions,
fødselsnummer changes and events are never updated or deleted, and a number series never goes
backwards or disappears (a number once allocated is never allocated again). Triggers per
vendor; a raw UPDATE/DELETE (a script, a DBA's console) is refused as well as the ORM's."""

from django.db import migrations

UFORANDERLIGE = ["store_utstedtdokument", "store_annullering", "store_elevmappeversjon",
                 "store_fodselsnummerendring", "store_hendelse"]
SERIE = "sequences_sequence"


def _sqlite(schema_editor, opprett: bool) -> None:
    for tabell in UFORANDERLIGE:
        for hva in ("UPDATE", "DELETE"):
            navn = f"{tabell}_ingen_{hva.lower()}"
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {navn}")
            if opprett:
                schema_editor.execute(
                    f"CREATE TRIGGER {navn} BEFORE {hva} ON {tabell} BEGIN "
                    f"SELECT RAISE(ABORT, 'vitnemal: {tabell} kan ikke endres eller slettes'); END")
    for navn, sql in (
        ("store_serie_ikke_bakover",
         f"CREATE TRIGGER store_serie_ikke_bakover BEFORE UPDATE ON {SERIE} "
         "WHEN NEW.last < OLD.last OR NEW.name <> OLD.name BEGIN "
         "SELECT RAISE(ABORT, 'vitnemal: en nummerserie kan ikke gå bakover'); END"),
        ("store_serie_ikke_slett",
         f"CREATE TRIGGER store_serie_ikke_slett BEFORE DELETE ON {SERIE} BEGIN "
         "SELECT RAISE(ABORT, 'vitnemal: en nummerserie kan ikke slettes'); END"),
    ):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {navn}")
        if opprett:
            schema_editor.execute(sql)


PG_FUNKSJONER = """
CREATE OR REPLACE FUNCTION store_uforanderlig() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'vitnemal: % kan ikke endres eller slettes', TG_TABLE_NAME;
END $$;
CREATE OR REPLACE FUNCTION store_serie_ikke_bakover() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.last < OLD.last OR NEW.name <> OLD.name THEN
    RAISE EXCEPTION 'vitnemal: en nummerserie kan ikke gå bakover eller slettes';
  END IF;
  RETURN NEW;
END $$;
"""


def _postgresql(schema_editor, opprett: bool) -> None:
    if opprett:
        schema_editor.execute(PG_FUNKSJONER, params=None)
    for tabell in UFORANDERLIGE:
        for navn, naar, per in ((f"{tabell}_uforanderlig", "UPDATE OR DELETE", "ROW"),
                                (f"{tabell}_ingen_truncate", "TRUNCATE", "STATEMENT")):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {navn} ON {tabell}")
            if opprett:
                schema_editor.execute(
                    f"CREATE TRIGGER {navn} BEFORE {naar} ON {tabell} "
                    f"FOR EACH {per} EXECUTE FUNCTION store_uforanderlig()")
    for navn, naar, per in (("store_serie_ikke_bakover", "UPDATE OR DELETE", "ROW"),
                            ("store_serie_ingen_truncate", "TRUNCATE", "STATEMENT")):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {navn} ON {SERIE}")
        if opprett:
            funksjon = "store_serie_ikke_bakover" if per == "ROW" else "store_uforanderlig"
            schema_editor.execute(f"CREATE TRIGGER {navn} BEFORE {naar} ON {SERIE} "
                                  f"FOR EACH {per} EXECUTE FUNCTION {funksjon}()")
    if not opprett:
        schema_editor.execute("DROP FUNCTION IF EXISTS store_uforanderlig(); "
                              "DROP FUNCTION IF EXISTS store_serie_ikke_bakover()")


def _kjor(opprett: bool):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            _sqlite(schema_editor, opprett)
        elif vendor == "postgresql":
            _postgresql(schema_editor, opprett)
        else:
            raise RuntimeError(f"vitnemal: databasen {vendor} støttes ikke")
    return run


class Migration(migrations.Migration):
    dependencies = [
        ("store", "0001_initial"),
        ("sequences", "0002_alter_sequence_last"),
    ]

    operations = [migrations.RunPython(_kjor(True), _kjor(False))]
