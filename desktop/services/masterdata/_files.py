"""Reading master-data files (TOML or CSV) into rows that remember where they came from.

Every row carries its file and line, and ``where(field)`` finds the line of a field, so that a
bad value is reported as ``parts.toml, line 14, field tracking: ...``.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Callable, Iterator
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
    ("nmpa", "nmpa"),  # products' data for China, keyed by the product's DI
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


class Problems(list[Problem]):
    """The problems found, the first ``LIMIT`` kept (memory stays bounded on a huge file);
    ``total`` counts them all."""

    LIMIT = 1000

    def __init__(self) -> None:
        super().__init__()
        self.total = 0

    def append(self, problem: Problem) -> None:
        self.total += 1
        if len(self) < self.LIMIT:
            super().append(problem)


#: A TOML file is parsed whole; a larger one is refused (big tables go in CSV, which streams).
MAX_TOML_BYTES = 16 * 1024 * 1024
#: Rows of one CSV file in one load: the checks keep each row's key (uniqueness), so memory
#: grows with the rows; a longer file is refused at this row, before it costs memory.
MAX_CSV_ROWS = 100_000
_BOMS = {
    b"\xef\xbb\xbf": "a UTF-8 byte-order mark",
    b"\xff\xfe": "a UTF-16 byte-order mark",
    b"\xfe\xff": "a UTF-16 byte-order mark",
}
_SAVE_AS = "save it as UTF-8 without a byte-order mark"

#: Checks a row as it is read (types, control characters); problems go to the list given.
Normalise = Callable[[str, Row, list[Problem]], None]


def _refuse_bom(path: Path, head: bytes) -> None:
    for bom, what in _BOMS.items():
        if head.startswith(bom):
            raise UnreadableFile(f"{path.name}, line 1: the file starts with {what}: {_SAVE_AS}")


def _not_utf8(path: Path, data: bytes, error: UnicodeDecodeError) -> str:
    line = data.count(b"\n", 0, error.start) + 1
    byte = data[error.start : error.start + 1].hex().upper()
    return (
        f"{path.name}, line {line}: byte 0x{byte} is not UTF-8 text (Latin-1? UTF-16?): {_SAVE_AS}"
    )


def _toml_rows(path: Path, table: str) -> list[Row]:
    size = path.stat().st_size
    if size > MAX_TOML_BYTES:
        raise UnreadableFile(
            f"{path.name}: {size // (1024 * 1024)} MB is more than a TOML file may hold "
            f"({MAX_TOML_BYTES // (1024 * 1024)} MB): give large tables as CSV"
        )
    data = path.read_bytes()
    _refuse_bom(path, data[:3])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_not_utf8(path, data, exc)) from None
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UnreadableFile(f"{path.name}: not valid TOML: {exc}") from None
    listed = parsed.get(table, [])
    lines = text.splitlines()
    headers = [i + 1 for i, t in enumerate(lines) if t.strip() == f"[[{table}]]"]
    if not isinstance(listed, list) or not all(isinstance(v, dict) for v in listed):
        line = next((i + 1 for i, t in enumerate(lines) if t.lstrip().startswith(table)), 1)
        raise UnreadableFile(
            f"{path.name}, line {line}, field {table}: must be a list of tables ([[{table}]])"
        )
    rows = []
    for index, values in enumerate(listed):
        line = headers[index] if index < len(headers) else 1
        rows.append(Row(path.name, line, dict(values), lines))
    return rows


def _first_bad_line(path: Path) -> str:
    """Where the first byte that is not UTF-8 is: "line N", read line by line."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                byte = raw[exc.start : exc.start + 1].hex().upper()
                return f"line {number}: byte 0x{byte}"
    return "a byte"


def _csv_rows(path: Path) -> Iterator[Row]:
    """The rows of a CSV file, read as they are needed (one row in memory at a time)."""
    with path.open("rb") as raw:
        _refuse_bom(path, raw.read(3))
    line = 1
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            if not header:
                raise UnreadableFile(f"{path.name}: no header line")
            if any(ord(c) < 32 for name in header for c in name):
                raise UnreadableFile(
                    f"{path.name}, line 1: the header holds control characters "
                    f"(UTF-16?): {_SAVE_AS}"
                )
            for count, values in enumerate(reader, start=1):
                line = reader.line_num
                if count > MAX_CSV_ROWS:
                    raise UnreadableFile(
                        f"{path.name}, line {line}: more than {MAX_CSV_ROWS:,} rows in one file: "
                        f"split it into files of at most {MAX_CSV_ROWS:,} rows and load them one "
                        "after another"
                    )
                if None in values:
                    raise UnreadableFile(
                        f"{path.name}, line {line}: more cells than the header names"
                    )
                cells = {k: (v or "").strip() for k, v in values.items()}
                yield Row(path.name, line, {k: v for k, v in cells.items() if v != ""}, [])
    except UnicodeDecodeError:
        where = _first_bad_line(path)
        raise UnreadableFile(
            f"{path.name}, {where} is not UTF-8 text (Latin-1? UTF-16?): {_SAVE_AS}"
        ) from None
    except csv.Error as exc:
        raise UnreadableFile(f"{path.name}, line {line + 1}: not a CSV row: {exc}") from None


class Table(list[Row]):
    """The rows of one master-data table: the TOML rows in memory, the CSV rows streamed from
    the file again at every pass (so a large CSV never sits in memory). Each row is checked by
    ``check`` (types, control characters) as it is read; ``scan`` is the pass that reports."""

    def __init__(self, table: str, toml: list[Row], csv_path: Path | None, check: Normalise):
        super().__init__()
        self.table, self.toml, self.csv_path, self.check = table, toml, csv_path, check

    def rows(self, problems: list[Problem]) -> Iterator[Row]:
        for row in self.toml:
            self.check(self.table, row, problems)
            yield row
        if self.csv_path is not None:
            for row in _csv_rows(self.csv_path):
                self.check(self.table, row, problems)
                yield row

    def scan(self, problems: list[Problem]) -> None:
        """One full pass, its problems (and the file's, raised as UnreadableFile) reported."""
        for _ in self.rows(problems):
            pass

    def __iter__(self) -> Iterator[Row]:
        return self.rows([])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        return any(True for _ in self)


def read_table(folder: Path, stem: str, table: str, check: Normalise) -> Table:
    """Rows of ``table`` from ``stem.toml`` and from ``table.csv`` (the flat tables); the TOML
    file is read (and refused if unreadable) now, the CSV file at every pass."""
    toml_path, csv_path = folder / f"{stem}.toml", folder / f"{table}.csv"
    toml = _toml_rows(toml_path, table) if toml_path.exists() else []
    return Table(table, toml, csv_path if csv_path.exists() else None, check)
