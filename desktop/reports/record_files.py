"""The batch record as electronic copies (Part 11 11.10(b)): one JSON document, and CSV files,
one per section, holding the same values (times in UTC ISO 8601, and shown in their zone)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict, fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.reports.record_model import (
    AuditLine,
    BatchRecord,
    ComponentLine,
    HoldLine,
    InspectionLine,
    LabelLine,
    NcrLine,
    ReceivingLine,
    ServiceLine,
    ShippingLine,
    StepLine,
    UnitLine,
    local_text,
)
from desktop.reports.signature import Manifestation

#: Table sections: the record attribute holding the rows (and naming the CSV file), row type.
TABLES: dict[str, type[Any]] = {
    "units": UnitLine,
    "steps": StepLine,
    "inspections": InspectionLine,
    "nonconformances": NcrLine,
    "holds": HoldLine,
    "labels": LabelLine,
    "components": ComponentLine,
    "receiving": ReceivingLine,
    "shipping": ShippingLine,
    "service": ServiceLine,
    "audit": AuditLine,
}
#: Single-row sections, written together to summary.csv as (section, field, value).
SUMMARY = (
    "identification",
    "quantities",
    "label_counts",
    "release",
    "audit_chain",
    "generated",
)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, tuple):
        return " | ".join(_text(v) for v in value)
    return str(value)


def flat(row: Any) -> dict[str, str]:
    """One dataclass row as text columns: a signature becomes signature_* columns, and a time
    next to a ``zone`` gets a ``*_local`` column as well."""
    out: dict[str, str] = {}
    zone = getattr(row, "zone", None)
    for f in fields(row):
        value = getattr(row, f.name)
        if f.name == "signature" or f.name == "approval" or isinstance(value, Manifestation):
            for sub in fields(Manifestation):
                out[f"{f.name}_{sub.name}"] = _text(getattr(value, sub.name, None))
            continue
        out[f.name] = _text(value)
        if isinstance(value, datetime) and zone is not None:
            out[f"{f.name}_local"] = local_text(value, zone)
    return out


def _write(path: Path, rows: Iterable[dict[str, str]], header: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _header(cls: Any) -> list[str]:
    """The columns of a section, also when it has no rows."""
    names: list[str] = []
    has_zone = any(f.name == "zone" for f in fields(cls))
    for f in fields(cls):
        if f.name in ("signature", "approval"):
            names += [f"{f.name}_{sub.name}" for sub in fields(Manifestation)]
            continue
        names.append(f.name)
        if has_zone and "datetime" in str(f.type):
            names.append(f"{f.name}_local")
    return names


def write_csv(record: BatchRecord, folder: str | Path) -> list[Path]:
    """summary.csv plus one CSV per table section in ``folder`` (made if missing)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    summary = []
    for section in SUMMARY:
        value = getattr(record, section)
        if value is None:
            summary.append({"section": section, "field": "", "value": "none"})  # not a code
            continue
        for name, text in flat(value).items():
            summary.append({"section": section, "field": name, "value": text})
    paths = [_write(out / "summary.csv", summary, ["section", "field", "value"])]
    for name, cls in TABLES.items():
        rows: tuple[Any, ...] = getattr(record, name)
        paths.append(_write(out / f"{name}.csv", (flat(r) for r in rows), _header(cls)))
    return paths


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    raise TypeError(f"cannot put {type(value).__name__} into the JSON record")


def to_dict(record: BatchRecord) -> dict[str, Any]:
    assert is_dataclass(record)
    data = asdict(record)
    data["title"] = record.title
    data["audit_chain"]["statement"] = record.audit_chain.text()
    return data


def to_json(record: BatchRecord) -> str:
    return json.dumps(to_dict(record), default=_json_default, indent=2, ensure_ascii=False)


def write_json(record: BatchRecord, path: str | Path) -> Path:
    target = Path(path)
    target.write_text(to_json(record) + "\n", encoding="utf-8")
    return target
