"""Label templates as data: JSON files in ``templates/`` loaded into frozen dataclasses.

A template has a name, a version, a size in mm and fields placed in mm. The printer resolution
is chosen at render time (203, 300 or 600 dpi). Field kinds:

- ``text``: one line of text from ``value`` ("field:NAME" filled by the caller, "data:NAME"
  from the UDI: gtin, di (the GTIN or the MA DI), lot, serial, expiry, production_date; or
  "text:LITERAL"), with an
  optional ``prefix`` and an optional ISO 15223-1 ``symbol`` drawn before it;
- ``symbol``: an ISO 15223-1 symbol on its own (``requires`` names a value it goes with);
- ``gs1_datamatrix``: the whole UDI in a square GS1 DataMatrix inside its box (an MA code:
  a plain ECC 200 DataMatrix, read as ]d1, holding the MA code's text);
- ``gs1_128``: one or more rows for GS1-128 symbols, tried in ``strategy`` order: "full" (one
  symbol), "split" (UDI-DI (01) in one, the rest in the next), "di" (only (01); the DataMatrix
  carries everything), "dm_only" (no linear symbol);
- ``hri``: the human-readable interpretation "(01) 09506000134352" lines.

Text in Chinese is set in the CJK font (fonts.py). How ZPL prints it is the template's
``zpl_cjk``: {"mode": "graphic"} (the default: the text drawn as a ^GF bitmap, any printer) or
{"mode": "resident", "font": "E:ANMDS.TTF"} (^A@ with a TrueType font the printer holds, UTF-8
by ^CI28; the layout then reserves the widest the printer's font could need).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from desktop.labels.errors import TemplateError
from desktop.labels.iso15223 import SYMBOL_NAMES
from desktop.labels.units import SUPPORTED_DPI

DATA_SOURCES: tuple[str, ...] = ("gtin", "di", "lot", "serial", "expiry", "production_date")
STRATEGIES: tuple[str, ...] = ("full", "split", "di", "dm_only")
ZPL_CJK_MODES: tuple[str, ...] = ("graphic", "resident")
DEFAULT_RESIDENT_FONT = "E:ANMDS.TTF"  # [unconfirmed] Zebra's Simplified Chinese TrueType name
_PACKAGE = "desktop.labels"


@dataclass(frozen=True)
class Box:
    """A rectangle on the label in mm, from its top-left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class TextField:
    id: str
    box: Box  # height is the text size
    value: str  # "field:NAME" | "data:NAME" | "text:LITERAL"
    prefix: str = ""
    symbol: str | None = None
    required: bool = False
    default: str | None = None

    @property
    def size_mm(self) -> float:
        return self.box.h


@dataclass(frozen=True)
class SymbolField:
    id: str
    symbol: str
    x: float
    y: float
    size_mm: float
    requires: str | None = None  # a value source; the symbol is left out when it is empty


@dataclass(frozen=True)
class DataMatrixField:
    id: str
    box: Box
    module_mm: float  # the smallest module (X dimension) allowed
    max_module_mm: float | None = None  # grow the module up to this while the symbol fits


@dataclass(frozen=True)
class Gs1128Field:
    id: str
    rows: tuple[Box, ...]
    module_mm: float
    bar_height_mm: float
    strategy: tuple[str, ...]


@dataclass(frozen=True)
class HriField:
    id: str
    box: Box
    size_mm: float
    line_spacing: float = 1.15


Field = TextField | SymbolField | DataMatrixField | Gs1128Field | HriField


@dataclass(frozen=True)
class Template:
    name: str
    version: int
    description: str
    width_mm: float
    height_mm: float
    fields: tuple[Field, ...]
    default_dpi: int = 203
    zpl_cjk: str = "graphic"  # ZPL for CJK text: "graphic" (^GF bitmap) or "resident" (^A@)
    zpl_cjk_font: str = DEFAULT_RESIDENT_FONT  # the printer's TrueType file for "resident"

    @property
    def field_names(self) -> tuple[str, ...]:
        """The caller-filled values ("field:NAME") this template prints."""
        sources = [f.value for f in self.fields if isinstance(f, TextField)]
        sources += [f.requires or "" for f in self.fields if isinstance(f, SymbolField)]
        return tuple(dict.fromkeys(s[6:] for s in sources if s.startswith("field:")))


def template_names() -> tuple[str, ...]:
    """Names of the templates shipped in desktop/labels/templates, sorted."""
    folder = resources.files(_PACKAGE).joinpath("templates")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")))


@lru_cache(maxsize=32)
def load_template(name: str) -> Template:
    """The shipped template called ``name``; TemplateError names the choices when unknown."""
    if name not in template_names():
        choices = ", ".join(template_names())
        raise TemplateError(
            f"no label template named {name!r}: choose one of {choices} "
            "(`lotline label templates` lists them)"
        )
    text = resources.files(_PACKAGE).joinpath("templates", f"{name}.json").read_text("utf-8")
    return template_from_dict(json.loads(text), source=f"{name}.json")


def load_template_file(path: Path) -> Template:
    """A template from any JSON file (for trying a new layout before shipping it)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TemplateError(f"cannot read template {path}: {exc}") from exc
    return template_from_dict(data, source=str(path))


def template_from_dict(data: dict[str, Any], source: str = "template") -> Template:
    try:
        template = Template(
            name=str(data["name"]),
            version=int(data["version"]),
            description=str(data.get("description", "")),
            width_mm=float(data["width_mm"]),
            height_mm=float(data["height_mm"]),
            fields=tuple(_field(f, n) for n, f in enumerate(data["fields"], 1)),
            default_dpi=int(data.get("default_dpi", 203)),
            **_zpl_cjk(data.get("zpl_cjk", {})),
        )
    except TemplateError as exc:
        raise TemplateError(f"{source}: {exc}") from None
    except (KeyError, TypeError, ValueError) as exc:
        raise TemplateError(f"{source}: missing or malformed entry {exc}") from None
    _check_inside(template, source)
    _check_carriers(template, source)
    return template


def _zpl_cjk(raw: object) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise TemplateError('zpl_cjk must be {"mode": "graphic"} or {"mode": "resident", ...}')
    mode = str(raw.get("mode", "graphic"))
    if mode not in ZPL_CJK_MODES:
        raise TemplateError(f"zpl_cjk mode {mode!r} unknown: use one of {ZPL_CJK_MODES}")
    font = str(raw.get("font", DEFAULT_RESIDENT_FONT))
    if not re.fullmatch(r"[REBAZ]:[A-Za-z0-9_]{1,16}\.(TTF|TTE|ttf|tte)", font):
        raise TemplateError(
            f"zpl_cjk font {font!r} must name a printer TrueType file, e.g. E:ANMDS.TTF"
        )
    return {"zpl_cjk": mode, "zpl_cjk_font": font}


def _box(raw: dict[str, Any], h_key: str = "h") -> Box:
    return Box(float(raw["x"]), float(raw["y"]), float(raw["w"]), float(raw[h_key]))


def _field(raw: dict[str, Any], number: int) -> Field:
    kind, ident = raw.get("kind"), str(raw.get("id", f"field {number}"))
    if kind == "text":
        return _text(raw, ident)
    if kind == "symbol":
        symbol = _symbol_name(raw["symbol"], ident)
        requires = _source(raw["requires"], ident) if raw.get("requires") else None
        return SymbolField(
            ident, symbol, float(raw["x"]), float(raw["y"]), float(raw["size"]), requires
        )
    if kind == "gs1_datamatrix":
        largest = float(raw["max_module_mm"]) if "max_module_mm" in raw else None
        return DataMatrixField(ident, _box(raw), float(raw["module_mm"]), largest)
    if kind == "gs1_128":
        return _gs1_128(raw, ident)
    if kind == "hri":
        return HriField(ident, _box(raw), float(raw["size"]), float(raw.get("line_spacing", 1.15)))
    raise TemplateError(
        f"field {ident!r} has kind {kind!r}: use text, symbol, gs1_datamatrix, gs1_128 or hri"
    )


def _text(raw: dict[str, Any], ident: str) -> TextField:
    symbol = _symbol_name(raw["symbol"], ident) if raw.get("symbol") else None
    return TextField(
        id=ident,
        box=_box(raw, "size"),
        value=_source(raw["value"], ident),
        prefix=str(raw.get("prefix", "")),
        symbol=symbol,
        required=bool(raw.get("required", False)),
        default=str(raw["default"]) if "default" in raw else None,
    )


def _gs1_128(raw: dict[str, Any], ident: str) -> Gs1128Field:
    strategy = tuple(str(s) for s in raw.get("strategy", ("full", "split", "dm_only")))
    unknown = [s for s in strategy if s not in STRATEGIES]
    if unknown or not strategy:
        raise TemplateError(f"field {ident!r}: strategy {unknown} unknown: use {STRATEGIES}")
    rows = tuple(_box(r) for r in raw["rows"])
    if not rows:
        raise TemplateError(f"field {ident!r}: a gs1_128 field needs at least one row")
    return Gs1128Field(ident, rows, float(raw["module_mm"]), float(raw["bar_height_mm"]), strategy)


def _symbol_name(name: object, ident: str) -> str:
    if name not in SYMBOL_NAMES:
        raise TemplateError(f"field {ident!r}: symbol {name!r} unknown: use one of {SYMBOL_NAMES}")
    return str(name)


def _source(value: object, ident: str) -> str:
    text = str(value)
    kind, _, name = text.partition(":")
    if kind == "data" and name in DATA_SOURCES:
        return text
    if kind in ("field", "text") and name:
        return text
    raise TemplateError(
        f"field {ident!r}: value {text!r} must be field:NAME, text:LITERAL or "
        f"data:NAME with NAME one of {', '.join(DATA_SOURCES)}"
    )


def _check_inside(template: Template, source: str) -> None:
    for field in template.fields:
        boxes = field.rows if isinstance(field, Gs1128Field) else _boxes_of(field)
        for box in boxes:
            inside = box.x >= 0 and box.y >= 0 and box.x + box.w <= template.width_mm + 1e-9
            if not inside or box.y + box.h > template.height_mm + 1e-9:
                raise TemplateError(
                    f"{source}: field {field.id!r} reaches outside the "
                    f"{template.width_mm} x {template.height_mm} mm label: move or shrink it"
                )


def _check_carriers(template: Template, source: str) -> None:
    if template.default_dpi not in SUPPORTED_DPI:
        raise TemplateError(f"{source}: default_dpi must be one of {SUPPORTED_DPI}")
    has_matrix = any(isinstance(f, DataMatrixField) for f in template.fields)
    for field in template.fields:
        if isinstance(field, Gs1128Field) and not has_matrix:
            partial = {"di", "dm_only"} & set(field.strategy)
            if partial:
                raise TemplateError(
                    f"{source}: strategy {sorted(partial)} leaves data to a GS1 DataMatrix, "
                    "but the template has none: add a gs1_datamatrix field"
                )


def _boxes_of(field: Field) -> tuple[Box, ...]:
    if isinstance(field, SymbolField):
        return (Box(field.x, field.y, 0.0, field.size_mm),)
    if isinstance(field, Gs1128Field):
        return field.rows
    return (field.box,)
