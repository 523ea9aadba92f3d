"""compose: fields -> element string, bracketed text, HRI; refuses what a scan would refuse."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.udi import ComposeError, compose, parse_scan

TODAY = dt.date(2026, 3, 1)
GS = "\x1d"
GTIN = "09506000134352"


def test_fixed_first_and_separators() -> None:
    udi = compose({"10": "ABC", "21": "SN1", "17": dt.date(2027, 12, 31), "01": GTIN}, today=TODAY)
    assert udi.pairs == (("01", GTIN), ("17", "271231"), ("10", "ABC"), ("21", "SN1"))
    assert udi.element_string == "01" + GTIN + "17271231" + "10ABC" + GS + "21SN1"
    assert udi.bracketed == f"(01){GTIN}(17)271231(10)ABC(21)SN1"
    assert udi.hri == (f"(01) {GTIN}", "(17) 271231", "(10) ABC", "(21) SN1")
    assert udi.human_dates == {"17": "2027-12-31"}
    assert not udi.element_string.endswith(GS)


def test_brief_example() -> None:
    udi = compose({"01": GTIN, "17": "271231", "10": "ABC"}, today=TODAY)
    assert udi.bracketed == "(01)09506000134352(17)271231(10)ABC"
    assert udi.element_string == "0109506000134352" + "17271231" + "10ABC"


def test_names_and_date_forms() -> None:
    udi = compose(
        {"gtin": GTIN, "expiry": "2027-02-28", "production_date": "250101", "lot": "L1"},
        today=TODAY,
    )
    assert udi.ai_values == {"01": GTIN, "17": "270228", "11": "250101", "10": "L1"}
    assert udi.human_dates == {"17": "2027-02-28", "11": "2025-01-01"}


def test_parenthesis_escaped_in_bracketed_only() -> None:
    udi = compose({"01": GTIN, "10": "A(B"}, today=TODAY)
    assert udi.element_string.endswith("10A(B")
    assert udi.bracketed.endswith("(10)A\\(B")
    assert parse_scan(udi.bracketed, today=TODAY).lot == "A(B"


def test_composed_label_parses_back() -> None:
    udi = compose({"01": GTIN, "10": "ABC123", "21": "SN0001", "17": "251231"}, today=TODAY)
    parsed = parse_scan("]d2" + udi.element_string, today=TODAY)
    assert parsed.valid and parsed.ais == udi.pairs


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"01": "09506000134353"}, '"09506000134353"'),
        ({"01": "00000000000000"}, "zeros"),
        ({"01": GTIN, "17": "270200"}, 'expiry (17) "270200" has day 00'),
        ({"01": GTIN, "17": "270230"}, '"270230"'),
        ({"01": GTIN, "17": "2027-02-30"}, '"2027-02-30"'),
        ({"01": GTIN, "17": dt.date(2099, 1, 1)}, "2099"),
        ({"01": GTIN, "10": "A B"}, 'lot (10) "A B"'),
        ({"01": GTIN, "10": "A" * 21}, "21 characters"),
        ({"01": GTIN, "10": ""}, "lot (10) is empty"),
        ({"21": "SN1"}, "serial (21)"),
        ({"01": GTIN, "250": "X"}, "secondary serial (250)"),
        ({"01": GTIN, "21": "A", "235": "B"}, "may not appear together"),
        ({"01": GTIN, "gtin": GTIN}, "twice"),
        ({"01": GTIN, "26": "X"}, '"26"'),
        ({"01": GTIN, "10": dt.date(2027, 1, 1)}, "lot (10)"),
        ({}, "nothing to compose"),
    ],
)
def test_refused(fields: dict[str, str | dt.date], words: str) -> None:
    with pytest.raises(ComposeError) as caught:
        compose(fields, today=TODAY)
    assert words in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_no_operator_advice_in_compose_errors() -> None:
    with pytest.raises(ComposeError) as caught:
        compose({"01": "09506000134353"}, today=TODAY)
    assert "rescan" not in str(caught.value)
