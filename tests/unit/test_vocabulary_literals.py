"""No status, kind, outcome, disposition, role or meaning is written as a string literal in the
services, views, reports or CLI: they compare and assign the enums of desktop/domain.

The check reads the sources with ``ast`` and looks at every place a code can be used: both
sides of a comparison (``status == "released"``, ``kind in ("case", "pallet")``), the value of
an assignment or a return, a default argument, a keyword or positional argument
(``Item.status.in_(["released"])``, ``record_event(uow, "ship")``, ``set_status(x, "open")``),
a dict value, a ``Literal[...]`` type and a ``case`` pattern. A string literal equal to a code of
a vocabulary in any of these places fails the test, naming file, line and the member to use.
Strings that merely look like codes in positions that hold no code (dictionary keys, attribute
and JSON field names, audit entity names, translatable templates) are left alone: NAME_FIRST,
NAMES_FIRST_TWO and NAME_KEYWORDS name each such position and why. A word of another vocabulary
that happens to spell one of ours (an EPCIS business step "shipping", a CSV column "lot") is
marked on its line with the comment ``# not a code: <whose word it is>``.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import desktop.domain
from desktop.domain.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parents[2]
CHECKED = ("desktop/services", "desktop/views", "desktop/reports", "desktop/cli")

#: Calls whose first positional argument is a name, key or template, never a code.
NAME_FIRST = {
    "t",  # a translatable template
    "tr",  # a screen string (Qt)
    "translate",
    "get",  # a dictionary or JSON key: data.get("serial")
    "pop",
    "setdefault",
    "add_parser",  # a CLI subcommand ("trace", "label")
    "add_argument",
    "setObjectName",
    "setProperty",
    "property",
}
#: Calls whose first two positional arguments are names: an audit action and an audit entity
#: (``uow.audit("hold.place", "hold", ...)``), an object and an attribute name.
NAMES_FIRST_TWO = {"audit", "getattr", "hasattr", "setattr"}
#: The comment that marks a line's literal as another vocabulary's word.
MARKER = "# not a code"
#: Keyword arguments that hold a name, not a code.
NAME_KEYWORDS = {"entity", "dest", "metavar", "objectName"}


def _codes() -> dict[str, list[str]]:
    """Every code of every vocabulary -> the members that spell it ("Status.RELEASED")."""
    for info in pkgutil.walk_packages(desktop.domain.__path__, "desktop.domain."):
        importlib.import_module(info.name)
    codes: dict[str, list[str]] = {}
    todo = list(Vocabulary.__subclasses__())
    while todo:
        vocabulary = todo.pop()
        todo += vocabulary.__subclasses__()
        for member in vocabulary:
            codes.setdefault(member.value, []).append(f"{vocabulary.__name__}.{member.name}")
    return codes


CODES = _codes()


@dataclass(frozen=True)
class Found:
    path: str
    line: int
    code: str
    where: str

    def __str__(self) -> str:
        members = " or ".join(sorted(CODES[self.code]))
        return f'{self.path}:{self.line}: "{self.code}" in {self.where}: use {members}'


def _strings(node: ast.AST | None) -> Iterator[ast.Constant]:
    """The string literals a value is made of: itself, the items of a tuple/list/set, both
    branches of ``a if c else b``, the operands of ``a or b``."""
    if node is None:
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        for element in node.elts:
            yield from _strings(element)
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _strings(value)
    elif isinstance(node, ast.Starred):
        yield from _strings(node.value)


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


class _Finder(ast.NodeVisitor):
    def __init__(self, path: str, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.found: list[Found] = []

    def _check(self, node: ast.AST | None, where: str) -> None:
        for constant in _strings(node):
            if MARKER in self.lines[constant.lineno - 1]:
                continue
            if constant.value in CODES:
                self.found.append(Found(self.path, constant.lineno, constant.value, where))

    def visit_Compare(self, node: ast.Compare) -> None:
        for operand in (node.left, *node.comparators):
            self._check(operand, "a comparison")
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        names = {t.id for t in node.targets if isinstance(t, ast.Name)}
        if "__all__" not in names:  # the names a module exports
            self._check(node.value, "an assignment")
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._check(node.value, "an assignment")
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._check(node.value, "an assignment")
        self.generic_visit(node)

    def visit_Return(self, node: ast.Return) -> None:
        self._check(node.value, "a return value")
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        for value in node.values:
            self._check(value, "a dict value")
        self.generic_visit(node)

    def visit_arguments(self, node: ast.arguments) -> None:
        for default in (*node.defaults, *node.kw_defaults):
            self._check(default, "a default argument")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        skip = 2 if name in NAMES_FIRST_TWO else 1 if name in NAME_FIRST else 0
        for argument in node.args[skip:]:
            self._check(argument, f"an argument of {name or 'a call'}()")
        for keyword in node.keywords:
            if keyword.arg not in NAME_KEYWORDS:
                self._check(keyword.value, f"argument {keyword.arg}= of {name or 'a call'}()")
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if isinstance(node.value, ast.Name) and node.value.id == "Literal":
            self._check(node.slice, "a Literal type")
        self.generic_visit(node)

    def visit_MatchValue(self, node: ast.MatchValue) -> None:
        self._check(node.value, "a case pattern")
        self.generic_visit(node)


def literals_in(source: str, path: str = "<source>") -> list[Found]:
    finder = _Finder(path, source.splitlines())
    finder.visit(ast.parse(source))
    return finder.found


def _sources() -> list[Path]:
    return sorted(p for folder in CHECKED for p in (ROOT / folder).rglob("*.py"))


def test_no_code_is_written_as_a_string_literal() -> None:
    found = []
    for path in _sources():
        found += literals_in(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not found, "\n" + "\n".join(map(str, found))


# ---------------------------------------------------------------- the check catches them


@pytest.mark.parametrize(
    "source",
    [
        'if item.status == "released": pass',
        'if "released" != item.status: pass',
        'ok = lot.status in ("completed", "released")',
        'stmt = select(Item).where(Item.status.in_(["released"]))',
        'stmt = select(Item).where(Item.status.not_in({"scrapped"}))',
        'item.status = "shipped"',
        'job.status: str = "voided"',
        'AWAITING = ("printed", "held")',
        'records.record_event(uow, "lot_release", item=lot)',
        'records.add_link(uow, case, unit, event, kind="pack")',
        'set_status(uow, unit, "open" if again else "closed")',
        'Item(kind="production_lot", status=status)',
        'def record(outcome: str = "ok") -> None: pass',
        'def kinds(): return "installation"',
        'new = {"status": "voided"}',
        'Status = Literal["printed", "held", "failed"]',
        'match disposition:\n    case "use_as_is": pass',
        'if role == "qc_inspector": pass',
        'meaning = "Released for distribution"',
        'KindScreen("operator", "desktop.views.operator:OperatorScreen")',
        'parser.add_argument("--tracking", choices=("serial", "lot"))',
        'x = unit.status or "in_process"',
    ],
)
def test_the_check_finds_a_code_written_as_a_literal(source: str) -> None:
    assert literals_in(source), source


@pytest.mark.parametrize(
    "source",
    [
        'lot = data.get("lot")',  # a JSON key
        'serial = data["serial"]',
        'row = {"unit": unit.id, "lot": lot}',  # dict keys
        'uow.audit("hold.place", "hold", hold.id, new={"reason": why})',
        'raise Refusal(message, entity="shipment")',
        'words = t("unit {serial} is {status}", serial=s, status=st)',
        'self.tr("open")',
        'sub.add_parser("trace", help="trace an item")',
        "if item.status == Status.RELEASED: pass",
        'x = getattr(row, "scale", None)',
        '__all__ = ["ncr_disposition", "open_ncr"]',
        '"""A docstring that says released and open."""',
        'text = f"{kind}_create"',
        'doc = base(event, "OBSERVE", "shipping")  # not a code: a CBV business step',
    ],
)
def test_the_check_leaves_names_keys_and_templates_alone(source: str) -> None:
    assert literals_in(source) == [], source
