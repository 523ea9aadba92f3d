"""Where a simulator is reached: a pseudo-terminal (with a stable path) or a TCP port.

Pseudo-terminal design: the simulator owns the master fd and also holds the slave open (in
raw mode), so the master never sees a hang-up between driver sessions. The driver opens the
*link* path, a symlink the simulator keeps pointing at the current ``/dev/pts/N``. Unplugging
closes master and slave and removes the link: the driver's reads fail (EIO) like a pulled USB
cable, and opening the link fails until :meth:`PtyEndpoint.plug` makes a new pair and points
the link at it. The driver reconnects to the *same path*, exactly as to a re-enumerated
``/dev/serial/by-id/...`` link. (The pts number itself changes; never hard-code it.)

Where pseudo-terminals do not exist (Windows bench PCs) the simulators serve on TCP
(``socket://127.0.0.1:PORT``, which the real drivers open like any port): :func:`default_transport`
makes that choice, and ``LOTLINE_NO_PTY=1`` makes it on any computer (tests use it).

All methods except :meth:`write` must be called from the simulator's own thread.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import shutil
import socket
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from desktop.devices.sim.uart import tty_baud

CHUNK = 4096
#: Set to 1 to run the simulators as if this computer had no pseudo-terminals (as on Windows).
NO_PTY_ENV = "LOTLINE_NO_PTY"
TRANSPORTS = ("auto", "pty", "tcp")


def pty_available(environ: Mapping[str, str] | None = None) -> bool:
    """This computer has pseudo-terminals (POSIX), and ``LOTLINE_NO_PTY`` does not say no."""
    env = os.environ if environ is None else environ
    if env.get(NO_PTY_ENV, "").strip().lower() in ("1", "true", "yes"):
        return False
    if os.name != "posix":
        return False
    try:
        import pty  # noqa: F401 (only whether it exists)
        import termios  # noqa: F401
    except ImportError:
        return False
    return True


def default_transport(environ: Mapping[str, str] | None = None) -> str:
    """``pty`` where pseudo-terminals exist, else ``tcp``."""
    return "pty" if pty_available(environ) else "tcp"


def resolve_transport(transport: str, environ: Mapping[str, str] | None = None) -> str:
    """``auto`` becomes the platform's choice; ``pty`` where there are none is refused."""
    if transport not in TRANSPORTS:
        raise ValueError(f"transport {transport!r}: use 'auto', 'pty' or 'tcp'")
    if transport == "auto":
        return default_transport(environ)
    if transport == "pty" and not pty_available(environ):
        raise ValueError(
            "this computer has no pseudo-terminals (Windows, or LOTLINE_NO_PTY is set): run the "
            "simulator on TCP instead (transport 'tcp', or `lotline sim ... --tcp PORT`)"
        )
    return transport


class Endpoint(Protocol):
    url: str

    @property
    def plugged(self) -> bool: ...

    def start(self) -> None: ...
    def close(self) -> None: ...
    def read(self, timeout: float) -> bytes: ...
    def write(self, data: bytes) -> int: ...
    def unplug(self) -> None: ...
    def plug(self) -> None: ...
    def peer_baud(self) -> int | None: ...
    def wake(self) -> None: ...


class _Waker:
    """A socket pair that interrupts a select() from another thread (a pipe would do on POSIX,
    but Windows selects on sockets only)."""

    def __init__(self) -> None:
        self.r, self.w = socket.socketpair()
        self.r.setblocking(False)
        self.w.setblocking(False)

    def wake(self) -> None:
        with contextlib.suppress(OSError):
            self.w.send(b"x")

    def drain(self) -> None:
        with contextlib.suppress(OSError):
            self.r.recv(CHUNK)

    def close(self) -> None:
        for sock in (self.r, self.w):
            with contextlib.suppress(OSError):
                sock.close()


class PtyEndpoint:
    """A pseudo-terminal pair behind a stable symlink (``url`` is the link's path)."""

    def __init__(self, link: str | Path | None = None) -> None:
        if link and Path(link).exists() and not Path(link).is_symlink():
            raise ValueError(f"{link} exists and is not a symlink: choose another --link path")
        self._own_dir = None if link else Path(tempfile.mkdtemp(prefix="lotline-sim-"))
        self.link = Path(link) if link else Path(self._own_dir or ".") / "tty"
        self.url = str(self.link)
        self.slave_path = ""
        self._master = -1
        self._slave = -1
        self._lock = threading.Lock()
        self._waker = _Waker()

    @property
    def plugged(self) -> bool:
        return self._master >= 0

    def start(self) -> None:
        self.plug()

    def plug(self) -> None:
        with self._lock:
            if self._master >= 0:
                return
            import pty  # POSIX only: imported here so that TCP simulators work on Windows too
            import tty

            master, slave = pty.openpty()
            tty.setraw(slave)
            os.set_blocking(master, False)
            self._master, self._slave = master, slave
            self.slave_path = os.ttyname(slave)
            self.link.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.link.with_name(self.link.name + ".new")
            temporary.unlink(missing_ok=True)
            os.symlink(self.slave_path, temporary)
            os.replace(temporary, self.link)

    def unplug(self) -> None:
        with self._lock:
            if self._master < 0:
                return
            self.link.unlink(missing_ok=True)
            for fd in (self._master, self._slave):
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._master = self._slave = -1
            self.slave_path = ""

    def close(self) -> None:
        self.unplug()
        self._waker.close()
        if self._own_dir is not None:
            shutil.rmtree(self._own_dir, ignore_errors=True)

    def wake(self) -> None:
        self._waker.wake()

    def read(self, timeout: float) -> bytes:
        master = self._master
        watched: list[socket.socket | int] = [self._waker.r]
        watched += [master] if master >= 0 else []
        ready, _, _ = select.select(watched, [], [], max(timeout, 0.0))
        if self._waker.r in ready:
            self._waker.drain()
        if master < 0 or master not in ready:
            return b""
        try:
            return os.read(master, CHUNK)
        except OSError:  # EAGAIN, or EIO while nobody holds the slave
            return b""

    def write(self, data: bytes) -> int:
        """Write what the line takes; bytes nobody reads are dropped, as on a real line."""
        with self._lock:
            if self._master < 0:
                return 0
            written = 0
            while written < len(data):
                try:
                    written += os.write(self._master, data[written:])
                except OSError as exc:
                    if exc.errno not in (errno.EAGAIN, errno.EIO):
                        raise
                    break
            return written

    def peer_baud(self) -> int | None:
        with self._lock:
            return tty_baud(self._master) if self._master >= 0 else None


class TcpEndpoint:
    """A TCP listener on ``host:port`` (0 = any free port) serving one client at a time; a new
    connection replaces the old one, as a printer's port 9100 does."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = port
        self.url = ""
        self._listener: socket.socket | None = None
        self._client: socket.socket | None = None
        self._lock = threading.Lock()
        self._accepting = threading.Lock()
        self._waker = _Waker()

    @property
    def plugged(self) -> bool:
        return self._listener is not None

    @property
    def has_client(self) -> bool:
        """A driver is connected (bytes written before that are lost, as on a real line)."""
        return self._client is not None

    def start(self) -> None:
        self.plug()

    def plug(self) -> None:
        if self._listener is not None:
            return
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(4)
        listener.setblocking(False)  # two threads may race for one pending connection
        self.port = listener.getsockname()[1]
        self.url = f"socket://{self.host}:{self.port}"
        self._listener = listener

    def unplug(self) -> None:
        self._drop_client()
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def close(self) -> None:
        self.unplug()
        self._waker.close()

    def wake(self) -> None:
        self._waker.wake()

    def read(self, timeout: float) -> bytes:
        watched: list[socket.socket | int] = [self._waker.r]
        watched += [s for s in (self._listener, self._client) if s is not None]
        ready, _, _ = select.select(watched, [], [], max(timeout, 0.0))
        if self._waker.r in ready:
            self._waker.drain()
        if self._listener is not None and self._listener in ready:
            self._accept(self._listener)
        client = self._client
        if client is None or client not in ready:
            return b""
        try:
            data = client.recv(CHUNK)
        except OSError:
            data = b""
        if not data:
            self._drop_client()
        return data

    def write(self, data: bytes) -> int:
        """Send to the connected driver. A driver whose connection the kernel has completed but
        the loop has not yet taken is taken first: its connect() returned, so it is connected,
        as it would be to a real device's TCP port."""
        listener = self._listener
        if self._client is None and listener is not None:
            self._accept(listener, wait=0.0)
        with self._lock:
            if self._client is None:
                return 0
            try:
                self._client.sendall(data)
            except OSError:
                return 0
            return len(data)

    def peer_baud(self) -> int | None:
        return None  # a TCP stream has no baud rate

    def _accept(self, listener: socket.socket, wait: float | None = None) -> None:
        """Take a pending connection (replacing the current one); ``wait`` 0 only if one is
        already there."""
        with self._accepting:  # a writer waits for a connection the loop is taking
            if wait is not None:
                try:
                    ready, _, _ = select.select([listener], [], [], wait)
                except (OSError, ValueError):  # closed by the loop meanwhile
                    return
                if not ready:
                    return
            try:
                client, _ = listener.accept()
            except OSError:  # the other thread took it (EAGAIN), or the port was closed
                return
            client.settimeout(2.0)
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._drop_client()
            with self._lock:
                self._client = client

    def _drop_client(self) -> None:
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
            client.close()
