"""Five stations scanning through a 60 s server outage, written to the "outage" section of
docs/benchmarks.md.

    .venv/bin/python -m bench.bench_outage [--stations 5] [--outage 60]

A private PostgreSQL cluster is made for the run (initdb on a free port; never the shared
server), migrated, stopped after 2 s of scanning and started again ``--outage`` seconds later
(tests/support/outage.py runs the shift; tests/integration/trust/test_outage.py runs the same
shift with a short outage in the suite). Reported: steps the operators saw taken, how many of
them were captured offline, sent after the outage, refused, recorded, lost and doubled, whether
the journals and the audit chain verify, and how long the stations took to send.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from bench._report import machine, write_section
from db.engine import make_engine
from db.migrate import upgrade
from tests.support.outage import OutageFigures, run_outage
from tests.support.private_pg import PrivateCluster


def report(f: OutageFigures, load: str) -> str:
    verdict = (
        "nothing lost, nothing recorded twice"
        if f.lost == 0 and f.duplicated_components == 0 and f.chain_ok and f.journals_ok
        else "FAILS: see the figures"
    )
    return "\n".join(
        [
            "## Outage: stations scanning through a stopped server",
            "",
            f"Measured {machine()}, load average before the run {load} (2 cores, shared);",
            f"`.venv/bin/python -m bench.bench_outage --stations {f.stations} "
            f"--outage {f.outage_s:g}`.",
            f"{f.stations} stations (threads, each a scanner simulator on a pty, the real driver, "
            "its own journal and copy, the demo operator) build pumps, one scan every 0.1 s, "
            "on a private PostgreSQL cluster that is stopped after 2 s and started again "
            f"{f.outage_s:g} s later; each station sends its journal when it notices the server "
            "is back (after its next unit).",
            "",
            "| steps taken | captured offline | sent after | conflicts | refused at station "
            "| recorded | lost | components twice | journals verify | audit chain verifies "
            "| all sent after restart (s) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|",
            f"| {f.steps_taken} | {f.captured_offline} | {f.sent_after} | {f.conflicts} "
            f"| {f.refused_at_station} | {f.recorded} | {f.lost} | {f.duplicated_components} "
            f"| {'yes' if f.journals_ok else 'NO'} | {'yes' if f.chain_ok else 'NO'} "
            f"| {f.seconds_to_send:.1f} |",
            "",
            f"- {verdict}.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=5)
    parser.add_argument("--outage", type=float, default=60.0)
    args = parser.parse_args()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    folder = Path(tempfile.mkdtemp(prefix="lotline-outage-"))
    cluster = PrivateCluster.start_new(Path(tempfile.mkdtemp(prefix="lotline-pg-")))
    try:
        engine = make_engine(cluster.url("lotline"))
        upgrade(engine)
        engine.dispose()
        figures = run_outage(cluster, folder / "stations", stations=args.stations,
                             outage_s=args.outage)  # fmt: skip
    finally:
        cluster.destroy()
    print(asdict(figures))
    write_section("outage", report(figures, load))


if __name__ == "__main__":
    main()
