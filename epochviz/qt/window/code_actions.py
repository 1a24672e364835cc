"""View > Code and File > Save as Python script: the code view's two menu entries and their keys.

``CodeActions`` shows or hides a ``CodeView`` (Ctrl+Shift+C) through the
``show`` it is given (the layout decides where the view goes), and saves the
shown style's complete script for the current set-up (Ctrl+Shift+S), whole or
not at all, with one line in the status bar either way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from epochviz.core.run_log import ExportError, write_text_atomically
from epochviz.qt.views.code_view import CodeView
from epochviz.qt.window.exports import SAID_MS, ask_save_path
from epochviz.text.translations import explain, translate
from epochviz.qt.widgets.language_watch import reword_on_language_change

SHOW_KEYS = "Ctrl+Shift+C"
SAVE_KEYS = "Ctrl+Shift+S"  # "Save as": the Python script of the set-up (Ctrl+S saves it as a scene)


def _before_first_separator(menu: QMenu, action: QAction) -> None:
    """Put ``action`` at the end of ``menu``'s first group (or at its end if it has one group)."""
    separator = next((item for item in menu.actions() if item.isSeparator()), None)
    if separator is None:
        menu.addAction(action)
    else:
        menu.insertAction(separator, action)


class CodeActions(QObject):
    """The menu entries and keys of ``view``: shown or hidden by ``show(bool)``, its script saved to a file."""

    notice = Signal(str, int)  # one line for the status bar, and how long it stays (ms)

    def __init__(self, parent: QWidget, view: CodeView, file_menu: QMenu, view_menu: QMenu,
                 show: Callable[[bool], None]) -> None:
        super().__init__(parent)  # the dialogs' parent, reached as parent(): no reference cycle through Qt
        self.view = view
        self._show = show
        self.toggle = QAction(self)
        self.toggle.setObjectName("showCodeAction")
        self.toggle.setCheckable(True)
        self.toggle.setShortcut(QKeySequence(SHOW_KEYS))
        self.toggle.toggled.connect(self._on_toggled)
        _before_first_separator(view_menu, self.toggle)
        self.save = QAction(self)
        self.save.setObjectName("saveScriptAction")
        self.save.setShortcut(QKeySequence(SAVE_KEYS))
        self.save.triggered.connect(self.ask_save)
        _before_first_separator(file_menu, self.save)
        self.retranslate()
        reword_on_language_change(file_menu, self.retranslate)

    def retranslate(self) -> None:
        """The two entries in the current language (the view words itself: it is a widget)."""
        self.toggle.setText(translate("code", "Code: the training loop"))
        self.save.setText(translate("code", "Save as Python script…"))


    @property
    def shown(self) -> bool:
        return self.toggle.isChecked()

    def set_shown(self, on: bool) -> None:
        """Show or hide the code view (View > Code, Ctrl+Shift+C)."""
        self.toggle.setChecked(on)

    def show_style(self, style: str) -> None:
        """Show the code view in ``style`` (``--code pytorch``); ``ValueError`` for a style there is none of."""
        self.view.set_style(style)
        self.set_shown(True)

    def _on_toggled(self, on: bool) -> None:
        self._show(on)

    def ask_save(self) -> None:
        """Ask where, then save the shown style's script there (File > Save as Python script)."""
        path = ask_save_path(self.parent(), translate("code", "Save as Python script"), f"train_{self.view.style}.py",
                             translate("code", "Python script (*.py)"))
        if path is not None:
            self.save_script(path)

    def save_script(self, path: str) -> Path | None:
        """Write the script to ``path`` whole or not at all; one line in the status bar says which."""
        try:
            text = self.view.script()
            written = write_text_atomically(path, lambda stream: stream.write(text))
        except (ValueError, ExportError) as exc:
            self.notice.emit(translate("code", "Script not saved: {problem}").format(problem=explain(exc)), SAID_MS)
            return None
        self.notice.emit(translate("code", "Saved the {style} script to {path}").format(
            style=self.view.combo.currentText(), path=written), SAID_MS)
        return written
