"""`lotline label render|templates`: make a verified UDI label as ZPL, PDF or PNG.

    lotline label render --template udi-4x2 --data "(01)09506000134352(17)271231(10)ABC123" \
        --field product_name="Infusion Pump IP-300" --dpi 203 --format zpl --out label.zpl
    lotline label templates

ELEMENT_STRING is bracketed "(01)..(17)..(10).." or GS-separated; GS may be written as the text
``<GS>`` or ``\\x1d``. An MA code ("MA.156.M0.999999.1IP3005.SSN000001.LL1.C9", template
udi-ma-4x2) is printed exactly as given, in a plain DataMatrix. The label is laid out, rendered,
decoded and compared with the data before it is written. Exit status: 0 written, 1 data
refused (invalid, does not fit, does not read back), 2 usage error (bad option, unknown
template or field).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from desktop.domain.udi import ComposedCode, ComposedMA, ComposeError, compose, parse_scan
from desktop.labels import (
    FORMATS,
    SUPPORTED_DPI,
    LabelError,
    TemplateError,
    load_template,
    plan_label,
    template_names,
    verify_rendered,
)
from desktop.labels.render import render
from desktop.labels.verify import shown

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
_GS_SPELLINGS = re.compile(r"<GS>|\\x1[dD]", re.IGNORECASE)


class _Usage(Exception):
    pass


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "label", help="render verified UDI labels (ZPL, PDF, PNG)"
    )
    actions = parser.add_subparsers(dest="label_action", metavar="ACTION")
    _add_render(actions)
    templates = actions.add_parser("templates", help="list the label templates")
    templates.set_defaults(handler=_templates_handler)

    def usage(args: argparse.Namespace) -> int:
        parser.print_help()
        return EXIT_USAGE

    parser.set_defaults(handler=usage)


def _add_render(actions: Any) -> None:
    render_parser: argparse.ArgumentParser = actions.add_parser(
        "render",
        help="render one label, verify it by decoding, write it",
        description="Lay out, render and verify one UDI label, then write it to FILE.",
    )
    render_parser.add_argument("--template", required=True, metavar="NAME", help="template name")
    render_parser.add_argument(
        "--data",
        required=True,
        metavar="ELEMENT_STRING",
        help=r'"(01)...(17)...(10)..." or GS-separated (GS may be written <GS> or \x1d)',
    )
    render_parser.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help='a template text field, e.g. product_name="Infusion Pump IP-300" (repeatable)',
    )
    render_parser.add_argument("--dpi", type=int, choices=SUPPORTED_DPI, help="printer dpi")
    render_parser.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
    render_parser.add_argument("--out", required=True, metavar="FILE", help="'-' for stdout")
    render_parser.set_defaults(handler=_render_handler)


def _templates_handler(args: argparse.Namespace) -> int:
    for name in template_names():
        t = load_template(name)
        print(f"{t.name}  v{t.version}  {t.width_mm:g} x {t.height_mm:g} mm  {t.description}")
        print(f"    fields: {', '.join(t.field_names) or '-'}; default {t.default_dpi} dpi")
    return EXIT_OK


def _render_handler(args: argparse.Namespace) -> int:
    try:
        template = load_template(args.template)
        fields = _fields(args.field)
    except (TemplateError, _Usage) as problem:
        print(f"lotline label: {problem}", file=sys.stderr)
        return EXIT_USAGE
    udi = _compose(args.data)
    if udi is None:
        return EXIT_FAIL
    unknown = sorted(set(fields) - set(template.field_names))
    if unknown:
        known = ", ".join(template.field_names)
        print(
            f"lotline label: {template.name} has no field {unknown[0]!r} ({known})", file=sys.stderr
        )
        return EXIT_USAGE
    try:
        plan = plan_label(template, udi, fields, args.dpi)
        output = render(plan, args.fmt)
        result = verify_rendered(output, args.fmt, plan, udi)
    except LabelError as problem:
        print(f"lotline label: {problem}", file=sys.stderr)
        return EXIT_FAIL
    if not result.ok:
        for reason in result.reasons:
            print(f"lotline label: refused, {reason}", file=sys.stderr)
        return EXIT_FAIL
    _write(args.out, output)
    if args.out != "-":
        symbols = ", ".join(f"{aim} {shown(text)}" for aim, text in result.decoded)
        print(f"wrote {args.out}: {plan.template} v{plan.version}, {plan.dpi} dpi, {args.fmt}")
        print(f"verified ({result.source}): {symbols}")
    return EXIT_OK


def _fields(raw: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for item in raw:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise _Usage(f'--field {item!r} must be NAME=VALUE, e.g. product_name="Pump"')
        fields[name.strip()] = value
    return fields


def _compose(text: str) -> ComposedCode | None:
    parsed = parse_scan(_GS_SPELLINGS.sub("\x1d", text), expect_gs1=True)
    if not parsed.valid:
        for error in parsed.errors:
            print(f"lotline label: invalid data: {error}", file=sys.stderr)
        return None
    if parsed.scheme == "MA" and parsed.ma is not None and parsed.di is not None:
        content = parsed.hri[0] if parsed.hri else parsed.raw
        return ComposedMA(content, parsed.di, parsed.ma.units)  # printed exactly as given
    if parsed.scheme != "GS1" or not parsed.ais:
        print(
            "lotline label: these templates print GS1 UDIs and MA codes only: give GS1 data "
            "or an MA code",
            file=sys.stderr,
        )
        return None
    try:
        return compose(dict(parsed.ais))
    except ComposeError as problem:
        print(f"lotline label: invalid data: {problem}", file=sys.stderr)
        return None


def _write(out: str, data: bytes) -> None:
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        Path(out).write_bytes(data)
