"""Peak memory of a master-data load refused after reading a large CSV (53 MB parts.csv).

    /usr/bin/time -v .venv/bin/python bench/bench_masterdata_memory.py [--mb 53]

Writes a parts.csv of about ``--mb`` megabytes (valid rows, one bad row at the end), loads it
into a fresh SQLite database through ``load_folder`` and prints the refusal and the process's
peak resident memory; /usr/bin/time -v reports the same peak ("Maximum resident set size").
The CSV is streamed, one row in memory at a time; a file longer than 100,000 rows is refused
at that row. ``--mb 6`` writes a file just under that limit (every row checked).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from db.engine import make_engine
from db.migrate import ensure_schema
from desktop.services import identity
from desktop.services.core.context import Actor, Context, Settings
from desktop.services.core.errors import Refusal
from desktop.services.masterdata import load_folder

SETTINGS = Settings(totp_roles=frozenset())


def write_csv(path: Path, megabytes: int) -> int:
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("part_number,name,tracking,unit\n")
        while out.tell() < megabytes * 1024 * 1024:
            out.write(f"PART-{rows:09d},Component number {rows} of the bench set,lot,ea\n")
            rows += 1
        out.write(f"PART-{rows:09d},The bad row,box,ea\n")
    return rows + 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=53)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lotline-md-bench-") as folder:
        base = Path(folder)
        (base / "md").mkdir()
        rows = write_csv(base / "md" / "parts.csv", args.mb)
        size = (base / "md" / "parts.csv").stat().st_size
        engine = make_engine(f"sqlite:///{base / 'bench.sqlite'}", must_exist=False)
        ensure_schema(engine)
        boot = Context(engine, Actor.system("bench"), SETTINGS)
        identity.bootstrap_admin(boot, "bench-admin", "Bench Admin", "bench-admin-password")
        login = identity.login(boot, "bench-admin", "bench-admin-password")
        admin = Context(engine, login.actor, SETTINGS)
        start = time.perf_counter()
        try:
            load_folder(admin, base / "md")
            outcome = "loaded"
        except Refusal as refusal:
            outcome = " ".join(line.strip() for line in str(refusal).splitlines()[:2])
        seconds = time.perf_counter() - start
        engine.dispose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"parts.csv {size / 1e6:.1f} MB, {rows} rows: {outcome}")
    print(f"{seconds:.1f} s, peak resident memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
