"""Reading master-data files (TOML or CSV) into rows that remember where they came from.

Every row carries its file and line, and ``where(field)`` finds the line of a field, so that a
bad value is reported as ``parts.toml, line 14, field tracking: ...``.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The files a folder may hold, in load order, and the top-level table each one lists.
FILES: tuple[tuple[str, str], ...] = (
    ("partners", "suppliers"),
    ("partners", "customers"),
    ("parts", "parts"),
    ("routes", "routes"),
    ("products", "products"),
    ("stations", "stations"),
    ("users", "users"),
)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}"
        return (
            f"{where}, field {self.field}: {self.message}"
            if self.field
            else f"{where}: {self.message}"
        )


@dataclass
class Row:
    file: str
    line: int
    values: dict[str, Any]
    lines: list[str] = field(default_factory=list, repr=False)

    def where(self, name: str) -> int:
        """The line of ``name = ...`` inside this row's table (its header line if absent)."""
        pattern = re.compile(rf"^\s*{re.escape(name)}\s*=|[{{,]\s*{re.escape(name)}\s*=")
        for offset, text in enumerate(self.lines[self.line :], start=self.line + 1):
            if text.lstrip().startswith("[[") and offset > self.line + 1:
                break
            if pattern.search(text):
                return offset
        return self.line

    def problem(self, name: str, message: str) -> Problem:
        return Problem(self.file, self.where(name) if name else self.line, name, message)


class UnreadableFile(ValueError):
    pass


def _toml_rows(path: Path, table: str) -> Iterator[Row]:
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UnreadableFile(f"{path.name}: not valid TOML: {exc}") from None
    lines = text.splitlines()
    headers = [i + 1 for i, t in enumerate(lines) if t.strip() == f"[[{table}]]"]
    for index, values in enumerate(data.get(table, [])):
        line = headers[index] if index < len(headers) else 1
        yield Row(path.name, line, dict(values), lines)


def _csv_rows(path: Path) -> Iterator[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        for values in reader:
            line = reader.line_num
            cells = {k: (v or "").strip() for k, v in values.items() if k}
            yield Row(path.name, line, {k: v for k, v in cells.items() if v != ""}, [])
        if not header:
            raise UnreadableFile(f"{path.name}: no header line")


def read_table(folder: Path, stem: str, table: str) -> list[Row]:
    """Rows of ``table`` from ``stem.toml``, or from ``table.csv`` for the flat tables."""
    toml_path, csv_path = folder / f"{stem}.toml", folder / f"{table}.csv"
    rows: list[Row] = []
    if toml_path.exists():
        rows.extend(_toml_rows(toml_path, table))
    if csv_path.exists():
        rows.extend(_csv_rows(csv_path))
    return rows
