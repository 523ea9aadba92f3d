"""`python -m desktop --selftest [--screenshots DIR]`: the station program walks every station
through one short flow offscreen, against a temporary database and the device simulators
(scans and weights come from the simulators through the real drivers), saves a screenshot of
every screen, and exits 0 only when every step went right."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import cast

from PySide6.QtWidgets import QApplication

from desktop.domain.plant import StationKind
from desktop.domain.quality import Disposition
from desktop.labels.zpl_check import datamatrix_data
from desktop.services.core.context import Context
from desktop.views.admin import AdminScreen
from desktop.views.operator import OperatorScreen
from desktop.views.packaging import PackagingScreen
from desktop.views.qc import QcScreen
from desktop.views.qc_tabs import NcrTab
from desktop.views.selftest_data import WalkData, prepare
from desktop.views.shell import MainWindow
from desktop.views.signature import SignatureDialog
from desktop.views.trace import TraceScreen

log = logging.getLogger(__name__)
SIZES = ((1280, 800), (1920, 1080))
PUMP_GTIN = "09506000134352"


class SelftestFailed(Exception):
    pass


class Walk:
    """Drives the window the way people and devices do, and checks what it shows."""

    def __init__(self, window: MainWindow, shots: Path | None, lang: str):
        self.window, self.shots, self.lang = window, shots, lang
        self.sims = window.kit.simulators
        self.steps: list[str] = []

    def pump(self, seconds: float = 0.05) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.01)

    def wait(self, what: str, ok: Callable[[], bool], timeout: float = 15.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            QApplication.processEvents()
            if ok():
                self.steps.append(what)
                log.info("selftest: %s", what)
                return
            time.sleep(0.02)
        shown = " ".join(self.result_text().split()) or "(nothing)"
        raise SelftestFailed(
            f"{what}: not seen within {timeout:g} s; the screen says: {shown}; "
            f"message line: {self.window.message.text() or '(empty)'}"
        )

    def settle(self) -> None:
        """Wait until the window has answered everything asked so far (as a person would)."""
        self.wait_quietly(lambda: self.window.runner.pending == 0)

    def wait_quietly(self, ok: Callable[[], bool], timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while not ok() and time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.01)
        QApplication.processEvents()

    def scan(self, text: str) -> None:
        """A scan from the simulated scanner, through the real scanner driver."""
        self.settle()
        if self.sims.scanner is None:
            raise SelftestFailed("this station's scanner is not simulated: nothing to scan with")
        self.sims.scanner.scan(text)

    def weigh(self, grams: str) -> None:
        if self.sims.scale is None:
            raise SelftestFailed("this station's scale is not simulated: nothing to weigh with")
        self.sims.scale.set_weight(grams)

    def shot(self, name: str) -> None:
        if self.shots is None:
            return
        for width, height in SIZES:
            self.window.resize(width, height)
            self.pump(0.15)
            folder = self.shots / self.lang / f"{width}x{height}"
            folder.mkdir(parents=True, exist_ok=True)
            self.window.grab().save(str(folder / f"{name}.png"))
        self.window.resize(*SIZES[0])
        self.pump(0.05)

    def result_text(self) -> str:
        screen = self.window.current_screen()
        panel = getattr(screen, "result", None)
        if panel is None:
            return ""
        return f"{panel.title.text()} {panel.detail.text()}"

    def login_badge(self, badge: str, pin: str) -> None:
        self.scan(badge)
        login = self.window.login_screen
        self.wait(f"badge {badge} read by the scanner", lambda: login.badge.text() == badge)
        login.pin.setText(pin)
        login.badge_button.click()
        self.wait("logged in by badge", lambda: self.window.session is not None)

    def login_password(self, user: str, password: str) -> None:
        login = self.window.login_screen
        login.username.setText(user)
        login.password.setText(password)
        login.password_button.click()
        self.wait(f"{user} logged in", lambda: self.window.session is not None)

    def logout(self) -> None:
        self.window.logout("selftest")
        self.wait("logged out", lambda: self.window.session is None)


def _passed(op: OperatorScreen, position: int) -> bool:
    """The screen shows step ``position`` of the unit as passed (in any language)."""
    p = op.progress
    return p is not None and any(s.position == position and s.done for s in p.steps)


def build_to_weigh(w: Walk, serial: str, housing: str, board: str) -> None:
    op = cast(OperatorScreen, w.window.screens[StationKind.OPERATOR])
    w.scan(serial)
    w.wait(f"unit {serial} loaded", lambda: serial in op.unit_line.text())
    w.scan(housing)
    w.wait(f"housing {housing} consumed", lambda: _passed(op, 1))
    w.scan(board)
    w.wait("board lot consumed", lambda: _passed(op, 2))
    op.value.setText("1.00")
    op.value.returnPressed.emit()
    w.wait("torque recorded", lambda: _passed(op, 3))


def on_scale(w: Walk, grams: str) -> None:
    op = cast(OperatorScreen, w.window.screens[StationKind.OPERATOR])
    w.weigh(grams)
    w.wait(
        f"stable {grams} g on the gauge",
        lambda: op.gauge.stable and op.gauge.weight == Decimal(grams),
    )


def walk_operator(w: Walk, data: WalkData) -> str:
    """Two pumps: the first refused a wrong part and fails its weight (NCR), the second passes
    every operator step. Returns the NCR number."""
    op = cast(OperatorScreen, w.window.screens[StationKind.OPERATOR])
    w.login_badge("B-1001", "1234")
    w.wait("operator screen shown", lambda: w.window.current_screen() is op)
    first, second = data.serials
    w.scan(first)
    w.wait(f"unit {first} loaded", lambda: first in op.unit_line.text())
    w.scan(data.board_lot)  # the wrong part for step 1: refused
    w.wait("wrong component refused", lambda: op.result.refused)
    w.shot("operator-refused")
    build_to_weigh(w, first, data.housings[0], data.board_lot)
    on_scale(w, "2431.5")  # out of tolerance: the step fails and an NCR opens
    op.record.click()
    w.wait(
        "weight out of tolerance: step failed, NCR opened",
        lambda: op.result.refused and "NCR-" in w.result_text(),
    )
    w.shot("operator-out-of-tolerance")
    w.wait("the unit shows its open NCR", lambda: bool(op.progress and op.progress.open_ncrs))
    assert op.progress is not None
    ncr = op.progress.open_ncrs[0]
    w.scan("NEXT")
    build_to_weigh(w, second, data.housings[1], data.board_lot)
    on_scale(w, "2401.5")
    w.shot("operator-weigh")
    op.record.click()
    w.wait("weight accepted", lambda: _passed(op, 4) and not op.result.refused)
    w.scan("PASS")
    w.wait("functional test passed", lambda: _passed(op, 5))
    w.shot(StationKind.OPERATOR)
    w.logout()
    return ncr


def sign(
    w: Walk,
    screen: QcScreen | PackagingScreen,
    password: str,
    username: str | None = None,
    reason: str = "",
) -> None:
    """Sign in the screen's signature dialog the way the signer would."""
    found: list[SignatureDialog] = []

    def shown() -> bool:
        dialog = screen.dialog
        if isinstance(dialog, SignatureDialog) and dialog.isVisible():
            found[:] = [dialog]
        return bool(found)

    w.wait("signature dialog open", shown)
    dialog = found[0]
    if dialog.ask_username:
        dialog.username.setText(username or "")
    if reason:
        dialog.reason.setText(reason)
    dialog.password.setText(password)
    dialog.sign_button.click()
    w.wait("signed", lambda: dialog.pages.currentIndex() == 1)
    dialog.close_button.click()
    w.wait("signature dialog closed", lambda: screen.dialog is None)


def _selected(tab: NcrTab) -> str | None:
    chosen = tab.selected()
    return getattr(chosen, "number", None)


def _ready(qc: QcScreen) -> bool:
    """The review shown has nothing blocking and the release button is offered."""
    scanned = qc.current
    button = qc.release_tab.release_button
    return scanned is not None and not scanned.review.blockers and button.isEnabled()


def walk_qc(w: Walk, data: WalkData, ncr: str) -> None:
    w.login_password("quinn", "demo-password")
    qc = cast(QcScreen, w.window.screens[StationKind.QC])
    w.wait("QC screen shown", lambda: w.window.current_screen() is qc)
    lot_label = f"]d201{PUMP_GTIN}10{data.lot}"
    w.scan(lot_label)
    w.wait("lot review shows the NCR", lambda: ncr in qc.release_tab.review.toPlainText())
    w.shot("qc-review")
    w.scan(ncr)
    tab = qc.ncr_tab
    w.wait("NCR selected", lambda: qc.tabs.currentWidget() is tab and _selected(tab) == ncr)
    tab.disposition.setCurrentIndex(tab.disposition.findData(Disposition.SCRAP))
    tab.disposition_button.click()
    sign(w, qc, "demo-password", "quinn", reason="weight out of tolerance twice: scrap")
    tab.note.setText("unit scrapped: weight out of tolerance")
    tab.close_button.click()
    w.wait("NCR closed", lambda: ncr not in [n.number for n in tab.ncrs] and not qc.result.refused)
    w.scan(lot_label)
    w.wait("lot ready for release", lambda: _ready(qc))
    qc.release_tab.release_button.click()
    sign(w, qc, "demo-password")
    w.wait(
        "lot released, manifestation shown",
        lambda: qc.current is not None and qc.current.review.release is not None,
    )
    w.shot(StationKind.QC)
    w.logout()


def walk_packaging(w: Walk, data: WalkData) -> None:
    w.login_password("pat", "demo-password")
    pack = cast(PackagingScreen, w.window.screens[StationKind.PACKAGING])
    w.wait("packaging screen shown", lambda: w.window.current_screen() is pack)
    w.scan(data.serials[1])
    w.wait("real label preview rendered", lambda: pack.preview.current is not None)
    printer = w.sims.printer
    if printer is None:
        raise SelftestFailed("this station's printer is not simulated: no label to scan back")
    before = printer.label_count
    pack.print_button.click()
    w.wait(
        "label printed by the printer simulator",
        lambda: printer.label_count > before and bool(pack.awaiting),
    )
    w.shot(StationKind.PACKAGING)
    zpl = printer.labels[-1].read_bytes()
    w.scan("]d2" + datamatrix_data(zpl))  # the label as printed, scanned back
    w.wait("label verified by scan-back", lambda: not pack.awaiting and not pack.result.refused)
    w.shot("packaging-verified")
    w.logout()


def walk_trace(w: Walk, data: WalkData) -> None:
    w.login_password("sam", "demo-password")
    w.window.open_screen(StationKind.TRACE)
    trace = cast(TraceScreen, w.window.screens[StationKind.TRACE])
    w.scan(data.serials[1])
    w.wait("unit traced", lambda: trace.view is not None)
    w.wait("housing found backward", lambda: trace.backward.topLevelItemCount() > 0)
    w.shot(StationKind.TRACE)
    w.logout()


def walk_admin(w: Walk) -> None:
    w.login_password("ada", "demo-admin-password")
    w.window.open_screen(StationKind.ADMIN)  # the Admin tab (not the first one)
    admin = cast(AdminScreen, w.window.screens[StationKind.ADMIN])
    w.wait("admin screen shown", lambda: w.window.current_screen() is admin)
    w.wait("users listed", lambda: admin.users.rowCount() >= 5)
    w.shot(StationKind.ADMIN)
    w.logout()


def run_walk(w: Walk, base: Context) -> None:
    w.shot("login")  # not a code: the screenshot's file name
    data = prepare(base)
    ncr = walk_operator(w, data)
    walk_qc(w, data, ncr)
    walk_packaging(w, data)
    walk_trace(w, data)
    walk_admin(w)


def run_selftest(window: MainWindow, base: Context, shots: Path | None, lang: str) -> int:
    """Walk every station in ``window`` (its devices started by the caller); 0 when all went
    right."""
    app = QApplication.instance()
    window.resize(*SIZES[0])
    window.show()
    walk = Walk(window, shots, lang)
    try:
        walk.wait("devices connected", window.kit.connected, timeout=20)
        run_walk(walk, base)
    except SelftestFailed as failure:
        print(f"SELFTEST FAILED after {len(walk.steps)} steps: {failure}")
        return 1
    finally:
        window.runner.wait(15_000)
        window.close()
        window.deleteLater()
        if app is not None:
            app.processEvents()
    print(f"SELFTEST OK: {len(walk.steps)} steps" + (f", screenshots in {shots}" if shots else ""))
    return 0
