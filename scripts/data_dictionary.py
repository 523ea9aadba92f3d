#!/usr/bin/env python3
"""Write docs/data-model.md, the data dictionary, from the SQLAlchemy models (so it stays true).

.venv/bin/python scripts/data_dictionary.py
"""

from __future__ import annotations

from pathlib import Path

from db.models import Base

OUT = Path(__file__).resolve().parent.parent / "docs" / "data-model.md"


def table_doc(table_name: str) -> str:
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == table_name:
            return " ".join((mapper.class_.__doc__ or "").split())
    return ""


def render() -> str:
    lines = [
        "# Data dictionary",
        "",
        "Generated from `db/models` by `scripts/data_dictionary.py`; do not edit by hand.",
        "Times are UTC with time zone. Nothing is deleted: rows are voided, superseded or",
        "marked removed with the event that did it.",
        "",
    ]
    for table in sorted(Base.metadata.sorted_tables, key=lambda t: t.name):
        lines += [f"## {table.name}", "", table_doc(table.name) or "", ""]
        lines += ["| column | type | null | key / reference |", "|---|---|---|---|"]
        for col in table.columns:
            refs = ", ".join(f"-> {fk.target_fullname}" for fk in col.foreign_keys)
            key = "primary key" if col.primary_key else refs
            lines.append(f"| {col.name} | {col.type} | {'yes' if col.nullable else 'no'} | {key} |")
        uniques = [c for c in table.constraints if c.__class__.__name__ == "UniqueConstraint"]
        shown = sorted(", ".join(c.name for c in u.columns) for u in uniques)
        lines += [f"\nUnique: ({names})" for names in shown]
        lines.append("")
    return "\n".join(lines) + "\n"


def main() -> None:
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
