"""`lotline export epcis --since DATE --out FILE`, `lotline export gudid --out FILE.csv` and
`lotline export udid --out FILE.xml`.

EPCIS: the commissioning, aggregation, shipping and receiving events recorded since DATE
(YYYY-MM-DD, midnight UTC, or an ISO time with its zone) as an EPCIS 2.0 JSON-LD document,
checked before it is written. GUDID: one device identifier record per product. UDID: the DI
record of every product with data for China, for the NMPA UDI database (XML), every required
item checked first. The password of --by is the first line on stdin. Exit status: 0 written,
1 refused or invalid, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    add_by,
    add_database,
    log_in,
    open_engine,
    set_handler,
)
from desktop.reports.epcis_check import check_document
from desktop.services import documents
from desktop.services.core.errors import Refusal
from desktop.services.documents import export_epcis


def when(text: str) -> datetime:
    """A date (midnight UTC) or an ISO date-time with its zone."""
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), datetime.min.time(), UTC)
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'"{text}" is not a date: give YYYY-MM-DD or an ISO time such as 2026-11-25T08:00+01:00'
        ) from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(f'"{text}" has no time zone: add one, e.g. +00:00')
    return value


def _epcis(args: argparse.Namespace) -> int:
    engine = open_engine(args, must_exist=True)
    ctx, _, _ = log_in(engine, args.by)
    doc = export_epcis(
        ctx, args.since, args.until, prefix_length=args.prefix_length, plant_gln=args.plant_gln
    )
    problems = check_document(doc)
    if problems:
        print("lotline: the EPCIS document failed its checks; nothing was written:")
        for problem in problems[:20]:
            print(f"  {problem}")
        return EXIT_FAIL
    Path(args.out).write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", "utf-8")
    events = doc["epcisBody"]["eventList"]
    kinds = sorted({e["type"] + "/" + e["bizStep"] for e in events})
    print(f"wrote {len(events)} EPCIS events to {args.out} ({', '.join(kinds) or 'none'})")
    return EXIT_OK


def _gudid(args: argparse.Namespace) -> int:
    engine = open_engine(args, must_exist=True)
    ctx, _, _ = log_in(engine, args.by)
    rows = documents.device_identifiers(ctx)
    if not rows:
        raise Refusal("there are no products: load the master data first")
    documents.write_csv(rows, args.out)
    print(f"wrote {len(rows)} device identifier record(s) to {args.out}")
    return EXIT_OK


def _udid(args: argparse.Namespace) -> int:
    engine = open_engine(args, must_exist=True)
    ctx, _, _ = log_in(engine, args.by)
    records = documents.udid_records(ctx)
    documents.write_udid(records, args.out)
    print(f"wrote {len(records)} UDID device record(s) to {args.out}")
    return EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "export", help="EPCIS 2.0 events, GUDID or NMPA UDID device identifiers"
    )
    kinds = parser.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    epcis = kinds.add_parser("epcis", help="EPCIS 2.0 JSON-LD of the events since a date")
    epcis.add_argument("--since", required=True, type=when, metavar="DATE")
    epcis.add_argument("--until", type=when, metavar="DATE", help="end (exclusive)")
    epcis.add_argument("--out", required=True, metavar="FILE")
    epcis.add_argument(
        "--prefix-length",
        type=int,
        default=7,
        metavar="N",
        help="digits of your GS1 company prefix (default 7, as for the demo GTINs 0950600...)",
    )
    epcis.add_argument("--plant-gln", metavar="GLN", help="the plant's GLN (readPoint, location)")
    add_by(epcis)
    add_database(epcis)
    set_handler(epcis, _epcis)
    gud = kinds.add_parser("gudid", help="GUDID-style device identifier records (CSV)")
    gud.add_argument("--out", required=True, metavar="FILE.csv")
    add_by(gud)
    add_database(gud)
    set_handler(gud, _gudid)
    udid = kinds.add_parser(
        "udid",
        help="NMPA UDI database (China) DI records of the products with data for China (XML)",
    )
    udid.add_argument("--out", required=True, metavar="FILE.xml")
    add_by(udid)
    add_database(udid)
    set_handler(udid, _udid)
