"""`lotline record LOT_OR_SERIAL --out FILE.pdf [--csv DIR] [--json FILE] [--language zh_CN]
--by USER`: the batch record (device history record) of a production lot or a serial, as PDF,
CSV and JSON. --language sets the language of the PDF's fixed words (headings, column headers,
sentences); the data is printed as recorded, and the CSV and JSON stay in English.

The password of --by is the first line on stdin (an authenticator code, where the role needs
one, the second). Exit status: 0 written, 1 refused or database problem, 2 usage error.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    BadInput,
    add_by,
    add_database,
    log_in,
    open_engine,
    set_handler,
)
from desktop.config import LANGUAGES
from desktop.reports.language import translator
from desktop.reports.record_files import write_csv, write_json
from desktop.reports.record_pdf import render_pdf
from desktop.services.documents import build_record


def _record(args: argparse.Namespace) -> int:
    if not str(args.out).lower().endswith(".pdf"):
        print(f'lotline: --out "{args.out}" must name a .pdf file')
        return EXIT_FAIL
    if args.language not in LANGUAGES:
        raise BadInput(
            f'language "{args.language}" is not one of {", ".join(LANGUAGES)}: '
            "give one of them; nothing was written"
        )
    engine = open_engine(args, must_exist=True)
    ctx, _, _ = log_in(engine, args.by)
    record = build_record(ctx, args.lot_or_serial)
    written = [render_pdf(record, args.out, translator(args.language))]
    if args.csv:
        written += write_csv(record, args.csv)
    if args.json:
        written.append(write_json(record, args.json))
    print(f"batch record of {record.title}: {len(record.steps)} events, ", end="")
    print(f"{len(record.audit)} audit entries; {record.audit_chain.text()}")
    for path in written:
        print(f"  wrote {Path(path)}")
    return EXIT_OK if record.audit_chain.ok else EXIT_FAIL


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "record",
        help="the batch record (device history record) of a lot or serial: PDF, CSV, JSON",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("lot_or_serial", metavar="LOT_OR_SERIAL", help="lot, serial or UDI scan")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    parser.add_argument("--csv", metavar="DIR", help="also write one CSV per section here")
    parser.add_argument("--json", metavar="FILE", help="also write the record as JSON")
    parser.add_argument(
        "--language",
        default="en",
        metavar="CODE",
        help="language of the PDF's headings and fixed words: " + ", ".join(LANGUAGES),
    )
    add_by(parser)
    add_database(parser)
    set_handler(parser, _record)
