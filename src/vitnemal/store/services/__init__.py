"""Writes to the register. Each service takes the acting user first, asks ``tilgang``, does
its work in one transaction and writes its events in the same transaction."""
