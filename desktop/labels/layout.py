"""The layout check: every element's box, quiet zones included, at the chosen resolution.

``plan_label`` places each field of a template for one UDI, refuses a label whose data does not
fit (naming the value, the size it needs, the room there is, and a shipped template where it
does fit) and returns the Plan that all renderers draw.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.domain.udi import ComposedCode
from desktop.labels.errors import LabelDoesNotFit, LabelError
from desktop.labels.items import Plan
from desktop.labels.place_codes import place_datamatrix, place_gs1_128
from desktop.labels.place_text import place_hri, place_symbol, place_text
from desktop.labels.placing import Area, Ctx, Placed
from desktop.labels.templates import (
    DataMatrixField,
    Field,
    Gs1128Field,
    SymbolField,
    Template,
    TextField,
    load_template,
    template_names,
)
from desktop.labels.units import dots_per_mm, mm_to_dots_floor


def _place(field: Field, ctx: Ctx) -> Placed:
    if isinstance(field, TextField):
        return place_text(field, ctx)
    if isinstance(field, SymbolField):
        return place_symbol(field, ctx)
    if isinstance(field, DataMatrixField):
        return place_datamatrix(field, ctx)
    if isinstance(field, Gs1128Field):
        return place_gs1_128(field, ctx)
    return place_hri(field, ctx)


def plan_label(
    template: Template | str, udi: ComposedCode, fields: Mapping[str, str], dpi: int | None = None
) -> Plan:
    """Lay out ``udi`` on ``template`` at ``dpi``; LabelDoesNotFit says what to change.

    This is the layout check: every element's box, quiet zones included, is computed at the
    chosen resolution and must lie inside its place on the label without touching another.
    """
    if isinstance(template, str):
        template = load_template(template)
    dpi = dpi or template.default_dpi
    try:
        return _plan(template, udi, fields, dpi)
    except LabelDoesNotFit as exc:
        raise LabelDoesNotFit(f"{exc}: {_advice(template, udi, fields, dpi)}") from None


def _plan(template: Template, udi: ComposedCode, fields: Mapping[str, str], dpi: int) -> Plan:
    _check_field_names(template, fields)
    dpmm = dots_per_mm(dpi)
    ctx = Ctx(template, udi, fields, dpmm)
    placed = [_place(field, ctx) for field in template.fields]
    width = mm_to_dots_floor(template.width_mm, dpmm)
    height = mm_to_dots_floor(template.height_mm, dpmm)
    areas = [a for p in placed for a in p.areas]
    _check_areas(areas, width, height, template.name, dpi)
    return Plan(
        template=template.name,
        version=template.version,
        dpi=dpi,
        dpmm=dpmm,
        width=width,
        height=height,
        width_mm=template.width_mm,
        height_mm=template.height_mm,
        items=tuple(i for p in placed for i in p.items),
        expected=tuple(e for p in placed for e in p.expected),
        zpl_cjk=template.zpl_cjk,
        zpl_cjk_font=template.zpl_cjk_font,
    )


def _check_field_names(template: Template, fields: Mapping[str, str]) -> None:
    unknown = sorted(set(fields) - set(template.field_names))
    if unknown:
        known = ", ".join(template.field_names) or "none"
        raise LabelError(
            f"the {template.name} template has no field {unknown[0]!r}: its fields are {known}"
        )


def _check_areas(areas: list[Area], width: int, height: int, name: str, dpi: int) -> None:
    for area in areas:
        if area.x0 < 0 or area.y0 < 0 or area.x1 > width or area.y1 > height:
            raise LabelDoesNotFit(
                f"field {area.field!r} reaches past the edge of the {name} label at {dpi} dpi"
            )
    for n, area in enumerate(areas):
        for other in areas[n + 1 :]:
            if area.field != other.field and area.overlaps(other):
                raise LabelDoesNotFit(
                    f"fields {area.field!r} and {other.field!r} overlap on the {name} label at "
                    f"{dpi} dpi"
                )


def _advice(template: Template, udi: ComposedCode, fields: Mapping[str, str], dpi: int) -> str:
    """Name a shipped template where the label fits, or say to shorten the data."""
    for name in template_names():
        if name == template.name:
            continue
        other = load_template(name)
        if other.width_mm * other.height_mm <= template.width_mm * template.height_mm:
            continue
        try:
            _plan(other, udi, {k: v for k, v in fields.items() if k in other.field_names}, dpi)
        except LabelError:
            continue
        return f"use {name}"
    return "shorten it or use a larger label"
