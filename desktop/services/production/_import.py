"""Work orders from an ERP export (CSV): every row is checked before anything is written; each
problem names the file, line and field; the file is read twice, row by row, so memory stays
bounded by the number of work orders, not the file's size."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from db.models import Product, WorkOrder
from desktop.domain.permissions import Permission
from desktop.domain.text import t
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.production import _workorders

COLUMNS = ("number", "product", "quantity", "due", "lot")  # not a code: CSV columns
REQUIRED = ("number", "product", "quantity")
MAX_PROBLEMS = 50  # the first ones are named; a file that bad is not read further


@dataclass(frozen=True)
class ImportProblem:
    file: str
    line: int
    field: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}, field {self.field}: {self.problem}"


class ImportInvalid(Refusal):
    """The file has problems; nothing was written. ``problems`` lists them in file order."""

    def __init__(self, problems: list[ImportProblem], more: bool) -> None:
        lines = [str(p) for p in problems]
        if more:
            lines.append(f"... and more (only the first {MAX_PROBLEMS} are listed)")
        head = t("nothing was imported: {count} problem(s) in the file", count=len(problems))
        super().__init__(f"{head}\n" + "\n".join(lines))
        self.problems = problems


@dataclass(frozen=True)
class _Row:
    line: int
    number: str
    product: str
    quantity: int
    due: date | None
    lot: str | None


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; the header names the columns."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise ImportInvalid(
                [ImportProblem(path.name, 1, c, "column missing from the header") for c in missing],
                False,
            )
        for row in reader:
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}


def _products(uow: UnitOfWork) -> dict[str, Product | None]:
    """UDI-DI (GTIN or MA DI) or exact name -> the active product (None: the name is ambiguous)."""
    out: dict[str, Product | None] = {}
    for p in uow.session.scalars(select(Product).where(Product.active.is_(True))):
        for key in (p.di, p.name):
            out[key] = None if key in out and out[key] is not p else p
    return out


def _check(
    path: Path, raw: dict[str, str], line: int, products: dict[str, Product | None]
) -> tuple[_Row | None, list[ImportProblem]]:
    out: list[ImportProblem] = []

    def bad(field: str, problem: str) -> None:
        out.append(ImportProblem(path.name, line, field, problem))

    number, product, lot = raw.get("number", ""), raw.get("product", ""), raw.get("lot") or None
    if not number or len(number) > 64 or not number.isprintable():
        bad("number", f'"{number}" must be 1-64 printable characters')
    found = products.get(product)
    if not product:
        bad("product", "is missing: give the product's GTIN or exact name")
    elif product not in products:
        bad("product", f'"{product}" is no active product (give its GTIN or exact name)')
    elif found is None:
        bad("product", f'"{product}" names several products: give the GTIN')
    elif found.route_id is None:
        bad("product", f"{found.name} has no released route")
    quantity = 0
    try:
        quantity = int(raw.get("quantity", ""))
        if quantity < 1:
            bad("quantity", f"{quantity} must be at least 1")
    except ValueError:
        bad("quantity", f'"{raw.get("quantity", "")}" is not a whole number')
    due = None
    if raw.get("due"):
        try:
            due = date.fromisoformat(raw["due"])
        except ValueError:
            bad("due", f'"{raw["due"]}" is not a date: give it as YYYY-MM-DD')
    if lot is not None:
        try:
            _workorders.check_code(lot, t("lot"), _workorders.MAX_LOT)
        except Refusal as refusal:
            bad("lot", str(refusal.message))  # not a code: the CSV column
    if out or found is None:
        return None, out
    return _Row(line, number, found.di, quantity, due, lot), out


def _checked(uow: UnitOfWork, path: Path) -> None:
    """First pass: every row checked, numbers unique in the file and new to the plant."""
    products = _products(uow)
    seen: dict[str, int] = {}
    problems: list[ImportProblem] = []
    for line, raw in _rows(path):
        row, found = _check(path, raw, line, products)
        problems += found
        if row is not None:
            if row.number in seen:
                problems.append(
                    ImportProblem(
                        path.name, line, "number", f"{row.number} is on line {seen[row.number]} too"
                    )
                )
            elif uow.session.scalar(select(WorkOrder.id).where(WorkOrder.number == row.number)):
                problems.append(
                    ImportProblem(
                        path.name, line, "number", f"work order {row.number} exists already"
                    )
                )
            seen[row.number] = line
        if len(problems) >= MAX_PROBLEMS:
            raise ImportInvalid(problems[:MAX_PROBLEMS], True)
    if problems:
        raise ImportInvalid(problems, False)
    if not seen:
        raise Refusal(
            t("{file} has no work orders: one row per work order under the header", file=path.name)
        )


@use_case(Permission.WORK_ORDER_MANAGE)
def import_work_orders(uow: UnitOfWork, file: str | Path) -> int:
    """Create the work orders of a CSV file (columns number, product, quantity, due, lot), all
    or none; returns how many were created."""
    path = Path(file)
    if not path.is_file():
        raise Refusal(
            t('file "{file}" does not exist: give the path of the CSV export', file=str(file))
        )
    try:
        _checked(uow, path)
        products = _products(uow)
        made = 0
        for line, raw in _rows(path):
            row, _ = _check(path, raw, line, products)
            assert row is not None  # checked in the first pass, in the same transaction
            _workorders.create_in(uow, row.number, row.product, row.quantity, row.lot, row.due)
            made += 1
    except UnicodeDecodeError as exc:
        raise Refusal(
            t(
                "{file} is not UTF-8 text (byte {at}): export it as UTF-8 CSV",
                file=path.name,
                at=exc.start,
            )
        ) from None
    except csv.Error as exc:
        raise Refusal(
            t("{file} is not a readable CSV file: {why}", file=path.name, why=str(exc))
        ) from None
    uow.audit("work_order.import", "file", path.name, new={"created": made})
    return made
