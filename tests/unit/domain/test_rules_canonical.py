"""Canonical JSON and SHA-256, the one way records are hashed (audit chain, signatures).

The expected texts are written out byte for byte and the hashes checked against hashlib and
against the FIPS 180-2 published example, so a change of key order, separator, number,
date or escaping form (which would make every stored hash read as tampered) fails here.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from desktop.domain.canonical import canonical_json, content_hash, sha256_hex

#: FIPS 180-2, appendix B.1: SHA-256("abc").
ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_sha256_of_the_published_example() -> None:
    assert sha256_hex("abc") == ABC


def test_text_is_hashed_as_utf8() -> None:
    assert sha256_hex("Prüfung 检验") == hashlib.sha256("Prüfung 检验".encode()).hexdigest()


def test_keys_sorted_no_whitespace() -> None:
    assert canonical_json({"b": 1, "a": [1, 2], "c": {"z": None, "y": True}}) == (
        '{"a":[1,2],"b":1,"c":{"y":true,"z":null}}'
    )


def test_non_ascii_kept_as_text_and_escapes_as_json_writes_them() -> None:
    assert canonical_json({"name": "Zoë 王", "q": 'a"b\\c\n'}) == (
        '{"name":"Zoë 王","q":"a\\"b\\\\c\\n"}'
    )


def test_values_that_json_does_not_know() -> None:
    record = {
        "at": datetime(2026, 11, 25, 10, 0, 0, tzinfo=UTC),
        "local": datetime(2026, 11, 25, 11, 0, 0, 5, tzinfo=timezone(timedelta(hours=1))),
        "day": date(2026, 2, 28),
        "weight": Decimal("41.5000"),
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "set": {"b", "a"},
        "frozen": frozenset({3, 1, 2}),
    }
    assert canonical_json(record) == (
        '{"at":"2026-11-25T10:00:00.000000+00:00","day":"2026-02-28",'
        '"frozen":[1,2,3],"id":"12345678-1234-5678-1234-567812345678",'
        '"local":"2026-11-25T11:00:00.000005+01:00","set":["a","b"],"weight":"41.5"}'
    )


@pytest.mark.parametrize(
    ("number", "text"),
    [
        ("1.5000", "1.5"),
        ("1.5", "1.5"),
        ("100", "100"),  # normalize() gives 1E+2: written out in full
        ("1E+3", "1000"),
        ("0.000", "0"),
        ("-0.0010", "-0.001"),
        ("12345678901234567890.5", "12345678901234567890.5"),
    ],
)
def test_decimals_that_are_equal_hash_alike(number: str, text: str) -> None:
    assert canonical_json(Decimal(number)) == f'"{text}"'


def test_a_naive_datetime_is_written_as_it_is() -> None:
    assert canonical_json(datetime(2026, 1, 2, 3, 4, 5)) == '"2026-01-02T03:04:05.000000"'


@pytest.mark.parametrize("value", [object(), b"raw", 1 + 2j])
def test_anything_else_is_refused_by_name(value: object) -> None:
    with pytest.raises(TypeError) as refused:
        canonical_json({"x": value})
    assert str(refused.value) == (f"cannot put {type(value).__name__} into a canonical record")


def test_content_hash_is_the_sha256_of_the_canonical_text() -> None:
    record = {"lot": "K7-0042", "qty": Decimal("10.0")}
    text = '{"lot":"K7-0042","qty":"10"}'
    assert canonical_json(record) == text
    assert content_hash(record) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_every_field_changes_the_hash() -> None:
    record = {
        "lot": "K7-0042",
        "qty": Decimal("10"),
        "at": datetime(2026, 1, 1, tzinfo=UTC),
        "day": date(2026, 1, 1),
        "id": uuid.UUID(int=1),
        "tags": {"a"},
    }
    changed = {
        "lot": "K7-0043",
        "qty": Decimal("10.01"),
        "at": datetime(2026, 1, 1, 0, 0, 0, 1, tzinfo=UTC),
        "day": date(2026, 1, 2),
        "id": uuid.UUID(int=2),
        "tags": {"a", "b"},
    }
    base = content_hash(record)
    for key, value in changed.items():
        assert content_hash({**record, key: value}) != base, key
    assert content_hash({**record, "extra": None}) != base


def test_a_decimal_that_is_not_finite_is_written_as_python_spells_it() -> None:
    assert canonical_json(Decimal("Infinity")) == '"Infinity"'
    assert canonical_json(Decimal("-Infinity")) == '"-Infinity"'
