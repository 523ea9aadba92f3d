"""`lotline trace backward|forward ID`: what went into an item, or where it went.

`forward ID --csv FILE` writes the whole scope (every item, shipment line with customer and
site, service record) to a CSV file as it streams, the counts first, a bar on stderr.

ID is anything a person holds: a scan (with or without AIM identifier; GS written as <GS> or
\\x1d), a bracketed UDI "(01)...(21)...", GTIN and lot or serial ("09506000134352 W1"), an
MA code with its serial or lot ("MA.156.M0.999999.1IP3005.SSN000001"), an SSCC (18 digits or
"(00)..."), a HIBC scan, a supplier lot number, or "item:123".
Exit status: 0 traced, 1 unknown/ambiguous ID or database problem, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, TextIO

from sqlalchemy.orm import Session

from db import trace
from db.engine import check_reachable
from db.migrate import current_revision, refuse_newer_schema
from db.models import Item
from desktop.cli.common import EXIT_FAIL, EXIT_OK, add_database, open_engine, set_handler
from desktop.domain.events import LinkKind
from desktop.domain.udi import ParsedUDI, is_valid_check_digit, parse_scan
from desktop.reports.scope_csv import write_scope_csv

_GS_SPELLINGS = re.compile(r"<GS>|\\x1[dD]", re.IGNORECASE)
_ITEM_REF = re.compile(r"item:(\d+)", re.IGNORECASE)
_GTIN_AND_TEXT = re.compile(r"(\d{14})\s+(\S+)")
_GS1_LEAD = re.compile(r"(00\d{18}|0[123]\d{14}).*", re.DOTALL)
DEFAULT_LIMIT = 100


class TraceProblem(Exception):
    """An ID that names no item, or more than one: the message says what was searched."""


@dataclass(frozen=True)
class Query:
    """One way of reading the ID: a description for people and find_items criteria."""

    described: str
    criteria: dict[str, Any]
    lots_first: bool = False  # a GTIN + lot names the lot item, not the units carrying it
    check_lot: str | None = None  # lot printed next to a serial: must agree with the record


@dataclass
class Resolution:
    queries: list[Query] = field(default_factory=list)
    problem: str | None = None  # the ID cannot name an item: say why, search nothing
    note: str = ""  # added to "no item found" (why a reading was not tried)


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "trace", help="trace an item backward (what went in) or forward (where it went)"
    )
    ways = parser.add_subparsers(dest="trace_direction", metavar="DIRECTION")
    helps = {
        "backward": "everything that went into the item, down to supplier lots",
        "forward": "everything the item went into, and the shipments, customers, sites reached",
    }
    for way, text in helps.items():
        about = f"{text.capitalize()}.\n{(__doc__ or '').split(chr(10), 1)[-1]}"
        action = ways.add_parser(way, help=text, description=about)
        action.add_argument("id", metavar="ID", help="scan, UDI, GTIN + lot/serial, SSCC, ...")
        add_database(action)
        action.add_argument("--json", action="store_true", help="print one JSON object")
        action.add_argument(
            "--limit",
            type=int,
            default=DEFAULT_LIMIT,
            metavar="N",
            help=f"list at most N items, shipments and records (0: all; {DEFAULT_LIMIT})",
        )
        action.add_argument(
            "--history",
            action="store_true",
            help="also follow links removed later (rework, disaggregation), marked as history",
        )
        if way == trace.Direction.FORWARD:
            action.add_argument(
                "--csv",
                metavar="FILE",
                help="write the whole scope (every item, shipment line and service record) to "
                "FILE as CSV, streamed, with a progress bar on stderr",
            )
        set_handler(action, partial(_run, trace.Direction(way)))
    parser.set_defaults(handler=partial(_usage, parser))


def _usage(parser: argparse.ArgumentParser, _args: argparse.Namespace) -> int:
    parser.print_help()
    return 2


# --- reading the ID ------------------------------------------------------------------------


def interpret(text: str) -> Resolution:
    """The ways ``text`` can name an item, most specific first (or why it cannot)."""
    raw = _GS_SPELLINGS.sub("\x1d", text).strip()
    if not raw:
        return Resolution(problem="the ID is empty")
    if ref := _ITEM_REF.fullmatch(raw):
        return Resolution([Query(f"item id {ref[1]}", {"item_id": int(ref[1])})])
    if raw.isdigit() and len(raw) == 18:
        if not is_valid_check_digit(raw):  # a mistyped SSCC, or a supplier lot of 18 digits
            return replace(_plain(raw), note=" (and it is not an SSCC: wrong check digit)")
        return Resolution([Query(f"SSCC {raw}", {"sscc": raw}), *_plain(raw).queries])
    if pair := _GTIN_AND_TEXT.fullmatch(raw):
        return _gtin_and_text(pair[1], pair[2])
    if raw[0] in "](+" or "\x1d" in raw or raw.lower().startswith("http") or raw.startswith("MA."):
        return _from_scan(parse_scan(raw))
    if _GS1_LEAD.fullmatch(raw):  # unmarked element string; a supplier lot may look alike
        parsed = parse_scan(raw, expect_gs1=True)
        if parsed.valid:
            return Resolution(_from_scan(parsed).queries + _plain(raw).queries)
    return _plain(raw)


def _plain(raw: str) -> Resolution:
    return Resolution(
        [
            Query(f'supplier lot "{raw}"', {"supplier_lot": raw}),
            Query(f'lot "{raw}"', {"lot": raw}, lots_first=True),
            Query(f'serial "{raw}"', {"serial": raw}),
        ]
    )


def _gtin_and_text(gtin: str, value: str) -> Resolution:
    if not is_valid_check_digit(gtin):
        return Resolution(problem=f'"{gtin}" is not a GTIN: its check digit is wrong')
    return Resolution(
        [
            Query(f'GTIN {gtin} and serial "{value}"', {"gtin": gtin, "serial": value}),
            Query(f'GTIN {gtin} and lot "{value}"', {"gtin": gtin, "lot": value}, True),
        ]
    )


def _from_scan(parsed: ParsedUDI) -> Resolution:
    if not parsed.valid:
        return Resolution(problem="the ID does not read as a UDI: " + "; ".join(parsed.errors))
    if sscc := parsed.get("00"):
        return Resolution([Query(f"SSCC {sscc}", {"sscc": sscc})])
    lot, serial, gtin = parsed.lot, parsed.serial, parsed.gtin
    where = {"gtin": gtin} if gtin else {}
    named = f"GTIN {gtin} and " if gtin else f"{parsed.scheme} "
    if parsed.scheme == "MA" and parsed.di:  # an MA code: its DI with .S serial or .L lot
        where, named = {"ma_di": parsed.di}, f"MA DI {parsed.di} and "
    if serial:
        query = Query(f'{named}serial "{serial}"', {**where, "serial": serial}, check_lot=lot)
        return Resolution([query])
    if lot:
        return Resolution([Query(f'{named}lot "{lot}"', {**where, "lot": lot}, lots_first=True)])
    units = "(.L) or serial (.S)" if parsed.scheme == "MA" else "(10) or serial (21)"
    return Resolution(
        problem=f"the scan names a product ({parsed.di or gtin}), not an item: "
        f"give its lot {units} too"
    )


# --- finding the item -----------------------------------------------------------------------


def _label(item: Item | trace.TraceNode) -> str:
    parts = [f"item:{item.id if isinstance(item, Item) else item.item_id}", item.kind]
    if item.sscc:
        parts.append(f"(00){item.sscc}")
    elif item.gtin:
        tail = f"(21){item.serial}" if item.serial else f"(10){item.lot}" if item.lot else ""
        parts.append(f"(01){item.gtin}{tail}")
    elif isinstance(item, Item) and item.ma_di:
        tail = f".S{item.serial}" if item.serial else f".L{item.lot}" if item.lot else ""
        parts.append(f"{item.ma_di}{tail}")
    elif item.serial or item.lot:
        parts.append(f"serial {item.serial}" if item.serial else f"lot {item.lot}")
    if item.supplier_lot:
        parts.append(f"supplier lot {item.supplier_lot}")
    return " ".join(parts)


def _matches(session: Session, query: Query) -> list[Item]:
    found = trace.find_items(session, **query.criteria)
    lots = [item for item in found if item.kind in trace.LOT_KINDS]
    return lots if query.lots_first and lots else found


def resolve(session: Session, text: str) -> Item:
    """The one item ``text`` names; TraceProblem naming what was searched otherwise."""
    reading = interpret(text)
    if reading.problem:
        raise TraceProblem(f'cannot trace "{_shown(text)}": {reading.problem}')
    for query in reading.queries:
        found = _matches(session, query)
        if len(found) > 1:
            shown = "; ".join(_label(item) for item in found[:10])
            more = f" and {len(found) - 10} more" if len(found) > 10 else ""
            raise TraceProblem(
                f'"{_shown(text)}" is ambiguous: {query.described} matches {len(found)} items '
                f"({shown}{more}). Give a serial or SSCC, or use item:ID."
            )
        if found:
            item = found[0]
            if query.check_lot and item.lot and item.lot != query.check_lot:
                raise TraceProblem(
                    f'"{_shown(text)}" says lot "{query.check_lot}" but {_label(item)} is recorded '
                    f'with lot "{item.lot}": check the label before tracing'
                )
            return item
    searched = ", ".join(query.described for query in reading.queries)
    raise TraceProblem(f'no item found for "{_shown(text)}": searched {searched}{reading.note}')


def _shown(text: str, limit: int = 60) -> str:
    """The ID as given, on one line: GS as <GS>, other control characters as \\xNN, cut."""
    visible = "".join(_visible(c) for c in text)
    return visible if len(visible) <= limit else visible[: limit - 1] + "…"


def _visible(c: str) -> str:
    if c == "\x1d":
        return "<GS>"
    if c.isprintable():
        return c
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


# --- running and printing -------------------------------------------------------------------


def _run(direction: trace.Direction, args: argparse.Namespace) -> int:
    engine = open_engine(args, migrate=False)
    check_reachable(engine)
    refuse_newer_schema(engine)
    if current_revision(engine) is None:
        print("lotline: the database has no Lotline schema (lotline db upgrade)", file=sys.stderr)
        return EXIT_FAIL
    try:
        with Session(engine) as session:
            root = resolve(session, args.id)
            if getattr(args, "csv", None):
                _write_csv(session, root, args)
            else:
                (_print_json if args.json else _print_text)(session, root, direction, args)
    except TraceProblem as problem:  # one line, whatever the ID held
        print(f"lotline: {''.join(_visible(c) for c in str(problem))}", file=sys.stderr)
        return EXIT_FAIL
    finally:
        engine.dispose()
    return EXIT_OK


class _Bar:
    """A text progress bar on stderr, redrawn at most four times a second."""

    def __init__(self, out: TextIO) -> None:
        self.out, self.shown, self.start = out, 0.0, time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.shown < 0.25 and done < total:
            return
        self.shown = now
        share = done / total if total else 1.0
        self.out.write(
            f"\rwriting [{'#' * int(share * 30):<30}] {share:4.0%} {done:>9,} of {total:,} rows "
            f"{now - self.start:5.1f} s"
        )
        self.out.flush()


def _write_csv(session: Session, root: Item, args: argparse.Namespace) -> None:
    """The whole forward scope to a CSV file: counts first, then the rows as they stream."""
    bar = _Bar(sys.stderr)
    try:
        done = write_scope_csv(
            session, root.id, args.csv, include_removed=args.history, progress=bar
        )
    except OSError as problem:
        raise TraceProblem(f"cannot write {args.csv}: {problem.strerror or problem}") from None
    finally:
        sys.stderr.write("\n")
    print(f"{_label(root)}: {_summary_line(done.summary)}")
    print(f"wrote {done.rows} rows to {done.path}")


def _limited(rows: Iterator[Any], limit: int) -> Iterator[Any]:
    """The first ``limit`` rows (all when 0); the stream is closed early, freeing its cursor."""
    try:
        for count, row in enumerate(rows):
            if limit and count >= limit:
                return
            yield row
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def _streams(session: Session, root: Item, way: trace.Direction, args: argparse.Namespace) -> Any:
    history = args.history
    nodes = trace.trace(session, root.id, way, include_removed=history, by_depth=True)
    if way is not trace.Direction.FORWARD:
        return nodes, iter(()), iter(())
    shipments = trace.forward_shipments(session, root.id, include_removed=history)
    service = trace.forward_service(session, root.id, include_removed=history)
    return nodes, shipments, service


def _print_json(
    session: Session, root: Item, way: trace.Direction, args: argparse.Namespace
) -> None:
    """One JSON object, written as it streams (a huge scope is never held in memory)."""
    total = trace.summary(session, root.id, way, include_removed=args.history)
    out: TextIO = sys.stdout
    head = {"direction": str(way), "id": args.id, "root": _label(root), "limit": args.limit}
    out.write(json.dumps(head)[:-1] + ', "summary": ' + json.dumps(total.to_dict()))
    shown: dict[str, int] = {}
    streams = _streams(session, root, way, args)
    names = ("nodes", "shipments", "service")  # not a code: the JSON sections
    for name, stream in zip(names, streams, strict=True):
        out.write(f', "{name}": [')
        count = 0
        for count, row in enumerate(_limited(stream, args.limit), start=1):
            out.write(("" if count == 1 else ", ") + json.dumps(row.to_dict()))
        out.write("]")
        shown[name] = count
    truncated = bool(args.limit) and shown["nodes"] < total.items + 1
    out.write(f', "truncated": {json.dumps(truncated)}}}\n')


def _via(node: trace.TraceNode) -> str:
    if node.via_kind is None:
        return ""
    quantity = ""
    if node.quantity is not None and (node.via_kind == LinkKind.CONSUME or node.quantity != 1):
        quantity = f" x{node.quantity.normalize():f}"  # a pack of one says nothing
    history = "" if node.current else "  (history: a link on the way was removed)"
    return f"  <{node.via_kind}{quantity}>{history}"


def _tree_lines(nodes: list[trace.TraceNode]) -> Iterator[str]:
    children: dict[int | None, list[trace.TraceNode]] = {}
    known = {node.item_id for node in nodes}
    for node in nodes:
        parent = node.via_item_id if node.via_item_id in known else None
        children.setdefault(parent, []).append(node)
    stack = [(node, 0) for node in reversed(children.get(None, []))]
    while stack:
        node, level = stack.pop()
        yield f"{'  ' * level}{_label(node)} [{node.status}]{_via(node)}"
        stack += [(child, level + 1) for child in reversed(children.get(node.item_id, []))]


def _summary_line(total: trace.TraceSummary) -> str:
    kinds = ", ".join(f"{count} {kind}" for kind, count in total.by_kind.items()) or "nothing"
    text = f"{total.items} items ({kinds}), deepest level {total.max_depth}"
    if total.direction is trace.Direction.FORWARD:
        text += (
            f"; {total.shipments} shipments to {total.customers} customers at "
            f"{total.ship_to_sites} sites; installed at {total.installed_sites} sites"
        )
    if total.history_only:
        text += f"; {total.history_only} items only through removed links"
    if total.depth_limit_reached:
        text += f"; WARNING: stopped at depth {trace.MAX_DEPTH} (a cycle in the links?)"
    if total.in_cycles:
        text += f"; WARNING: {total.in_cycles} items reach themselves (a cycle in the links)"
    return text


def _print_text(
    session: Session, root: Item, way: trace.Direction, args: argparse.Namespace
) -> None:
    total = trace.summary(session, root.id, way, include_removed=args.history)
    scope = "history (removed links included)" if args.history else "current scope"
    print(f"{way} trace of {_label(root)}, {scope}:")
    print(f"  {_summary_line(total)}")
    nodes, shipments, service = _streams(session, root, way, args)
    shown = list(_limited(nodes, args.limit))
    print(*_tree_lines(shown), sep="\n")
    if len(shown) < total.items + 1:
        print(f"... {len(shown)} of {total.items + 1} items listed (--limit 0 lists all)")
    for line in _limited(shipments, args.limit):
        where = f"{line.customer_code} {line.customer_name}, site {line.site_name or '-'}"
        mark = "" if line.current else "  (history)"
        print(f"shipment {line.number} [{line.status}] to {where}: item:{line.item_id}{mark}")
    for record in _limited(service, args.limit):
        print(f"{record.kind} of item:{record.item_id} at {record.site_name or '-'}")
