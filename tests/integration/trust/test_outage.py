"""Five stations keep scanning through a server outage (a private PostgreSQL cluster stopped and
started again; never the shared server): every step an operator saw taken is recorded once the
server is back, none twice (no housing in two pumps, no event twice: the event id is the key),
the stations' journals verify and are all sent, and the audit chain verifies. The outage here is
short so the suite stays short; bench/bench_outage.py runs the same shift through 60 s."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.outage import run_outage
from tests.support.private_pg import PrivateCluster, migrated_cluster

pytestmark = pytest.mark.postgres


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    with migrated_cluster() as made:
        yield made


def test_five_stations_lose_nothing_and_double_nothing_through_an_outage(
    cluster: PrivateCluster, tmp_path: Path
) -> None:
    figures = run_outage(cluster, tmp_path, stations=5, outage_s=6.0, before_s=1.5, after_s=1.5)
    assert figures.problems == ()
    assert figures.captured_offline > 0  # the stations went on while the server was away
    assert figures.steps_taken > figures.captured_offline  # and before and after it, online
    assert figures.refused_at_station == 0 and figures.conflicts == 0, figures.refusals
    assert figures.lost == 0 and figures.recorded == figures.steps_taken
    assert figures.duplicated_components == 0
    assert figures.journals_ok and figures.chain_ok
