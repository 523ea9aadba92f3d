"""Property tests: compose -> parse gives the fields back; parse_scan never raises."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from biip import ParseConfig
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.gs1_messages import GS1Message
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.udi import ParsedUDI, compose, gs1_check_digit, parse_scan
from desktop.domain.udi._text import CSET82
from desktop.domain.udi.gs1_digital_link import split_digital_link
from desktop.domain.udi.gs1_split import split_element_string

TODAY = dt.date(2026, 3, 1)
# Two-digit years read back within 49 years past and 50 ahead (REFERENCE 1.5).
WINDOW = {"min_value": dt.date(1977, 1, 1), "max_value": dt.date(2076, 12, 31)}

gtins = (
    st.text(alphabet="0123456789", min_size=13, max_size=13)
    .filter(lambda digits: set(digits) != {"0"})
    .map(lambda digits: digits + gs1_check_digit(digits))
)
identifiers = st.text(alphabet="".join(sorted(CSET82)), min_size=1, max_size=20)
field_sets = st.fixed_dictionaries(
    {"01": gtins},
    optional={
        "10": identifiers,
        "21": identifiers,
        "17": st.dates(**WINDOW),
        "11": st.dates(**WINDOW),
    },
)


def _same_fields(parsed: ParsedUDI, fields: dict[str, object]) -> None:
    assert parsed.valid, parsed.errors
    assert parsed.gtin == fields["01"]
    assert parsed.lot == fields.get("10")
    assert parsed.serial == fields.get("21")
    assert parsed.expiry == fields.get("17")
    assert parsed.production_date == fields.get("11")


@settings(max_examples=300, deadline=None)
@given(field_sets)
def test_compose_then_parse_round_trip(fields: dict[str, object]) -> None:
    composed = compose(fields, today=TODAY)  # type: ignore[arg-type]
    for text in ("]d2" + composed.element_string, composed.bracketed, composed.element_string):
        parsed = parse_scan(text, today=TODAY)
        _same_fields(parsed, fields)
        assert parsed.ais == composed.pairs
    _same_fields(parse_scan("]Q1" + _digital_link(composed.pairs), today=TODAY), fields)


def _digital_link(pairs: tuple[tuple[str, str], ...]) -> str:
    """The same data as a GS1 Digital Link URI: 01/10/21 in the path, dates in the query."""
    values = dict(pairs)
    path = "".join(
        f"/{ai}/{quote(values[ai], safe='')}" for ai in ("01", "10", "21") if ai in values
    )
    query = "&".join(f"{ai}={values[ai]}" for ai in ("17", "11") if ai in values)
    return "https://id.example.com" + path + (f"?{query}" if query else "")


@settings(max_examples=300, deadline=None)
@given(field_sets)
def test_fast_path_splits_like_biip(fields: dict[str, object]) -> None:
    """Our tokenizer (the fast path) and biip's GS1Message split composed data identically."""
    element_string = compose(fields, today=TODAY).element_string  # type: ignore[arg-type]
    message = GS1Message.parse(element_string, config=ParseConfig(separator_chars=("\x1d",)))
    biip_pairs = [(es.ai.ai, es.value) for es in message.element_strings]
    assert split_element_string(element_string).pairs == biip_pairs


@settings(max_examples=300, deadline=None)
@given(field_sets, st.sampled_from(["", "/prefix", "/a/b"]))
def test_digital_link_splits_like_biip(fields: dict[str, object], prefix: str) -> None:
    """Our Digital Link reader gives the pairs biip (an independent reader) gives."""
    pairs = compose(fields, today=TODAY).pairs  # type: ignore[arg-type]
    uri = _digital_link(pairs).replace(".com", ".com" + prefix, 1)
    ours = split_digital_link(uri)
    link = GS1DigitalLinkURI.parse(uri, config=ParseConfig(gs1_element_strings_verify_date=False))
    assert ours.pairs == [(es.ai.ai, es.value) for es in link.element_strings]
    assert not ours.errors


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_parse_never_raises_on_bytes(data: bytes) -> None:
    _never_raises(data.decode("latin-1"))


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["", "]d2", "]C1", "]d1", "]Q1", "]A3", "]E0", "]C4", "+", "(01)", "*+"]),
    st.text(max_size=300),
)
def test_parse_never_raises_on_text(prefix: str, text: str) -> None:
    _never_raises(prefix + text)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["]d2", "", "https://id.example.com", "]Q1http://[", "http://x.y/01/"]),
    st.lists(
        st.sampled_from(["01", "10", "17", "21", "11", "7003", "250", "\x1d", "/", "?17="])
        | st.text(alphabet="0123456789ABC\x1d", max_size=16),
        max_size=10,
    ),
)
def test_parse_never_raises_on_gs1_like_text(prefix: str, parts: list[str]) -> None:
    _never_raises(prefix + "".join(parts))


def _never_raises(text: str) -> None:
    for expect_gs1 in (True, False):
        parsed = parse_scan(text, expect_gs1=expect_gs1, today=TODAY)
        assert isinstance(parsed, ParsedUDI)
        assert parsed.valid == (not parsed.errors)
        assert parsed.raw == text
        assert all(isinstance(message, str) and message for message in parsed.errors)
        assert not any(m.startswith("internal error while") for m in parsed.errors), parsed.errors
        assert all(len(message) < 1000 for message in parsed.errors + parsed.warnings)
