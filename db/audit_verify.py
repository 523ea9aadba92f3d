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

Speed: entries are read as plain tuples in pages and hashed without building dicts; checkpoint
marks are held in compact arrays; only the newest ``SIGNED_TAIL`` checkpoints of the database
and of each outside copy have their signatures checked (every checkpoint is still compared with
the chain; an older forged one could only agree with the chain or be reported).
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, Row, func, select, text

from db import audit
from db.anchor import AnchorProblem, Checkpoint, OutsideCopy, OutsideRecord, key_id_of
from db.audit_accounting import ENTITIES, Ledger
from db.models import AuditCheckpoint, AuditKey

SIGNED_TAIL = 100
OUTSIDE_TAIL = 1000
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
    """Checkpoints sorted by the entry they name, held in arrays (a million fit in a few MB)."""

    def __init__(self) -> None:
        self.ids = array("q")
        self.counts = array("q")
        self.heads = bytearray()
        self.sources = array("i")  # 0 = the database, k = outside copy k
        self.refs = array("q")  # checkpoint id (database) or index in the copy's tail
        self.pos = 0
        self.next_id = 1 << 62
        self.found: list[tuple[str, int, int, str]] = []  # (kind, mark index, entry id, extra)

    def add(self, last_id: int, count: int, head: str, source: int, ref: int) -> None:
        try:
            raw = bytes.fromhex(head)
        except ValueError:
            raw = b""
        self.ids.append(last_id)
        self.counts.append(count)
        self.heads += raw.ljust(32, b"\0")[:32]
        self.sources.append(source)
        self.refs.append(ref)

    def ready(self) -> None:
        order = sorted(range(len(self.ids)), key=lambda i: (self.ids[i], self.sources[i]))
        self.ids = array("q", (self.ids[i] for i in order))
        self.counts = array("q", (self.counts[i] for i in order))
        self.heads = bytearray(b"".join(bytes(self.heads[i * 32 : i * 32 + 32]) for i in order))
        self.sources = array("i", (self.sources[i] for i in order))
        self.refs = array("q", (self.refs[i] for i in order))
        self.next_id = self.ids[0] if self.ids else 1 << 62

    def reach(self, entry_id: int, count: int, stored_hash: str) -> int:
        ids, i = self.ids, self.pos
        while i < len(ids) and ids[i] <= entry_id:
            if ids[i] < entry_id:
                self.found.append(("missing", i, ids[i], ""))
            elif self.heads[i * 32 : i * 32 + 32].hex() != stored_hash:
                self.found.append(("rewritten", i, entry_id, stored_hash))
            elif self.counts[i] != count:
                self.found.append(("count", i, entry_id, str(count)))
            i += 1
        self.pos = i
        return ids[i] if i < len(ids) else 1 << 62

    def finish(self, last_id: int | None, count: int) -> None:
        for i in range(self.pos, len(self.ids)):
            self.found.append(("beyond", i, self.ids[i], str(last_id or 0)))
        self.pos = len(self.ids)


def verify_all(
    engine: Engine,
    copies: Sequence[OutsideCopy] = (),
    trusted_keys: Collection[str] | None = None,
) -> Report:
    """Check the audit trail of ``engine`` against its checkpoints and ``copies``."""
    report = Report()
    keys = _keys(engine)
    report.keys = sorted(keys)
    recent = _recent_checkpoints(engine, report)
    chain_id = recent[0][1].chain_id if recent else None
    for cp_id, cp in recent:
        _check_signature(report, cp.describe(cp_id), cp, keys.get(cp.key_id), trusted_keys)
    tails = _outside(report, copies, keys, chain_id, trusted_keys)
    marks = _marks(engine, tails, chain_id)
    walk = audit.ChainWalk(marks)
    ledger = Ledger()
    walk.feed(audit.chain_rows(engine), ledger.collect, ENTITIES)
    walk.finish()
    report.entries, report.head_id = walk.count, walk.head_id
    _chain_problems(report, walk)
    _mark_problems(report, engine, marks, tails, copies, walk)
    _latest_outside_in_database(report, engine, tails, copies, recent)
    report.problems += ledger.findings(engine)
    return report


def _keys(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        rows = conn.execute(select(AuditKey.key_id, AuditKey.public_key)).all()
    return {k: p for k, p in rows}


def _recent_checkpoints(engine: Engine, report: Report) -> list[tuple[int, Checkpoint]]:
    with engine.connect() as conn:
        report.checkpoints = int(conn.scalar(select(func.count(AuditCheckpoint.id))) or 0)
        rows = conn.execute(
            select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc()).limit(SIGNED_TAIL)
        ).all()
        chains = conn.execute(select(AuditCheckpoint.chain_id).distinct().limit(5)).scalars()
        chain_ids = list(chains)
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


def _outside(
    report: Report,
    copies: Sequence[OutsideCopy],
    keys: dict[str, str],
    chain_id: str | None,
    trusted: Collection[str] | None,
) -> list[list[OutsideRecord]]:
    tails: list[list[OutsideRecord]] = []
    for copy in copies:
        try:
            records = copy.tail(OUTSIDE_TAIL)
        except AnchorProblem as problem:
            report.problems.append(str(problem))
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


def _marks(engine: Engine, tails: list[list[OutsideRecord]], chain_id: str | None) -> _Marks:
    marks = _Marks()
    sql = text(
        "SELECT last_entry_id, entry_count, head_hash, id FROM audit_checkpoints "
        "WHERE id > :after ORDER BY id LIMIT 50000"
    )
    after = -1
    with engine.connect() as conn:
        while True:
            page = conn.execute(sql, {"after": after}).all()
            for last_id, count, head, cp_id in page:
                marks.add(int(last_id), int(count), head, 0, int(cp_id))
            if len(page) < 50000:
                break
            after = page[-1][3]
    for k, tail in enumerate(tails, start=1):
        for i, record in enumerate(tail):
            cp = record.checkpoint
            marks.add(cp.last_entry_id, cp.entry_count, cp.head_hash, k, i)
    marks.ready()
    return marks


def _chain_problems(report: Report, walk: audit.ChainWalk) -> None:
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
    engine: Engine,
    marks: _Marks,
    i: int,
    tails: list[list[OutsideRecord]],
    copies: Sequence[OutsideCopy],
) -> str:
    source, ref = marks.sources[i], marks.refs[i]
    if source > 0:
        held = tails[source - 1][ref].checkpoint
        return f"the {copies[source - 1].name} holds a {held.describe()}"
    with engine.connect() as conn:
        row = conn.execute(select(AuditCheckpoint).where(AuditCheckpoint.id == ref)).first()
    if row is None:  # pragma: no cover - read a moment ago
        return f"checkpoint {ref}"
    return f"the database's {_checkpoint(row).describe(ref)}"


def _mark_problems(
    report: Report,
    engine: Engine,
    marks: _Marks,
    tails: list[list[OutsideRecord]],
    copies: Sequence[OutsideCopy],
    walk: audit.ChainWalk,
) -> None:
    shown: dict[tuple[str, int], int] = {}
    chosen: dict[tuple[str, int], tuple[str, int, int, str]] = {}
    for found in marks.found:
        key = (found[0], marks.sources[found[1]])
        shown[key] = shown.get(key, 0) + 1
        if key not in chosen or found[0] == "beyond":  # the first, or the furthest cut
            chosen[key] = found
    for kind, i, entry_id, extra in chosen.values():
        where = _describe_mark(engine, marks, i, tails, copies)
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
    engine: Engine,
    tails: list[list[OutsideRecord]],
    copies: Sequence[OutsideCopy],
    recent: list[tuple[int, Checkpoint]],
) -> None:
    latest_db = recent[0][1] if recent else None
    for copy, tail in zip(copies, tails, strict=True):
        if not tail or latest_db is None:
            continue
        newest = tail[-1].checkpoint
        with engine.connect() as conn:
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
