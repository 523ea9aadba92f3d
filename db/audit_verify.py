"""``lotline audit verify`` in full: the chain, its signed checkpoints, the outside copies, and
the records that the audit trail must account for.

What each check catches (docs/audit-trail.md):
- an entry changed: its hash no longer matches its content;
- an entry removed from the middle: the next entry's link is broken;
- entries removed from the end, or all of them: a checkpoint names an entry the chain no
  longer reaches (the database's checkpoints, and the outside copies if those were removed too);
- the chain rewritten and every later hash recomputed: the chain's hash at a checkpoint's entry
  is not the head hash the checkpoint signed;
- checkpoints changed, forged or removed: signatures (Ed25519, public keys in the database),
  and the latest checkpoint of each outside copy must be in the database;
- records left behind: events and items that no audit entry accounts for
  (db/audit_accounting.py).

Speed and consistency: everything is read in one transaction (one snapshot: REPEATABLE READ on
PostgreSQL, one read transaction on SQLite); entries through the driver's cursor in pages,
hashed without building dicts, a long chain in parallel parts (db/audit_walk.py). The newest
``RECENT`` checkpoints of the database and the outside copies' newest lines are walked with the
chain (count and head hash at the entry they name); every older checkpoint is compared with the
stored hash of its entry in one SQL join. Signatures are checked for the newest
``SIGNED_TAIL`` checkpoints of each source. Outside copies are read before the snapshot is
taken: a checkpoint is copied out only after its commit, so the snapshot holds every
checkpoint a copy holds.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Row, func, select, text

from db.anchor import AnchorProblem, Checkpoint, OutsideCopy, OutsideRecord, key_id_of
from db.audit_walk import Walked, walk_chain
from db.models import AuditCheckpoint, AuditKey
from db.trace import reach

SIGNED_TAIL = 100
OUTSIDE_TAIL = 1000
RECENT = 1000
_MAX_LINES_PER_KIND = 3


@dataclass
class Report:
    """What verify found; ``problems`` empty means the trail is whole."""

    entries: int = 0
    head_id: int | None = None
    checkpoints: int = 0
    latest: Checkpoint | None = None
    keys: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """The OK line: what was checked and how far the chain is anchored."""
        text_ = f"{self.entries} audit entries, chain unbroken"
        if self.latest is None:
            return text_ + "; no checkpoints (the chain is not anchored)"
        since = self.entries - self.latest.entry_count
        text_ += (
            f"; {self.checkpoints} checkpoints, the latest signed "
            f"{self.latest.at:%Y-%m-%d %H:%M:%S} UTC by key {self.latest.key_id} at entry "
            f"{self.latest.last_entry_id}"
        )
        if since > 0:
            text_ += f" ({since} entries after it, not anchored yet)"
        return text_


class _Marks:
    """Checkpoints sorted by the entry they name (the newest of the database, and the outside
    copies' newest lines): told the count and stored hash when the walk reaches them."""

    def __init__(self) -> None:
        self.items: list[tuple[int, int, str, int, int]] = []  # last id, count, head, source, ref
        self.pos = 0
        self.next_id = 1 << 62
        self.found: list[tuple[str, int, int, str]] = []  # (kind, mark index, entry id, extra)

    def add(self, last_id: int, count: int, head: str, source: int, ref: int) -> None:
        self.items.append((last_id, count, head, source, ref))

    def ready(self) -> None:
        self.items.sort(key=lambda m: (m[0], m[3]))
        self.next_id = self.items[0][0] if self.items else 1 << 62

    def source(self, i: int) -> int:
        return self.items[i][3]

    def ref(self, i: int) -> int:
        return self.items[i][4]

    def reach(self, entry_id: int, count: int, stored_hash: str) -> int:
        items, i = self.items, self.pos
        while i < len(items) and items[i][0] <= entry_id:
            last_id, signed_count, head, _, _ = items[i]
            if last_id < entry_id:
                self.found.append(("missing", i, last_id, ""))
            elif head != stored_hash:
                self.found.append(("rewritten", i, entry_id, stored_hash))
            elif signed_count != count:
                self.found.append(("count", i, entry_id, str(count)))
            i += 1
        self.pos = i
        return items[i][0] if i < len(items) else 1 << 62

    def finish(self, last_id: int | None, count: int) -> None:
        for i in range(self.pos, len(self.items)):
            named = self.items[i][0]
            if last_id is not None and named < last_id:
                self.found.append(("missing", i, named, ""))
            else:
                self.found.append(("beyond", i, named, str(last_id or 0)))
        self.pos = len(self.items)


def verify_all(
    engine: Engine,
    copies: Sequence[OutsideCopy] = (),
    trusted_keys: Collection[str] | None = None,
    *,
    reach: bool = False,
) -> Report:
    """Check the audit trail of ``engine`` against its checkpoints and ``copies``; ``reach``:
    also the reach table against the links (a closure recomputed: seconds per 100,000 units)."""
    report = Report()
    raw_tails = [_read_tail(report, copy) for copy in copies]  # before the snapshot
    collecting = gc.isenabled()
    gc.disable()  # millions of short-lived tuples: the cyclic collector only slows the walk
    try:
        with _snapshot(engine) as conn:
            _verify_in(conn, report, copies, raw_tails, trusted_keys)
            if reach:
                _reach_problems(report, conn)
    finally:
        if collecting:
            gc.enable()
    return report


def _snapshot(engine: Engine) -> Connection:
    conn = engine.connect()
    if engine.dialect.name == "postgresql":
        # Idle before the isolation level is set (a check-out ping may have opened a
        # transaction on the driver's connection); then one snapshot for every query.
        conn.connection.driver_connection.rollback()  # type: ignore[union-attr]
        conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def _verify_in(
    conn: Connection,
    report: Report,
    copies: Sequence[OutsideCopy],
    raw_tails: list[list[OutsideRecord] | None],
    trusted_keys: Collection[str] | None,
) -> None:
    keys = {k: p for k, p in conn.execute(select(AuditKey.key_id, AuditKey.public_key)).all()}
    report.keys = sorted(keys)
    recent = _recent_checkpoints(conn, report)
    chain_id = recent[0][1].chain_id if recent else None
    for cp_id, cp in recent[:SIGNED_TAIL]:
        _check_signature(report, cp.describe(cp_id), cp, keys.get(cp.key_id), trusted_keys)
    tails = _outside(report, copies, raw_tails, keys, chain_id, trusted_keys)
    marks = _marks(recent, tails)
    walk = walk_chain(conn, {m[0] for m in marks.items})
    for entry_id, count, stored_hash in walk.reached:
        marks.reach(entry_id, count, stored_hash)
    marks.finish(walk.head_id, walk.count)
    report.entries, report.head_id = walk.count, walk.head_id
    _chain_problems(report, walk)
    _mark_problems(report, conn, marks, tails, copies, walk)
    _older_checkpoints(report, conn, recent)
    _latest_outside_in_database(report, conn, tails, copies, recent)
    report.problems += walk.ledger.findings(conn)


def _reach_problems(report: Report, conn: Connection) -> None:
    """The reach table is derived from the links (a recall's scope is read from it): any pair
    that the links do not give, or that they give and the table lacks, is a problem."""
    wrong, examples = reach.differences(conn)
    if wrong:
        report.problems.append(
            f"the reach table (recall scopes) disagrees with the links in {wrong} pair(s) "
            f"(e.g. {'; '.join(examples)}): it was changed outside Lotline, and a recall "
            "would miss or add items until it is rebuilt (`lotline db rebuild-reach`)"
        )


def _recent_checkpoints(conn: Connection, report: Report) -> list[tuple[int, Checkpoint]]:
    report.checkpoints = int(conn.scalar(select(func.count(AuditCheckpoint.id))) or 0)
    rows = conn.execute(
        select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc()).limit(RECENT)
    ).all()
    chain_ids = list(conn.execute(select(AuditCheckpoint.chain_id).distinct().limit(5)).scalars())
    out = [(int(r.id), _checkpoint(r)) for r in rows]
    if out:
        report.latest = out[0][1]
    if len(chain_ids) > 1:
        report.problems.append(
            f"the database holds checkpoints of {len(chain_ids)} chains "
            f"({', '.join(chain_ids)}): checkpoints were forged or copied from another database"
        )
    return out


def _checkpoint(r: Row[Any]) -> Checkpoint:
    return Checkpoint(
        r.chain_id,
        int(r.entry_count),
        int(r.last_entry_id),
        r.head_hash,
        r.at,
        r.station,
        r.key_id,
        r.signature,
    )


def _check_signature(
    report: Report,
    what: str,
    cp: Checkpoint,
    public_key: str | None,
    trusted: Collection[str] | None,
) -> None:
    if public_key is None:
        report.problems.append(
            f"the database's {what} is signed with key {cp.key_id}, which the database "
            "does not hold (audit_keys): the key registry or the checkpoint was changed"
        )
    elif not cp.signed_by(public_key):
        report.problems.append(
            f"the database's {what} has a signature that does not match its content: it was "
            "changed after it was signed"
        )
    elif trusted is not None and cp.key_id not in trusted:
        report.problems.append(
            f"the database's {what} is signed with key {cp.key_id}, which is not one of the "
            "trusted keys: check the validation notes for the stations' keys"
        )


def _read_tail(report: Report, copy: OutsideCopy) -> list[OutsideRecord] | None:
    try:
        return copy.tail(OUTSIDE_TAIL)
    except AnchorProblem as problem:
        report.problems.append(str(problem))
        return None


def _outside(
    report: Report,
    copies: Sequence[OutsideCopy],
    raw_tails: list[list[OutsideRecord] | None],
    keys: dict[str, str],
    chain_id: str | None,
    trusted: Collection[str] | None,
) -> list[list[OutsideRecord]]:
    tails: list[list[OutsideRecord]] = []
    for copy, records in zip(copies, raw_tails, strict=True):
        if records is None:  # unreadable: said already
            tails.append([])
            continue
        if not records:
            report.outside.append(f"{copy.name}: no checkpoints")
            tails.append([])
            continue
        others = {r.checkpoint.chain_id for r in records} - {chain_id}
        if chain_id is None:
            report.problems.append(
                f"the database holds no checkpoints, but the {copy.name} holds "
                f"{len(records)} (the latest: {records[-1].checkpoint.describe()}): the "
                "database's checkpoints were removed, or this is not the copy of this database"
            )
        elif others:
            report.problems.append(
                f"the {copy.name} holds checkpoints of chain {', '.join(sorted(others))}, but "
                f"the database's chain is {chain_id}: the database was replaced or its "
                "checkpoints were rewritten"
            )
        for r in records[-SIGNED_TAIL:]:
            cp = r.checkpoint
            if key_id_of(r.public_key) != cp.key_id or not cp.signed_by(r.public_key):
                report.problems.append(
                    f"the {copy.name} holds a {cp.describe()} whose signature does not verify"
                )
                continue
            known = keys.get(cp.key_id)
            if known != r.public_key:
                report.problems.append(
                    f"the {copy.name} holds a {cp.describe()} signed with key {cp.key_id}, "
                    "which the database does not hold: the database's key registry was changed"
                )
            elif trusted is not None and cp.key_id not in trusted:
                report.problems.append(
                    f"the {copy.name} holds a {cp.describe()} signed with key {cp.key_id}, "
                    "which is not one of the trusted keys"
                )
        latest = records[-1].checkpoint
        report.outside.append(
            f"{copy.name}: {len(records)} recent checkpoints read, the latest at entry "
            f"{latest.last_entry_id}"
        )
        tails.append(records)
    return tails


def _marks(recent: list[tuple[int, Checkpoint]], tails: list[list[OutsideRecord]]) -> _Marks:
    marks = _Marks()
    for cp_id, cp in recent:
        marks.add(cp.last_entry_id, cp.entry_count, cp.head_hash, 0, cp_id)
    for k, tail in enumerate(tails, start=1):
        for i, record in enumerate(tail):
            cp = record.checkpoint
            marks.add(cp.last_entry_id, cp.entry_count, cp.head_hash, k, i)
    marks.ready()
    return marks


def _older_checkpoints(
    report: Report, conn: Connection, recent: list[tuple[int, Checkpoint]]
) -> None:
    """Every checkpoint older than the ones walked: the entry it names, with the head it signed
    (the walk has shown the stored hashes true, or named the entries that are not)."""
    if len(recent) < RECENT:
        return  # every checkpoint was walked
    oldest = recent[-1][0]
    where = (
        "FROM audit_checkpoints c LEFT JOIN audit_entries a ON a.id = c.last_entry_id "
        "WHERE c.id < :oldest AND (a.id IS NULL OR a.hash <> c.head_hash)"
    )
    found = int(conn.execute(text(f"SELECT count(*) {where}"), {"oldest": oldest}).scalar_one())
    if not found:
        return
    first = conn.execute(
        text(f"SELECT c.id, c.last_entry_id, a.id {where} ORDER BY c.id LIMIT 1"),
        {"oldest": oldest},
    ).one()
    why = "is not in the audit trail" if first[2] is None else "has another hash than was signed"
    report.problems.append(
        f"{_n(found, 'older checkpoint')} disagree with the chain: the first, checkpoint "
        f"{first[0]}, names entry {first[1]}, which {why}: entries were removed or rewritten"
    )


def _chain_problems(report: Report, walk: Walked) -> None:
    for entry_id in walk.changed[:_MAX_LINES_PER_KIND]:
        report.problems.append(
            f"audit entry {entry_id}: its content no longer matches its hash (the entry was "
            "changed)"
        )
    if len(walk.changed) > _MAX_LINES_PER_KIND:
        report.problems.append(f"... and {len(walk.changed) - _MAX_LINES_PER_KIND} more changed")
    for entry_id in walk.unlinked[:_MAX_LINES_PER_KIND]:
        report.problems.append(
            f"audit entry {entry_id}: its link to the previous entry is broken (the entry "
            "before it was removed or changed)"
        )
    if len(walk.unlinked) > _MAX_LINES_PER_KIND:
        report.problems.append(f"... and {len(walk.unlinked) - _MAX_LINES_PER_KIND} more broken")


def _n(count: int, noun: str) -> str:
    """ "1 event", "2 events"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _describe_mark(
    conn: Connection,
    marks: _Marks,
    i: int,
    tails: list[list[OutsideRecord]],
    copies: Sequence[OutsideCopy],
) -> str:
    source, ref = marks.source(i), marks.ref(i)
    if source > 0:
        held = tails[source - 1][ref].checkpoint
        return f"the {copies[source - 1].name} holds a {held.describe()}"
    row = conn.execute(select(AuditCheckpoint).where(AuditCheckpoint.id == ref)).first()
    if row is None:  # pragma: no cover - read a moment ago
        return f"checkpoint {ref}"
    return f"the database's {_checkpoint(row).describe(ref)}"


def _mark_problems(
    report: Report,
    conn: Connection,
    marks: _Marks,
    tails: list[list[OutsideRecord]],
    copies: Sequence[OutsideCopy],
    walk: Walked,
) -> None:
    shown: dict[tuple[str, int], int] = {}
    chosen: dict[tuple[str, int], tuple[str, int, int, str]] = {}
    for found in marks.found:
        key = (found[0], marks.source(found[1]))
        shown[key] = shown.get(key, 0) + 1
        if key not in chosen or found[0] == "beyond":  # the first, or the furthest cut
            chosen[key] = found
    for kind, i, entry_id, extra in chosen.values():
        where = _describe_mark(conn, marks, i, tails, copies)
        if kind == "beyond" and walk.count == 0:
            why = "the audit trail is empty: every entry was removed"
        elif kind == "beyond":
            why = (
                f"the audit trail ends at entry {extra} ({walk.count} entries): the entries "
                f"after it, up to {entry_id}, were removed"
            )
        elif kind == "missing":
            why = f"entry {entry_id} is not in the audit trail: it was removed"
        elif kind == "rewritten":
            why = (
                f"the chain's hash at entry {entry_id} is {extra[:16]}..., not the head hash "
                "that was signed: the chain was rewritten and its hashes recomputed"
            )
        else:
            why = (
                f"the chain holds {extra} entries up to entry {entry_id}, not the number that "
                "was signed: entries were removed or added before it"
            )
        report.problems.append(f"{where}; {why}")
    for (kind, source), n in shown.items():
        if n > 1:
            where = "" if source == 0 else f" in the {copies[source - 1].name}"
            verb = "disagrees" if n == 2 else "disagree"
            more = _n(n - 1, "more checkpoint")
            report.notes.append(f"{more}{where} {verb} the same way ({kind})")


def _latest_outside_in_database(
    report: Report,
    conn: Connection,
    tails: list[list[OutsideRecord]],
    copies: Sequence[OutsideCopy],
    recent: list[tuple[int, Checkpoint]],
) -> None:
    latest_db = recent[0][1] if recent else None
    for copy, tail in zip(copies, tails, strict=True):
        if not tail or latest_db is None:
            continue
        newest = tail[-1].checkpoint
        held = conn.execute(
            select(AuditCheckpoint.id).where(AuditCheckpoint.signature == newest.signature)
        ).first()
        if held is None and newest.last_entry_id >= latest_db.last_entry_id:
            report.problems.append(
                f"the {copy.name} holds a {newest.describe()} that the database does not: the "
                "database's newest checkpoints were removed (or the database was restored from "
                "an older backup)"
            )
        elif newest.last_entry_id < latest_db.last_entry_id:
            report.notes.append(
                f"the {copy.name} is behind the database: its latest checkpoint is at entry "
                f"{newest.last_entry_id}, the database's at {latest_db.last_entry_id}"
            )
