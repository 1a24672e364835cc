"""The tour: scenes one after another from the keyboard or a presenter's clicker, and scene files.

Page Down / Page Up go to the next / previous scene, Home to the first, 1-9
jump to a scene, B or the full stop blank the views and chart (a clicker's
"black screen" key) and bring them back. The Scenes menu also opens a scene
file and saves the current set-up as one. A scene shows its caption above the
arithmetic while it is on.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMenuBar, QWidget

from epochviz.core.run_log import ExportError, write_text_atomically
from epochviz.core.scenes import Scene, SceneError, builtin_scenes, load_scene, scene_file_text
from epochviz.qt.window.exports import SAID_MS, ask_save_path
from epochviz.qt.run.session import RunSession
from epochviz.qt.window.messages import as_rich_text, warn
from epochviz.qt.window.window_layout import WindowLayout
from epochviz.text.translations import explain, translate


def _scene_file() -> str:
    return translate("tour", "Scene file")


class Tour(QObject):
    """The built-in scenes (and any opened file), with their keys and menu.

    It shows its caption in ``parts``' results column and reads the set-up to save
    from ``run`` and the panel's speed; ``setup_recalled(config, speed)`` asks for a
    scene's settings to be used, ``notice`` says what it did.
    """

    setup_recalled = Signal(object, float)
    notice = Signal(str, int)

    def __init__(self, parts: WindowLayout, menu_bar: QMenuBar, run: RunSession) -> None:
        super().__init__(menu_bar)
        self._parts, self._run = parts, run
        self.scenes: list[Scene] = builtin_scenes()
        self.index: int | None = None  # the built-in scene on show, if any
        self.caption = QLabel()
        self.caption.setObjectName("sceneCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)  # a bold heading; the scene's own words are escaped
        font = QFont()
        font.setPointSize(13)
        self.caption.setFont(font)
        self.caption.setVisible(False)
        self.black = QWidget()
        self.black.setObjectName("blackScreen")
        self.black.setStyleSheet("background: black;")
        self.black.setVisible(False)
        column = parts.column.column
        column.insertWidget(0, self.caption)
        column.addWidget(self.black, 1)
        self._on_show: tuple[Scene, object] | None = None  # the scene on show and where it comes from
        self.menu = menu_bar.addMenu("")
        self._actions = []
        for keys, action in ((("PgDown",), self.next), (("PgUp",), self.previous), (("Home",), self.first),
                             (("B", "."), self.toggle_black)):
            item = self.menu.addAction("", action)
            item.setShortcuts([QKeySequence(k) for k in keys])
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self._actions.append(item)
        self.jump = self.menu.addMenu("")
        for number in range(1, min(len(self.scenes), 9) + 1):
            item = self.jump.addAction("", lambda n=number: self.show(n - 1))
            item.setShortcut(QKeySequence(str(number)))
        self.menu.addSeparator()
        self._actions.append(self.menu.addAction("", QKeySequence("Ctrl+O"), self.ask_open))
        self._actions.append(self.menu.addAction("", QKeySequence("Ctrl+S"), self.ask_save))
        self.retranslate()
        self.menu.installEventFilter(self)  # Qt tells the menu when the language changes

    def retranslate(self) -> None:
        """The Scenes menu and the caption on show in the current language."""
        self.menu.setTitle(translate("tour", "&Scenes"))
        for action, text in zip(self._actions, (
                translate("tour", "Next scene"), translate("tour", "Previous scene"), translate("tour", "First scene"),
                translate("tour", "Black screen (and back)"), translate("tour", "Open scene…"),
                translate("tour", "Save set-up as scene…"))):
            action.setText(text)
        self.jump.setTitle(translate("tour", "Go to scene"))
        for number, (action, scene) in enumerate(zip(self.jump.actions(), self.scenes), start=1):
            action.setText(f"{number}. {translate('scenes', scene.name)}")
        if self._on_show is not None:
            self._show_caption(*self._on_show)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word to the Scenes menu: the language changed
            self.retranslate()
        return False

    @property
    def _window(self) -> QWidget:
        """The window, as the parent of the tour's dialogs."""
        return self._parts.column.window()

    # -- moving through the tour ----------------------------------------------------------
    def show(self, index: int) -> None:
        """Put built-in scene ``index`` (0-based, clamped) on."""
        self.index = max(0, min(index, len(self.scenes) - 1))
        number, total = self.index + 1, len(self.scenes)
        self.use(self.scenes[self.index],
                 lambda: translate("tour", "Scene {number} of {total}").format(number=number, total=total))

    def start(self, scene: Scene) -> None:
        """Begin with ``scene``: at its place in the tour if it is a built-in one."""
        if scene in self.scenes:
            self.show(self.scenes.index(scene))
        else:
            self.index = None
            self.use(scene, _scene_file)

    def next(self) -> None:
        self.show(0 if self.index is None else self.index + 1)

    def previous(self) -> None:
        self.show(0 if self.index is None else self.index - 1)

    def first(self) -> None:
        self.show(0)

    def use(self, scene: Scene, where: Callable[[], str] | None = None) -> None:
        """Apply ``scene``: its settings, its speed and its caption (``where()`` says where it is from)."""
        self.setup_recalled.emit(scene.config, math.inf if scene.speed is None else scene.speed)
        self._show_caption(scene, where or (lambda: translate("tour", "Scene")))

    def hide_caption(self) -> None:
        self._on_show = None
        self.caption.setVisible(False)

    def _show_caption(self, scene: Scene, where: Callable[[], str]) -> None:
        self._on_show = (scene, where)
        name = translate("tour", "{where}: {name}").format(where=where(), name=translate("scenes", scene.name))
        title = f"<b>{as_rich_text(name)}</b>"  # a scene's name and caption come from a file: shown as typed
        words = as_rich_text(translate("scenes", scene.caption))
        self.caption.setText(f"{title}<br>{words}" if scene.caption else title)
        self.caption.setVisible(True)
        self._parts.column.fit_labels()

    def toggle_black(self) -> None:
        """Blank the views and the chart (the numbers stay), or bring them back."""
        results = self._parts.results
        blank = not self.black.isVisible()
        results.setVisible(not blank)
        self.black.setVisible(blank)

    # -- files ------------------------------------------------------------------------------
    def open_file(self, path: str) -> str | None:
        """Use the scene in ``path``; the problem in one line if it cannot be used (nothing changes then)."""
        try:
            scene = load_scene(path)
        except SceneError as exc:
            return explain(exc)
        self.index = None
        self.use(scene, _scene_file)
        return None

    def save_file(self, path: str, name: str, caption: str = "") -> None:
        """Save the current set-up (settings and speed) as a scene file.

        ``SceneError`` (nothing written) for what Open would refuse, such as a caption
        over 400 characters; ``ExportError`` when the file cannot be written.
        """
        speed = self._parts.controls.speed.value()
        text = scene_file_text(Scene(name, self._run.config, None if math.isinf(speed) else speed, caption))
        write_text_atomically(path, lambda stream: stream.write(text))

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, translate("tour", "Open scene"), "",
                                              translate("tour", "Scene (*.json)"))
        if path:
            problem = self.open_file(path)
            if problem:
                warn(self._window, translate("tour", "Scene not used"), problem)

    def ask_save(self) -> None:
        window = self._window
        caption, ok = QInputDialog.getText(window, translate("tour", "Save scene"),
                                           translate("tour", "Caption for the class:"))
        if not ok:
            return
        path = ask_save_path(window, translate("tour", "Save scene"), "scene.json", translate("tour", "Scene (*.json)"))
        if path is None:
            return
        try:
            self.save_file(path, caption.split(".")[0][:60] or translate("tour", "My scene"), caption)
        except (ExportError, SceneError) as exc:
            warn(window, translate("tour", "Scene not saved"), explain(exc))
            return
        self.notice.emit(translate("tour", "Saved {path}").format(path=path), SAID_MS)
