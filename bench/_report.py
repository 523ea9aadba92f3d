"""Write one benchmark's figures into its own section of docs/benchmarks.md.

Every bench script owns the section between ``<!-- bench:NAME -->`` and ``<!-- /bench:NAME -->``
and rewrites only that, so benchmarks run at different times never clobber each other.
"""

from __future__ import annotations

import platform
import statistics
from datetime import UTC, datetime
from pathlib import Path

REPORT = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEADER = (
    "# Benchmarks\n\n"
    "Figures written by the scripts in `bench/` (each rewrites only its own section).\n"
    "Tests never assert on wall-clock time; these are measured on demand.\n"
)


def machine() -> str:
    """One line naming where and when the figures were measured."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{when}, Python {platform.python_version()}, {platform.machine()}, {platform.system()}"


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile of ``samples`` (pct in 0..100)."""
    ordered = sorted(samples)
    if not ordered:
        raise ValueError("no samples")
    rank = max(1, min(len(ordered), round(pct / 100.0 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def write_section(name: str, markdown: str, report: Path = REPORT) -> None:
    """Replace (or append) the section called ``name`` with ``markdown``."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    text = report.read_text(encoding="utf-8") if report.exists() else HEADER
    block = f"{start}\n{markdown.rstrip()}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = before + block + after
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")
