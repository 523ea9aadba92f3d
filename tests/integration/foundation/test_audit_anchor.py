"""The anchored audit chain: signed checkpoints at every commit, kept in the database and outside
it, and `lotline audit verify` naming every way history can be cut or rewritten. Both DBs.

Tampering is done as an attacker with full access to the database would: on PostgreSQL as the
superuser (who disables the append-only triggers, edits, and enables them again), on SQLite by
dropping the triggers. The station's key and anchor file are not the attacker's.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.orm import Session

from db import append_only, audit, audit_walk
from db.anchor import Anchoring, AnchorProblem, SigningKey, anchor_with
from db.anchor_copies import AnchorFile, AnchorServer, anchor_file, station_anchoring
from db.audit_verify import verify_all
from db.engine import make_engine
from db.models import GENESIS_HASH, AuditCheckpoint, AuditEntry, Event
from db.types import utcnow
from desktop.cli import main
from desktop.domain.canonical import canonical_json, sha256_hex
from desktop.services import identity
from desktop.services.production import (
    commission_serials,
    create_work_order,
    release_work_order,
)
from tests.support.plant import Plant

PUMP = "09506000134352"


@dataclass
class History:
    engine: Engine
    url: str
    plant: Plant
    anchoring: Anchoring
    file: Path
    station_file: Path


def _station_file(tmp_path: Path) -> Path:
    path = tmp_path / "station.toml"
    path.write_text(
        f'station = "line-9"\n[audit]\nanchor = true\nkey_file = "{tmp_path / "cfg" / "key.pem"}"'
        f'\nanchor_folder = "{tmp_path / "anchors"}"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def history(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[History]:
    """A plant with a released work order, three commissioned serials and two users, every
    commit after the master data anchored by the station's key (database, file)."""
    station_file = _station_file(tmp_path)
    monkeypatch.setenv("LOTLINE_CONFIG", str(station_file))
    engine = make_engine(database_url)
    plant = Plant(engine)
    anchoring = station_anchoring(
        engine,
        station="line-9",
        key_file=tmp_path / "cfg" / "key.pem",
        anchor_folder=tmp_path / "anchors",
    )
    sup = replace(plant.ctx("supervisor"), anchoring=anchoring)
    create_work_order(sup, "WO-A1", PUMP, 3)
    release_work_order(sup, "WO-A1")
    commission_serials(sup, "WO-A1", count=3)
    admin = replace(plant.admin, anchoring=anchoring)
    identity.add_user(admin, "nina", "Nina", "operator", "password-123")
    identity.add_user(admin, "omar", "Omar", "operator", "password-123")
    yield History(
        engine,
        database_url,
        plant,
        anchoring,
        anchor_file(tmp_path / "anchors", engine),
        station_file,
    )
    engine.dispose()


@pytest.fixture(params=["one walk", "parallel parts"])
def walk_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Verify walks the chain in one pass, or (as for a long chain) in parts by processes."""
    if request.param == "parallel parts":
        if not audit_walk._can_fork():
            pytest.skip("parts run in parallel processes on Linux only")
        monkeypatch.setattr(audit_walk, "PARALLEL_FROM", 1)
    return str(request.param)


def _unprotected(conn: Connection, change: Callable[[Connection], None]) -> None:
    """What an attacker with the database's keys does: triggers off, change, triggers on."""
    tables = ("audit_entries", "audit_checkpoints", "audit_keys", "events")
    if conn.dialect.name == "postgresql":
        for table in tables:
            conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        change(conn)
        for table in tables:
            conn.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))
    else:
        append_only.uninstall(conn)
        change(conn)
        append_only.install(conn)


def _tamper(engine: Engine, *sql: str) -> None:
    def run(conn: Connection) -> None:
        for statement in sql:
            conn.execute(text(statement))

    with engine.begin() as conn:
        _unprotected(conn, run)


def _ids(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT id FROM audit_entries ORDER BY id")).scalars())


def _rechain(engine: Engine, target: int) -> None:
    """Rewrite entry ``target`` and recompute every hash after it, so the chain is whole."""

    def run(conn: Connection) -> None:
        with Session(bind=conn) as s:
            prev = GENESIS_HASH
            for entry in s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all():
                if entry.id == target:
                    entry.reason = "nothing happened here"
                entry.prev_hash = prev
                entry.hash = prev = audit.entry_hash(entry)
                s.flush()

    with engine.begin() as conn:
        _unprotected(conn, run)


def _verify(h: History, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["audit", "verify", "--database", h.url, *extra])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out


def test_every_commit_is_anchored_in_the_database_and_the_outside_file(
    history: History, capsys: pytest.CaptureFixture[str]
) -> None:
    with Session(history.engine) as s:
        checkpoints = s.scalar(select(func.count(AuditCheckpoint.id)))
        latest = s.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc())).first()
        head = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        entries = s.scalar(select(func.count(AuditEntry.id)))
    lines = history.file.read_text(encoding="utf-8").splitlines()
    assert checkpoints == len(lines) >= 5  # one per use case commit
    assert latest is not None and head is not None
    assert (latest.last_entry_id, latest.head_hash, latest.entry_count) == (
        head.id,
        head.hash,
        entries,
    )
    code, out = _verify(history, capsys)
    assert code == 0, out
    assert out.startswith(f"OK: {entries} audit entries, chain unbroken; {checkpoints} checkpoints")
    assert history.anchoring.key.key_id in out


def test_changed_row(history: History, capsys: pytest.CaptureFixture[str], walk_mode: str) -> None:
    target = _ids(history.engine)[5]
    _tamper(history.engine, f"UPDATE audit_entries SET reason = 'edited' WHERE id = {target}")
    code, out = _verify(history, capsys)
    assert code == 1
    assert f"BROKEN: audit entry {target}: its content no longer matches its hash" in out


def test_deleted_middle_row(
    history: History, capsys: pytest.CaptureFixture[str], walk_mode: str
) -> None:
    ids = _ids(history.engine)
    _tamper(history.engine, f"DELETE FROM audit_entries WHERE id = {ids[6]}")
    code, out = _verify(history, capsys)
    assert code == 1
    assert f"audit entry {ids[7]}: its link to the previous entry is broken" in out
    assert "not the number that was signed: entries were removed or added before it" in out


def test_deleted_last_rows(
    history: History, capsys: pytest.CaptureFixture[str], walk_mode: str
) -> None:
    ids = _ids(history.engine)
    _tamper(history.engine, f"DELETE FROM audit_entries WHERE id > {ids[-4]}")
    code, out = _verify(history, capsys)
    assert code == 1
    assert f"the audit trail ends at entry {ids[-4]}" in out
    assert f"up to {ids[-1]}, were removed" in out


def test_deleted_last_rows_and_their_checkpoints_the_outside_copy_tells(
    history: History, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _ids(history.engine)
    _tamper(
        history.engine,
        f"DELETE FROM audit_entries WHERE id > {ids[-4]}",
        f"DELETE FROM audit_checkpoints WHERE last_entry_id > {ids[-4]}",
    )
    code, out = _verify(history, capsys)
    assert code == 1
    assert f"the outside copy {history.file} holds a checkpoint" in out
    assert f"the audit trail ends at entry {ids[-4]}" in out
    assert "that the database does not: the database's newest checkpoints were removed" in out


def test_emptied_table(
    history: History, capsys: pytest.CaptureFixture[str], walk_mode: str
) -> None:
    _tamper(history.engine, "DELETE FROM audit_entries")
    code, out = _verify(history, capsys)
    assert code == 1
    assert "the audit trail is empty: every entry was removed" in out
    assert "events are accounted for by no audit entry" in out
    assert "items are accounted for by no audit entry" in out


def test_emptied_table_and_checkpoints_the_outside_copy_and_the_records_tell(
    history: History, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(
        history.engine,
        "DELETE FROM audit_entries",
        "DELETE FROM audit_checkpoints",
        "DELETE FROM audit_keys",
    )
    code, out = _verify(history, capsys)
    assert code == 1
    assert "the database holds no checkpoints, but the outside copy" in out
    assert "the audit trail is empty: every entry was removed" in out
    assert "accounted for by no audit entry" in out
    # even with no outside copy at all, the records left behind tell
    history.file.unlink()
    code, out = _verify(history, capsys)
    assert code == 1 and "accounted for by no audit entry" in out


def test_rewritten_and_rechained_table(
    history: History, capsys: pytest.CaptureFixture[str], walk_mode: str
) -> None:
    target = _ids(history.engine)[8]
    _rechain(history.engine, target)
    assert audit.verify(history.engine).ok  # the chain alone looks whole
    code, out = _verify(history, capsys)
    assert code == 1
    assert "the chain was rewritten and its hashes recomputed" in out


def test_rechained_with_forged_checkpoints_under_another_key(
    history: History, capsys: pytest.CaptureFixture[str]
) -> None:
    _rechain(history.engine, _ids(history.engine)[8])
    _tamper(history.engine, "DELETE FROM audit_checkpoints")
    forger = Anchoring(SigningKey.generate(), "line-9")
    anchor_with(forger, history.engine)
    # the outside copy still holds the real chain's checkpoints
    code, out = _verify(history, capsys)
    assert code == 1
    assert "the database was replaced or its checkpoints were rewritten" in out
    assert "the chain was rewritten and its hashes recomputed" in out
    # without the outside copy, the keys named in the validation notes tell
    code, out = _verify(
        history,
        capsys,
        "--anchor-file",
        str(_empty(history.file.parent / "none.jsonl")),
        "--trusted-key",
        history.anchoring.key.key_id,
    )
    assert code == 1
    assert f"signed with key {forger.key.key_id}, which is not one of the trusted keys" in out


def _empty(path: Path) -> Path:
    path.write_text("", encoding="utf-8")
    return path


def test_changed_checkpoint_fails_its_signature(
    history: History, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(history.engine, "UPDATE audit_checkpoints SET entry_count = entry_count + 1")
    code, out = _verify(history, capsys)
    assert code == 1
    assert "has a signature that does not match its content" in out


def test_records_no_audit_entry_accounts_for(
    history: History, capsys: pytest.CaptureFixture[str]
) -> None:
    with Session(history.engine) as s, s.begin():
        s.add(Event(id=uuid.uuid4(), kind="pack", station_time=utcnow()))
    code, out = _verify(history, capsys)
    assert code == 1
    assert "1 event is accounted for by no audit entry (e.g. event" in out


def test_the_second_server_keeps_copies_and_is_checked(history: History, tmp_path: Path) -> None:
    server = AnchorServer(make_engine(f"sqlite:///{tmp_path / 'second.sqlite'}"), "plant-db")
    anchoring = replace(history.anchoring, copies=[*history.anchoring.copies, server])
    ctx = replace(history.plant.ctx("admin"), anchoring=anchoring)
    identity.add_user(ctx, "pia", "Pia", "operator", "password-123")
    assert len(server.tail(10)) == 1  # the new user's commit
    ids = _ids(history.engine)
    _tamper(
        history.engine,
        f"DELETE FROM audit_entries WHERE id > {ids[-3]}",
        f"DELETE FROM audit_checkpoints WHERE last_entry_id > {ids[-3]}",
    )
    history.file.unlink()  # the local file is lost too: the second server still tells
    report = verify_all(history.engine, [server])
    assert not report.ok
    assert any(
        p.startswith(f"the {server.name} holds a checkpoint") and "were removed" in p
        for p in report.problems
    ), report.problems
    server.engine.dispose()


def test_a_copy_that_cannot_be_written_does_not_fail_the_use_case(
    history: History, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    anchoring = replace(history.anchoring, copies=[AnchorFile(blocked / "anchor.jsonl")])
    ctx = replace(history.plant.ctx("admin"), anchoring=anchoring)
    before = len(_checkpoints(history.engine))
    identity.add_user(ctx, "rui", "Rui", "operator", "password-123")
    assert "audit checkpoint not kept by outside copy" in caplog.text
    assert len(_checkpoints(history.engine)) == before + 1  # in the database all the same
    assert identity.login(ctx, "rui", "password-123").actor.username == "rui"


def _checkpoints(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(select(AuditCheckpoint.id)).scalars())


def test_checkpoint_and_key_commands(
    history: History, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["audit", "checkpoint", "--database", history.url]) == 0
    assert "nothing new since the latest checkpoint" in capsys.readouterr().out
    assert main(["audit", "key", "--database", history.url]) == 0
    out = capsys.readouterr().out
    key = history.anchoring.key
    assert f"key id {key.key_id}" in out and key.public_hex in out
    assert "keys in the database (1):" in out


def test_key_file_is_private_and_a_readable_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "key.pem"
    key = SigningKey.load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert SigningKey.load_or_create(path).key_id == key.key_id
    if os.name == "posix":
        path.chmod(0o644)
        with pytest.raises(AnchorProblem, match="can be read by other users"):
            SigningKey.load_or_create(path)
    bad = tmp_path / "bad.pem"
    bad.write_text("not a key", encoding="utf-8")
    bad.chmod(0o600)
    with pytest.raises(AnchorProblem, match="not an Ed25519 private key"):
        SigningKey.load_or_create(bad)


def test_verify_as_a_command_exits_1_with_no_traceback(history: History) -> None:
    _tamper(history.engine, "DELETE FROM audit_entries")
    env = {**os.environ, "LOTLINE_CONFIG": str(history.station_file)}
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "audit", "verify", "--database", history.url],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "BROKEN: " in result.stdout and "every entry was removed" in result.stdout


_text = st.text(max_size=40)
_opt = st.none() | _text


@settings(max_examples=300, deadline=None)
@given(
    user_id=st.none() | st.integers(min_value=0, max_value=2**62),
    fields=st.tuples(_text, _text, _text, _text, _text),
    values=st.tuples(_opt, _opt, _opt),
)
def test_the_fast_hash_is_the_canonical_json_hash(
    user_id: int | None, fields: tuple[str, ...], values: tuple[str | None, ...]
) -> None:
    username, station, action, entity, entity_id = fields
    old, new, reason = values
    at = utcnow()
    body = {
        "at": at.isoformat(timespec="microseconds"),
        "user_id": user_id,
        "username": username,
        "station": station,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "old": old,
        "new": new,
        "reason": reason,
        "prev": GENESIS_HASH,
    }
    expected = sha256_hex(canonical_json(body))
    entry = AuditEntry(
        at=at, user_id=user_id, username=username, station=station, action=action,
        entity=entity, entity_id=entity_id, old_value=old, new_value=new, reason=reason,
        prev_hash=GENESIS_HASH,
    )  # fmt: skip
    assert audit.entry_hash(entry) == expected


def test_older_checkpoints_are_compared_in_one_join(
    history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the newest RECENT checkpoints (walked with the chain), the rest are checked by SQL."""
    from db import audit_verify

    monkeypatch.setattr(audit_verify, "RECENT", 2)
    assert verify_all(history.engine, [AnchorFile(history.file)]).ok
    first_anchored = min(_checkpoint_entries(history.engine))
    _rechain(history.engine, first_anchored)
    report = verify_all(history.engine)
    assert any(
        "older checkpoints disagree with the chain" in p and "has another hash" in p
        for p in report.problems
    ), report.problems


def _checkpoint_entries(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(select(AuditCheckpoint.last_entry_id)).scalars())
