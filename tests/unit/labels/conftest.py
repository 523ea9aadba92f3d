"""Every label test starts with the templates parsed and the symbols encoded afresh: they are
cached for speed, and a test must judge the code as it is now, not a result cached earlier by
another test (a template read once would leave its parsing untested by all the others)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.labels.png import _font
from desktop.labels.symbols import datamatrix_matrix, gs1_128_pattern, plain_datamatrix_matrix
from desktop.labels.templates import load_template


@pytest.fixture(autouse=True)
def _labels_made_afresh() -> Iterator[None]:
    for cached in (
        load_template,
        datamatrix_matrix,
        plain_datamatrix_matrix,
        gs1_128_pattern,
        _font,
    ):
        cached.cache_clear()
    yield
