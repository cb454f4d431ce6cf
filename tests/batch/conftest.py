"""The batch tests use the register's fixtures and support (tests/store): SQLite by default,
PostgreSQL when ``VITNEMAL_TEST_PG`` names a server."""

from tests.store.conftest import bruker, db, register_db, skole  # noqa: F401
