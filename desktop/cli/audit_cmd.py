"""`lotline audit verify | checkpoint | key`: check the audit trail against its signed
checkpoints and outside copies, anchor the chain now (for a schedule), show the signing key."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from db.anchor import AnchorProblem, OutsideCopy, SigningKey, anchor_with, database_label
from db.anchor_copies import AnchorFile, AnchorServer, anchor_file, station_anchoring
from db.audit_verify import verify_all
from db.engine import make_engine
from db.migrate import current_revision
from db.models import AuditKey
from desktop.cli.common import EXIT_FAIL, EXIT_OK, add_database, open_engine, set_handler
from desktop.config import ConfigError, StationConfig, load_config


def _config(args: argparse.Namespace) -> StationConfig:
    try:
        return load_config(args.config)
    except ConfigError as problem:
        raise AnchorProblem(str(problem)) from None


def _engine_with_schema(args: argparse.Namespace) -> Engine:
    """The database of --database: it must exist and hold a Lotline schema (nothing is made)."""
    engine = open_engine(args, migrate=False)
    if current_revision(engine) is None:
        where = engine.url.render_as_string(hide_password=True)
        raise AnchorProblem(
            f"{where} holds no Lotline schema: check the URL (`lotline db upgrade` makes one)"
        )
    return engine


def _copies(args: argparse.Namespace, engine: Engine, cfg: StationConfig) -> list[OutsideCopy]:
    copies: list[OutsideCopy] = []
    given = [Path(p).expanduser() for p in args.anchor_file or []]
    for path in given:
        if not path.is_file():
            raise AnchorProblem(f"the anchor file {path} does not exist: check the path")
    if not given:
        default = anchor_file(cfg.audit.anchor_folder, engine)
        if default.is_file() or cfg.audit.anchor:
            given = [default]
    copies += [AnchorFile(path) for path in given]
    server = args.second_server or cfg.audit.second_server
    if server:
        copies.append(AnchorServer(make_engine(server, pool=False), database_label(engine.url)))
    return copies


def _verify(args: argparse.Namespace) -> int:
    cfg = _config(args)
    engine = _engine_with_schema(args)
    trusted = set(args.trusted_key) if args.trusted_key else None
    report = verify_all(engine, _copies(args, engine, cfg), trusted, reach=args.reach)
    engine.dispose()
    if report.ok:
        print(f"OK: {report.summary()}")
    for problem in report.problems:
        print(f"BROKEN: {problem}")
    for line in [*report.outside, *report.notes]:
        print(f"  {line}")
    if report.keys:
        print(f"  signing keys in the database: {', '.join(report.keys)}")
    return EXIT_OK if report.ok else EXIT_FAIL


def _checkpoint(args: argparse.Namespace) -> int:
    cfg = _config(args)
    engine = _engine_with_schema(args)
    anchoring = station_anchoring(
        engine,
        station=cfg.station,
        key_file=cfg.audit.key_file,
        anchor_folder=cfg.audit.anchor_folder,
        second_server=cfg.audit.second_server,
    )
    checkpoint, problems = anchor_with(anchoring, engine)
    engine.dispose()
    if checkpoint is None:
        print("nothing new since the latest checkpoint (or no audit entries yet)")
    else:
        print(
            f"checkpoint signed by key {checkpoint.key_id}: {checkpoint.entry_count} entries up "
            f"to entry {checkpoint.last_entry_id}, head {checkpoint.head_hash}"
        )
    for problem in problems:
        print(f"lotline: {problem}", file=sys.stderr)
    return EXIT_FAIL if problems else EXIT_OK


def _key(args: argparse.Namespace) -> int:
    cfg = _config(args)
    path = cfg.audit.key_file
    existed = path.exists()
    key = SigningKey.load_or_create(path)
    print(f"key id {key.key_id}")
    print(f"public key (Ed25519, hex) {key.public_hex}")
    print(f"private key file {path}{'' if existed else ' (made now, mode 0600)'}")
    if args.database:
        engine = _engine_with_schema(args)
        with engine.connect() as conn:
            rows = conn.execute(select(AuditKey).order_by(AuditKey.id)).all()
        engine.dispose()
        print(f"keys in the database ({len(rows)}):")
        for row in rows:
            print(
                f"  {row.key_id}  station {row.station}  since {row.created_at:%Y-%m-%d %H:%M} "
                f"UTC  {row.public_key}"
            )
    return EXIT_OK


def _add_config(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="station file with the [audit] settings (default: LOTLINE_CONFIG, else the "
        "station file in the user config folder)",
    )


def register(sub: Any) -> None:
    parser = sub.add_parser("audit", help="the audit trail: verify, checkpoint, signing key")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="check the hash chain against its signed checkpoints and the outside copies",
    )
    add_database(verify)
    _add_config(verify)
    verify.add_argument(
        "--anchor-file",
        action="append",
        metavar="FILE",
        help="an outside copy (anchor file) to check against; repeat for several (default: "
        "this station's anchor file of the database, if there is one)",
    )
    verify.add_argument(
        "--second-server", metavar="URL", help="the second server that keeps checkpoint copies"
    )
    verify.add_argument(
        "--trusted-key",
        action="append",
        metavar="KEY_ID",
        help="accept checkpoints signed by these key ids only (from the validation notes)",
    )
    verify.add_argument(
        "--reach",
        action="store_true",
        help="also recompute the reach table (recall scopes) from the links and compare: about "
        "a minute per million units",
    )
    set_handler(verify, _verify)
    checkpoint = actions.add_parser(
        "checkpoint", help="sign a checkpoint of the chain now (for a schedule)"
    )
    add_database(checkpoint)
    _add_config(checkpoint)
    set_handler(checkpoint, _checkpoint)
    key = actions.add_parser(
        "key", help="print this station's checkpoint signing key (made on first use)"
    )
    _add_config(key)
    key.add_argument("--database", metavar="URL", help="also list the keys held in this database")
    set_handler(key, _key)
