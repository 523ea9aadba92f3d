"""Label templates rendered to ZPL, PDF and PNG, and verified by decoding (no Qt, no database).

Public API::

    template = load_template("udi-4x2")            # or any name from template_names()
    plan = plan_label(template, udi, fields, dpi)   # the layout check (LabelDoesNotFit)
    zpl = render_zpl(template, udi, fields, dpi)    # also render_pdf, render_png
    result = verify_label(png_or_pdf, udi)          # VerifyResult(ok, reasons, decoded)
    data = render_verified(template, udi, fields, dpi, "zpl")   # render + verify, or raise
"""

from desktop.labels.errors import LabelDoesNotFit, LabelError, LabelVerifyError, TemplateError
from desktop.labels.items import Plan
from desktop.labels.layout import plan_label
from desktop.labels.pdf import render_pdf
from desktop.labels.png import render_png
from desktop.labels.render import FORMATS, Format, VerifyFailed, render_verified, verify_rendered
from desktop.labels.templates import (
    Template,
    load_template,
    load_template_file,
    template_names,
)
from desktop.labels.units import SUPPORTED_DPI
from desktop.labels.verify import VerifyResult, verify_label
from desktop.labels.zpl import render_zpl

check_layout = plan_label

__all__ = [
    "FORMATS",
    "SUPPORTED_DPI",
    "Format",
    "LabelDoesNotFit",
    "LabelError",
    "LabelVerifyError",
    "Plan",
    "Template",
    "TemplateError",
    "VerifyFailed",
    "VerifyResult",
    "check_layout",
    "load_template",
    "load_template_file",
    "plan_label",
    "render_pdf",
    "render_png",
    "render_verified",
    "render_zpl",
    "template_names",
    "verify_label",
    "verify_rendered",
]
