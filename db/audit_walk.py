"""Walking the audit chain for ``verify``: in this process, or in parts by parallel processes.

A long chain is cut into contiguous id ranges; each part is walked by its own process (its own
connection) from the stored hash of the entry just before it, which is what its first entry
must link to, so the parts together check exactly what one walk would. The parts report the
entries they found changed or unlinked, the count and stored hash at the ids that checkpoints
name, and the ids the audit trail vouches for (db/audit_accounting.py); the caller puts them
together. Every part reads only ids up to the newest id of the caller's snapshot, so the parts
and the caller see the same chain (entries are only ever appended, with growing ids).

Parts run in forked processes, on Linux only: a fork costs nothing, the child opens its own
connection and never touches the ones it inherited (it ends with os._exit, so they are not
even closed there). Elsewhere (Windows, macOS: "spawn" would start the program's main module
again) and for a chain shorter than ``PARALLEL_FROM`` entries, the chain is walked in this
process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Collection
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.pool import NullPool

from db import audit
from db.audit_accounting import ENTITIES, Ledger
from db.models import GENESIS_HASH

#: Chains at least this long are walked by parallel processes.
PARALLEL_FROM = 200_000
#: At most this many processes (and never more than the computer's CPUs).
MAX_PROCESSES = 2
#: Entries named per kind of break (a rewritten table breaks every entry after the change).
KEEP = 1000


@dataclass
class Walked:
    """One walk (of the whole chain or one part of it)."""

    count: int = 0
    head_id: int | None = None
    head_hash: str = GENESIS_HASH
    changed: list[int] = field(default_factory=list)
    unlinked: list[int] = field(default_factory=list)
    reached: list[tuple[int, int, str]] = field(default_factory=list)  # id, count, stored hash
    ledger: Ledger = field(default_factory=Ledger)


class _Recorder:
    """Marks for a walk: remember the count and stored hash at the ids asked for."""

    def __init__(self, ids: Collection[int], into: list[tuple[int, int, str]]) -> None:
        self.ids = sorted(ids)
        self.pos = 0
        self.into = into
        self.next_id = self.ids[0] if self.ids else 1 << 62

    def reach(self, entry_id: int, count: int, stored_hash: str) -> int:
        ids, i = self.ids, self.pos
        while i < len(ids) and ids[i] <= entry_id:
            if ids[i] == entry_id:
                self.into.append((entry_id, count, stored_hash))
            i += 1
        self.pos = i
        return ids[i] if i < len(ids) else 1 << 62

    def finish(self, last_id: int | None, count: int) -> None:
        return


def _walk(conn: Connection, after: int, upto: int, start: str, ids: Collection[int]) -> Walked:
    done = Walked(head_hash=start)
    walk = audit.ChainWalk(_Recorder(ids, done.reached))
    walk.head_hash = start
    walk.feed(audit.chain_rows(conn, after=after, upto=upto), done.ledger.collect, ENTITIES)
    done.count, done.head_id, done.head_hash = walk.count, walk.head_id, walk.head_hash
    done.changed, done.unlinked = walk.changed[:KEEP], walk.unlinked[:KEEP]
    return done


def _part(url: str, after: int, upto: int, start: str, ids: frozenset[int]) -> Walked:
    """One part, in a forked process of its own: a plain engine of its own (nothing of the
    parent's engines, pools or their hooks is used in the child), reading only."""
    gc.disable()
    postgres = url.startswith("postgresql")
    engine = create_engine(
        url,
        poolclass=NullPool,
        connect_args={"connect_timeout": 10} if postgres else {},
    )
    try:
        with engine.connect() as conn:
            return _walk(conn, after, upto, start, ids)
    finally:
        engine.dispose()


def walk_chain(conn: Connection, mark_ids: Collection[int], processes: int | None = None) -> Walked:
    """Walk the whole chain as ``conn``'s snapshot holds it; parallel when it is long."""
    first, last, count = conn.execute(
        text("SELECT min(id), max(id), count(*) FROM audit_entries")
    ).one()
    wanted = processes or min(MAX_PROCESSES, os.cpu_count() or 1)
    if count is None or count < max(PARALLEL_FROM, 1) or wanted < 2 or not _can_fork():
        return _walk(conn, -1, int(last or -1), GENESIS_HASH, mark_ids)
    cuts = [int(first) - 1 + (int(last) - int(first) + 1) * k // wanted for k in range(wanted)]
    ranges = list(zip(cuts, [*cuts[1:], int(last)], strict=True))
    starts = [GENESIS_HASH] + [_stored_hash_at_or_before(conn, lo) for lo, _ in ranges[1:]]
    url = conn.engine.url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=wanted, mp_context=context) as pool:
        futures = [
            pool.submit(_part, url, lo, hi, start, frozenset(i for i in mark_ids if lo < i <= hi))
            for (lo, hi), start in zip(ranges, starts, strict=True)
        ]
        parts = [f.result() for f in futures]
    return _joined(parts)


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _stored_hash_at_or_before(conn: Connection, entry_id: int) -> str:
    found = conn.execute(
        text("SELECT hash FROM audit_entries WHERE id <= :i ORDER BY id DESC LIMIT 1"),
        {"i": entry_id},
    ).scalar()
    return GENESIS_HASH if found is None else str(found)


def _joined(parts: list[Walked]) -> Walked:
    whole = Walked()
    for part in parts:
        whole.changed += part.changed
        whole.unlinked += part.unlinked
        whole.reached += [(i, whole.count + n, h) for i, n, h in part.reached]
        whole.count += part.count
        if part.head_id is not None:
            whole.head_id, whole.head_hash = part.head_id, part.head_hash
        whole.ledger.merge(part.ledger)
    whole.changed, whole.unlinked = whole.changed[:KEEP], whole.unlinked[:KEEP]
    return whole
