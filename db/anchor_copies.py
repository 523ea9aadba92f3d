"""Outside copies of audit checkpoints: a local append-only file and a second server.

Both keep every checkpoint the station signs (db/anchor.py writes them after each commit) and
give back the latest ones for ``lotline audit verify``. Neither trusts the main database.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from db.anchor import (
    Anchoring,
    AnchorProblem,
    Checkpoint,
    OutsideCopy,
    OutsideRecord,
    SigningKey,
    database_label,
)
from db.engine import make_engine
from db.types import UTCDateTime
from desktop.domain.canonical import canonical_json

#: How long a second server that failed is left alone before the next try (seconds).
RETRY_AFTER_S = 60.0


def record_line(record: OutsideRecord) -> str:
    cp = record.checkpoint
    return canonical_json(
        {
            "chain": cp.chain_id,
            "count": cp.entry_count,
            "last_id": cp.last_entry_id,
            "head": cp.head_hash,
            "at": cp.at,
            "station": cp.station,
            "key": cp.key_id,
            "public_key": record.public_key,
            "signature": cp.signature,
        }
    )


def parse_line(line: str) -> OutsideRecord:
    """One line of an anchor file; ValueError (naming the field) if it is not one."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from None
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object")
    try:
        cp = Checkpoint(
            str(raw["chain"]),
            int(raw["count"]),
            int(raw["last_id"]),
            str(raw["head"]),
            datetime.fromisoformat(str(raw["at"])),
            str(raw["station"]),
            str(raw["key"]),
            str(raw["signature"]),
        )
        return OutsideRecord(cp, str(raw["public_key"]))
    except KeyError as exc:
        raise ValueError(f"field {exc.args[0]} is missing") from None
    except (TypeError, ValueError) as exc:
        raise ValueError(f"a field has the wrong type ({exc})") from None


@dataclass
class AnchorFile:
    """A local append-only file of checkpoints, one JSON line each.

    Opened for appending only (O_APPEND) and synced to disk after every line. Make it
    write-once at the operating-system level where the plant can (``chattr +a`` on Linux, an
    append-only share or WORM volume); see docs/audit-trail.md.
    """

    path: Path
    name: str = ""

    def __post_init__(self) -> None:
        self.name = self.name or f"outside copy {self.path}"

    def append(self, record: OutsideRecord) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, (record_line(record) + "\n").encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    def tail(self, count: int) -> list[OutsideRecord]:
        if not self.path.exists():
            return []
        try:
            lines = _last_lines(self.path, count)
        except OSError as exc:
            raise AnchorProblem(f"cannot read the {self.name}: {exc}") from None
        out = []
        for number, line in lines:
            try:
                out.append(parse_line(line))
            except ValueError as why:
                where = f"line {number}" if number else "a line near its end"
                raise AnchorProblem(f"{self.name}, {where}: {why}") from None
        return out


def _last_lines(path: Path, count: int) -> list[tuple[int | None, str]]:
    """The last ``count`` non-empty lines of a file, read from its end (files grow large),
    with their line numbers where the whole file was read."""
    with path.open("rb") as f:
        f.seek(0, os.SEEK_END)
        pos = f.tell()
        chunk = b""
        while pos > 0 and chunk.count(b"\n") <= count:
            step = min(1 << 16, pos)
            pos -= step
            f.seek(pos)
            chunk = f.read(step) + chunk
    pieces = chunk.split(b"\n")
    whole = pos == 0
    if not whole:
        pieces = pieces[1:]  # the first piece may be the end of an earlier line
    kept = [
        (i + 1 if whole else None, piece.decode("utf-8", errors="replace"))
        for i, piece in enumerate(pieces)
        if piece.strip()
    ]
    return kept[-count:]


_copies = MetaData()
_BigInt = BigInteger().with_variant(Integer(), "sqlite")
COPIES = Table(
    "audit_anchor_copies",
    _copies,
    Column("id", _BigInt, primary_key=True, autoincrement=True),
    Column("source", String(200), nullable=False, index=True),
    Column("chain_id", String(36), nullable=False),
    Column("entry_count", _BigInt, nullable=False),
    Column("last_entry_id", _BigInt, nullable=False),
    Column("head_hash", String(64), nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    Column("station", String(64), nullable=False),
    Column("key_id", String(16), nullable=False),
    Column("public_key", String(64), nullable=False),
    Column("signature", String(128), nullable=False),
    Column("received_at", UTCDateTime(), server_default=func.now(), nullable=False),
)
_COPIES_APPEND_ONLY = """
CREATE OR REPLACE FUNCTION lotline_anchor_copies_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_anchor_copies is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""


@dataclass
class AnchorServer:
    """A second server (another database, PostgreSQL as a rule) keeping a copy of checkpoints.

    Its table ``audit_anchor_copies`` is made on first use with an append-only trigger; give
    the stations' role on that server INSERT and SELECT on it only. A server that cannot be
    reached is left alone for ``RETRY_AFTER_S`` seconds so that a station does not wait on it
    at every commit; the next checkpoint written covers the ones it missed.
    """

    engine: Engine
    source: str
    name: str = ""
    _ready: bool = field(default=False, repr=False)
    _down_until: float = field(default=0.0, repr=False)

    def __post_init__(self) -> None:
        where = self.engine.url.render_as_string(hide_password=True)
        self.name = self.name or f"second server {where}"

    def _ensure(self) -> None:
        if self._ready:
            return
        with self.engine.begin() as conn:
            _copies.create_all(conn, checkfirst=True)
            if conn.dialect.name == "postgresql":
                conn.execute(text(_COPIES_APPEND_ONLY))
                exists = conn.execute(
                    text(
                        "SELECT 1 FROM pg_trigger WHERE tgname = 'audit_anchor_copies_append_only'"
                    )
                ).first()
                if exists is None:
                    conn.execute(
                        text(
                            "CREATE TRIGGER audit_anchor_copies_append_only BEFORE UPDATE OR "
                            "DELETE OR TRUNCATE ON audit_anchor_copies FOR EACH STATEMENT "
                            "EXECUTE FUNCTION lotline_anchor_copies_append_only()"
                        )
                    )
        self._ready = True

    def append(self, record: OutsideRecord) -> None:
        if time.monotonic() < self._down_until:
            raise OSError(f"{self.name} failed recently; next try in under {RETRY_AFTER_S:.0f} s")
        try:
            self._ensure()
            cp = record.checkpoint
            with self.engine.begin() as conn:
                conn.execute(
                    insert(COPIES).values(
                        source=self.source,
                        chain_id=cp.chain_id,
                        entry_count=cp.entry_count,
                        last_entry_id=cp.last_entry_id,
                        head_hash=cp.head_hash,
                        at=cp.at,
                        station=cp.station,
                        key_id=cp.key_id,
                        public_key=record.public_key,
                        signature=cp.signature,
                    )
                )
        except SQLAlchemyError:
            self._down_until = time.monotonic() + RETRY_AFTER_S
            raise

    def tail(self, count: int) -> list[OutsideRecord]:
        stmt = (
            select(COPIES)
            .where(COPIES.c.source == self.source)
            .order_by(COPIES.c.id.desc())
            .limit(count)
        )
        try:
            with self.engine.connect() as conn:
                if not self.engine.dialect.has_table(conn, COPIES.name):
                    return []
                rows = conn.execute(stmt).mappings().all()
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise AnchorProblem(f"cannot read the {self.name}: {reason}") from None
        out = [
            OutsideRecord(
                Checkpoint(
                    r["chain_id"],
                    int(r["entry_count"]),
                    int(r["last_entry_id"]),
                    r["head_hash"],
                    r["at"],
                    r["station"],
                    r["key_id"],
                    r["signature"],
                ),
                r["public_key"],
            )
            for r in rows
        ]
        return out[::-1]


def station_anchoring(
    engine: Engine,
    *,
    station: str,
    key_file: Path,
    anchor_folder: Path,
    second_server: str | None = None,
) -> Anchoring:
    """What a station anchors ``engine``'s chain with: its key, the anchor file of that
    database in ``anchor_folder`` and, if given, the second server (a database URL)."""
    label = database_label(engine.url)
    copies: list[OutsideCopy] = [AnchorFile(anchor_file(anchor_folder, engine))]
    if second_server:
        copies.append(AnchorServer(make_engine(second_server, pool=False), label))
    return Anchoring(SigningKey.load_or_create(key_file), station, copies)


def anchor_file(folder: Path, engine: Engine) -> Path:
    """The station's anchor file for the database of ``engine`` (one file per database)."""
    return folder / f"{database_label(engine.url)}.jsonl"
