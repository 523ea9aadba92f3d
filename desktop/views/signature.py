"""The electronic signature dialog (21 CFR Part 11 11.50, 11.200).

It names what is being signed and the meaning of the signature, asks for the user name and
password at the first signing of a continuous session (the password alone after), runs the
signing use case on a worker thread, and afterwards shows the printed name, date, time and
meaning. A refused signature (wrong password, not allowed) stays in the dialog until the person
tries again or cancels. Keyboard: Enter signs (or closes once signed), Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.permissions import Meaning
from desktop.domain.vocabulary import words_of
from desktop.services.core.context import LoginSession
from desktop.services.core.errors import Refusal
from desktop.services.identity import SignatureInfo
from desktop.views import theme
from desktop.views.tasks import Runner
from desktop.views.widgets import BigButton, ResultPanel, hbox, label, panel
from desktop.views.words import shown

#: sign(username or None, password, reason) -> the use case's result (runs on a worker thread)
SignFn = Callable[[str | None, str, str], Any]


class SignatureDialog(QDialog):
    """``open()`` it; ``signed`` carries the use case's result once the signature is made."""

    signed = Signal(object)

    def __init__(
        self,
        runner: Runner,
        *,
        what: str,
        meaning: str,
        ask_username: bool,
        sign: SignFn,
        manifestation: Callable[[Any], SignatureInfo | None],
        reason_label: str | None = None,
        signer: str = "",
        login: LoginSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner, self.sign, self.manifest = runner, sign, manifestation
        self.ask_username, self.busy, self.result_value = ask_username, False, None
        #: A signer who logged in with an authenticator code signs with one too.
        self.login = login
        self.asks_code = login is not None and login.totp_step is not None
        self.setWindowTitle(self.tr("Electronic signature"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setFixedWidth(theme.mm(180))  # a fixed width: wrapped text gets the height it needs
        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page(what, meaning, reason_label, signer))
        self.pages.addWidget(self._signed_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # ---- layout ---------------------------------------------------------------------------
    def _form_page(self, what: str, meaning: str, reason_label: str | None, signer: str) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(label(self.tr("Electronic signature"), 20, bold=True))
        self.what = label(what, 16, bold=True)
        self.meaning = label(shown(words_of(Meaning, meaning)), 16, bold=True)
        for caption, value in (
            (self.tr("You sign"), self.what),
            (self.tr("Meaning"), self.meaning),
        ):
            small = label(caption, 13)
            small.setObjectName("muted")
            column.addWidget(small)
            column.addWidget(value)
        form = QFormLayout()
        self.reason = self._edit(self.tr("Say why, in words a reviewer will understand"))
        if reason_label is not None:
            form.addRow(label(reason_label, 14), self.reason)
        self.username = self._edit(self.tr("User name"))
        self.password = self._edit(self.tr("Password"), secret=True)
        if self.ask_username:
            form.addRow(label(self.tr("User name"), 14), self.username)
        form.addRow(label(self.tr("Password"), 14), self.password)
        self.code = self._edit(self.tr("6 digits from your authenticator app"))
        if self.asks_code:
            form.addRow(label(self.tr("Authenticator code"), 14), self.code)
            self.password.returnPressed.connect(self.code.setFocus)
        column.addLayout(form)
        self.notice = ResultPanel()
        self.notice.setMinimumHeight(theme.mm(22))
        self.notice.show_idle(self._explanation(signer))
        column.addWidget(self.notice)
        self.sign_button = BigButton(self.tr("Sign") + "  [Enter]")
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self._submit)
        cancel = BigButton(self.tr("Cancel") + "  [Esc]")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        column.addLayout(hbox(self.sign_button, cancel))
        self.username.returnPressed.connect(self.password.setFocus)
        return page

    def _explanation(self, signer: str) -> str:
        if self.ask_username:
            text = self.tr(
                "First signature of this session: enter your user name and your password."
            )
        else:
            text = self.tr("You signed earlier in this session: enter your password.")
        if signer:
            text = signer
        legal = self.tr("It records name, date, time and meaning; it binds like a handwritten one.")
        return f"{text} {legal}"

    def _signed_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.signed_title = label(self.tr("✔  Signed"), 20, bold=True)
        self.signed_title.setStyleSheet(f"color: {theme.GOOD};")
        self.printed_name = label("", 16, bold=True)
        self.when = label("", 16)
        self.signed_meaning = label("", 16, bold=True)
        self.manifestation = label("", 14)
        self.manifestation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(label(self.tr("Printed name"), 14), self.printed_name)
        form.addRow(label(self.tr("Date and time"), 14), self.when)
        form.addRow(label(self.tr("Meaning"), 14), self.signed_meaning)
        box = panel()
        box.setStyleSheet(
            f"QFrame#panel {{ background: {theme.PANEL}; border: 2px solid {theme.GOOD}; }}"
            " QLabel { background: transparent; }"
        )
        inner = QVBoxLayout(box)
        inner.addWidget(self.signed_title)
        inner.addLayout(form)
        inner.addWidget(self.manifestation)
        column.addWidget(box)
        column.addStretch(1)
        self.close_button = BigButton(self.tr("Close") + "  [Enter]")
        self.close_button.clicked.connect(self.accept)
        column.addWidget(self.close_button)
        return page

    def _edit(self, placeholder: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setFont(theme.font(16))
        edit.setMinimumHeight(theme.mm(12))
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._fit_height()
        first = self.reason if self.reason.isVisibleTo(self) else None
        if first is None or first.text():
            first = self.username if self.ask_username else self.password
        first.setFocus()

    def _fit_height(self) -> None:
        """As tall as the wrapped text needs (Qt caps a new window at 2/3 of the screen)."""
        layout, screen = self.layout(), self.screen()
        need = layout.totalHeightForWidth(self.width()) if layout is not None else self.height()
        room = screen.availableGeometry().height() if screen is not None else need
        self.resize(self.width(), max(self.height(), min(need, room)))

    # ---- signing --------------------------------------------------------------------------
    def _submit(self) -> None:
        if self.busy or self.pages.currentIndex() != 0:
            return
        missing = self._missing()
        if missing is not None:
            missing.setFocus()
            return
        self.busy = True
        self.sign_button.setEnabled(False)
        self.notice.show_idle(self.tr("Signing…"))
        user = self.username.text().strip() if self.ask_username else None
        if self.asks_code and self.login is not None:  # used once, by this signature
            self.login.second_factor = self.code.text().strip()
        self.runner.run(
            self.sign,
            user,
            self.password.text(),
            self.reason.text().strip(),
            done=self._signed,
            refused=self._refused,
        )

    def _missing(self) -> QLineEdit | None:
        fields = [self.reason] if self.reason.isVisibleTo(self) else []
        fields += [self.username] if self.ask_username else []
        fields.append(self.password)
        fields += [self.code] if self.asks_code else []
        return next((f for f in fields if not f.text().strip()), None)

    def _refused(self, refusal: Refusal) -> None:
        self.busy = False
        self.sign_button.setEnabled(True)
        self.password.clear()
        self.notice.show_refused(
            self.tr("Not signed"),
            refusal.message,
            self.tr("Nothing was recorded. Try again or Esc."),
        )
        self.password.setFocus()

    def _signed(self, result: Any) -> None:
        self.busy = False
        self.result_value = result
        info = self.manifest(result)
        if info is not None:
            self.show_signature(info)
        self.pages.setCurrentIndex(1)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.signed.emit(result)

    def show_signature(self, info: SignatureInfo) -> None:
        self.printed_name.setText(f"{info.printed_name} ({info.username})")
        self.when.setText(info.signed_at.strftime("%Y-%m-%d  %H:%M:%S UTC"))
        self.signed_meaning.setText(shown(info.meaning.words))
        self.manifestation.setText(shown(info.manifestation()))

    def refuse_scan(self, text: str) -> None:
        """A scan while the dialog is open is not used: say so here, where the person looks."""
        self.notice.show_refused(
            self.tr("Scan not used"),
            self.tr('The scan "%1" was not used while this signature is open.').replace(
                "%1", text.replace("\x1d", "<GS>")
            ),
            self.tr("Sign or cancel first, then scan again."),
        )


def manifestation_of(result: Any) -> SignatureInfo | None:
    """The signature of a use case's result: its ``signature`` (a release, an NCR, a job)."""
    info = getattr(result, "signature", None)
    return info if isinstance(info, SignatureInfo) else None


__all__ = ["SignFn", "SignatureDialog", "manifestation_of"]
