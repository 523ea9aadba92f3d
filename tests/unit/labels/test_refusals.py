"""Every refusal of the label layer, word for word: a bad template, data or field value, a label
that does not fit, ZPL that does not read back. Each says what was wrong and what to do."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.udi import compose
from desktop.labels import (
    LabelDoesNotFit,
    LabelError,
    TemplateError,
    load_template,
    load_template_file,
    plan_label,
    render_zpl,
    template_names,
)
from desktop.labels.code128 import codewords_from_zpl, gs1_128_codewords, zpl_field_data
from desktop.labels.render import render
from desktop.labels.symbols import datamatrix_matrix, datamatrix_size, gs1_128_pattern
from desktop.labels.templates import DATA_SOURCES, Template, template_from_dict
from desktop.labels.zpl import bx_field_data
from tests.unit.labels.label_data import FIELDS, typical

BASE: dict[str, Any] = {"name": "t", "version": 1, "width_mm": 50, "height_mm": 20, "fields": []}
USE = "use one of ('lot', 'serial', 'ref', 'udi', 'md', 'use_by', 'manufacture_date')"
SOURCES = ", ".join(DATA_SOURCES)  # the value sources a template may name
OUTSIDE = "reaches outside the 50.0 x 20.0 mm label: move or shrink it"
CSET = "use the GS1 character set 82 (letters, digits and !\"%&'()*+,-./:;<=>?_)"


def one_field(**field: Any) -> Template:
    return template_from_dict({**BASE, "fields": [field]})


def text(ident: str = "s", **changes: Any) -> dict[str, Any]:
    return {"kind": "text", "id": ident, "x": 1, "y": 1, "w": 10, "size": 2, "value": "text:A"} | (
        changes
    )


def refused(error: type[Exception], call: Any) -> str:
    with pytest.raises(error) as caught:
        call()
    return str(caught.value)


# --- templates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            [{"id": "a", "kind": "txt"}],
            "field 'a' has kind 'txt': use text, symbol, gs1_datamatrix, gs1_128 or hri",
        ),
        (
            [{"kind": None}],
            "field 'field 1' has kind None: use text, symbol, gs1_datamatrix, gs1_128 or hri",
        ),
        (
            [text(), {"kind": "box"}],
            "field 'field 2' has kind 'box': use text, symbol, gs1_datamatrix, gs1_128 or hri",
        ),
        (
            [{"kind": "symbol", "id": "s", "symbol": "star", "x": 1, "y": 1, "size": 2}],
            f"field 's': symbol 'star' unknown: {USE}",
        ),
        ([text(symbol="star")], f"field 's': symbol 'star' unknown: {USE}"),
        *[
            (
                [text(value=value)],
                f"field 's': value {value!r} must be field:NAME, text:LITERAL or data:NAME with "
                f"NAME one of {SOURCES}",
            )
            for value in ("data:colour", "field:", "text:", "udi:lot", "lot")
        ],
        (
            [{"kind": "symbol", "id": "s", "symbol": "lot", "x": 1, "y": 1, "size": 2,
              "requires": "lot"}],
            f"field 's': value 'lot' must be field:NAME, text:LITERAL or data:NAME with NAME one "
            f"of {SOURCES}",
        ),
        (
            [{"kind": "gs1_128", "id": "g", "module_mm": 0.25, "bar_height_mm": 5,
              "strategy": ["zigzag", "full"], "rows": [{"x": 1, "y": 1, "w": 40, "h": 5}]}],
            "field 'g': strategy ['zigzag'] unknown: use ('full', 'split', 'di', 'dm_only')",
        ),
        (
            [{"kind": "gs1_128", "id": "g", "module_mm": 0.25, "bar_height_mm": 5,
              "strategy": [], "rows": [{"x": 1, "y": 1, "w": 40, "h": 5}]}],
            "field 'g': strategy [] unknown: use ('full', 'split', 'di', 'dm_only')",
        ),
        (
            [{"kind": "gs1_128", "id": "g", "module_mm": 0.25, "bar_height_mm": 5,
              "strategy": ["full"], "rows": []}],
            "field 'g': a gs1_128 field needs at least one row",
        ),
        (
            [{"kind": "gs1_128", "id": "g", "module_mm": 0.25, "bar_height_mm": 5,
              "strategy": ["full", "di", "dm_only"], "rows": [{"x": 1, "y": 1, "w": 40, "h": 5}]}],
            "strategy ['di', 'dm_only'] leaves data to a GS1 DataMatrix, but the template has "
            "none: add a gs1_datamatrix field",
        ),
        (
            [{"kind": "gs1_128", "id": "g", "module_mm": 0.25, "bar_height_mm": 5,
              "strategy": ["di"], "rows": [{"x": 1, "y": 1, "w": 40, "h": 5}]}],
            "strategy ['di'] leaves data to a GS1 DataMatrix, but the template has none: add a "
            "gs1_datamatrix field",
        ),
        ([text(x=-0.1)], f"field 's' {OUTSIDE}"),
        ([text(y=-0.1)], f"field 's' {OUTSIDE}"),
        ([text(x=40.1)], f"field 's' {OUTSIDE}"),
        ([text(y=18.1)], f"field 's' {OUTSIDE}"),
        ([text(), text("u", y=18.1)], f"field 'u' {OUTSIDE}"),
        (
            [{"kind": "symbol", "id": "s", "symbol": "lot", "x": 50.5, "y": 1, "size": 2}],
            f"field 's' {OUTSIDE}",
        ),
        (
            [{"kind": "symbol", "id": "s", "symbol": "lot", "x": 1, "y": 18.5, "size": 2}],
            f"field 's' {OUTSIDE}",
        ),
        ([{"kind": "hri", "id": "h", "x": 1, "y": 15, "w": 10, "h": 6, "size": 2}],
         f"field 'h' {OUTSIDE}"),
        (
            [{"kind": "gs1_datamatrix", "id": "d", "x": 35, "y": 1, "w": 16, "h": 16,
              "module_mm": 0.25}],
            f"field 'd' {OUTSIDE}",
        ),
        (
            [{"kind": "gs1_datamatrix", "id": "d", "x": 1, "y": 1, "w": 16, "h": 16,
              "module_mm": 0.25},
             {"kind": "gs1_128", "id": "g", "module_mm": 0.25, "bar_height_mm": 5,
              "strategy": ["full"],
              "rows": [{"x": 1, "y": 1, "w": 40, "h": 5}, {"x": 1, "y": 16, "w": 40, "h": 5}]}],
            f"field 'g' {OUTSIDE}",
        ),
    ],
)  # fmt: skip
def test_a_template_field_that_is_wrong_is_refused_by_name(
    fields: list[dict[str, Any]], message: str
) -> None:
    assert refused(TemplateError, lambda: template_from_dict({**BASE, "fields": fields})) == (
        f"template: {message}"
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"default_dpi": 250}, "default_dpi must be one of (203, 300, 600)"),
        ({"width_mm": None}, "missing or malformed entry float() argument must be a string or a "
         "real number, not 'NoneType'"),
        ({"version": "one"},
         "missing or malformed entry invalid literal for int() with base 10: 'one'"),
        ({"fields": None}, "missing or malformed entry 'NoneType' object is not iterable"),
        ({"zpl_cjk": "graphic"},
         'zpl_cjk must be {"mode": "graphic"} or {"mode": "resident", ...}'),
        ({"zpl_cjk": {"mode": "bitmap"}},
         "zpl_cjk mode 'bitmap' unknown: use one of ('graphic', 'resident')"),
        ({"zpl_cjk": {"mode": "resident", "font": "ANMDS"}},
         "zpl_cjk font 'ANMDS' must name a printer TrueType file, e.g. E:ANMDS.TTF"),
        ({"zpl_cjk": {"mode": "resident", "font": "E:ANMDS.TTF.bak"}},
         "zpl_cjk font 'E:ANMDS.TTF.bak' must name a printer TrueType file, e.g. E:ANMDS.TTF"),
    ],
)  # fmt: skip
def test_a_template_setting_that_is_wrong_is_refused(changes: dict[str, Any], message: str) -> None:
    data = {**BASE, **changes}
    assert refused(TemplateError, lambda: template_from_dict(data, "t.json")) == (
        f"t.json: {message}"
    )


def test_a_template_without_a_required_entry_names_it(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text('{"name": "x", "version": 1, "fields": []}', "utf-8")
    assert refused(TemplateError, lambda: load_template_file(path)) == (
        f"{path}: missing or malformed entry 'width_mm'"
    )
    path.write_text("{", "utf-8")
    assert refused(TemplateError, lambda: load_template_file(path)) == (
        f"cannot read template {path}: Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)"
    )
    missing = tmp_path / "none.json"
    assert refused(TemplateError, lambda: load_template_file(missing)) == (
        f"cannot read template {missing}: [Errno 2] No such file or directory: '{missing}'"
    )


def test_a_template_file_is_read_with_its_defaults(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text('{"name": "t", "version": 2, "width_mm": 50, "height_mm": 20, "fields": []}')
    template = load_template_file(path)
    assert (template.name, template.version, template.width_mm, template.height_mm) == (
        "t",
        2,
        50.0,
        20.0,
    )
    assert (template.description, template.default_dpi) == ("", 203)
    assert (template.zpl_cjk, template.zpl_cjk_font) == ("graphic", "E:ANMDS.TTF")


def test_a_field_may_reach_the_label_edge_exactly() -> None:
    template = one_field(**text(x=40, y=18))
    assert template.fields[0].box == type(template.fields[0].box)(40.0, 18.0, 10.0, 2.0)  # type: ignore[union-attr]


def test_an_unknown_template_names_the_choices() -> None:
    names = template_names()
    assert {"material-lot", "material-lot-text", "serial", "udi-2x1", "udi-4x2"} <= set(names)
    assert list(names) == sorted(names)
    assert refused(TemplateError, lambda: load_template("udi-9x9")) == (
        f"no label template named 'udi-9x9': choose one of {', '.join(names)} "
        "(`lotline label templates` lists them)"
    )


# --- the data and the fields given for a label -----------------------------------------------


@pytest.mark.parametrize(
    ("template", "udi", "fields", "message"),
    [
        ("udi-4x2", typical(), {**FIELDS, "colour": "red", "a": "b"},
         "the udi-4x2 template has no field 'a': its fields are product_name, ref"),
        (one_field(**text()), typical(), {"colour": "red"},
         "the t template has no field 'colour': its fields are none"),
        ("udi-4x2", typical(), {},
         "the udi-4x2 label prints the product name: give it with --field product_name=VALUE"),
        ("udi-4x2", typical(), {"product_name": ""},
         "the udi-4x2 label prints the product name: give it with --field product_name=VALUE"),
        (one_field(**text(value="data:serial", required=True, w=40)), typical(_21=""), {},
         "the t label prints the serial: give it with --field serial=VALUE"),
        (one_field(**text(value="data:expiry", required=True, w=40)), typical(_17=""), {},
         "the t label prints the expiry date: give it with --field expiry=VALUE"),
        (one_field(**text(value="data:production_date", required=True, w=40)), typical(_11=""),
         {}, "the t label prints the production date: give it with "
         "--field production_date=VALUE"),
        ("udi-4x2", typical(), {"product_name": "Pump\x07"},
         "the product name holds a control character '\\x07': remove it"),
        ("udi-4x2", typical(), {"product_name": "Pump\x1f"},
         "the product name holds a control character '\\x1f': remove it"),
        ("udi-4x2", typical(), {"product_name": "Pump\x7f"},
         "the product name holds a control character '\\x7f': remove it"),
        ("udi-4x2", typical(), {"product_name": "Pump\x80"},
         "the product name holds a control character '\\x80': remove it"),
        ("udi-4x2", typical(), {"product_name": "Pump\x9f"},
         "the product name holds a control character '\\x9f': remove it"),
        ("udi-4x2", typical(), {"product_name": "泵\U0001f600"},
         "the product name holds '\U0001f600', which the label font cannot print: use Chinese "
         "characters, Latin letters, digits and common punctuation"),
        ("udi-4x2", typical(), {**FIELDS, "ref": "IP\t300"},
         "the ref holds a control character '\\t': remove it"),
    ],
)  # fmt: skip
def test_data_or_field_values_that_cannot_be_printed_are_refused(
    template: Template | str, udi: Any, fields: dict[str, str], message: str
) -> None:
    error = refused(LabelError, lambda: plan_label(template, udi, fields, 203))
    assert error == message


def test_text_at_the_edge_of_the_character_ranges_is_printed() -> None:
    for name in ("Pump\xa0300", "Pump ~ 300", "泵 ~"):
        plan = plan_label("udi-4x2", typical(), {"product_name": name}, 203)
        assert name in [getattr(i, "text", None) for i in plan.items]


def test_an_unsupported_resolution_is_refused() -> None:
    assert refused(ValueError, lambda: plan_label("udi-4x2", typical(), FIELDS, 250)) == (
        "dpi 250 is not supported: choose one of 203, 300, 600"
    )


def test_an_unknown_output_format_is_refused() -> None:
    plan = plan_label("udi-4x2", typical(), FIELDS, 203)
    assert refused(ValueError, lambda: render(plan, "eps")) == (  # type: ignore[arg-type]
        "format 'eps' unknown: use one of zpl, pdf, png"
    )


# --- what does not fit -----------------------------------------------------------------------


BIG_DM = {"01": "09506000134352", "17": "271231", "10": "L" * 20, "21": "S" * 20}


@pytest.mark.parametrize(
    ("template", "udi", "fields", "dpi", "message"),
    [
        ("udi-2x1", typical(), {"product_name": "Infusion Pump IP-300 " * 4}, 203,
         "the product name 'Infusion Pump IP-300 Inf…' is 94.1 mm wide as 2.2 mm text; the "
         "udi-2x1 label has 48.4 mm for it: shorten it or use a larger label"),
        ("udi-2x1", typical(_21="W" * 20), FIELDS, 300,
         "the serial 'WWWWWWWWWWWWWWWWWWWW' is 37.6 mm wide as 1.8 mm text; the udi-2x1 label "
         "has 36.8 mm for it: use udi-4x2"),
        ("udi-2x1", compose(BIG_DM | {"240": "A" * 30, "91": "B" * 60}), FIELDS, 203,
         "the UDI data needs a 48x48 GS1 DataMatrix, 12.5 mm square with its quiet zone at "
         "0.250 mm modules; the udi-2x1 label has 11.6 mm for it: shorten it or use a larger "
         "label"),
        ("udi-4x2", compose(BIG_DM | {"240": "A" * 30, "91": "B" * 90, "92": "C" * 90}), FIELDS,
         203, "the UDI data needs a 64x64 GS1 DataMatrix, 24.8 mm square with its quiet zone at "
         "0.375 mm modules; the udi-4x2 label has 18.0 mm for it: shorten it or use a larger "
         "label"),
    ],
)  # fmt: skip
def test_what_does_not_fit_is_refused_in_mm_with_the_way_out(
    template: str, udi: Any, fields: dict[str, str], dpi: int, message: str
) -> None:
    assert refused(LabelDoesNotFit, lambda: plan_label(template, udi, fields, dpi)) == message


def test_more_data_than_the_largest_datamatrix_holds_is_refused() -> None:
    assert datamatrix_size("1" * 3114) == 144  # 1 + 1557 codewords: exactly the largest
    assert refused(LabelDoesNotFit, lambda: datamatrix_size("1" * 3116)) == (
        "the UDI data needs 1559 DataMatrix codewords, more than the largest symbol holds "
        "(1558): leave out optional AIs"
    )


def _symbols(*fields: dict[str, Any], width: float = 50) -> Template:
    return template_from_dict({**BASE, "width_mm": width, "fields": list(fields)})


def _use_by(ident: str, x: float, y: float = 1) -> dict[str, Any]:
    # 2 mm high at 203 dpi: 16 dots, the hourglass 10 dots (1.25 mm) wide
    return {"kind": "symbol", "id": ident, "symbol": "use_by", "x": x, "y": y, "size": 2}


def test_fields_may_touch_but_not_overlap() -> None:
    touching = _symbols(_use_by("a", 1), _use_by("b", 2.25))
    assert len(plan_label(touching, typical(), {}, 203).items) == 8
    touching = _symbols(_use_by("b", 2.25), _use_by("a", 1))  # the right one first
    assert len(plan_label(touching, typical(), {}, 203).items) == 8
    touching = _symbols(_use_by("b", 1, 3), _use_by("a", 1))  # the lower one first
    assert len(plan_label(touching, typical(), {}, 203).items) == 8
    overlapping = _symbols(_use_by("a", 1), _use_by("b", 2.125))
    assert refused(LabelDoesNotFit, lambda: plan_label(overlapping, typical(), {}, 203)) == (
        "fields 'a' and 'b' overlap on the t label at 203 dpi: shorten it or use a larger label"
    )
    below = _symbols(_use_by("a", 1), _use_by("b", 1, 3))
    assert len(plan_label(below, typical(), {}, 203).items) == 8
    lower = _symbols(_use_by("a", 1), _use_by("b", 1.5, 2.875))
    assert refused(LabelDoesNotFit, lambda: plan_label(lower, typical(), {}, 203)) == (
        "fields 'a' and 'b' overlap on the t label at 203 dpi: shorten it or use a larger label"
    )
    before = _symbols(_use_by("a", 2.25), _use_by("b", 1.125))
    assert refused(LabelDoesNotFit, lambda: plan_label(before, typical(), {}, 203)) == (
        "fields 'a' and 'b' overlap on the t label at 203 dpi: shorten it or use a larger label"
    )


def test_a_symbol_may_end_at_the_label_edge_but_not_past_it() -> None:
    at_edge = _symbols(_use_by("a", 48.75))  # 390 + 10 dots = the 400 dots of 50 mm
    assert len(plan_label(at_edge, typical(), {}, 203).items) == 4
    past = _symbols(_use_by("a", 48.875))
    assert refused(LabelDoesNotFit, lambda: plan_label(past, typical(), {}, 203)) == (
        "field 'a' reaches past the edge of the t label at 203 dpi: shorten it or use a larger "
        "label"
    )


def _linear(strategy: list[str], width: float, rows: int = 1, label: float = 60.0) -> Template:
    return template_from_dict(
        {
            "name": "tiny",
            "version": 1,
            "width_mm": label,
            "height_mm": 40.0,
            "fields": [
                {"kind": "gs1_datamatrix", "id": "dm", "x": 0.5, "y": 0.5, "w": 18, "h": 18,
                 "module_mm": 0.25},
                {"kind": "gs1_128", "id": "linear", "module_mm": 0.25, "bar_height_mm": 5,
                 "strategy": strategy,
                 "rows": [{"x": 1.0, "y": 20.0 + 6 * n, "w": width, "h": 5}
                          for n in range(rows)]},
            ],
        }
    )  # fmt: skip


LONG = typical(_10="LOT-2026-ABCDEFGHIJK", _21="SN-0000000000000001X")


def test_a_gs1_128_that_is_too_wide_is_refused_before_one_over_48_characters() -> None:
    # "full" is over 48 characters, "di" is too wide: the width is what to fix
    message = refused(LabelDoesNotFit, lambda: plan_label(_linear(["full", "di"], 30), LONG, {}))
    assert message == (
        "GTIN '095060001343…' makes the GS1-128 38.5 mm wide with its quiet zones; the tiny "
        "label has 30.0 mm for it: shorten it or use a larger label"
    )
    message = refused(LabelDoesNotFit, lambda: plan_label(_linear(["full"], 58), LONG, {}))
    assert message == (
        "lot 'LOT-2026-ABC…' makes the GS1-128 data 77 characters long, more than the 48 one "
        "symbol can hold: shorten it or use a larger label"
    )


def test_a_gs1_128_arrangement_needs_the_rows_it_fills() -> None:
    # "split" needs two rows: with one, only "full" is tried
    udi = typical(_11="", _21="")
    message = refused(LabelDoesNotFit, lambda: plan_label(_linear(["split"], 58), udi, {}))
    assert message == (
        "no GS1-128 arrangement of this template suits the data: the template needs fixing: "
        "shorten it or use a larger label"
    )
    plan = plan_label(_linear(["split"], 58, rows=2), udi, {})
    assert [e for e in plan.expected if e[0] == "]C1"] == [
        ("]C1", "0109506000134352"),
        ("]C1", "1727123110ABC123"),
    ]


def test_a_udi_without_a_gtin_has_no_split_and_no_di_row() -> None:
    only_di = compose({"01": "09506000134352"})
    assert refused(LabelDoesNotFit, lambda: plan_label(_linear(["split"], 58, 2), only_di, {})) == (
        "no GS1-128 arrangement of this template suits the data: the template needs fixing: "
        "shorten it or use a larger label"
    )


# --- symbols and ZPL that cannot be made or read back ----------------------------------------


def test_symbol_encoders_refuse_bad_data_with_their_reason() -> None:
    bad = (("01", "09506000134353"),)
    assert refused(LabelError, lambda: datamatrix_matrix(bad, 16)) == (
        "GS1 DataMatrix refused the UDI data: Error 261: AI (01) position 14: Bad checksum '3', "
        "expected '2': correct the data"
    )
    assert refused(LabelError, lambda: gs1_128_pattern(bad)) == (
        "GS1-128 refused the UDI data: Error 261: AI (01) position 14: Bad checksum '3', "
        "expected '2': correct the data"
    )
    assert refused(ValueError, lambda: datamatrix_matrix((("01", "09506000134352"),), 11)) == (
        "11 is not a square ECC 200 size"
    )


@pytest.mark.parametrize("char", [" ", "\x1f", "\x7f", "é"])
def test_gs1_128_refuses_characters_outside_the_gs1_set(char: str) -> None:
    assert refused(LabelError, lambda: gs1_128_codewords(f"10A{char}B")) == (
        f"GS1-128 data holds {char!r}, which is not a GS1 character: {CSET}"
    )


def test_gs1_128_accepts_the_ends_of_the_gs1_set() -> None:
    assert gs1_128_codewords("10!~") == (105, 102, 10, 100, 1, 94)


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("0101234567890128", "^BC field data '010123456789' does not begin with a start code"),
        (">9AB", "subset A is not used by Lotline GS1-128 fields"),
        (">;>801>6A>0>9", "unknown ^BC invocation '>9' in subset B"),
        (">;>801>0", "unknown ^BC invocation '>0' in subset C"),
        (">;>80A", "subset C needs digit pairs, found '0A'"),
        (">;>8012", "subset C needs digit pairs, found '2'"),
        (">;>801>7A", "subset A is not used by Lotline GS1-128 fields"),
    ],
)
def test_bc_field_data_that_we_never_write_is_refused_on_reading_back(
    field: str, message: str
) -> None:
    assert refused(ValueError, lambda: codewords_from_zpl(field)) == message


def test_bc_field_data_reads_back_as_the_zpl_manual_defines_it() -> None:
    # start B; the escapes of '0' '<' '=', the invocations >1 >2 >3 >4, FNC1, >6 (FNC4 in B)
    assert codewords_from_zpl(">:A>0><>=>1>2>3>4>8>6") == (
        104, 33, 30, 62, 94, 95, 96, 97, 98, 102, 100,
    )  # fmt: skip
    # >5 goes to subset C, digit pairs follow; >7 is code A
    assert codewords_from_zpl(">;>801>6A>51234") == (105, 102, 1, 100, 33, 99, 12, 34)
    assert codewords_from_zpl(">:>7") == (104, 101)
    assert codewords_from_zpl(">;") == (105,)
    # and what we write reads back to the same codewords
    for data in ("10A>B<C=D_1\x1d217", "0109506000134352", "10!~", "21" + "9" * 5):
        codewords = gs1_128_codewords(data)
        assert codewords_from_zpl(zpl_field_data(codewords)) == codewords


def test_bc_field_data_is_written_from_codewords_starting_in_subset_c_only() -> None:
    for codewords in ((), (104, 33)):
        with pytest.raises(ValueError) as caught:
            zpl_field_data(codewords)
        assert str(caught.value) == "GS1-128 codewords must start in subset C"
    assert zpl_field_data((105, 102, 1, 100, 30, 62, 94, 33, 102, 33)) == ">;>801>6>0><>=A>8A"


def test_a_hash_in_an_element_string_is_refused_for_the_datamatrix() -> None:
    assert refused(ValueError, lambda: bx_field_data("10A#1")) == (
        "'#' is not a GS1 character and cannot be in an element string"
    )
    assert re.fullmatch(r"#1.*", bx_field_data("0109506000134352"))


def test_a_gs1_128_field_without_a_strategy_tries_full_then_split_then_the_datamatrix() -> None:
    raw = {"kind": "gs1_128", "id": "g", "module_mm": 0.25, "bar_height_mm": 5,
           "rows": [{"x": 1, "y": 1, "w": 40, "h": 5}]}  # fmt: skip
    dm = {"kind": "gs1_datamatrix", "id": "d", "x": 41, "y": 1, "w": 8, "h": 8, "module_mm": 0.25}
    template = template_from_dict({**BASE, "fields": [raw, dm]})
    assert template.fields[0].strategy == ("full", "split", "dm_only")  # type: ignore[union-attr]


def test_the_way_out_names_a_larger_shipped_template_never_one_the_same_size() -> None:
    # a 2 x 1 inch template of one's own: the serial label is as large, so not named
    own = template_from_dict(
        {**BASE, "width_mm": 50.8, "height_mm": 25.4,
         "fields": [text("product_name", value="field:product_name", w=5, required=True)]}
    )  # fmt: skip
    message = refused(
        LabelDoesNotFit, lambda: plan_label(own, typical(), {"product_name": "Pump"}, 203)
    )
    assert message == (
        "the product name 'Pump' is 5.6 mm wide as 2 mm text; the t label has 5.0 mm for it: "
        "use udi-4x2"
    )


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"_10": "ABCDEFGHIJKL", "_11": "", "_21": ""}, "lot 'ABCDEFGHIJKL'"),  # shown whole
        ({"_10": "ABCDEFGHIJKLM", "_11": "", "_21": ""}, "lot 'ABCDEFGHIJKL…'"),
        ({"_10": "AB", "_21": "SERIAL-0001", "_11": "", "_17": ""}, "serial 'SERIAL-0001'"),
        ({"_10": "", "_21": "", "_11": "", "_17": ""}, "GTIN '095060001343…'"),
    ],
)
def test_a_gs1_128_too_wide_names_its_longest_variable_value(
    changes: dict[str, str], named: str
) -> None:
    udi = typical(**changes)
    message = refused(LabelDoesNotFit, lambda: plan_label(_linear(["full"], 20), udi, {}))
    assert message.startswith(f"{named} makes the GS1-128 ")
    assert message.endswith(
        " mm wide with its quiet zones; the tiny label has 20.0 mm for it: "
        "shorten it or use a larger label"
    )


def test_an_ai_without_a_name_of_its_own_is_named_by_its_number() -> None:
    udi = compose({"01": "09506000134352", "240": "A" * 30})
    assert refused(LabelDoesNotFit, lambda: plan_label(_linear(["full"], 58), udi, {})) == (
        "AI (240) 'AAAAAAAAAAAA…' makes the GS1-128 data 49 characters long, more than the 48 one "
        "symbol can hold: shorten it or use a larger label"
    )


def _hri(**changes: Any) -> Template:
    # 1.5 mm text at 203 dpi: 12 dots, lines 14 dots apart; the typical UDI takes two lines
    hri = {"kind": "hri", "id": "hri", "x": 1, "y": 1, "w": 48, "h": 6, "size": 1.5}
    return template_from_dict({**BASE, "fields": [hri | changes]})


def test_the_human_readable_udi_must_fit_its_box() -> None:
    plan = plan_label(_hri(h=3.25), typical(), {}, 203)  # 14 + 12 dots: exactly the box
    assert [(i.y, i.text) for i in plan.items] == [  # type: ignore[union-attr]
        (8, "(01) 09506000134352  (17) 271231  (11) 260115  (10) ABC123"),
        (22, "(21) SN0001"),
    ]
    assert refused(LabelDoesNotFit, lambda: plan_label(_hri(h=3.125), typical(), {}, 203)) == (
        "the human-readable UDI needs 2 lines (3.2 mm) at 1.5 mm text; the t label has 3.125 mm "
        "for it: shorten it or use a larger label"
    )
    assert refused(LabelDoesNotFit, lambda: plan_label(_hri(w=10), typical(), {}, 203)) == (
        "the human-readable line '(01) 09506000134352' is 14.9 mm wide; the t label has 10.0 mm "
        "for it: shorten it or use a larger label"
    )


def test_a_field_may_start_at_the_label_s_corner_and_end_at_its_bottom_edge() -> None:
    corner = _symbols(_use_by("a", 0, 0), _use_by("b", 3, 18))  # 144 + 16 dots: the 160 of 20 mm
    assert len(plan_label(corner, typical(), {}, 203).items) == 8


def test_a_template_s_settings_are_read() -> None:
    template = template_from_dict(
        {**BASE, "description": "a test label", "default_dpi": 300, "version": "4",
         "zpl_cjk": {"mode": "resident", "font": "R:SIMSUN_SC_2.ttf"},
         "fields": [text(x=0, y=0)]}
    )  # fmt: skip
    assert (template.description, template.default_dpi, template.version) == (
        "a test label",
        300,
        4,
    )
    assert (template.zpl_cjk, template.zpl_cjk_font) == ("resident", "R:SIMSUN_SC_2.ttf")
    assert plan_label(template, typical(), {}).dpi == 300  # the template's resolution by default
    literal = one_field(**text(value="text:Ref: 12/3", w=40))
    assert literal.fields[0].value == "text:Ref: 12/3"  # type: ignore[union-attr]
    assert "Ref: 12/3" in [
        getattr(i, "text", None) for i in plan_label(literal, typical(), {}).items
    ]
    for font in ("E:ANMDS.TTE", "B:A.tte", "Z:ABCDEFGHIJKLMNOP.TTF"):
        resident = {"mode": "resident", "font": font}
        assert template_from_dict({**BASE, "zpl_cjk": resident}).zpl_cjk_font == font
    for font in ("E:ABCDEFGHIJKLMNOPQ.TTF", "C:ANMDS.TTF", "E:ANMDS.FNT", "E:AN-MDS.TTF"):
        with pytest.raises(TemplateError, match="must name a printer TrueType file"):
            template_from_dict({**BASE, "zpl_cjk": {"mode": "resident", "font": font}})


def test_subset_c_is_left_a_digit_pair_early_before_a_lone_last_character() -> None:
    # a lone last character after a pair: the switch to subset B moves one pair earlier
    assert gs1_128_codewords("1000X") == (105, 102, 10, 100, 16, 16, 56)
    assert gs1_128_codewords("1099X") == (105, 102, 10, 100, 25, 25, 56)
    assert gs1_128_codewords("10X") == (105, 102, 100, 17, 16, 56)
    assert gs1_128_codewords("10XY") == (105, 102, 10, 100, 56, 57)
    assert zpl_field_data(gs1_128_codewords("1000X")) == ">;>810>600X"


def test_the_datamatrix_is_the_smallest_square_that_holds_the_data() -> None:
    # FNC1 and one codeword per digit pair or other character; 10x10 holds 3, 12x12 holds 5
    assert [datamatrix_size(s) for s in ("1234", "12345", "1" * 8, "1" * 9)] == [10, 12, 12, 14]
    assert datamatrix_size("12a4") == 12


def test_the_human_readable_lines_are_spaced_as_the_template_says() -> None:
    plan = plan_label(_hri(h=6, line_spacing=2.0), typical(), {}, 203)
    assert [i.y for i in plan.items] == [8, 32]  # 2 x 12 dots apart


def test_a_symbol_s_width_is_checked_by_the_layout_at_the_resolution() -> None:
    # the template only knows a symbol's height; a 1 mm hourglass is 5 dots (0.625 mm) wide
    narrow = _symbols({**_use_by("a", 49.3), "size": 1})
    plan = plan_label(narrow, typical(), {}, 203)
    assert max(i.x + i.w for i in plan.items) == 399  # type: ignore[union-attr]


def test_only_a_udi_that_starts_with_a_gtin_has_a_udi_di_row_of_its_own() -> None:
    itip = compose({"8006": "095060001343520102", "10": "A1"})  # no (01): no UDI-DI row
    for template in (_linear(["di"], 58), _linear(["split"], 58, rows=2)):
        assert refused(LabelDoesNotFit, lambda t=template: plan_label(t, itip, {})) == (
            "no GS1-128 arrangement of this template suits the data: the template needs fixing: "
            "shorten it or use a larger label"
        )


def test_overlapping_fields_are_named_in_the_template_s_order() -> None:
    three = _symbols(_use_by("a", 1), _use_by("b", 2.125), _use_by("c", 10))
    assert refused(LabelDoesNotFit, lambda: plan_label(three, typical(), {}, 203)) == (
        "fields 'a' and 'b' overlap on the t label at 203 dpi: shorten it or use a larger label"
    )


def test_a_required_value_is_named_as_the_template_names_it() -> None:
    template = one_field(**text(value="field:batch:supplier", required=True, w=40))
    assert refused(LabelError, lambda: plan_label(template, typical(), {}, 203)) == (
        "the t label prints the batch:supplier: give it with --field batch:supplier=VALUE"
    )


def _matrix(box: float, **changes: Any) -> Template:
    dm = {"kind": "gs1_datamatrix", "id": "dm", "x": 1, "y": 1, "w": box, "h": box,
          "module_mm": 0.25} | changes  # fmt: skip
    return template_from_dict({**BASE, "fields": [dm]})


def test_the_datamatrix_module_grows_to_the_largest_that_fits_up_to_the_template_s_bound() -> None:
    # the typical UDI is a 22 x 22 symbol; with its quiet zones 24 modules
    def module(template: Template) -> Any:
        plan = plan_label(template, typical(), {}, 203)
        (matrix,) = plan.items
        return matrix.module  # type: ignore[union-attr]

    assert module(_matrix(18)) == 2  # no bound given: the smallest module
    grown = module(_matrix(12, max_module_mm=1.0))  # 96 dots // 24 = 4 dots
    assert grown == 4 and isinstance(grown, int)
    assert module(_matrix(18, max_module_mm=0.375)) == 3  # the bound, although 6 would fit
    zpl = render_zpl(_matrix(12, max_module_mm=1.0), typical(), {}, 203).decode()
    assert "^BXN,4,200,22,22,,#" in zpl


def test_a_udi_of_a_gtin_and_one_more_element_splits_into_two_rows() -> None:
    udi = typical(_11="", _10="", _21="")  # (01) and (17)
    plan = plan_label(_linear(["split"], 58, rows=2), udi, {})
    assert [e for e in plan.expected if e[0] == "]C1"] == [
        ("]C1", "0109506000134352"),
        ("]C1", "17271231"),
    ]


def test_an_arrangement_needing_more_rows_than_the_field_has_is_passed_over() -> None:
    udi = typical(_11="", _10="A1", _21="")
    plan = plan_label(_linear(["split", "full"], 70, label=80), udi, {})
    assert [e for e in plan.expected if e[0] == "]C1"] == [("]C1", udi.element_string)]


def test_one_gs1_128_holds_up_to_48_characters() -> None:
    udi = typical(_21="", _10="ABCDEFGHIJKLMN")  # (01) (17) (11) (10): 48 characters
    assert len(udi.element_string) == 48
    plan = plan_label(_linear(["full"], 200, label=210), udi, {})
    assert [e for e in plan.expected if e[0] == "]C1"] == [("]C1", udi.element_string)]


def test_a_gs1_128_may_fill_its_row_exactly() -> None:
    # (01) alone: 10 codewords, 134 modules and 20 of quiet zones at 2 dots: 308 dots, 38.5 mm
    plan = plan_label(_linear(["di"], 38.5), typical(), {}, 203)
    assert [e for e in plan.expected if e[0] == "]C1"] == [("]C1", "0109506000134352")]
    assert refused(LabelDoesNotFit, lambda: plan_label(_linear(["di"], 38.375), typical(), {})) == (
        "GTIN '095060001343…' makes the GS1-128 38.5 mm wide with its quiet zones; the tiny "
        "label has 38.4 mm for it: shorten it or use a larger label"
    )


def test_human_readable_lines_are_joined_when_they_fill_the_box_exactly() -> None:
    # at 25 dots "(01) 09506000134352  (10) 000" is exactly 353 dots (44.125 mm) wide
    udi = compose({"01": "09506000134352", "10": "000"})
    plan = plan_label(_hri(size=3.125, w=44.125, h=8), udi, {}, 203)
    assert [i.text for i in plan.items] == ["(01) 09506000134352  (10) 000"]  # type: ignore[union-attr]
    plan = plan_label(_hri(size=3.125, w=44.0, h=8), udi, {}, 203)
    assert [i.text for i in plan.items] == ["(01) 09506000134352", "(10) 000"]  # type: ignore[union-attr]


def test_a_long_human_readable_line_is_named_by_its_first_30_characters() -> None:
    udi = compose({"01": "09506000134352", "240": "A" * 30})
    assert refused(LabelDoesNotFit, lambda: plan_label(_hri(w=20), udi, {}, 203)) == (
        "the human-readable line '(240) AAAAAAAAAAAAAAAAAAAAAAAA…' is 36.5 mm wide; the t label "
        "has 20.0 mm for it: shorten it or use a larger label"
    )


def test_ink_left_of_the_label_edge_is_refused() -> None:
    # the hook of a J reaches 3 dots left of its cell: at x = 0 that is off the label
    template = one_field(**text("name", value="field:name", x=0, y=5, w=40, size=3))
    assert refused(
        LabelDoesNotFit, lambda: plan_label(template, typical(), {"name": "Ĵ泵"}, 203)
    ) == (
        "field 'name' reaches past the edge of the t label at 203 dpi: shorten it or use a larger "
        "label"
    )
    assert plan_label(template, typical(), {"name": "泵"}, 203).items


def test_a_date_given_by_the_caller_is_named_as_its_field() -> None:
    # "data:expiry" is "the expiry date" (tests above); a caller's "field:expiry" is its name
    template = one_field(**text(value="field:expiry", required=True, w=40))
    assert refused(LabelError, lambda: plan_label(template, typical(), {}, 203)) == (
        "the t label prints the expiry: give it with --field expiry=VALUE"
    )
