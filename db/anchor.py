"""Anchors of the audit chain: Ed25519-signed checkpoints, written in the database and outside it.

A checkpoint states the chain at one commit: its entry count, last entry id and head hash,
under the chain's id, the time and the station, signed with the station's Ed25519 key. The
private key lives in a file of the station's protected configuration folder (mode 0600), never
in the database; the database holds the public key (``audit_keys``). Every checkpoint is also
appended to a write-once place outside the database: a local append-only file (JSON lines) and,
where configured, a second server (another database) that keeps a copy table.

Writing (see ``Anchoring``): the unit of work calls ``checkpoint(session)`` after the audit
entries are appended, in the same transaction (the chain lock is held, so checkpoints line up
with the chain), and ``publish(checkpoint)`` after the commit (a copy that cannot be written is
reported, never turned into a failed use case: the data is committed). The outside copies are
db/anchor_copies.py; verifying is db/audit_verify.py.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db import audit
from db.errors import DatabaseProblem
from db.models import AuditCheckpoint, AuditEntry, AuditKey
from db.types import utcnow
from desktop.domain.canonical import canonical_json

log = logging.getLogger(__name__)

KEY_FILE_MODE = 0o600
KEY_FOLDER_MODE = 0o700


class AnchorProblem(DatabaseProblem):
    """The signing key or an outside copy cannot be used; the message says which and why."""


def key_id_of(public_hex: str) -> str:
    return hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:16]


@dataclass(frozen=True)
class Checkpoint:
    """One signed statement of the chain (see the module docstring)."""

    chain_id: str
    entry_count: int
    last_entry_id: int
    head_hash: str
    at: datetime
    station: str
    key_id: str
    signature: str = ""

    def payload(self) -> bytes:
        """The signed bytes: canonical JSON of every field but the signature."""
        return canonical_json(
            {
                "chain": self.chain_id,
                "count": self.entry_count,
                "last_id": self.last_entry_id,
                "head": self.head_hash,
                "at": self.at,
                "station": self.station,
                "key": self.key_id,
            }
        ).encode("utf-8")

    def signed_by(self, public_hex: str) -> bool:
        """True if the signature is this checkpoint's, made by the key ``public_hex``."""
        try:
            key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
            key.verify(bytes.fromhex(self.signature), self.payload())
        except (InvalidSignature, ValueError):
            return False
        return True

    def describe(self, number: int | None = None) -> str:
        """ "checkpoint [N] of <time> UTC (station S, C entries up to entry L)"."""
        named = "checkpoint" if number is None else f"checkpoint {number}"
        return (
            f"{named} of {self.at:%Y-%m-%d %H:%M:%S} UTC (station {self.station}, "
            f"{self.entry_count} entries up to entry {self.last_entry_id})"
        )

    @classmethod
    def from_row(cls, row: AuditCheckpoint) -> Checkpoint:
        return cls(
            row.chain_id,
            int(row.entry_count),
            int(row.last_entry_id),
            row.head_hash,
            row.at,
            row.station,
            row.key_id,
            row.signature,
        )


@dataclass(frozen=True)
class OutsideRecord:
    """A checkpoint as an outside copy holds it, with the public key it claims."""

    checkpoint: Checkpoint
    public_key: str


class SigningKey:
    """A station's Ed25519 checkpoint key, loaded from (or first made in) its key file."""

    def __init__(self, private: Ed25519PrivateKey, path: Path | None = None) -> None:
        self._private = private
        self.path = path
        raw = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.public_hex = raw.hex()
        self.key_id = key_id_of(self.public_hex)

    def sign(self, payload: bytes) -> str:
        return self._private.sign(payload).hex()

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def load_or_create(cls, path: Path) -> SigningKey:
        """The key in ``path``; made there (mode 0600, folder 0700) the first time."""
        if not path.exists():
            return cls._create(path)
        if os.name == "posix":
            mode = path.stat().st_mode & 0o777
            if mode & 0o077:
                raise AnchorProblem(
                    f"the audit signing key {path} can be read by other users (mode "
                    f"{mode:04o}): run `chmod 600 {path}` (and check who could have copied it)"
                )
        try:
            private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except OSError as exc:
            raise AnchorProblem(f"cannot read the audit signing key {path}: {exc}") from None
        except (ValueError, TypeError, UnsupportedAlgorithm):
            private = None
        if not isinstance(private, Ed25519PrivateKey):
            raise AnchorProblem(
                f"{path} is not an Ed25519 private key in PEM: restore the station's key file "
                "from its backup (a new key needs its own line in the validation notes)"
            )
        return cls(private, path)

    @classmethod
    def _create(cls, path: Path) -> SigningKey:
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=KEY_FOLDER_MODE)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, KEY_FILE_MODE)
        except FileExistsError:
            return cls.load_or_create(path)  # another process made it first
        except OSError as exc:
            raise AnchorProblem(f"cannot create the audit signing key {path}: {exc}") from None
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
            out.flush()
            os.fsync(out.fileno())
        made = cls(private, path)
        log.info("made the audit signing key %s (key id %s)", path, made.key_id)
        return made


def database_label(url: URL) -> str:
    """A name for the database that outside copies file checkpoints under (no password)."""
    if url.get_backend_name() == "sqlite":
        where = str(Path(url.database or "memory").expanduser().resolve())
        stem = re.sub(r"[^A-Za-z0-9_.-]", "_", Path(where).stem)[:40]
        return f"sqlite-{stem}-{hashlib.sha256(where.encode()).hexdigest()[:12]}"
    host = url.host or "localhost"
    return re.sub(r"[^A-Za-z0-9_.@-]", "_", f"{url.database}@{host}-{url.port or 5432}")


class OutsideCopy(Protocol):
    """A write-once place outside the database that keeps every checkpoint."""

    name: str

    def append(self, record: OutsideRecord) -> None:
        """Keep one more checkpoint; raise OSError or SQLAlchemyError if it cannot."""

    def tail(self, count: int) -> list[OutsideRecord]:
        """The last ``count`` checkpoints kept (oldest first); raise AnchorProblem if unreadable."""


@dataclass
class Anchoring:
    """What a station (or the scheduled ``lotline audit checkpoint``) anchors the chain with."""

    key: SigningKey
    station: str
    copies: Sequence[OutsideCopy] = ()

    def register_key(self, session: Session) -> None:
        """Store the public key in the database (once); refuse a different key under its id."""
        stored = session.scalars(select(AuditKey).where(AuditKey.key_id == self.key.key_id)).first()
        if stored is None:
            session.add(
                AuditKey(
                    key_id=self.key.key_id,
                    public_key=self.key.public_hex,
                    station=self.station[:64],
                )
            )
            session.flush()
        elif stored.public_key != self.key.public_hex:
            raise AnchorProblem(
                f"the database holds another public key under key id {self.key.key_id}: the "
                "key registry was tampered with; nothing was written. Run `lotline audit "
                "verify` and call the validation owner"
            )

    def checkpoint(self, session: Session) -> Checkpoint | None:
        """Sign the chain as it stands in this transaction (None if there is nothing new).

        Call it after ``audit.append`` and before the commit; it takes the chain lock itself
        (needed when nothing was appended, e.g. the scheduled command).
        """
        audit.lock_chain(session)
        head = session.execute(
            select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
        ).first()
        if head is None:
            return None
        latest = session.scalars(
            select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc()).limit(1)
        ).first()
        if latest is not None and (latest.last_entry_id, latest.head_hash) == tuple(head):
            return None
        if latest is None:
            count = session.scalar(select(func.count(AuditEntry.id))) or 0
            chain_id = str(uuid.uuid4())
        else:
            newer = select(func.count(AuditEntry.id)).where(AuditEntry.id > latest.last_entry_id)
            count = int(latest.entry_count) + (session.scalar(newer) or 0)
            chain_id = latest.chain_id
        self.register_key(session)
        unsigned = Checkpoint(
            chain_id, int(count), int(head[0]), head[1], utcnow(), self.station[:64],
            self.key.key_id,
        )  # fmt: skip
        signed = replace(unsigned, signature=self.key.sign(unsigned.payload()))
        session.add(
            AuditCheckpoint(
                chain_id=signed.chain_id,
                at=signed.at,
                entry_count=signed.entry_count,
                last_entry_id=signed.last_entry_id,
                head_hash=signed.head_hash,
                station=signed.station,
                key_id=signed.key_id,
                signature=signed.signature,
            )
        )
        session.flush()
        return signed

    def publish(self, checkpoint: Checkpoint | None) -> list[str]:
        """After the commit: append the checkpoint to every outside copy; problems as lines."""
        if checkpoint is None:
            return []
        record = OutsideRecord(checkpoint, self.key.public_hex)
        problems = []
        for copy in self.copies:
            try:
                copy.append(record)
            except (OSError, SQLAlchemyError) as exc:
                reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                problems.append(f"{copy.name}: checkpoint not kept ({reason})")
                log.warning("audit checkpoint not kept by %s: %s", copy.name, reason)
        return problems


def anchor_with(anchoring: Anchoring, engine: Engine) -> tuple[Checkpoint | None, list[str]]:
    """Write one checkpoint now, in a transaction of its own, and publish it (the scheduled job)."""
    from db.engine import writer

    with Session(writer(engine)) as session, session.begin():
        cp = anchoring.checkpoint(session)
    return cp, anchoring.publish(cp)
