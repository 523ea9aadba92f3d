"""Column types shared by the models: UTC timestamps that round-trip on SQLite and PostgreSQL,
and vocabulary codes (statuses, kinds, ...) read back as their enum members."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import CheckConstraint, DateTime, Dialect, String
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp.

    PostgreSQL stores ``timestamptz``; SQLite has no zone, so values are normalised to UTC on the
    way in and marked UTC on the way out. Naive datetimes are refused: a time without a zone is
    ambiguous in a record that regulators read.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()} given: store times with a zone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    """The current time in UTC, to microseconds."""
    return datetime.now(UTC)


E = TypeVar("E", bound=StrEnum)


class Coded(TypeDecorator[E], Generic[E]):
    """A code of a closed vocabulary (a ``StrEnum`` of ``desktop.domain``).

    Stored as the member's value in a VARCHAR, so the rows read the same as plain strings did;
    read back as the member. A value that is not one of the codes is refused before it reaches
    the database (the table's CHECK constraint, ``one_of``, refuses it there too).
    """

    impl = String
    cache_ok = True

    def __init__(self, vocabulary: type[E], length: int) -> None:
        super().__init__(length)
        self.vocabulary = vocabulary
        self.length = length
        self._members: dict[str, E] = {member.value: member for member in vocabulary}

    def member(self, value: str) -> E:
        """The member whose code is ``value``; a ValueError naming the codes otherwise."""
        member = self._members.get(value)
        if member is None:
            codes = ", ".join(self._members)
            raise ValueError(
                f'"{value}" is not a {self.vocabulary.__name__} code: use one of {codes}'
            )
        return member

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else self.member(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        if value is None:
            return None
        return self._members[value]


def one_of(column: str, vocabulary: type[StrEnum]) -> CheckConstraint:
    """CHECK that ``column`` holds one of ``vocabulary``'s codes (NULL passes: whether the
    column may be empty is its own rule). Named ``ck_<table>_<column>_known``."""
    codes = ", ".join("'" + member.value.replace("'", "''") + "'" for member in vocabulary)
    return CheckConstraint(f"{column} IN ({codes})", name=f"{column}_known")
