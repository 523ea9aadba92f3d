"""`lotline udi parse TEXT [--json] [--no-expect-gs1]`: read one scan as the stations do.

GS1, HIBC and MA codes (IDcode, China) are read; ISBT 128 and AHM codes are recognised and
refused.

TEXT may hold a real GS byte, or write it as the literal text ``<GS>`` or ``\\x1d``.
Exit status: 0 valid, 1 not valid, 2 usage error (argparse).
"""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

from desktop.domain.udi import ParsedUDI, parse_scan

_GS_SPELLINGS = re.compile(r"<GS>|\\x1[dD]", re.IGNORECASE)


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "udi", help="parse UDI scans (GS1, HIBC, MA; ISBT 128 and AHM recognised)"
    )
    actions = parser.add_subparsers(dest="udi_action", metavar="ACTION")
    parse = actions.add_parser(
        "parse",
        help="parse one scan or typed UDI",
        description="Parse one scan the way a station does and report what it holds.",
    )
    parse.add_argument("text", metavar="TEXT", help=r"the scan; write GS as <GS> or \x1d if needed")
    parse.add_argument("--json", action="store_true", help="print one JSON object")
    parse.add_argument(
        "--no-expect-gs1",
        dest="expect_gs1",
        action="store_false",
        help="do not read unmarked data (no AIM identifier) as GS1",
    )
    parse.set_defaults(handler=_parse_handler)
    parser.set_defaults(handler=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def decode_text(text: str) -> str:
    """The scan from the command line: <GS> and \\x1d written as text become the GS byte."""
    return _GS_SPELLINGS.sub("\x1d", text)


def _parse_handler(args: argparse.Namespace) -> int:
    parsed = parse_scan(decode_text(args.text), expect_gs1=args.expect_gs1)
    if args.json:
        print(json.dumps(parsed.to_json_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_table(parsed))
    return 0 if parsed.valid else 1


def render_table(parsed: ParsedUDI) -> str:
    """A readable report of one parsed scan."""
    summary = parsed.to_json_dict()
    rows: list[tuple[str, str]] = [("input", visible(parsed.raw)), ("valid", str(parsed.valid))]
    if parsed.issuing_agency:
        rows.append(("scheme", f"{parsed.scheme} (issuing agency {parsed.issuing_agency})"))
    for key in ("symbology", "di", "gtin", "lot", "serial", "expiry", "production_date"):
        value = summary[key]
        if value is not None:
            rows.append((key.replace("_", " "), str(value)))
    for ai, value in parsed.ais:
        rows.append((f"AI ({ai})", visible(value)))
    if parsed.ma is not None:
        rows += _ma_rows(parsed)
    width = max(len(label) for label, _ in rows)
    lines = [f"{label.ljust(width)}  {value}" for label, value in rows]
    lines += _section("HRI", parsed.hri)
    lines += _section("ERRORS", parsed.errors)
    lines += _section("WARNINGS", parsed.warnings)
    return "\n".join(lines)


def _ma_rows(parsed: ParsedUDI) -> list[tuple[str, str]]:
    ma = parsed.ma
    assert ma is not None
    rows = [("registrant", f"{ma.registrant} (country {ma.country}, industry {ma.industry})")]
    rows.append(("product code", f"{ma.product_code} (packaging {ma.packaging})"))
    if ma.sterilisation_lot:
        rows.append(("sterilisation lot", ma.sterilisation_lot))
    if ma.use_by:
        rows.append(("use by (.V)", ma.use_by.isoformat()))
    if ma.expiry:
        rows.append(("expiry (.E)", ma.expiry.isoformat()))
    rows += [(f"unit .{tag}", value) for tag, value in ma.units]
    return rows


def visible(text: str) -> str:
    """Control characters shown, not sent to the terminal: GS as <GS>, others as \\xNN."""
    return "".join(
        "<GS>" if char == "\x1d" else char if char.isprintable() else repr(char)[1:-1]
        for char in text
    )


def _section(title: str, items: tuple[str, ...]) -> list[str]:
    if not items:
        return []
    return ["", f"{title}:", *(f"  - {visible(item)}" for item in items)]
