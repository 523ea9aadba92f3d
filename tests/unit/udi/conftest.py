"""Every UDI test starts with the AI dictionary and the association tables read afresh: they are
cached for speed, and a test must judge the code as it is now, not a result cached earlier."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.domain.udi.ai_table import ai_spec
from desktop.domain.udi.gs1_associations import exclusion_table, requirement_table


@pytest.fixture(autouse=True)
def _tables_read_afresh() -> Iterator[None]:
    for cached in (ai_spec, requirement_table, exclusion_table):
        cached.cache_clear()
    yield
