"""Label rendering speed: ZPL and PDF per label (median and p99), written to docs/benchmarks.md.

    .venv/bin/python -m bench.bench_labels

Goals: ZPL <= 1 ms and PDF <= 20 ms per label, layout check included (not verification, which
decodes an image and is measured separately for information). Every label gets its own serial
number, so no cache holds a whole label; the zint matrices are cached per UDI, so the PDF figure
includes one zint encoding per label.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bench._report import machine, median, percentile, write_section
from desktop.domain.udi import ComposedUDI, compose
from desktop.labels import render_pdf, render_verified, render_zpl

FIELDS = {"product_name": "Infusion Pump IP-300", "ref": "IP-300"}
CASES = (("udi-4x2", 203), ("udi-4x2", 300), ("udi-2x1", 300))
ZPL_GOAL_MS, PDF_GOAL_MS = 1.0, 20.0


def udis(count: int) -> list[ComposedUDI]:
    base = {"01": "09506000134352", "17": "271231", "11": "260115", "10": "ABC123"}
    return [compose({**base, "21": f"SN{n:08d}"}) for n in range(count)]


def timed(render: Callable[[ComposedUDI], bytes], labels: list[ComposedUDI]) -> list[float]:
    samples = []
    for udi in labels:
        start = time.perf_counter()
        render(udi)
        samples.append((time.perf_counter() - start) * 1000.0)
    return samples


def row(what: str, template: str, dpi: int, samples: list[float], goal: float | None) -> str:
    mid, p99 = median(samples), percentile(samples, 99)
    verdict = "" if goal is None else ("met" if p99 <= goal else "MISSED")
    goal_text = "-" if goal is None else f"<= {goal:g}"
    return (
        f"| {what} | {template} | {dpi} | {len(samples)} | {mid:.3f} | {p99:.3f} "
        f"| {goal_text} | {verdict} |"
    )


def bench_case(template: str, dpi: int) -> list[str]:
    def zpl(udi: ComposedUDI) -> bytes:
        return render_zpl(template, udi, FIELDS, dpi)

    def pdf(udi: ComposedUDI) -> bytes:
        return render_pdf(template, udi, FIELDS, dpi)

    def verified(udi: ComposedUDI) -> bytes:
        return render_verified(template, udi, FIELDS, dpi, "zpl")

    timed(zpl, udis(50))  # warm up
    timed(pdf, udis(20))
    return [
        row("ZPL", template, dpi, timed(zpl, udis(3000)), ZPL_GOAL_MS),
        row("PDF", template, dpi, timed(pdf, udis(400)), PDF_GOAL_MS),
        row("ZPL + verify", template, dpi, timed(verified, udis(60)), None),
    ]


def main() -> None:
    rows = [line for template, dpi in CASES for line in bench_case(template, dpi)]
    markdown = "\n".join(
        [
            "## Labels",
            "",
            f"Measured {machine()}. Milliseconds per label, layout check included.",
            "",
            "| output | template | dpi | labels | median ms | p99 ms | goal ms | |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
        ]
    )
    write_section("labels", markdown)
    print(markdown)


if __name__ == "__main__":
    main()
