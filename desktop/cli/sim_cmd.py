"""`lotline sim scanner|scale|printer`: run a device simulator by hand.

The first line on stdout is the port to connect to (a pty link path such as
``/tmp/lotline-sim-abc/tty``, or ``socket://127.0.0.1:9100``); everything else goes to stderr.
Lines typed on stdin are scans (scanner; ``<GS>`` stands for 0x1D) or commands (scale,
printer; see ``desktop/devices/sim/control.py``). Runs until Ctrl-C.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType
from typing import Any

from desktop.devices.sim import PrinterSim, make_simulator
from desktop.devices.sim.base import Simulator
from desktop.devices.sim.control import ControlServer, run_command
from desktop.domain.plant import DeviceKind

HELP = {
    "scanner": "type a line to scan it (<GS> = 0x1D); !disconnect 2 unplugs for 2 s",
    "scale": "commands: weight 125.4 | unstable 2 | settle | overload | underload | normal | "
    "busy 1 | drift 0.05 | tare | zero | off | on | disconnect 2 | status",
    "printer": "commands: paper-out | refill [N] | head-open | head-close | ribbon-out | "
    "ribbon-in | pause | resume | disconnect 2 | status",
}


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "sim",
        help="run a simulated scanner, scale or label printer",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=DeviceKind.values())
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--pty", action="store_true", help="serve on a pseudo-terminal (default, where there are)"
    )
    where.add_argument("--tcp", type=int, metavar="PORT", help="serve on TCP 127.0.0.1:PORT")
    parser.add_argument("--profile", metavar="FILE", help="TOML profile, or a bundled name")
    parser.add_argument("--link", metavar="PATH", help="stable path for the pty (a symlink)")
    parser.add_argument("--labels", metavar="DIR", help="printer: folder for printed labels")
    parser.add_argument("--control", type=int, metavar="PORT", help="also take commands on TCP")
    parser.set_defaults(handler=run)


def build(args: argparse.Namespace) -> Simulator:
    return make_simulator(
        args.kind,
        args.profile,
        transport="tcp" if args.tcp is not None else ("pty" if args.pty else "auto"),
        tcp_port=args.tcp or 0,
        link=args.link,
        labels_dir=args.labels,
    )


def run(args: argparse.Namespace) -> int:
    try:
        sim = build(args)
    except (OSError, ValueError) as exc:
        print(f"lotline sim: {exc}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _exit_on_signal)
    # Ctrl-C stops it even when it was started from a place that ignores SIGINT (a job a
    # non-interactive shell put in the background passes that on to what it starts)
    signal.signal(signal.SIGINT, _exit_on_signal)
    sim.start()
    control = ControlServer(sim, args.control).start() if args.control is not None else None
    try:
        print(sim.port_url, flush=True)
        _describe(sim, control)
        for line in sys.stdin:
            answer = run_command(sim, line)
            if answer:
                print(answer, file=sys.stderr, flush=True)
        threading.Event().wait()  # stdin closed: keep serving until Ctrl-C
    except KeyboardInterrupt:
        pass
    finally:
        if control is not None:
            control.stop()
        sim.stop()
    return 0


def _describe(sim: Simulator, control: ControlServer | None) -> None:
    out = sys.stderr
    print(f"{sim.kind} simulator ({sim.profile.name}) on {sim.port_url}", file=out)
    slave = getattr(sim.endpoint, "slave_path", "")
    if slave:
        print(f"  (a link to {slave}; the link stays when the device is unplugged)", file=out)
    if isinstance(sim, PrinterSim):
        print(f"  printed labels go to {sim.labels_dir}", file=out)
    if control is not None:
        print(f"  control socket: 127.0.0.1:{control.port} (one command per line)", file=out)
    print(f"  {HELP[sim.kind]}; Ctrl-C stops.", file=out, flush=True)


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
