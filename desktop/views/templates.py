"""Label templates for regulatory and QC: every registered version with its status, the real
render of the selected version with sample data, registering a template file as the next draft
version, and approving a draft with an electronic signature (the approved version it supersedes
is retired; packaging prints only the approved version).

Keyboard: Enter in the list previews the version; F4 chooses a template file, F6 registers it,
F9 approves the selected draft (signed), F5 refreshes; Enter or Esc acknowledges a refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from desktop.devices import ScanEvent
from desktop.domain.labelling import TemplateStatus
from desktop.domain.permissions import Meaning
from desktop.services import labelling
from desktop.services.labelling import TemplatePreview, TemplateVersionView
from desktop.views.acting_screen import ActingScreen
from desktop.views.kit import StationKit
from desktop.views.packaging_parts import LabelView
from desktop.views.qc_tabs import key_button
from desktop.views.signature import SignatureDialog, manifestation_of
from desktop.views.tables import Table
from desktop.views.tasks import Runner
from desktop.views.widgets import ResultPanel, hbox, label
from desktop.views.words import shown


class TemplatesScreen(ActingScreen):
    key = "templates"

    def __init__(self, runner: Runner, kit: StationKit, *, embedded: bool = False) -> None:
        """``embedded``: a tab of another screen (QC), which owns the function keys: the
        buttons are then reached with Tab and Space instead."""
        super().__init__(runner, kit)
        self.versions: list[TemplateVersionView] = []
        self.preview: TemplatePreview | None = None
        self.dialog: SignatureDialog | None = None
        self.embedded = embedded
        self._build()
        if embedded:
            self.next_caption.hide()
            for button in (
                self.choose_button,
                self.register_button,
                self.refresh_button,
                self.approve_button,
            ):
                button.setText(button.text().rsplit("  [", 1)[0])
                button.setShortcut(QKeySequence())
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        else:
            self._keys()
        self.show_prompt()

    def title(self) -> str:
        return self.tr("Label templates")

    # ---- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.next_caption = label(self.tr("NEXT"), 13, bold=True, wrap=False)
        self.next_caption.setObjectName("muted")
        self.prompt = label("", 22, bold=True)
        self.table = Table(
            [self.tr("Template"), self.tr("Version"), self.tr("Status"), self.tr("Approved")]
        )
        self.file = QLineEdit()
        self.file.setPlaceholderText(self.tr("Template file (JSON)"))
        self.choose_button = key_button(self.tr("Choose file…"), "F4")
        self.register_button = key_button(self.tr("Register as draft"), "F6")
        self.refresh_button = key_button(self.tr("Refresh"), "F5")
        self.approve_button = key_button(self.tr("Approve (sign)"), "F9")
        self.heading = label(self.tr("Preview with sample data"), 16, bold=True)
        self.view = LabelView()
        self.sample = label("", 12)
        self.sample.setObjectName("muted")
        self.description = label("", 13)
        self.result = ResultPanel()
        left = QVBoxLayout()
        left.addWidget(label(self.tr("Versions (Enter previews)"), 14, bold=True))
        left.addWidget(self.table, 1)
        left.addLayout(hbox(self.file, self.choose_button))
        left.addLayout(hbox(self.register_button, self.refresh_button))
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.view, 1)
        right.addWidget(self.description)
        right.addWidget(self.sample)
        right.addWidget(self.approve_button)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 5)
        row = QHBoxLayout()
        row.addWidget(self.next_caption)
        row.addWidget(self.prompt, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addLayout(grid, 1)
        column.addWidget(self.result)
        self.table.activated.connect(lambda *_: self.preview_selected())
        self.choose_button.clicked.connect(self.choose_file)
        self.register_button.clicked.connect(self.register)
        self.refresh_button.clicked.connect(self.refresh)
        self.approve_button.clicked.connect(self.approve)

    def _keys(self) -> None:
        actions: dict[str, Callable[[], None]] = {
            "F4": self.choose_file,
            "F5": self.refresh,
            "F6": self.register,
            "F9": self.approve,
        }
        for key, slot in actions.items():
            QShortcut(QKeySequence(key), self, slot)

    def show_prompt(self) -> None:
        current = self.preview.version if self.preview else None
        if current is None:
            text = self.tr("Choose a version to preview it")
        elif current.status == TemplateStatus.DRAFT:
            text = (
                self.tr("Check the preview, then approve it")
                if self.embedded
                else self.tr("Check the preview, then approve (F9)")
            )
        else:
            text = (
                self.tr("Choose a draft to approve, or register a new version")
                if self.embedded
                else self.tr("Choose a draft to approve, or register a new version (F6)")
            )
        self.prompt.setText(text)

    # ---- list and preview -----------------------------------------------------------------
    def refresh(self) -> None:
        self.call(labelling.template_versions, done=self.show_versions)

    def show_versions(self, versions: Sequence[TemplateVersionView]) -> None:
        self.versions = list(versions)
        rows = []
        for v in self.versions:
            signed = v.signature.manifestation() if v.signature else ""
            rows.append((v.name, str(v.version), shown(TemplateStatus(v.status).words), signed))
        self.table.fill(rows)
        if self.preview is not None:
            self._select(self.preview.version.name, self.preview.version.version)

    def _select(self, name: str, version: int) -> None:
        for row, v in enumerate(self.versions):
            if (v.name, v.version) == (name, version):
                self.table.selectRow(row)

    def selected(self) -> TemplateVersionView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.versions[rows[0].row()] if rows else None

    def preview_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.call(
                labelling.template_preview, chosen.name, chosen.version, done=self.show_preview
            )

    def show_preview(self, preview: TemplatePreview) -> None:
        self.preview = preview
        v = preview.version
        status = shown(TemplateStatus(v.status).words)
        self.heading.setText(
            self.tr("%1 version %2 · %3")
            .replace("%1", v.name)
            .replace("%2", str(v.version))
            .replace("%3", status)
        )
        self.view.show_png(preview.png)
        self.description.setText(v.description)
        sample = " · ".join(f"{k} {value}" for k, value in preview.sample.items())
        self.sample.setText(self.tr("Sample data: %1").replace("%1", sample))
        self._select(v.name, v.version)
        self.show_prompt()

    # ---- register and approve -------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Label template file"), "", self.tr("Label templates (*.json)")
        )
        if path:
            self.file.setText(path)

    def register(self) -> None:
        path = self.file.text().strip()
        if not path:
            self.refuse(
                self.tr("No file"),
                self.tr("A new version is registered from a template file."),
                self.tr("Choose the template file (F4), then register it (F6)."),
            )
            return
        self.call(labelling.register_template_file, path, done=self._registered)

    def _registered(self, view: TemplateVersionView) -> None:
        self.file.clear()
        self.result.show_good(
            self.tr("%1 version %2 registered as a draft")
            .replace("%1", view.name)
            .replace("%2", str(view.version)),
            self.tr("Check its preview, then approve it (F9)."),
        )
        self.call(labelling.template_preview, view.name, view.version, done=self.show_preview)
        self.refresh()

    def approve(self) -> None:
        chosen = self.preview.version if self.preview else self.selected()
        if chosen is None:
            self.refuse(
                self.tr("No version chosen"),
                self.tr("Approval signs one version of one template."),
                self.tr("Choose the version in the list and check its preview first."),
            )
            return
        if self.login is None or self.ctx is None:
            return
        ctx, login, name, number = self.ctx, self.login, chosen.name, chosen.version

        def sign(user: str | None, password: str, _reason: str) -> TemplateVersionView:
            return labelling.approve_template(ctx, login, name, number, password, username=user)

        what = self.tr("Label template %1 version %2").replace("%1", name)
        what = what.replace("%2", str(number))
        older = [
            v.version
            for v in self.versions
            if v.name == name and v.status == TemplateStatus.APPROVED
        ]
        if older:
            what += " " + self.tr("(supersedes version %1)").replace("%1", str(older[-1]))
        self.dialog = SignatureDialog(
            self.runner,
            what=what,
            meaning=Meaning.TEMPLATE_APPROVED.value,
            ask_username=login.signings == 0,
            sign=sign,
            manifestation=manifestation_of,
            parent=self,
        )
        self.dialog.signed.connect(self._approved)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _approved(self, view: TemplateVersionView) -> None:
        self.result.show_good(
            self.tr("%1 version %2 approved")
            .replace("%1", view.name)
            .replace("%2", str(view.version)),
            view.signature.manifestation() if view.signature else "",
        )
        self.call(labelling.template_preview, view.name, view.version, done=self.show_preview)
        self.refresh()

    def _dialog_closed(self, _code: int) -> None:
        self.dialog = None
        self.window().activateWindow()
        self.setFocus()

    # ---- scans and plumbing ---------------------------------------------------------------
    def on_scan(self, scan: ScanEvent) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refuse_scan(scan.text)
            return
        self.result.show_idle(self.tr("Templates are chosen in the list; scans are not used here."))
