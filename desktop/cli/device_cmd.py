"""`lotline device calibrate | list` and `lotline qualification grant | revoke | list`: device
calibrations (ISO 13485 7.6) and people's qualifications (6.2), for scripts and plants that keep
them in another system. Writes need ``--by USER`` (password on stdin) and are audited."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    BadInput,
    add_by,
    add_database,
    log_in,
    open_engine,
    set_handler,
    system_context,
)
from desktop.domain.fitness import CalibrationResult
from desktop.services import identity, masterdata
from desktop.services.production import today


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f'{option} "{text}" is not a date: give it as YYYY-MM-DD') from None


def _calibrate(args: argparse.Namespace) -> int:
    due = _date(args.due, "--due")
    calibrated = _date(args.calibrated, "--calibrated") or today()
    assert due is not None
    ctx, _, _ = log_in(open_engine(args), args.by)
    view = masterdata.calibrate_device(
        ctx,
        args.station,
        args.device,
        due_on=due,
        certificate=args.certificate,
        calibrated_on=calibrated,
        result=CalibrationResult.FAILED if args.failed else CalibrationResult.PASSED,
    )
    print(
        f"{view.station} {view.device}: calibrated {view.calibrated_on}, certificate "
        f"{view.certificate}, {view.result}, due {view.due_on}"
    )
    return EXIT_OK


def _devices(args: argparse.Namespace) -> int:
    day = _date(args.on, "--on") or today()
    engine = open_engine(args, must_exist=True)
    for v in masterdata.device_calibrations(system_context(engine, "device-list"), day):
        due = v.due_on.isoformat() if v.due_on else "-"
        print(
            f"{v.station:<12} {v.device:<24} {v.kind:<8} {v.state.value:<11} due {due:<10} "
            f"{v.certificate or ''}"
        )
    return EXIT_OK


def _grant(args: argparse.Namespace) -> int:
    expires = _date(args.expires, "--expires")
    ctx, _, _ = log_in(open_engine(args), args.by)
    q = identity.grant_qualification(ctx, args.user, args.qualification, expires)
    until = q.expires_on.isoformat() if q.expires_on else "until revoked"
    print(f"{q.username}: {q.qualification} valid through {until}")
    return EXIT_OK


def _revoke(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    q = identity.revoke_qualification(ctx, args.user, args.qualification, args.reason)
    print(f"{q.username}: {q.qualification} revoked")
    return EXIT_OK


def _qualifications(args: argparse.Namespace) -> int:
    engine = open_engine(args, must_exist=True)
    for q in identity.list_qualifications(system_context(engine, "qualifications"), args.user):
        until = q.expires_on.isoformat() if q.expires_on else "-"
        state = "revoked" if q.revoked else "held"  # not a code: a qualification's state
        print(f"{q.username:<16} {q.qualification:<32} expires {until:<10} {state}")
    return EXIT_OK


def register(sub: Any) -> None:
    device = sub.add_parser("device", help="devices: calibrations")
    actions = device.add_subparsers(dest="device_action", metavar="ACTION", required=True)
    cal = actions.add_parser("calibrate", help="record a device's calibration")
    cal.add_argument("station")
    cal.add_argument("device", help='the device name, e.g. "line-1 scale"')
    cal.add_argument("--due", required=True, metavar="DATE", help="next calibration due")
    cal.add_argument("--certificate", required=True, help="certificate number or file")
    cal.add_argument("--calibrated", metavar="DATE", help="date calibrated (default: today)")
    cal.add_argument("--failed", action="store_true", help="the device failed: out of service")
    add_by(cal)
    add_database(cal)
    set_handler(cal, _calibrate)
    lst = actions.add_parser("list", help="every device's calibration state")
    lst.add_argument("--on", metavar="DATE", help="the day to judge (default: today)")
    add_database(lst)
    set_handler(lst, _devices)

    qual = sub.add_parser("qualification", help="people's qualifications: grant, revoke, list")
    qa = qual.add_subparsers(dest="qualification_action", metavar="ACTION", required=True)
    grant = qa.add_parser("grant", help="grant or renew a qualification")
    grant.add_argument("user")
    grant.add_argument("qualification")
    grant.add_argument("--expires", metavar="DATE", help="valid through (default: until revoked)")
    add_by(grant, "ADMIN")
    add_database(grant)
    set_handler(grant, _grant)
    revoke = qa.add_parser("revoke", help="withdraw a qualification")
    revoke.add_argument("user")
    revoke.add_argument("qualification")
    revoke.add_argument("--reason", required=True)
    add_by(revoke, "ADMIN")
    add_database(revoke)
    set_handler(revoke, _revoke)
    ql = qa.add_parser("list", help="qualifications held")
    ql.add_argument("--user")
    add_database(ql)
    set_handler(ql, _qualifications)
