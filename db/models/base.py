"""Declarative base, naming convention and the column shapes every table shares."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from sqlalchemy import JSON, BigInteger, Integer, MetaData, String, Uuid, event, func
from sqlalchemy.orm import DeclarativeBase, Mapper, mapped_column

from db.types import Coded, UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: BIGINT on PostgreSQL; INTEGER on SQLite so that the primary key is the rowid alias.
BigId = BigInteger().with_variant(Integer(), "sqlite")

IdPK = Annotated[int, mapped_column(BigId, primary_key=True, autoincrement=True)]
Name = Annotated[str, mapped_column(String(200))]
Code = Annotated[str, mapped_column(String(64))]
Created = Annotated[datetime, mapped_column(UTCDateTime(), server_default=func.now())]
Json = Annotated[dict[str, Any], mapped_column(JSON, default=dict)]
EventId = Annotated[uuid.UUID, mapped_column(Uuid)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON}

    #: Columns left out of a signed record's content (state that legitimately changes later).
    __signature_excluded__: frozenset[str] = frozenset()


def fk(target: str, **kw: Any) -> Any:
    """A BIGINT foreign key column (INTEGER on SQLite)."""
    from sqlalchemy import ForeignKey

    return mapped_column(BigId, ForeignKey(target), **kw)


@event.listens_for(Base, "mapper_configured", propagate=True)
def _codes_are_members(mapper: Mapper[Any], class_: type[Any]) -> None:
    """An attribute of a vocabulary column holds the enum member from the moment it is set
    (``Item(status="released")`` reads back ``Status.RELEASED`` before any flush), and a code
    outside the vocabulary is refused right there, naming the codes."""
    for prop in mapper.column_attrs:
        column_type = prop.columns[0].type
        if isinstance(column_type, Coded):
            event.listen(getattr(class_, prop.key), "set", _to_member(column_type), retval=True)


def _to_member(coded: Coded[Any]) -> Any:
    def to_member(target: Any, value: Any, old: Any, initiator: Any) -> Any:
        return coded.member(value) if isinstance(value, str) else value

    return to_member
