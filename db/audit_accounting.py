"""What the audit trail must account for: every event and every item has an audit entry behind it.

An emptied or cut audit table leaves the records it described behind. The rules, matching how
the services audit (docs/audit-trail.md):

- an **event** is accounted for by an entry with entity ``event`` and its id (every event is
  written by ``record_event``, which audits it);
- an **item** is accounted for by an entry with entity ``item`` and its id, or by an accounted
  event about it (``events.item_id``), or by an accounted link (entity ``link``) that joins it;
- a **unit commissioned in bulk** is accounted for by its work order's ``serials.commission``
  entries: a work order may hold as many otherwise unaccounted units as those entries count.

``Ledger.collect`` is fed the entries of these entities during the chain walk; ``findings``
then reads the events, links and items once each.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from db.audit import Row

ENTITIES = frozenset({"event", "item", "link", "work_order"})
EXAMPLES = 3
_PAGE = 50_000


@dataclass
class Ledger:
    """The ids the audit trail vouches for, gathered during the chain walk."""

    events: set[str] = field(default_factory=set)
    items: set[int] = field(default_factory=set)
    links: set[int] = field(default_factory=set)
    commissioned: Counter[int] = field(default_factory=Counter)

    def merge(self, other: Ledger) -> None:
        """Add what another part of the chain vouches for."""
        self.events |= other.events
        self.items |= other.items
        self.links |= other.links
        self.commissioned.update(other.commissioned)

    def collect(self, row: Row) -> None:
        entity, entity_id = row[6], row[7]
        if entity == "event":
            self.events.add(entity_id.replace("-", "").lower())
        elif entity == "item":
            _add_int(self.items, entity_id)
        elif entity == "link":
            _add_int(self.links, entity_id)
        elif row[5] == "serials.commission":
            self._commission(entity_id, row[9])

    def _commission(self, work_order: str, new_value: str | None) -> None:
        try:
            count = json.loads(new_value or "{}").get("count", 0)
            self.commissioned[int(work_order)] += int(count)
        except (ValueError, TypeError, AttributeError):
            return  # a changed entry: the hash check names it

    def findings(self, conn: Connection) -> list[str]:
        """One line per kind of record that no audit entry accounts for (read in ``conn``'s
        transaction: the snapshot the chain was read in)."""
        problems: list[str] = []
        vouched: set[int] = set()
        missing, examples = self._events(conn, vouched)
        if missing:
            problems.append(
                f"{_counted(missing, 'event')} accounted for by no audit entry "
                f"(e.g. {'; '.join(examples)}): audit entries were removed"
            )
        self._links(conn, vouched)
        missing, examples = self._items(conn, vouched)
        if missing:
            problems.append(
                f"{_counted(missing, 'item')} accounted for by no audit entry "
                f"(e.g. {'; '.join(examples)}): audit entries were removed"
            )
        return problems

    def _events(self, conn: Connection, vouched: set[int]) -> tuple[int, list[str]]:
        ident = "replace(CAST(id AS TEXT), '-', '')" if _pg(conn) else "lower(id)"
        sql = f"SELECT {ident}, item_id, kind FROM events"
        missing, examples = 0, list[str]()
        audited = self.events
        for event_id, item_id, kind in _stream(conn, sql):
            if event_id in audited:
                if item_id is not None:
                    vouched.add(item_id)
                continue
            missing += 1
            if len(examples) < EXAMPLES:
                examples.append(f"event {_dashed(event_id)} ({kind})")
        return missing, examples

    def _links(self, conn: Connection, vouched: set[int]) -> None:
        if not self.links:
            return
        for link_id, parent, child in _stream(
            conn, "SELECT id, parent_item_id, child_item_id FROM links"
        ):
            if link_id in self.links:
                vouched.add(parent)
                vouched.add(child)

    def _items(self, conn: Connection, vouched: set[int]) -> tuple[int, list[str]]:
        budget = Counter(self.commissioned)
        missing, examples = 0, list[str]()
        sql = "SELECT id, kind, work_order_id, serial, lot FROM items"
        for item_id, kind, work_order, serial, lot in _stream(conn, sql):
            if item_id in self.items or item_id in vouched:
                continue
            if kind == "unit" and work_order is not None and budget[work_order] > 0:
                budget[work_order] -= 1
                continue
            missing += 1
            if len(examples) < EXAMPLES:
                what = f"serial {serial}" if serial else (f"lot {lot}" if lot else "")
                examples.append(f"item {item_id} ({kind}{', ' + what if what else ''})")
        return missing, examples


def _counted(count: int, noun: str) -> str:
    """ "1 event is", "3 events are"."""
    return f"1 {noun} is" if count == 1 else f"{count} {noun}s are"


def _add_int(into: set[int], value: str) -> None:
    try:
        into.add(int(value))
    except ValueError:
        return


def _pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _dashed(hex32: str) -> str:
    h = hex32.replace("-", "")
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}" if len(h) == 32 else hex32


def _stream(conn: Connection, sql: str) -> Iterator[tuple[Any, ...]]:
    """All rows of a query through the driver's cursor, fetched in pages (fast, bounded)."""
    conn.execute(text("SELECT 1"))  # in the connection's transaction
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        while page := cursor.fetchmany(_PAGE):
            yield from page
    finally:
        cursor.close()
