"""The audit chain read on PostgreSQL the way verification reads it: through the driver's cursor
with PostgreSQL's placeholders, each entry's time shaped by the server into the ISO text the hash
covers, page by page. (tests/unit/db covers the same rules on SQLite.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from db import audit
from db.engine import make_engine
from db.models import AuditEntry


@pytest.fixture
def pg(postgres_url: str) -> Iterator[Engine]:
    engine = make_engine(postgres_url)
    yield engine
    engine.dispose()


def _append(engine: Engine, count: int) -> list[AuditEntry]:
    pending = [
        audit.PendingEntry(7, "quinn", "qc-1", "lot.release", "item", str(n), {"n": n}, None, "ok")
        for n in range(count)
    ]
    with Session(engine, expire_on_commit=False) as s, s.begin():
        return audit.append(s, pending)


def test_rows_read_on_postgresql_are_what_the_hash_covers(pg: Engine) -> None:
    made = _append(pg, 5)
    rows = list(audit.chain_rows(pg, batch=2))
    with Session(pg) as s:
        stored = list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    assert [r[0] for r in rows] == [e.id for e in stored]
    for row, entry in zip(rows, stored, strict=True):
        assert row[1] == entry.at.astimezone(UTC).isoformat(timespec="microseconds")
        assert row[1].endswith("+00:00") and len(row[1]) == 32
        assert audit.chain_hash(*row[1:12]) == row[12] == entry.hash
    assert {e.id for e in made} <= {r[0] for r in rows}
    assert audit.verify(pg) == audit.ChainCheck(True, len(stored))


def test_a_page_of_rows_after_an_id_on_postgresql(pg: Engine) -> None:
    made = _append(pg, 4)
    with pg.connect() as conn:
        later = list(audit.chain_rows(conn, 2, after=made[1].id))
    assert [r[0] for r in later] == [e.id for e in made[2:]]


def test_an_entry_changed_on_postgresql_is_named(pg: Engine) -> None:
    made = _append(pg, 3)
    with pg.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))  # past the trigger
        conn.execute(
            text("UPDATE audit_entries SET reason = 'x' WHERE id = :id"), {"id": made[1].id}
        )
    check = audit.verify(pg)
    assert (check.ok, check.broken_id) == (False, made[1].id)
