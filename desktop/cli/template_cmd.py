"""`lotline template register|approve|list|preview`: label templates under version control.

- register FILE.json: the file becomes the next draft version of the template it names
- register --shipped: the templates shipped with Lotline, each changed one as a new draft
- approve NAME VERSION: approve a draft, signed "Label template approved" (supersedes the
  approved version, which is retired)
- list: every version with its status and signature
- preview NAME VERSION --out FILE.png: the real render with sample data

The password of --by is the first line on stdin; approve uses it again for the signature.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    BadInput,
    add_by,
    add_database,
    log_in,
    open_engine,
    set_handler,
)
from desktop.services import labelling
from desktop.services.labelling import TemplateVersionView


def show(view: TemplateVersionView) -> None:
    signed = view.signature.manifestation() if view.signature else ""
    print(f"{view.name}\tversion {view.version}\t{view.status}\t{signed}")


def _register(args: argparse.Namespace) -> int:
    if bool(args.file) == bool(args.shipped):
        raise BadInput("give a template FILE.json or --shipped (one of them)")
    ctx, _, _ = log_in(open_engine(args), args.by)
    if args.shipped:
        for view in labelling.register_templates(ctx):
            show(view)
    else:
        show(labelling.register_template_file(ctx, args.file))
    return EXIT_OK


def _approve(args: argparse.Namespace) -> int:
    ctx, login, password = log_in(open_engine(args), args.by)
    show(
        labelling.approve_template(ctx, login, args.name, args.version, password, username=args.by)
    )
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    versions = labelling.template_versions(ctx)
    for view in versions:
        show(view)
    if not versions:
        print("no label templates registered: lotline template register --shipped")
    return EXIT_OK


def _preview(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    preview = labelling.template_preview(ctx, args.name, args.version)
    try:
        Path(args.out).write_bytes(preview.png)
    except OSError as exc:
        raise BadInput(f"--out {args.out}: cannot write it ({exc.strerror or exc})") from None
    print(f"{args.name} version {args.version}: preview at {preview.dpi} dpi written to {args.out}")
    return EXIT_OK


def _action(actions: Any, name: str, text: str, handler: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = actions.add_parser(name, help=text)
    if name in ("approve", "preview"):
        parser.add_argument("name", metavar="NAME")
        parser.add_argument("version", metavar="VERSION", type=int)
    add_by(parser)
    add_database(parser)
    set_handler(parser, handler)
    return parser


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "template",
        help="label template versions: register, approve, list, preview",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="template_action", metavar="ACTION", required=True)
    reg = _action(actions, "register", "register a template file as a draft version", _register)
    reg.add_argument("file", metavar="FILE", nargs="?", help="the template (JSON)")
    reg.add_argument("--shipped", action="store_true", help="register the shipped templates")
    _action(actions, "approve", 'approve a draft, signed "Label template approved"', _approve)
    _action(actions, "list", "every version and its status", _list)
    preview = _action(actions, "preview", "render a version with sample data", _preview)
    preview.add_argument("--out", required=True, metavar="FILE.png")
