"""The log-in step that replaces a password an administrator gave (production): the given
password, the new one twice (and the authenticator code where the person has one); nothing
else is open until it is done, and cancelling logs out."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.services import identity
from desktop.services.core.context import Context, LoginSession
from desktop.services.core.errors import Refusal
from desktop.views import theme
from desktop.views.tasks import Runner
from desktop.views.widgets import BigButton, ResultPanel, hbox, label


class PasswordChangeDialog(QDialog):
    """``open()`` it; ``changed`` is emitted with the log-in once the new password is set."""

    changed = Signal(object)

    def __init__(
        self, runner: Runner, base: Context, login: LoginSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner, self.base, self.login, self.busy = runner, base, login, False
        self.setWindowTitle(self.tr("Choose your password"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setFixedWidth(theme.mm(170))
        column = QVBoxLayout(self)
        column.addWidget(label(self.tr("Choose your own password"), 20, bold=True))
        column.addWidget(
            label(
                self.tr(
                    "Your password was given to you by an administrator. Choose your own "
                    "before you go on: 12 characters or more, not a common one."
                ),
                14,
            )
        )
        form = QFormLayout()
        self.old, self.new, self.again, self.code = (self._edit(True) for _ in range(4))
        self.code.setEchoMode(QLineEdit.EchoMode.Normal)
        form.addRow(label(self.tr("Given password"), 14), self.old)
        form.addRow(label(self.tr("New password"), 14), self.new)
        form.addRow(label(self.tr("New password again"), 14), self.again)
        self.asks_code = login.totp_step is not None
        if self.asks_code:
            form.addRow(label(self.tr("Authenticator code"), 14), self.code)
        column.addLayout(form)
        self.notice = ResultPanel()
        self.notice.show_idle(self.tr("Enter the password you were given, then your new one."))
        column.addWidget(self.notice)
        self.ok = BigButton(self.tr("Set password") + "  [Enter]")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._submit)
        cancel = BigButton(self.tr("Log out") + "  [Esc]")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        column.addLayout(hbox(self.ok, cancel))

    def _edit(self, secret: bool) -> QLineEdit:
        edit = QLineEdit()
        edit.setMinimumHeight(theme.mm(11))
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _submit(self) -> None:
        if self.busy:
            return
        fields = [self.old, self.new, self.again] + ([self.code] if self.asks_code else [])
        empty = next((f for f in fields if not f.text()), None)
        if empty is not None:
            empty.setFocus()
            return
        if self.new.text() != self.again.text():
            self.notice.show_refused(
                self.tr("Not changed"),
                self.tr("the two new passwords differ"),
                self.tr("Type the new password twice, the same."),
            )
            self.again.clear()
            self.again.setFocus()
            return
        self.busy = True
        self.ok.setEnabled(False)
        self.runner.run(
            identity.change_password,
            self.base,
            self.login.actor.username,
            self.old.text(),
            self.new.text(),
            self.code.text().strip() or None,
            done=self._changed,
            refused=self._refused,
        )

    def _changed(self, _result: object) -> None:
        self.login.must_change_password = False
        self.changed.emit(self.login)
        self.accept()

    def _refused(self, refusal: Refusal) -> None:
        self.busy = False
        self.ok.setEnabled(True)
        for edit in (self.new, self.again, self.code):
            edit.clear()
        self.notice.show_refused(
            self.tr("Not changed"), refusal.message, self.tr("Try again, or log out.")
        )
        self.new.setFocus()


__all__ = ["PasswordChangeDialog"]
