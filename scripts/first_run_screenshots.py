"""Screenshots of the first-run wizard's pages (1280x800, offscreen), in English and Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/first_run_screenshots.py docs/screenshots

Writes <folder>/<language>/1280x800/first-run-<page>.png. The wizard runs against an embedded
database in a temporary folder (its keys too); nothing of this computer's set-up is touched.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from pathlib import Path


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def shoot(folder: Path, language: str) -> list[Path]:
    from desktop.views.first_run import FirstRunWizard
    from desktop.views.station import application, install_language

    app = application(language)
    install_language(app, language)
    out = folder / language / "1280x800"
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="lotline-shots-") as tmp:
        wizard = FirstRunWizard(Path(tmp) / "station.toml", language)
        wizard.resize(1280, 800)
        wizard.show()

        def grab(name: str) -> None:
            app.processEvents()
            path = out / f"first-run-{name}.png"
            wizard.grab().save(str(path))
            written.append(path)

        wizard.station.name.setText("pack-2")
        wizard.station.kind.setCurrentIndex(wizard.station.kind.findData("packaging"))
        grab("station")
        wizard.next()
        db = wizard.database
        db.shared.click()
        db.url.setText(f"postgresql://lotline:secret@127.0.0.1:{_closed_port()}/lotline")
        db.run_test()
        wizard.runner.wait(20_000)
        grab("database-refused")
        db.embedded.click()
        db.run_test()
        wizard.runner.wait(20_000)
        grab("database")
        wizard.next()
        dev = wizard.devices
        dev.list_ports()
        wizard.runner.wait(10_000)
        dev.urls["printer"].setCurrentText("socket://10.20.0.41:9100")
        dev.test_device("scale")
        grab("devices")
        dev.urls["printer"].setCurrentText("sim")
        wizard.next()
        admin = wizard.admin
        admin.username.setText("irene")
        admin.full_name.setText("Irene Admin")
        admin.password.setText("Harbour-lantern-47")
        admin.again.setText("Harbour-lantern-47")
        admin.make_admin()
        grab("admin")
        wizard.done(0)
    return written


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(argv[1]) if len(argv) > 1 else Path("docs/screenshots")
    with tempfile.TemporaryDirectory(prefix="lotline-home-") as home:
        os.environ["XDG_CONFIG_HOME"] = str(Path(home) / "config")
        for language in ("en", "zh_CN"):  # each on its own new embedded database
            os.environ["XDG_DATA_HOME"] = str(Path(home) / f"data-{language}")
            for path in shoot(folder, language):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
