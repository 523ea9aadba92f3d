"""Checks on master-data rows before anything is written: each problem names file, line, field."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.domain.permissions import Role
from desktop.domain.plant import DeviceKind, StationKind, Tracking
from desktop.domain.steps import StepParameterError, validate_parameters
from desktop.domain.udi import ComposeError, compose_ma, is_valid_check_digit, key_problem
from desktop.services.masterdata._files import Problem, Row

TRACKING = Tracking.values()
STATION_KINDS = StationKind.values()
DEVICE_KINDS = DeviceKind.values()
STEP_FIELDS = ("kind", "name", "instruction")


def _text(row: Row, name: str, out: list[Problem], *, required: bool = True) -> str | None:
    value = row.values.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            out.append(row.problem(name, "is missing"))
        return None
    if not isinstance(value, str):
        out.append(row.problem(name, f"must be text, not {value!r}"))
        return None
    return value.strip()


def _choice(row: Row, name: str, choices: Iterable[str], out: list[Problem]) -> None:
    value = _text(row, name, out)
    allowed = tuple(choices)
    if value is not None and value not in allowed:
        out.append(row.problem(name, f'"{value}" is not one of {", ".join(allowed)}'))


def _number(row: Row, name: str, out: list[Problem], value: Any = None) -> None:
    raw = row.values.get(name) if value is None else value
    if raw is None:
        return
    try:
        Decimal(str(raw))
    except InvalidOperation:
        out.append(row.problem(name, f'"{raw}" is not a number'))


def _gtin(row: Row, name: str, out: list[Problem], *, required: bool) -> None:
    value = _text(row, name, out, required=required)
    if value is None:
        return
    if not value.isdigit() or len(value) not in (8, 12, 13, 14):
        out.append(row.problem(name, f'"{value}" is not a GTIN (8, 12, 13 or 14 digits)'))
    elif not is_valid_check_digit(value):
        out.append(row.problem(name, f'GTIN "{value}" has a wrong check digit'))
    elif set(value) == {"0"}:
        out.append(row.problem(name, "an all-zero GTIN is not allowed"))


def _ma_di(row: Row, name: str, out: list[Problem]) -> None:
    value = _text(row, name, out, required=False)
    if value is None:
        return
    try:
        compose_ma(value)  # the five parts of an MA DI, nothing after them
    except ComposeError as exc:
        out.append(row.problem(name, f'"{value}" is not an MA DI: {exc}'))


def _product_di(row: Row, out: list[Problem]) -> None:
    """A product's UDI-DI: gtin (GS1) or ma_di (MA code), exactly one of them."""
    has_gtin, has_ma = row.values.get("gtin") is not None, row.values.get("ma_di") is not None
    if has_gtin and has_ma:
        out.append(row.problem("ma_di", "give gtin (GS1) or ma_di (MA code), not both"))
    elif has_ma:
        _ma_di(row, "ma_di", out)
    else:
        _gtin(row, "gtin", out, required=True)


def _unique(rows: list[Row], name: str, out: list[Problem]) -> None:
    seen: dict[str, int] = {}  # key -> its first line (rows are streamed, not kept)
    for row in rows:
        key = str(row.values.get(name, ""))
        if key and key in seen:
            first = seen[key]
            out.append(row.problem(name, f'"{key}" is listed twice (first at line {first})'))
        seen.setdefault(key, row.line)


def check_partners(tables: Mapping[str, list[Row]], out: list[Problem]) -> None:
    for table in ("suppliers", "customers"):
        for row in tables[table]:
            _text(row, "code", out)
            _text(row, "name", out)
            for site in row.values.get("sites", []) if table == "customers" else []:
                if not isinstance(site, dict) or not site.get("name"):
                    out.append(row.problem("sites", "every site needs a name"))
                elif site.get("gln") is not None:
                    wrong = key_problem("GLN", str(site["gln"]))
                    if wrong:
                        out.append(row.problem("sites", f'site "{site["name"]}": {wrong}'))
        _unique(tables[table], "code", out)


def check_parts(rows: list[Row], out: list[Problem]) -> None:
    for row in rows:
        _text(row, "part_number", out)
        _text(row, "name", out)
        _choice(row, "tracking", TRACKING, out)
        _gtin(row, "gtin", out, required=False)
    _unique(rows, "part_number", out)


def check_routes(rows: list[Row], parts: set[str], out: list[Problem]) -> None:
    for row in rows:
        _text(row, "name", out)
        steps = row.values.get("steps", [])
        if not steps:
            out.append(row.problem("steps", "a route needs at least one step"))
        for number, step in enumerate(steps, start=1):
            _check_step(row, number, step, parts, out)
    _unique(rows, "name", out)


def _check_step(
    row: Row, number: int, step: dict[str, Any], parts: set[str], out: list[Problem]
) -> None:
    name = str(step.get("name", f"step {number}"))
    params = {k: v for k, v in step.items() if k not in STEP_FIELDS}
    try:
        validate_parameters(str(step.get("kind", "")), params, name)
    except StepParameterError as exc:
        out.append(row.problem("kind", f"step {number}: {exc}"))
        return
    for part in params.get("parts", []):
        if part not in parts:
            out.append(
                row.problem("parts", f'step "{name}" names part "{part}", which is not in parts')
            )


def check_products(
    rows: list[Row], routes: Mapping[str, list[str]], parts: set[str], out: list[Problem]
) -> None:
    for row in rows:
        _product_di(row, out)
        _text(row, "name", out)
        _choice(row, "tracking", TRACKING, out)
        route = _text(row, "route", out)
        if route is not None and route not in routes:
            out.append(row.problem("route", f'route "{route}" is not in routes'))
        steps = routes.get(route or "", [])
        for line in row.values.get("bom", []):
            _check_bom(row, line, parts, steps, out)
        for plan in row.values.get("inspection_plans", []):
            for key in ("lower", "upper", "nominal"):
                _number(row, "inspection_plans", out, plan.get(key))
    _unique(rows, "gtin", out)
    _unique(rows, "ma_di", out)


def _check_bom(row: Row, line: Any, parts: set[str], steps: list[str], out: list[Problem]) -> None:
    if not isinstance(line, dict) or "part" not in line:
        out.append(row.problem("bom", "each BOM line needs part and quantity"))
        return
    if line["part"] not in parts:
        out.append(row.problem("bom", f'part "{line["part"]}" is not in parts'))
    _number(row, "bom", out, line.get("quantity", "1"))
    if line.get("step") and line["step"] not in steps:
        out.append(row.problem("bom", f'step "{line["step"]}" is not a step of the route'))


def check_stations(rows: list[Row], out: list[Problem]) -> None:
    for row in rows:
        _text(row, "name", out)
        _choice(row, "kind", STATION_KINDS, out)
        for device in row.values.get("devices", []):
            if not isinstance(device, dict) or device.get("kind") not in DEVICE_KINDS:
                out.append(row.problem("devices", f"device kind must be one of {DEVICE_KINDS}"))
    _unique(rows, "name", out)


def _qualifications(row: Row, out: list[Problem]) -> None:
    """``qualifications = [{ name = "...", expires = 2027-06-30 }]`` (expires optional)."""
    given = row.values.get("qualifications")
    if given is None:
        return
    if not isinstance(given, list) or not all(isinstance(q, Mapping) for q in given):
        out.append(
            row.problem("qualifications", 'must be a list of { name = "...", expires = DATE }')
        )
        return
    for q in given:
        name = q.get("name")
        if not isinstance(name, str) or not name.strip() or len(name.strip()) > 64:
            out.append(
                row.problem("qualifications", f"name {name!r} must be text of 1 to 64 characters")
            )
        expires = q.get("expires")
        if expires is not None and not (
            isinstance(expires, date) and not isinstance(expires, datetime)
        ):
            out.append(
                row.problem(
                    "qualifications", f"expires {expires!r} must be a date, e.g. 2027-06-30"
                )
            )


def check_users(rows: list[Row], out: list[Problem]) -> None:
    for row in rows:
        _text(row, "username", out)
        _text(row, "full_name", out)
        _choice(row, "role", Role.values(), out)
        _qualifications(row, out)
    _unique(rows, "username", out)
    _unique([r for r in rows if r.values.get("badge")], "badge", out)
