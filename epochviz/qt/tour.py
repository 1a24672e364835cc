"""The tour: scenes one after another from the keyboard or a presenter's clicker, and scene files.

Page Down / Page Up go to the next / previous scene, Home to the first, 1-9
jump to a scene, B or the full stop blank the views and chart (a clicker's
"black screen" key) and bring them back. The Scenes menu also opens a scene
file and saves the current set-up as one. A scene shows its caption above the
arithmetic while it is on.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMainWindow, QMessageBox, QWidget

from epochviz.core.run_log import ExportError, write_text_atomically
from epochviz.core.scenes import Scene, SceneError, builtin_scenes, load_scene

CAPTION_STYLE = ("QLabel { background:#fff6d5; color:#3d3000; border:1px solid #e6d58a; padding:6px;"
                 " border-radius:4px; }")


class Tour(QObject):
    """The built-in scenes (and any opened file) for ``window``, with their keys and menu."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)  # the window is reached as parent(): no reference cycle through Qt
        self.scenes: list[Scene] = builtin_scenes()
        self.index: int | None = None  # the built-in scene on show, if any
        self.caption = QLabel()
        self.caption.setObjectName("sceneCaption")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(CAPTION_STYLE)
        font = QFont()
        font.setPointSize(13)
        self.caption.setFont(font)
        self.caption.setVisible(False)
        self.black = QWidget()
        self.black.setObjectName("blackScreen")
        self.black.setStyleSheet("background: black;")
        self.black.setVisible(False)
        column = window.layout_parts.column.column
        column.insertWidget(0, self.caption)
        column.addWidget(self.black, 1)
        menu = window.menuBar().addMenu("&Scenes")
        for text, keys, action in (
            ("Next scene", ("PgDown",), self.next),
            ("Previous scene", ("PgUp",), self.previous),
            ("First scene", ("Home",), self.first),
            ("Black screen (and back)", ("B", "."), self.toggle_black),
        ):
            item = menu.addAction(text, action)
            item.setShortcuts([QKeySequence(k) for k in keys])
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        jump = menu.addMenu("Go to scene")
        for number, scene in enumerate(self.scenes[:9], start=1):
            item = jump.addAction(f"{number}. {scene.name}", lambda n=number: self.show(n - 1))
            item.setShortcut(QKeySequence(str(number)))
        menu.addSeparator()
        menu.addAction("Open scene…", QKeySequence("Ctrl+O"), self.ask_open)
        menu.addAction("Save set-up as scene…", QKeySequence("Ctrl+S"), self.ask_save)

    @property
    def _window(self) -> QMainWindow:
        return self.parent()

    # -- moving through the tour ----------------------------------------------------------
    def show(self, index: int) -> None:
        """Put built-in scene ``index`` (0-based, clamped) on."""
        self.index = max(0, min(index, len(self.scenes) - 1))
        self.use(self.scenes[self.index], f"Scene {self.index + 1} of {len(self.scenes)}")

    def start(self, scene: Scene) -> None:
        """Begin with ``scene``: at its place in the tour if it is a built-in one."""
        if scene in self.scenes:
            self.show(self.scenes.index(scene))
        else:
            self.index = None
            self.use(scene, "Scene file")

    def next(self) -> None:
        self.show(0 if self.index is None else self.index + 1)

    def previous(self) -> None:
        self.show(0 if self.index is None else self.index - 1)

    def first(self) -> None:
        self.show(0)

    def use(self, scene: Scene, where: str = "Scene") -> None:
        """Apply ``scene``: its settings, its speed and its caption."""
        window = self._window
        window.use_config(scene.config, math.inf if scene.speed is None else scene.speed)
        self.caption.setText(f"<b>{where}: {scene.name}</b><br>{scene.caption}" if scene.caption
                             else f"<b>{where}: {scene.name}</b>")
        self.caption.setVisible(True)
        window.layout_parts.column.fit_labels()

    def toggle_black(self) -> None:
        """Blank the views and the chart (the numbers stay), or bring them back."""
        results = self._window.layout_parts.results
        blank = not self.black.isVisible()
        results.setVisible(not blank)
        self.black.setVisible(blank)

    # -- files ------------------------------------------------------------------------------
    def open_file(self, path: str) -> str | None:
        """Use the scene in ``path``; the problem in one line if it cannot be used (nothing changes then)."""
        try:
            scene = load_scene(path)
        except SceneError as exc:
            return str(exc)
        self.index = None
        self.use(scene, "Scene file")
        return None

    def save_file(self, path: str, name: str, caption: str = "") -> None:
        """Save the current set-up (settings and speed) as a scene file."""
        window = self._window
        speed = window.controls.speed.value()
        scene = Scene(name, window.config, None if math.isinf(speed) else speed, caption)
        write_text_atomically(path, lambda stream: stream.write(scene.to_json()))

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, "Open scene", "", "Scene (*.json)")
        if path:
            problem = self.open_file(path)
            if problem:
                QMessageBox.warning(self._window, "Scene not used", problem)

    def ask_save(self) -> None:
        window = self._window
        caption, ok = QInputDialog.getText(window, "Save scene", "Caption for the class:")
        if not ok:
            return
        path, _ = QFileDialog.getSaveFileName(window, "Save scene", "scene.json", "Scene (*.json)")
        if not path:
            return
        path = path if path.lower().endswith(".json") else path + ".json"
        try:
            self.save_file(path, caption.split(".")[0][:60] or "My scene", caption)
        except ExportError as exc:
            QMessageBox.warning(window, "Scene not saved", str(exc))
            return
        window.statusBar().showMessage(f"Saved {path}", 8000)
