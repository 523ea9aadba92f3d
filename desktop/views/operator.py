"""The operator station, driven by scans alone: current unit, what to scan next (largest type),
live weight in its band, a large good/refused answer, the unit's last scans, the step list.

Keyboard: Enter records the weight or the measurement (or acknowledges a refusal), F5 pass,
F6 fail, F8 next unit. Command barcodes PASS, FAIL and NEXT do the same from the scanner.

Every step and unit lookup goes through the station's capture (the kit's ``capture``): while the
shared database is away the steps are kept in the station's journal, shown as kept (amber), an
OFFLINE banner says since when and how many wait, and when the database light is green again
the journal is sent in the background (docs/offline.md).
"""

from __future__ import annotations

import uuid
from collections import deque
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.adapters.capture import scan_capture, weight_capture
from desktop.devices import ScanEvent, WeightReading
from desktop.domain.capture import DeviceCapture
from desktop.domain.events import Outcome
from desktop.domain.offline import OfflineStep
from desktop.domain.plant import StationKind
from desktop.domain.states import Status
from desktop.domain.steps import StepKind
from desktop.services import offline, production
from desktop.services.core.context import Context
from desktop.services.core.errors import Refusal
from desktop.services.production import StepResult, UnitProgress, unit_status
from desktop.views import theme
from desktop.views.database_light import CONNECTED
from desktop.views.kit import StationKit
from desktop.views.screen import Screen
from desktop.views.tasks import Runner
from desktop.views.widgets import BigButton, ResultPanel, StepList, WeightGauge, hbox, label
from desktop.views.words import shown

#: The command barcodes an operator scans: a check step's verdict, or "done with this unit".
PASS, FAIL, NEXT = "PASS", "FAIL", "NEXT"
#: How often the station's copy of the shared database is taken afresh while online.
COPY_EVERY_MS = 10 * 60_000
OFFLINE_BG = "#F0A020"  # the OFFLINE banner's amber (with black text, a border and a word)
_STEP_FUNCTIONS = {
    production.consume_component: OfflineStep.CONSUME,
    production.record_weight: OfflineStep.WEIGHT,
    production.record_measurement: OfflineStep.MEASUREMENT,
    production.record_check: OfflineStep.CHECK,
}


class OperatorScreen(Screen):
    key = StationKind.OPERATOR
    #: The screen has answered a scan or an action: a StepResult, the UnitProgress of a unit
    #: just loaded, or the Refusal shown (tests and the latency bench wait on it).
    answered = Signal(object)

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.progress: UnitProgress | None = None
        self.unit_scan: str | None = None
        self.reading: WeightReading | None = None
        self.queue: deque[ScanEvent] = deque()
        self.busy = False
        self.capture = kit.capture
        self.database = CONNECTED  # the window's database light, as last heard
        self.capture_state: offline.CaptureState | None = None
        self.sending = False
        self._send_due = False  # the journal is to be sent once the scan under way is answered
        self._build()
        self.show_progress(None)
        self.copy_timer = QTimer(self)
        self.copy_timer.timeout.connect(self.refresh_copy)
        if self.capture is not None:
            self.copy_timer.start(COPY_EVERY_MS)

    def title(self) -> str:
        return self.tr("Operator")

    # ---- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.unit_line = label("", 16, bold=True)
        self.next_caption = label(self.tr("NEXT"), 14, bold=True)
        self.next_caption.setObjectName("muted")
        self.prompt = label("", 34, bold=True)
        self.instruction = label("", 16)
        self.gauge = WeightGauge()
        self.gauge.words = {
            "stable": self.tr("stable"),
            "unstable": self.tr("NOT STABLE"),
            "no": self.tr("no reading"),
            "out": self.tr("OUT OF TOLERANCE"),
        }
        self.value = QLineEdit()
        self.value.setFont(theme.font(24))
        self.value.setPlaceholderText(self.tr("Type the reading, then Enter"))
        self.value.returnPressed.connect(self._measure)
        self.record = BigButton(self.tr("Record weight"), "Return")
        self.record.clicked.connect(self._weigh)
        self.pass_button = BigButton(self.tr("PASS"), "F5")
        self.fail_button = BigButton(self.tr("FAIL"), "F6")
        self.pass_button.clicked.connect(lambda: self._check(True))
        self.fail_button.clicked.connect(lambda: self._check(False))
        self.next_button = BigButton(self.tr("Next unit"), "F8")
        self.next_button.clicked.connect(self.clear_unit)
        self.result = ResultPanel()
        self.steps = StepList()
        self.history = QListWidget()
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setWordWrap(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._arrange()

    def _arrange(self) -> None:
        self.banner = label("", 16, bold=True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(
            f"background: {OFFLINE_BG}; color: #000000; padding: 0px; border: 3px solid #000000;"
        )
        self.banner.setVisible(False)
        left = QVBoxLayout()
        left.addWidget(self.unit_line)
        left.addWidget(self.next_caption)
        left.addWidget(self.prompt)
        left.addWidget(self.instruction)
        left.addWidget(self.gauge)
        left.addWidget(self.value)
        left.addLayout(hbox(self.record, self.pass_button, self.fail_button))
        left.addWidget(self.result, 1)
        right = QVBoxLayout()
        right.addWidget(label(self.tr("Steps"), 15, bold=True))
        right.addWidget(self.steps, 3)
        right.addWidget(label(self.tr("Last scans of this unit"), 15, bold=True))
        right.addWidget(self.history, 2)
        right.addWidget(self.next_button)
        grid = QGridLayout(self)
        left_box, right_box = QWidget(), QWidget()
        for column in (left, right):  # the grid's margins are enough: room for the banner
            column.setContentsMargins(0, 0, 0, 0)
        left_box.setLayout(left)
        right_box.setLayout(right)
        grid.addWidget(self.banner, 0, 0, 1, 2)
        grid.addWidget(left_box, 1, 0)
        grid.addWidget(right_box, 1, 1)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    # ---- showing ------------------------------------------------------------------------
    def show_progress(self, progress: UnitProgress | None) -> None:
        self.progress = progress
        kind = progress.next_step.kind if progress and progress.next_step else None
        if progress is not None and progress.status is Status.NONCONFORMING:
            kind = None  # nothing can be done at the bench until QC decides
        self.gauge.setVisible(kind is StepKind.WEIGH)
        self.record.setVisible(kind is StepKind.WEIGH)
        self.value.setVisible(kind is StepKind.INSPECT)
        self.pass_button.setVisible(kind is StepKind.CHECK)
        self.fail_button.setVisible(kind is StepKind.CHECK)
        if progress is None:
            self.unit_line.setText(self.tr("No unit"))
            self.prompt.setText(self.tr("Scan a unit"))
            self.instruction.setText(
                self.tr("Scan the serial label of the unit (or the lot label).")
            )
            self.steps.show_steps([])
            self.history.clear()
            return
        wo = f" · {progress.work_order}" if progress.work_order else ""
        unit, status = shown(progress.unit), shown(progress.status.words)
        self.unit_line.setText(f"{unit} · {progress.product}{wo} · {status}")
        prompt = shown(progress.scan_next)
        self.prompt.setText(prompt)
        self.prompt.setFont(theme.font(34 if _width(prompt) <= 32 else 22, bold=True))
        same = progress.instruction.strip() == progress.scan_next.strip()
        self.instruction.setText("" if same else shown(progress.instruction))
        if progress.next_step is not None and kind is StepKind.WEIGH:
            self._set_band(progress)
        failed = progress.status is Status.NONCONFORMING
        self.steps.show_steps(
            [(s.position, s.name, _state(s.done, s.current, failed)) for s in progress.steps]
        )
        self.history.clear()
        for e in progress.events:
            mark = "✔" if e.outcome is Outcome.OK else "✖"
            when = e.at.astimezone().strftime("%H:%M:%S")
            what = e.step or shown(e.kind.words)
            self.history.addItem(f"{mark} {when}  {what}: {shown(e.summary)}")
        if kind is StepKind.INSPECT:
            self.value.setFocus()

    def _set_band(self, progress: UnitProgress) -> None:
        step = progress.next_step
        params = getattr(step, "parameters", None) or {}
        lower, upper = params.get("lower"), params.get("upper")
        self.gauge.set_band(_dec(lower), _dec(upper), str(params.get("unit", "g")))

    def show_result(self, result: StepResult) -> None:
        if result.ok and result.pending:
            self.result.show_kept(
                result.message, self.tr("Kept at this station, sent when the database is back.")
            )
        elif result.ok:
            self.result.show_good(result.message, result.next_instruction or "")
        else:
            hint = self.tr("Nonconformance %1 is open: put the unit aside for QC.").replace(
                "%1", result.ncr_number or "?"
            )
            self.result.show_refused(self.tr("Step failed"), result.message, hint)
        self.answered.emit(result)
        self._reload()
        if result.pending or (self.capture_state is not None and self.capture_state.offline):
            self._look_at_capture()  # the banner's count (online, nothing changes it)

    def show_refusal(self, refusal: Refusal) -> None:
        self.result.show_refused(
            self.tr("Refused"),
            refusal.message,
            self.tr("Nothing was recorded for this scan. Scan again, or press Enter."),
        )
        self.answered.emit(refusal)
        self._done()
        if self.capture is not None and self.capture.capturing_offline:
            self._look_at_capture()

    # ---- input --------------------------------------------------------------------------
    def on_scan(self, scan: ScanEvent) -> None:
        self.queue.append(scan)
        if not self.busy:
            self._next_scan()

    def _next_scan(self) -> None:
        if not self.queue or self.ctx is None:
            return
        scan = self.queue.popleft()
        self.result.acknowledge()
        command = scan.text.strip().upper()
        if command == NEXT:
            self.clear_unit()
            self._next_scan()
        elif command in (PASS, FAIL):
            self._check(command == PASS, scan_capture(scan))
        elif self._wants_component():
            self._call(
                production.consume_component,
                self.unit_scan,
                scan.symbol_text,
                done=self.show_result,
                event_id=uuid.uuid4(),
                capture=scan_capture(scan),
            )
        else:
            self.unit_scan = scan.symbol_text
            self._call(self._unit_status, self.unit_scan, done=self._loaded)

    def _wants_component(self) -> bool:
        p = self.progress
        wanted = p and p.next_step and p.next_step.kind is StepKind.SCAN_COMPONENT
        return bool(wanted and self.unit_scan)

    def on_weight(self, reading: WeightReading) -> None:
        self.reading = reading
        self.gauge.set_reading(reading.value, reading.unit, reading.stable)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.result.refused:
            self.result.acknowledge()
            self.result.show_idle("")
            return
        super().keyPressEvent(event)

    def _weigh(self) -> None:
        if self.result.refused:
            self.result.acknowledge()
        r = self.reading
        if r is None or r.value is None or self.unit_scan is None:
            self.result.show_refused(
                self.tr("No reading"),
                self.tr("The scale has sent no weight yet."),
                self.tr("Check the scale is on and connected."),
            )
            return
        self._call(
            production.record_weight,
            self.unit_scan,
            r.value,
            r.unit,
            r.stable,
            done=self.show_result,
            event_id=uuid.uuid4(),
            capture=weight_capture(r),
        )

    def _measure(self) -> None:
        if self.unit_scan is None or self.ctx is None:
            return
        typed = self.value.text()
        text = typed.strip().replace(",", ".")
        try:
            value = Decimal(text)
        except InvalidOperation:
            self.result.show_refused(
                self.tr("Not a number"),
                self.tr('"%1" is not a number.').replace("%1", text),
                self.tr("Type the reading as digits, e.g. 1.02"),
            )
            return
        self.value.clear()
        self._call(
            production.record_measurement,
            self.unit_scan,
            value,
            done=self.show_result,
            event_id=uuid.uuid4(),
            capture=DeviceCapture(
                f"keyboard {self.ctx.actor.station}", typed.encode("utf-8"), datetime.now(UTC)
            ),
        )

    def _check(self, passed: bool, capture: DeviceCapture | None = None) -> None:
        """The verdict from F5/F6 (no device) or from a PASS/FAIL scan (``capture``)."""
        if self.unit_scan is None:
            return
        self._call(
            production.record_check,
            self.unit_scan,
            passed,
            done=self.show_result,
            event_id=uuid.uuid4(),
            capture=capture,
        )

    def clear_unit(self) -> None:
        self.unit_scan = None
        self.show_progress(None)
        self.result.show_idle(self.tr("Ready for the next unit."))

    # ---- background calls ---------------------------------------------------------------
    def _call(self, fn: Any, *args: Any, done: Any, **kwargs: Any) -> None:
        """Run a step or a look-up in the background; a production step goes through the
        station's capture (journal and copy while the database is away) when it has one."""
        assert self.ctx is not None
        self.busy = True
        ctx, capture, step = self.ctx, self.capture, _STEP_FUNCTIONS.get(fn)

        def work() -> Any:
            if capture is not None and step is not None:
                return capture.step(ctx, step, *args, **kwargs)
            return fn(ctx, *args, **kwargs)

        def finished(result: Any) -> None:
            done(result)
            self._done()

        self.runner.run(work, done=finished, refused=self.show_refusal)

    def _done(self) -> None:
        self.busy = False
        if self.queue:
            self._next_scan()
        elif self._send_due:
            self._send_due = False
            self._look_at_capture()

    def _loaded(self, progress: UnitProgress) -> None:
        self.show_progress(progress)
        self.result.show_good(self.tr("Unit loaded"), progress.unit)
        self.answered.emit(progress)

    def _reload(self) -> None:
        if self.unit_scan and self.ctx is not None:
            self.busy = True
            ctx, scan = self.ctx, self.unit_scan
            self.runner.run(
                lambda: self._unit_status(ctx, scan),
                done=self._reloaded,
                refused=self.show_refusal,
            )

    def _reloaded(self, progress: UnitProgress) -> None:
        self.show_progress(progress)
        self._done()

    def refresh(self) -> None:
        if self.unit_scan:
            self._reload()

    def activate(self, ctx: Context, login: Any) -> None:
        first = self.ctx is None or self.login is not login
        super().activate(ctx, login)
        if self.capture is not None and first:
            self.refresh_copy()  # after log-in: a fresh copy to check against if the database goes
            self._look_at_capture()

    def _unit_status(self, ctx: Context, scan: str) -> UnitProgress:
        if self.capture is not None:
            return self.capture.unit_status(ctx, scan)
        return unit_status(ctx, scan)

    # ---- capture while the shared database is away ---------------------------------------
    def refresh_copy(self) -> None:
        """Take the station's copy afresh in the background (only while nothing is unsent)."""
        capture, ctx = self.capture, self.ctx
        if capture is None or ctx is None or capture.capturing_offline or self.sending:
            return
        self.runner.run(capture.refresh_copy, ctx, refused=lambda _refusal: None)

    def on_database(self, state: str) -> None:
        self.database = state
        if state == CONNECTED:
            self._look_at_capture()

    def _look_at_capture(self) -> None:
        """Read the capture's state in the background; show it, and send the journal when the
        database light is green and steps wait."""
        capture = self.capture
        if capture is None:
            return
        self.runner.run(capture.state, done=self._show_capture)

    def _show_capture(self, state: offline.CaptureState) -> None:
        self.capture_state = state
        self._show_banner()
        waiting = state.pending > 0
        if waiting and self.database == CONNECTED and not self.sending and self.ctx is not None:
            if self.busy:
                self._send_due = True
            else:
                self._send()

    def _show_banner(self) -> None:
        state = self.capture_state
        if state is None or not (state.offline or self.sending):
            self.banner.setVisible(False)
            self.next_caption.setVisible(True)
            return
        if state.since is not None:
            text = self.tr("OFFLINE since %1 — %2 steps kept at this station")
            text = text.replace("%1", state.since.astimezone().strftime("%H:%M"))
        else:
            text = self.tr("OFFLINE — %2 steps kept at this station")
        text = text.replace("%2", str(state.pending))
        if self.sending:
            text += " — " + self.tr("sending…")
        self.banner.setText(f"⚠  {text}")
        self.banner.setVisible(True)
        self.next_caption.setVisible(False)  # the banner takes its height: 1280x800 still fits

    def _send(self) -> None:
        capture, ctx = self.capture, self.ctx
        assert capture is not None and ctx is not None
        self.sending = self.busy = True  # scans wait in the queue until the journal is sent
        self._show_banner()

        def work() -> offline.SyncReport | str:
            try:
                return capture.sync(ctx)
            except offline.JournalBroken as broken:  # words for the person, never a traceback
                return str(broken)

        self.runner.run(work, done=self._sent, refused=self._not_sent)

    def _sent(self, report: offline.SyncReport | str) -> None:
        self.sending = self.busy = False
        if isinstance(report, str):
            self.result.show_refused(
                self.tr("The station's journal does not verify"),
                report,
                self.tr("Nothing was sent. Keep the station as it is and call quality."),
            )
        elif report.left == 0:
            self.result.show_good(self._sent_words(report), self.tr("The database is back."))
        self.answered.emit(report)
        if self.capture is not None:
            self.runner.run(self.capture.state, done=self._after_sending)
        self._done()

    def _sent_words(self, report: offline.SyncReport) -> str:
        """ "3 steps sent, 1 conflict for the supervisor" (singular and plural in words)."""
        if report.sent == 1:
            sent = self.tr("1 step sent")
        else:
            sent = self.tr("%1 steps sent").replace("%1", str(report.sent))
        if report.conflicts == 0:
            waits = self.tr("no conflict")
        elif report.conflicts == 1:
            waits = self.tr("1 conflict for the supervisor")
        else:
            waits = self.tr("%1 conflicts for the supervisor").replace("%1", str(report.conflicts))
        return self.tr("%1, %2").replace("%1", sent).replace("%2", waits)

    def _after_sending(self, state: offline.CaptureState) -> None:
        self.capture_state = state
        self._show_banner()
        if self.unit_scan and not self.busy:
            self._reload()

    def _not_sent(self, refusal: Refusal) -> None:
        """The database went away again while sending: the rest stays in the journal."""
        self.sending = self.busy = False
        if self.capture is not None:
            self.runner.run(self.capture.state, done=self._after_sending)
        self._done()


def _width(text: str) -> int:
    """How wide ``text`` reads in Latin letters (a CJK character takes about two)."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in text)


def _dec(value: Any) -> Decimal | None:
    try:
        return None if value is None else Decimal(str(value))
    except InvalidOperation:
        return None


def _state(done: bool, current: bool, failed: bool) -> str:
    if done:
        return "done"
    if current:
        return "failed" if failed else "current"  # not a code: how a step row looks
    return "todo"
