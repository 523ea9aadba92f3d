"""Database problems a person can act on; each message says what was wrong and what to do."""

from __future__ import annotations


class DatabaseProblem(Exception):
    """Base of the database errors shown to people (CLI prints the message, exits non-zero)."""


class BadDatabaseUrl(DatabaseProblem):
    pass


class DatabaseUnreachable(DatabaseProblem):
    pass


class DatabaseMissing(DatabaseProblem):
    """A read-only command was given a database that does not exist (nothing was created)."""


class SchemaTooNew(DatabaseProblem):
    pass


class MigrationRefused(DatabaseProblem):
    """A migration found data it cannot carry forward; it names the rows, and changed nothing."""
