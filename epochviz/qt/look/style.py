"""The application's look (Fusion style, projector-sized font, icon) and its Qt message filter.

Applied by ``make_application`` and again, once, by every ``MainWindow``, so a
script that builds its own plain ``QApplication`` gets the same window.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, qInstallMessageHandler
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

ICON = Path(__file__).resolve().parents[2] / "resources" / "epochviz.svg"
BASE_POINT_SIZE = 11

# Harmless notices of Qt's offscreen platform (used for screenshots and tests).
_SILENCED_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
_LOOK_APPLIED = "epochvizLookApplied"


def _qt_message(mode, context, message: str) -> None:
    if message not in _SILENCED_QT_MESSAGES:
        sys.stderr.write(f"{message}\n")


def apply_look(app: QCoreApplication) -> None:
    """Give ``app`` epochviz's style, font and icon (once; later calls do nothing)."""
    if app.property(_LOOK_APPLIED):
        return
    app.setProperty(_LOOK_APPLIED, True)
    qInstallMessageHandler(_qt_message)
    if not isinstance(app, QApplication):
        return
    app.setDesktopFileName("epochviz")
    app.setWindowIcon(QIcon(str(ICON)))
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
