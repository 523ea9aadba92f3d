"""Pallets at the packaging station: the pallet bar (the current pallet, how many cases are on
it, the reason to unpack) and its actions: a pallet's SSCC scanned makes it current, F6 starts
a new one, a closed case scanned while a pallet is open goes onto it, F4 closes it, F3 arms an
unpack (with the reason typed) so the next case or unit scanned comes off the current pallet
(or out of the open case)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from desktop.domain.states import ItemKind, Status
from desktop.services import packing
from desktop.services.labelling import Scanned
from desktop.services.packing import ContainerView
from desktop.views.qc_tabs import key_button
from desktop.views.widgets import label
from desktop.views.words import shown

if TYPE_CHECKING:
    from desktop.views.packaging import PackagingScreen


class PalletBar(QWidget):
    """One row: the current pallet and its count, the unpack reason, the pallet's keys."""

    def __init__(self) -> None:
        super().__init__()
        self.pallet = label("", 14, bold=True, wrap=False)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("reason to unpack"))
        self.new_button = key_button(self.tr("New pallet"), "F6")
        self.close_button = key_button(self.tr("Close pallet"), "F4")
        self.unpack_button = key_button(self.tr("Unpack"), "F3")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pallet, 3)
        row.addWidget(self.reason, 2)
        for button in (self.new_button, self.close_button, self.unpack_button):
            button.setMinimumHeight(self.reason.sizeHint().height() * 2)
            row.addWidget(button, 1)
        self.show_pallet(None)

    def show_pallet(self, pallet: ContainerView | None) -> None:
        if pallet is None:
            self.pallet.setText(self.tr("No pallet: scan a pallet label, or F6 for a new one"))
            return
        count = format(pallet.count.normalize(), "f")
        self.pallet.setText(
            self.tr("Pallet SSCC %1 · %2 cases · %3")
            .replace("%1", pallet.sscc)
            .replace("%2", count)
            .replace("%3", shown(pallet.status.words))
        )


class PalletActions(QObject):
    """The current pallet: take a scanned one, start one, put closed cases on it, close it,
    unpack from it."""

    def __init__(self, screen: PackagingScreen, bar: PalletBar) -> None:
        super().__init__(screen)
        self.s, self.bar = screen, bar
        self.pallet: ContainerView | None = None
        self.unpacking = False
        bar.new_button.clicked.connect(self.new)
        bar.close_button.clicked.connect(self.close)
        bar.unpack_button.clicked.connect(self.arm_unpack)

    def handles(self, found: Scanned) -> bool:
        """Whether a scan is the pallet's business (and then acted on)."""
        if self.unpacking and found.kind in (ItemKind.CASE, ItemKind.UNIT, ItemKind.PRODUCTION_LOT):
            self._unpack(found)
            return True
        if found.kind is ItemKind.PALLET:
            self._show(found.container)
            self.s.result.show_good(self.tr("Pallet: %1").replace("%1", shown(found.item)))
            return True
        open_pallet = self.pallet is not None and self.pallet.status is Status.OPEN
        if found.kind is ItemKind.CASE and found.status is Status.CLOSED and open_pallet:
            assert self.pallet is not None
            self.s.call(
                packing.pack_case,
                f"(00){self.pallet.sscc}",
                found.scan,
                done=self._changed,
                event_id=uuid.uuid4(),
            )
            return True
        return False

    def _show(self, pallet: ContainerView | None) -> None:
        self.pallet = pallet
        self.bar.show_pallet(pallet)

    def _changed(self, pallet: ContainerView) -> None:
        self._show(pallet)
        last = pallet.contents[-1].item if pallet.contents else ""
        self.s.result.show_good(self.tr("On the pallet: %1").replace("%1", shown(last)))

    def new(self) -> None:
        self.s.call(packing.create_pallet, done=self._created, event_id=uuid.uuid4())

    def _created(self, pallet: ContainerView) -> None:
        self._show(pallet)
        self.s.result.show_good(
            self.tr("New pallet: SSCC %1").replace("%1", pallet.sscc),
            self.tr("Scan each closed case to put it on the pallet."),
        )

    def close(self) -> None:
        if self.pallet is None:
            self._no_pallet()
            return
        self.s.call(
            packing.close_pallet,
            f"(00){self.pallet.sscc}",
            done=self._closed,
            event_id=uuid.uuid4(),
        )

    def _closed(self, pallet: ContainerView) -> None:
        self._show(pallet)
        self.s.result.show_good(self.tr("Pallet closed: SSCC %1").replace("%1", pallet.sscc))

    def arm_unpack(self) -> None:
        if not self.bar.reason.text().strip():
            self.s.refuse(
                self.tr("No reason"),
                self.tr("Unpacking needs a reason."),
                self.tr("Type why in the reason field, then F3 again."),
            )
            return
        if self.pallet is None and self.s.case is None:
            self._no_pallet()
            return
        self.unpacking = True
        self.s.result.show_good(
            self.tr("Unpacking"),
            self.tr("Scan the case or unit to take out."),
        )

    def _unpack(self, found: Scanned) -> None:
        self.unpacking = False
        outer = self.pallet if found.kind is ItemKind.CASE else self.s.case
        outer = outer or self.pallet or self.s.case
        if outer is None:
            self._no_pallet()
            return
        self.s.call(
            packing.unpack,
            f"(00){outer.sscc}",
            found.scan,
            self.bar.reason.text().strip(),
            done=self._unpacked,
            event_id=uuid.uuid4(),
        )

    def _unpacked(self, container: ContainerView) -> None:
        self.bar.reason.clear()
        if container.kind is ItemKind.PALLET:
            self._show(container)
        else:
            self.s.case = container
            self.s.case_box.show_case(container)
        self.s.result.show_good(
            self.tr("Taken out of %1").replace("%1", container.sscc),
            self.tr("%1 left inside").replace("%1", format(container.count.normalize(), "f")),
        )

    def _no_pallet(self) -> None:
        self.s.refuse(
            self.tr("No pallet"),
            self.tr("There is no current pallet."),
            self.tr("Scan a pallet label, or press F6 for a new pallet."),
        )
