"""Our association tables against the published GS1 Barcode Syntax Dictionary file.

The dictionary is not kept in this repository. Point GS1_SYNTAX_DICTIONARY at a copy of
``gs1-syntax-dictionary.txt`` (github.com/gs1/gs1-syntax-dictionary) to run this cross-check:
every ``req``, ``ex`` and ``dlpkey`` attribute and ``?`` flag must match our tables exactly.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from desktop.domain.udi.gs1_associations import (
    DL_PRIMARY_KEYS,
    NOT_DL_ATTRIBUTES,
    exclusion_table,
    expand,
    requirement_table,
)

SOURCE = os.environ.get("GS1_SYNTAX_DICTIONARY", "")

pytestmark = pytest.mark.skipif(
    not SOURCE or not Path(SOURCE).is_file(),
    reason="set GS1_SYNTAX_DICTIONARY to a copy of gs1-syntax-dictionary.txt to cross-check",
)


def entries() -> list[tuple[list[str], str, list[str]]]:
    """(AIs, flags, attributes) of every dictionary line."""
    out = []
    for line in Path(SOURCE).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        words = line.split("#", 1)[0].split()
        flags = words[1] if len(words) > 1 and re.fullmatch(r"[*?!]+", words[1]) else ""
        attributes = [w for w in words[1:] if w.startswith(("req=", "ex=", "dlpkey"))]
        out.append((expand(words[0]), flags, attributes))
    return out


def test_requirements_match() -> None:
    theirs: dict[str, tuple[tuple[tuple[str, ...], ...], ...]] = {}
    for ais, _flags, attributes in entries():
        for ai in ais:
            reqs = [a[4:] for a in attributes if a.startswith("req=")]
            if reqs:
                theirs[ai] = tuple(
                    tuple(tuple(alt.split("+")) for alt in r.split(",")) for r in reqs
                )
    assert dict(requirement_table()) == theirs


def test_exclusions_match() -> None:
    theirs: dict[str, set[str]] = {}
    for ais, _flags, attributes in entries():
        for ai in ais:
            for attribute in attributes:
                if attribute.startswith("ex="):
                    theirs.setdefault(ai, set()).update(attribute[3:].split(","))
    ours = {ai: set(patterns) for ai, patterns in exclusion_table().items()}
    assert ours == theirs


def test_digital_link_keys_and_attributes_match() -> None:
    keys: dict[str, tuple[tuple[str, ...], ...]] = {}
    not_attributes: set[str] = set()
    for ais, flags, attributes in entries():
        for ai in ais:
            if "?" not in flags:
                not_attributes.add(ai)
            for attribute in attributes:
                if attribute.startswith("dlpkey"):
                    _, _, sequences = attribute.partition("=")
                    keys[ai] = tuple(tuple(s.split(",")) for s in sequences.split("|") if s)
    assert keys == DL_PRIMARY_KEYS
    assert not_attributes == set(NOT_DL_ATTRIBUTES)
