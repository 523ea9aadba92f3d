"""Render and verify before print: the only way printable bytes should leave this package.

ZPL is verified by reading our own ZPL back (^BC codewords, ^BX data) and drawing it with our
PNG renderer at the same dpi; the PDF by rasterising it with pdftoppm (or, where poppler is not
installed, by the PNG of the same plan, and the result says so); the PNG as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from desktop.domain.udi import ComposedCode
from desktop.labels.errors import LabelVerifyError
from desktop.labels.items import Plan
from desktop.labels.layout import plan_label
from desktop.labels.pdf import pdf_from_plan
from desktop.labels.png import image_from_plan, png_from_plan
from desktop.labels.raster import pdftoppm_path, rasterise_pdf
from desktop.labels.templates import Template
from desktop.labels.verify import VerifyResult, verify_label
from desktop.labels.zpl import zpl_from_plan
from desktop.labels.zpl_check import plan_from_zpl

Format = Literal["zpl", "pdf", "png"]
FORMATS: tuple[Format, ...] = ("zpl", "pdf", "png")


def render(plan: Plan, fmt: Format) -> bytes:
    """The bytes of ``plan`` in ``fmt``, unverified."""
    if fmt == "zpl":
        return zpl_from_plan(plan)
    if fmt == "pdf":
        return pdf_from_plan(plan)
    if fmt == "png":
        return png_from_plan(plan)
    raise ValueError(f"format {fmt!r} unknown: use one of {', '.join(FORMATS)}")


def verify_rendered(output: bytes, fmt: Format, plan: Plan, intended: ComposedCode) -> VerifyResult:
    """Decode ``output`` (rendered from ``plan`` in ``fmt``) and compare with the plan."""
    if fmt == "zpl":
        image = image_from_plan(plan_from_zpl(output, plan), linear="codewords")
        source = f"our ZPL read back and drawn at {plan.dpi} dpi"
        return verify_label(image, intended, plan.expected, source=source)
    if fmt == "pdf" and pdftoppm_path() is not None:
        image = rasterise_pdf(output, plan.dpi)
        source = f"PDF rasterised by pdftoppm at {plan.dpi} dpi"
        return verify_label(image, intended, plan.expected, source=source)
    if fmt == "pdf":
        source = f"PNG of the same layout at {plan.dpi} dpi (pdftoppm not installed)"
        return verify_label(image_from_plan(plan), intended, plan.expected, source=source)
    return verify_label(output, intended, plan.expected, source=f"PNG at {plan.dpi} dpi")


def render_verified(
    template: Template | str,
    data: ComposedCode,
    fields: Mapping[str, str],
    dpi: int | None = None,
    fmt: Format = "zpl",
) -> bytes:
    """Lay out, render and decode the label; return its bytes only if it reads back exactly.

    Raises LabelDoesNotFit when the data does not fit, LabelVerifyError (with ``.result``) when
    the rendered label does not decode to exactly the intended UDI.
    """
    plan = plan_label(template, data, fields, dpi)
    output = render(plan, fmt)
    result = verify_rendered(output, fmt, plan, data)
    if not result.ok:
        raise VerifyFailed(result)
    return output


class VerifyFailed(LabelVerifyError):
    """The label did not decode to exactly the intended UDI; ``result`` says how."""

    def __init__(self, result: VerifyResult) -> None:
        super().__init__(
            "the rendered label does not read back as the intended UDI, so it must not be "
            f"printed ({'; '.join(result.reasons)}): report this with the data used"
        )
        self.result = result
