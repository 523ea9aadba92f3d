"""UDI reading and composing held against a corpus of outcomes: every scan in
golden_scans.json (GS1 element strings, AIM routing, bracketed text, Digital Links, HIBC, MA
codes) and every field set below must give exactly the summary written there, words included.

The outcomes were written by this code once and then read through by hand (each message says
what is wrong with the input and what to do); a change of any of them, or of a rule behind
them, fails here and is judged again.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.udi import ComposeError, compose, parse_scan

HERE = Path(__file__).parent
SCANS: list[dict[str, Any]] = json.loads((HERE / "golden_scans.json").read_text("utf-8"))
COMPOSED: dict[str, dict[str, Any]] = json.loads((HERE / "golden_compose.json").read_text("utf-8"))
D = dt.date
TODAY = D(2026, 6, 1)
G = "09506000134352"


@pytest.mark.parametrize("case", SCANS, ids=[c["why"] for c in SCANS])
def test_each_scan_reads_as_written(case: dict[str, Any]) -> None:
    parsed = parse_scan(case["scan"], expect_gs1=case["expect_gs1"], today=TODAY)
    assert parsed.to_json_dict() == case["parsed"]


CASES = [
    (
        "names for the AIs",
        {
            "gtin": G,
            "lot": "L1",
            "serial": "S1",
            "expiry": D(2027, 12, 31),
            "production_date": D(2026, 1, 15),
        },
    ),
    ("AI digits and ISO dates", {"01": G, "17": "2027-12-31", "10": "L1"}),
    ("dates as YYMMDD", {"01": G, "11": "260115", "17": "271231"}),
    ("an SSCC by name", {"sscc": "095060000000000015"}),
    ("batch is the lot", {"01": G, "batch": "B7"}),
    ("upper-case names", {"GTIN": G, "LOT": "L1"}),
    ("variable fields last, fixed first", {"10": "L1", "21": "S1", "01": G, "17": "271231"}),
    ("7003 as a date and time", {"01": G, "7003": dt.datetime(2027, 12, 31, 23, 59)}),
    ("nothing", {}),
    ("one AI twice", {"01": G, "gtin": G}),
    ("a date for a text AI", {"01": G, "10": D(2027, 1, 1)}),
    ("a date for 7003", {"01": G, "7003": D(2027, 1, 1)}),
    ("a number for a lot", {"01": G, "10": 12}),
    ("an ISO date that does not exist", {"01": G, "17": "2027-02-30"}),
    ("day 00", {"01": G, "17": "271200"}),
    ("a date outside the window", {"01": G, "17": D(2080, 1, 1)}),
    ("a wrong GTIN", {"01": "09506000134353"}),
    ("a lot too long", {"01": G, "10": "L" * 21}),
    ("a serial without a GTIN", {"21": "S1"}),
    ("a lot with a space", {"01": G, "10": "L 1"}),
    ("a bracket in a lot", {"01": G, "10": "A(B)"}),
    ("a net weight", {"01": G, "3103": "001250"}),
]


def _composed(fields: dict[str, Any]) -> dict[str, Any]:
    try:
        made = compose(fields, today=TODAY)
    except ComposeError as refused:
        return {"error": str(refused)}
    return {
        "element_string": made.element_string,
        "pairs": [list(pair) for pair in made.pairs],
        "bracketed": made.bracketed,
        "hri": list(made.hri),
        "human_dates": made.human_dates,
    }


@pytest.mark.parametrize(("why", "fields"), CASES, ids=[c[0] for c in CASES])
def test_each_field_set_composes_as_written(why: str, fields: dict[str, Any]) -> None:
    assert _composed(fields) == COMPOSED[why]


def test_the_corpus_names_each_case_once() -> None:
    assert len({c["why"] for c in SCANS}) == len(SCANS)
    assert {why for why, _ in CASES} == set(COMPOSED)
