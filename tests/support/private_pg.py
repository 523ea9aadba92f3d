"""A private PostgreSQL cluster a test may stop, start and freeze (never the shared server).

``PrivateCluster.start_new(folder)`` runs initdb into ``folder`` (as the ``postgres`` user when
this process is root: initdb refuses root) on a free port of 127.0.0.1, starts it and makes a
database. ``stop()``/``start()`` are pg_ctl's; ``freeze()`` sends SIGSTOP to the postmaster and
every backend (the kernel still accepts connections and acknowledges bytes, nothing answers),
``thaw()`` SIGCONT. ``skip_or_fail()``: skipped without initdb, except when CI=true (then fails).
``migrated_cluster()``: a new cluster with its database migrated to head, destroyed afterwards;
``running(cluster)``: the cluster left running and thawed whatever a test did to it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

IN_CI = os.environ.get("CI", "").lower() == "true"


def pg_bin() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent  # pg_ctl beside the real one, not a symlink's folder
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    return Path(candidates[-1]).parent if candidates else None


def _version(path: str) -> int:
    part = Path(path).parent.parent.name
    return int(part) if part.isdigit() else 0


def skip_or_fail() -> Path:
    """pg_bin(), or skip the test (fail it when CI=true: the fault tests must run there)."""
    found = pg_bin()
    if found is None:
        message = "initdb not found (PATH, /usr/lib/postgresql/*/bin): no private cluster"
        if IN_CI:
            pytest.fail(message + " (CI=true: these tests must run)")
        pytest.skip(message)
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PrivateCluster:
    bin: Path
    data: Path
    port: int
    frozen: bool = False

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    @classmethod
    def start_new(cls, folder: Path, database: str = "lotline") -> PrivateCluster:
        found = skip_or_fail()
        folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
            os.chmod(folder, 0o700)
        cluster = cls(found, folder / "data", free_port())
        try:
            cluster._run(
                "initdb", "-D", str(cluster.data), "-A", "trust", "-U", "postgres", "-E", "UTF8"
            )
            cluster.start()
            admin = create_engine(cluster.admin_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{database}"'))
            admin.dispose()
        except BaseException:
            cluster.destroy()
            raise
        return cluster

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data}"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-w", "-t", "60", "start",
                  "-l", str(self.data / "server.log"))  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self.thaw()
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def _pids(self) -> list[int]:
        head = (self.data / "postmaster.pid").read_text().splitlines()[0]
        postmaster = int(head)
        children = subprocess.run(
            ["pgrep", "-P", str(postmaster)], capture_output=True, text=True, timeout=10
        ).stdout.split()
        return [postmaster, *map(int, children)]

    def freeze(self) -> None:
        """SIGSTOP the server and its backends: it accepts TCP but never answers."""
        for pid in self._pids():
            os.kill(pid, signal.SIGSTOP)
        self.frozen = True

    def thaw(self) -> None:
        if not self.frozen:
            return
        for pid in self._pids():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
        self.frozen = False

    def destroy(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self.stop("immediate")
        finally:
            shutil.rmtree(self.data.parent, ignore_errors=True)


@contextmanager
def migrated_cluster(database: str = "lotline") -> Iterator[PrivateCluster]:
    """A new private cluster whose ``database`` is migrated to head; destroyed afterwards."""
    from db.engine import make_engine
    from db.migrate import upgrade

    made = PrivateCluster.start_new(Path(tempfile.mkdtemp(prefix="lotline-pg-")), database)
    try:
        engine = make_engine(made.url(database))
        upgrade(engine)
        engine.dispose()
        yield made
    finally:
        made.destroy()


@contextmanager
def running(cluster: PrivateCluster) -> Iterator[PrivateCluster]:
    """The cluster; afterwards thawed and started again if a test froze or stopped it."""
    try:
        yield cluster
    finally:
        cluster.thaw()
        if not (cluster.data / "postmaster.pid").exists():
            cluster.start()
