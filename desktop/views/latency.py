"""Scan-to-screen latency of the operator station, measured in the real window: from the last
byte on the wire (serial scanner: the simulator's stamp just before it hands the last byte to
the pseudo-terminal) or the last keystroke (keyboard-wedge scanner: just before the suffix key)
to the event committed (the use case returned on its worker thread) and to the result shown
(the operator screen's answer).

Every unit takes three scans: the unit (a lookup, nothing recorded), its housing and the board
lot (each a recorded consume event). Units alternate between the serial and the wedge scanner.
Run through ``python -m desktop --bench-latency N`` (the composition root builds the station);
``lotline bench station`` runs that on SQLite and PostgreSQL and reports the percentiles.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest

from desktop.services import identity, production, receiving
from desktop.services.core.context import Context, LoginSession
from desktop.services.core.errors import Refusal
from desktop.views.operator import OperatorScreen
from desktop.views.shell import MainWindow

PUMP_GTIN = "09506000134352"
PASSWORD = "demo-password"
TIMEOUT = 30.0
POLL_MS = 5  # how often a wait looks again; the answer itself is stamped when it is shown


class LatencyFailed(Exception):
    """The station did not answer a scan; the message says which and what it showed."""


@dataclass(frozen=True)
class Units:
    serials: tuple[str, ...]
    housings: tuple[str, ...]
    board_lot: str


@dataclass(frozen=True)
class Sample:
    path: str  # "serial" or "wedge"
    kind: str  # "load" (unit lookup) or "consume" (a recorded event)
    commit_ms: float | None  # scan -> event committed (None for a lookup)
    shown_ms: float  # scan -> result shown


def prepare_units(base: Context, count: int, tag: str) -> Units:
    """A released pump work order of ``count`` units, as many housings and a board lot, all
    released by QC (made through the use cases as the demo plant's people)."""
    sup, _ = _as(base, "sam")
    number = f"WO-LAT-{tag}"
    production.create_work_order(sup, number, PUMP_GTIN, count)
    production.release_work_order(sup, number)
    made = production.commission_serials(sup, number, count)
    serials = _range(made.first_serial, made.last_serial)
    packer, _ = _as(base, "pat")
    housings = tuple(f"HS-{tag}-{n:05d}" for n in range(1, count + 1))
    delivery, board = f"DEL-{tag}", f"BRD-{tag}"
    receiving.receive_material(
        packer, "HOUSING-IP300", "SUP-ACME", delivery, count, serials=list(housings)
    )
    receiving.receive_material(packer, "BOARD-IP300", "SUP-BOARDS", board, count)
    qc, login = _as(base, "quinn")
    for lot in (delivery, board):
        receiving.inspect_material(qc, lot, True, "latency bench")
        receiving.release_material(qc, login, lot, PASSWORD, username="quinn")
    return Units(serials, housings, board)


def measure(window: MainWindow, units: Units) -> list[Sample]:
    """Log in as the demo operator and take every unit's three scans, one at a time."""
    op = window.screens["operator"]
    if not isinstance(op, OperatorScreen):
        raise LatencyFailed("this station has no operator screen")
    if window.kit.simulators.scanner is None or window.kit.wedge is None:
        raise LatencyFailed("the bench needs a simulated serial scanner and a keyboard wedge")
    _log_in(window)
    # each answer with the moment it was shown and when its call returned on the worker
    # thread (read at once: the screen's reload after a step is the runner's next call)
    answers: list[tuple[int, object, int]] = []
    op.answered.connect(
        lambda what: answers.append((time.monotonic_ns(), what, window.runner.last_done_ns))
    )
    samples: list[Sample] = []
    for n, serial in enumerate(units.serials):
        path = "serial" if n % 2 == 0 else "wedge"  # not a code: the scanner path
        scans = (serial, f"]C0{units.housings[n]}", f"]C0{units.board_lot}")
        kinds = ("load", "consume", "consume")  # not a code: what a sample measures
        for kind, text in zip(kinds, scans, strict=True):
            samples.append(_one(window, op, answers, path, kind, text))
    return samples


def as_json(samples: list[Sample]) -> list[dict[str, Any]]:
    return [asdict(s) for s in samples]


# -- inside ----------------------------------------------------------------------------------


def _one(
    window: MainWindow,
    op: OperatorScreen,
    answers: list[tuple[int, object, int]],
    path: str,
    kind: str,
    text: str,
) -> Sample:
    _settle(window, op)
    before = len(answers)
    window.runner.last_done_ns = 0
    if path == "serial":  # not a code: the scanner path
        scanner = window.kit.simulators.scanner
        assert scanner is not None
        sent_ns = scanner.scan(text)
    else:
        QTest.keyClicks(window, text)
        sent_ns = time.monotonic_ns()
        QTest.keyClick(window, Qt.Key.Key_Return)
    if not _wait(lambda: len(answers) > before):
        raise LatencyFailed(
            f"no answer within {TIMEOUT:g} s to the {path} scan {text!r}: the screen says "
            f"{op.result.title.text()} {op.result.detail.text()}"
        )
    shown_ns, what, done_ns = answers[before]
    if isinstance(what, Refusal):
        raise LatencyFailed(f"the {path} scan {text!r} was refused: {op.result.detail.text()}")
    consumed = kind == "consume"  # not a code: what the sample measures
    commit = (done_ns - sent_ns) / 1e6 if consumed and done_ns else None
    return Sample(path, kind, commit, (shown_ns - sent_ns) / 1e6)


def _settle(window: MainWindow, op: OperatorScreen) -> None:
    """Wait until the screen has finished everything it started (the reload after a step)."""
    if not _wait(lambda: not (window.runner.pending or op.busy or op.queue)):
        raise LatencyFailed("the operator screen stayed busy")
    window.setFocus()


def _wait(done: Callable[[], bool]) -> bool:
    """Run the window's event loop until ``done()`` (checked every few milliseconds) or the
    time-out; False on time-out.

    The loop sleeps between events as the station's own event loop does. A loop that spun on
    ``processEvents`` would hold the interpreter lock against the worker thread that runs the
    use case and add its own waits to every database round trip it measures."""
    if done():
        return True
    deadline = time.monotonic() + TIMEOUT
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)

    def check() -> None:
        if done() or time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return done()


def _log_in(window: MainWindow) -> None:
    login = window.login_screen
    login.username.setText("olga")
    login.password.setText(PASSWORD)
    login.password_button.click()
    if not _wait(lambda: window.session is not None):
        raise LatencyFailed(f"olga could not log in: {login.result.detail.text()}")


def _as(base: Context, username: str) -> tuple[Context, LoginSession]:
    login = identity.login(base, username, PASSWORD)
    return base.as_actor(login.actor), login


def _range(first: str, last: str) -> tuple[str, ...]:
    head = first.rstrip("0123456789")
    low, high = first[len(head) :], last[len(head) :]
    return tuple(f"{head}{n:0{len(low)}d}" for n in range(int(low), int(high) + 1))
