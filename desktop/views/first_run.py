"""The first-run wizard: shown when a station starts with no station file, it sets the station
up (station, database, devices, first administrator) and writes the station file last; later
starts go straight to log-in. "Run the demo" leaves it without writing anything."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from desktop import first_run
from desktop.config import StationConfig
from desktop.services.core.context import Context
from desktop.views.first_run_pages import AdminPage, DatabasePage, DevicesPage, StationPage
from desktop.views.tasks import Runner


class FirstRunWizard(QWizard):
    """Station -> database -> devices -> first administrator; Finish writes the station file."""

    def __init__(
        self, station_file: Path, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.station_file = station_file
        self.runner = Runner(self)
        self.written: StationConfig | None = None
        self.demo = False
        self._ctx: Context | None = None
        self._ctx_url = ""
        self.setWindowTitle(self.tr("Set up this Lotline station"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.station = StationPage(self)
        self.station.language.setCurrentIndex(max(0, self.station.language.findData(language)))
        self.database = DatabasePage(self)
        self.devices = DevicesPage(self)
        self.admin = AdminPage(self)
        for page in (self.station, self.database, self.devices, self.admin):
            self.addPage(page)
        for button, text in (  # Qt's own words are English: the station's words instead
            (QWizard.WizardButton.BackButton, self.tr("< Back")),
            (QWizard.WizardButton.NextButton, self.tr("Next >")),
            (QWizard.WizardButton.FinishButton, self.tr("Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(button, text)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Run the demo instead"))
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.customButtonClicked.connect(self._demo)
        self.currentIdChanged.connect(self._page_changed)

    def _page_changed(self, page: int) -> None:
        self.setOption(QWizard.WizardOption.HaveCustomButton1, page == 0)

    def _demo(self) -> None:
        self.demo = True
        self.reject()

    # ---- the steps (desktop.first_run) -------------------------------------------------------
    def plan(self) -> first_run.StationPlan:
        return first_run.StationPlan(
            station=self.station.name.text().strip(),
            kind=str(self.station.kind.currentData()),
            database_url=self.database.database_url(),
            language=str(self.station.language.currentData()),
            production=self.station.production.isChecked(),
            devices=self.devices.devices(),
        )

    def open_database(self, url: str) -> None:
        if self._ctx is not None and self._ctx_url == url:
            return
        self.close_database()
        self._ctx = first_run.open_database(url, production=self.station.production.isChecked())
        self._ctx_url = url

    def ctx(self) -> Context:
        if self._ctx is None:
            raise first_run.SetupRefused("the database is not open yet: go back one page")
        return self._ctx

    def database_has_users(self) -> bool:
        return first_run.has_users(self.ctx())

    def make_admin(self, username: str, full_name: str, password: str) -> first_run.AdminMade:
        return first_run.first_admin(self.ctx(), username, full_name, password)

    def close_database(self) -> None:
        if self._ctx is not None:
            self._ctx.engine.dispose()
            self._ctx = None

    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        if self.currentPage() is not self.admin:
            return True
        try:  # the last page: the station file is written before the wizard closes
            self.written = first_run.write_station_file(self.station_file, self.plan())
        except first_run.SetupRefused as problem:
            self.admin.result.show_refused(self.tr("Station file not written"), str(problem), "")
            return False
        return True

    def done(self, result: int) -> None:
        self.runner.wait(10_000)
        self.close_database()
        super().done(result)


def run_first_run(station_file: Path, language: str = "en") -> tuple[StationConfig | None, bool]:
    """Show the wizard (the Qt application must exist, its translator installed for
    ``language``): (the station written or None, whether the person chose the demo instead)."""
    wizard = FirstRunWizard(station_file, language)
    wizard.resize(1280, 800)
    wizard.exec()
    return wizard.written, wizard.demo
