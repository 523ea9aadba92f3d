"""`lotline spc`: control charts of numeric step results, baselines and anomaly flags.

- spc --product P --step S [--last N] [--subgroup N] [--json | --pdf FILE]: the chart's
  points, limits, rule violations and Cp/Cpk (individuals and moving range against the frozen
  baseline; X-bar and R with trial limits for --subgroup 2..10)
- spc baseline freeze --product P --step S [--samples N] [--reason TEXT]: freeze control
  limits from the step's latest N readings, signed "Control limits approved" (QC)
- spc baseline list --product P --step S: the baselines frozen, newest first
- spc flags [--lot SCAN] [--all] [--json]: anomaly flags (open ones unless --all)
- spc flags --disposition SPC-000001 --reason TEXT: QC's decision on a flag

P is the product's GTIN or name, S the step's position or name. The password of --by is the
first line on stdin; freeze uses it again for the signature.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, add_by, add_database, log_in, open_engine, set_handler
from desktop.reports.spc_pdf import Band, SpcReport, write_spc_pdf
from desktop.services import spc


def _f(value: float | None, digits: int = 4) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _rules(chart: spc.SpcChart) -> dict[int, str]:
    found: dict[int, list[str]] = {}
    for v in chart.violations:
        found.setdefault(v.at, []).append(str(v.rule.number))
    return {i: ",".join(sorted(set(n))) for i, n in found.items()}


def _units(chart: spc.SpcChart, points: tuple[int, ...]) -> str:
    return ", ".join(chart.points[i].item for i in points)


def _chart_json(chart: spc.SpcChart) -> dict[str, Any]:
    data = asdict(chart)
    data["violations"] = [
        {
            "rule": v.rule.value,
            "number": v.rule.number,
            "words": str(v.rule.words),
            "points": list(v.points),
            "units": [chart.points[i].item for i in v.points],
        }
        for v in chart.violations
    ]
    data["limits_from"] = "baseline" if chart.baseline else "trial"
    return data


def _show_chart(chart: spc.SpcChart) -> None:
    source = (
        f"baseline {chart.baseline.id} frozen {chart.baseline.frozen_at:%Y-%m-%d %H:%M} UTC"
        if chart.baseline
        else "trial limits from the points shown (no baseline frozen)"
    )
    print(f"{chart.product}, step {chart.step}: {chart.chart.words}, {len(chart.points)} point(s)")
    print(f"  limits: {source}")
    loc, disp = chart.location, chart.dispersion
    print(f"  centre {_f(loc.centre)}  LCL {_f(loc.lower)}  UCL {_f(loc.upper)} {chart.unit}")
    print(f"  range: centre {_f(disp.centre)}  UCL {_f(disp.upper)}")
    print(f"  specification {_f(chart.spec_lower)} - {_f(chart.spec_upper)} {chart.unit}")
    cap = chart.capability
    if cap is not None:
        print(
            f"  Cp {_f(cap.cp, 2)}  Cpk {_f(cap.cpk, 2)}  Pp {_f(cap.pp, 2)}  Ppk {_f(cap.ppk, 2)}"
        )
    if not chart.violations:
        print("  no rule broken")
    for v in chart.violations:
        point = chart.points[v.at]
        print(f"  point {v.at + 1} ({point.item}, {_f(point.value)}): {v.rule.words}")


def _pdf(chart: spc.SpcChart, path: Path) -> Path:
    flagged = _rules(chart)
    xbar = chart.subgroup > 1
    location = Band(
        "X-bar" if xbar else "Individuals",
        [p.value for p in chart.points],
        chart.location.centre,
        chart.location.lower,
        chart.location.upper,
        None if xbar else (chart.spec_lower, chart.spec_upper),
        flagged,
    )
    spreads = [p.spread for p in chart.points]
    dispersion = Band(
        "Range" if xbar else "Moving range",
        spreads,
        chart.dispersion.centre,
        chart.dispersion.lower,
        chart.dispersion.upper,
        flagged={
            i: "> UCL"
            for i, v in enumerate(spreads)
            if v is not None and v > chart.dispersion.upper
        },
    )
    cap = chart.capability
    source = (
        f"baseline {chart.baseline.id}, {chart.baseline.samples} readings, signed "
        f"{chart.baseline.signature.manifestation() if chart.baseline.signature else '-'}"
        if chart.baseline
        else "trial limits from the points shown"
    )
    report = SpcReport(
        f"SPC: {chart.product}, step {chart.step}",
        [
            ("Chart", str(chart.chart.words)),
            ("Points", str(len(chart.points))),
            ("Limits", source),
            ("Specification", f"{chart.spec_lower:g} - {chart.spec_upper:g} {chart.unit}"),
        ],
        location,
        dispersion,
        [
            [str(v.rule.words), ", ".join(str(i + 1) for i in v.points), _units(chart, v.points)]
            for v in chart.violations
        ],
        [
            ["Mean", _f(cap.mean if cap else None)],
            ["Sigma within", _f(cap.sigma_within if cap else None)],
            ["Sigma overall", _f(cap.sigma_overall if cap else None)],
            ["Cp", _f(cap.cp if cap else None, 2)],
            ["Cpk", _f(cap.cpk if cap else None, 2)],
            ["Pp", _f(cap.pp if cap else None, 2)],
            ["Ppk", _f(cap.ppk if cap else None, 2)],
        ],
    )
    return write_spc_pdf(report, path)


def _chart(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    chart = spc.spc_chart(ctx, args.product, args.step, last=args.last, subgroup=args.subgroup)
    if args.json:
        print(json.dumps(_chart_json(chart), default=str, indent=2))
    elif args.pdf:
        print(f"SPC chart written to {_pdf(chart, Path(args.pdf))}")
    else:
        _show_chart(chart)
    return EXIT_OK


def _show_baseline(view: spc.BaselineView) -> None:
    state = "superseded" if view.superseded else "in force"
    print(
        f"baseline {view.id} ({state}): {view.product}, step {view.step}, {view.samples} readings"
    )
    print(f"  centre {view.centre}  LCL {view.lower}  UCL {view.upper} {view.unit}")
    print(f"  moving range: centre {view.range_centre}  UCL {view.range_upper}")
    if view.signature:
        print(f"  signed: {view.signature.manifestation()}")


def _freeze(args: argparse.Namespace) -> int:
    ctx, login, password = log_in(open_engine(args), args.by)
    view = spc.freeze_baseline(
        ctx,
        login,
        args.product,
        args.step,
        password,
        samples=args.samples,
        username=args.by,
        reason=args.reason,
    )
    _show_baseline(view)
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    found = spc.baselines(ctx, args.product, args.step)
    if not found:
        print("no baseline frozen for that step")
    for view in found:
        _show_baseline(view)
    return EXIT_OK


def _show_flag(flag: spc.FlagView) -> None:
    print(f"{flag.words()} [{flag.status.words}]; {flag.lot}")
    if flag.dispositioned_by:
        when = f"{flag.dispositioned_at:%Y-%m-%d %H:%M} UTC" if flag.dispositioned_at else "-"
        print(f"  dispositioned by {flag.dispositioned_by} {when}: {flag.reason}")


def _flags(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    if args.disposition:
        _show_flag(spc.disposition_flag(ctx, args.disposition, args.reason or ""))
        return EXIT_OK
    found = spc.spc_flags(ctx, args.lot, open_only=not args.all)
    if args.json:
        rows = [asdict(f) | {"words": str(f.words())} for f in found]
        print(json.dumps(rows, default=str, indent=2))
        return EXIT_OK
    if not found:
        print("no open anomaly flag" if not args.all else "no anomaly flag")
    for flag in found:
        _show_flag(flag)
    return EXIT_OK


def _product_step(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--product", metavar="P", required=required, help="GTIN or name")
    parser.add_argument("--step", metavar="S", required=required, help="position or name")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "spc",
        help="SPC charts, baselines and anomaly flags",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _product_step(parser, required=False)
    parser.add_argument("--last", type=int, default=100, metavar="N", help="readings charted")
    parser.add_argument("--subgroup", type=int, default=1, metavar="N", help="X-bar/R: 2..10")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true")
    shown.add_argument("--pdf", metavar="FILE")
    parser.add_argument("--by", metavar="USER", help="who asks (password on stdin, first line)")
    add_database(parser)
    set_handler(parser, _chart_or_help(parser))
    actions = parser.add_subparsers(dest="spc_action", metavar="ACTION")
    base = actions.add_parser("baseline", help="freeze or list control limits")
    base_actions = base.add_subparsers(dest="baseline_action", metavar="ACTION", required=True)
    freeze = base_actions.add_parser("freeze", help="freeze limits, signed (QC)")
    _product_step(freeze, required=True)
    freeze.add_argument("--samples", type=int, default=spc.DEFAULT_SAMPLES, metavar="N")
    freeze.add_argument("--reason", help="why these limits (the signature's reason)")
    add_by(freeze)
    add_database(freeze)
    set_handler(freeze, _freeze)
    listed = base_actions.add_parser("list", help="the baselines frozen for a step")
    _product_step(listed, required=True)
    add_by(listed)
    add_database(listed)
    set_handler(listed, _list)
    flags = actions.add_parser("flags", help="anomaly flags; --disposition to decide one")
    flags.add_argument("--lot", metavar="SCAN", help="the flags of one production lot")
    flags.add_argument("--all", action="store_true", help="dispositioned flags too")
    flags.add_argument("--json", action="store_true")
    flags.add_argument("--disposition", metavar="NUMBER", help="the flag to decide (SPC-000001)")
    flags.add_argument("--reason", help="what was found and what was done")
    add_by(flags)
    add_database(flags)
    set_handler(flags, _flags)


def _chart_or_help(parser: argparse.ArgumentParser) -> Any:
    def run(args: argparse.Namespace) -> int:
        if not (args.product and args.step and args.by):
            parser.error("give --product, --step and --by (or an action: baseline, flags)")
        return _chart(args)

    return run
