"""The tour: scenes one after another from the keyboard or a presenter's clicker, and scene files.

Page Down / Page Up go to the next / previous scene, Home to the first, 1-9
jump to a scene, B or the full stop blank the views and chart (a clicker's
"black screen" key) and bring them back. A clicker sends nothing else (and F5,
Shift+F5, Esc for the presentation view), so a scene that arrives starts
playing at its own pace, pauses by itself at the moment it proves (its
``pause_at``), compares batch sizes when it is a comparison, and asks the
window to give room to the part it is about (``emphasis_requested``). The
Scenes menu also opens a scene file and saves the current set-up as one. A
scene shows its caption above the arithmetic while it is on.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMenuBar, QWidget

from epochviz.core.run_config import RunConfig
from epochviz.core.run_log import ExportError, write_text_atomically
from epochviz.core.scenes import EPOCH_END, Scene, SceneError, builtin_scenes, load_scene, scene_file_text
from epochviz.qt.compare.compare_mode import CompareMode
from epochviz.qt.run.session import RunSession
from epochviz.qt.window.exports import SAID_MS, ask_save_path
from epochviz.qt.window.messages import as_rich_text, warn
from epochviz.qt.window.transport import Transport
from epochviz.qt.window.window_layout import WindowLayout
from epochviz.text.translations import explain, translate
from epochviz.qt.widgets.language_watch import reword_on_language_change


def _scene_file() -> str:
    return translate("tour", "Scene file")


def _black() -> QWidget:
    black = QWidget()
    black.setObjectName("blackScreen")
    black.setStyleSheet("background: black;")
    return black


def _within(pause_at: int | str | None, config: RunConfig) -> int | str | None:
    """A scene's moment of pause, if the run ``config`` reaches it (a numbered one may be past its end)."""
    if pause_at is None or pause_at == EPOCH_END:
        return pause_at
    return pause_at if pause_at <= config.schedule().facts().total_iterations else None


class Tour(QObject):
    """The built-in scenes (and any opened file), with their keys and menu.

    It shows its caption and black screen in ``parts``' results, puts a scene's
    runs on through ``compare`` and the ``transport``, and follows the single run
    (``run``) to its moment of pause. A scene's settings go out as
    ``setup_recalled(config, speed)``; ``notice`` says what it did.
    """

    # The part of the window the scene on show is about (``core.scenes.EMPHASES``), "" for none:
    # the window's layout gives it the room (the memory meter large in the memory scene).
    emphasis_requested = Signal(str)
    setup_recalled = Signal(object, float)
    notice = Signal(str, int)

    def __init__(self, parts: WindowLayout, menu_bar: QMenuBar, run: RunSession, transport: Transport,
                 compare: CompareMode) -> None:
        super().__init__(menu_bar)
        self._parts, self._run, self._transport, self._compare = parts, run, transport, compare
        self.scenes: list[Scene] = builtin_scenes()
        self.index: int | None = None  # the built-in scene on show, if any
        self.emphasis = ""  # what the scene on show is about
        self.caption = QLabel()
        self.caption.setObjectName("sceneCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)  # a bold heading; the scene's own words are escaped
        font = QFont()
        font.setPointSize(13)
        self.caption.setFont(font)
        self.caption.setVisible(False)
        self.black = _black()  # under the numbers, in place of the views and the chart
        self.black.setVisible(False)
        self.black_page = _black()  # in compare mode, where the comparison is not among the results
        column = parts.column.column
        column.insertWidget(0, self.caption)
        column.addWidget(self.black, 1)
        parts.stack.addWidget(self.black_page)
        self._page_under_black = 0
        self._on_show: tuple[Scene, object] | None = None  # the scene on show and where it comes from
        self.menu = menu_bar.addMenu("")
        screen = self._screen
        self._actions = []
        for keys, action in ((("PgDown",), self.next), (("PgUp",), self.previous), (("Home",), self.first),
                             (("B", "."), self.toggle_black)):
            item = self.menu.addAction("", action)
            item.setShortcuts([QKeySequence(k) for k in keys])
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            screen.addAction(item)  # the screen's too: its keys work with the menu bar hidden (presentation view)
            self._actions.append(item)
        self.jump = self.menu.addMenu("")
        for number in range(1, min(len(self.scenes), 9) + 1):
            item = self.jump.addAction("", lambda n=number: self.show(n - 1))
            item.setShortcut(QKeySequence(str(number)))
            screen.addAction(item)
        self.menu.addSeparator()
        self._actions.append(self.menu.addAction("", QKeySequence("Ctrl+O"), self.ask_open))
        self._actions.append(self.menu.addAction("", QKeySequence("Ctrl+S"), self.ask_save))
        self.retranslate()
        reword_on_language_change(self.menu, self.retranslate)

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


    @property
    def _screen(self) -> QWidget:
        """The parent of the tour's dialogs and the owner of its keys: the window's screen (its central widget)."""
        return self._parts.screen

    # -- moving through the tour ----------------------------------------------------------
    def show(self, index: int, play: bool = True) -> None:
        """Put built-in scene ``index`` (0-based, clamped) on; it plays if it says so and ``play``."""
        self.index = max(0, min(index, len(self.scenes) - 1))
        number, total = self.index + 1, len(self.scenes)
        self.use(self.scenes[self.index],
                 lambda: translate("tour", "Scene {number} of {total}").format(number=number, total=total), play)

    def start(self, scene: Scene) -> None:
        """Begin with ``scene``, paused: at its place in the tour if it is a built-in one (``play_scene`` plays it)."""
        if scene in self.scenes:
            self.show(self.scenes.index(scene), play=False)
        else:
            self.index = None
            self.use(scene, _scene_file, play=False)

    def next(self) -> None:
        """The next scene; at the last one nothing changes (a clicker's extra press must not restart it)."""
        if self.index == len(self.scenes) - 1:
            self.notice.emit(translate("tour", "This is the last scene: Page Up goes back, Home to the first."),
                             SAID_MS)
            return
        self.show(0 if self.index is None else self.index + 1)

    def previous(self) -> None:
        """The previous scene; at the first one nothing changes."""
        if self.index == 0:
            self.notice.emit(translate("tour", "This is the first scene: Page Down goes on."), SAID_MS)
            return
        self.show(0 if self.index is None else self.index - 1)

    def first(self) -> None:
        self.show(0)

    def use(self, scene: Scene, where: Callable[[], str] | None = None, play: bool = True) -> None:
        """Apply ``scene``: its settings, compared runs, speed, caption and emphasis (``where()`` says where it
        is from); with ``play``, it starts playing if it says so (``autoplay``)."""
        self.set_black(False)
        if scene.compare is None:
            self._compare.switch(False)  # first: the comparison does not restart with settings it will not show
        else:
            self._compare.set_runs(scene.compare, scene.lr_rule)
        self.setup_recalled.emit(scene.config, math.inf if scene.speed is None else scene.speed)
        if scene.compare is not None:
            self._compare.switch(True)
        self._show_caption(scene, where or (lambda: translate("tour", "Scene")))
        if play:
            self.play_scene()

    def play_scene(self) -> None:
        """Play the scene on show if it says so, to pause by itself at its moment of proof (``pause_at``)."""
        if self._on_show is None or not self._on_show[0].autoplay:
            return
        moment = self._on_show[0].pause_iteration()
        pausing = moment is not None and not self._compare.active
        if pausing:  # before Play: at full speed the engine ran past the moment before a later word reached it
            self._transport.pause_at(moment)
        self._transport.play()
        if pausing:  # and again: a Play after the run's end starts a fresh run, which forgets the first
            self._transport.pause_at(moment)

    def hide_caption(self) -> None:
        self._on_show = None
        self.caption.setVisible(False)
        self._emphasise(None)

    def _emphasise(self, part: str | None) -> None:
        """Ask the window for room for ``part``; the memory alarm only where memory is the point (or no part is)."""
        self.emphasis = part or ""
        self._parts.controls.memory.allow_alarm(part in (None, "memory"))
        self.emphasis_requested.emit(self.emphasis)

    def _show_caption(self, scene: Scene, where: Callable[[], str]) -> None:
        self._on_show = (scene, where)
        name = translate("tour", "{where}: {name}").format(where=where(), name=translate("scenes", scene.name))
        title = f"<b>{as_rich_text(name)}</b>"  # a scene's name and caption come from a file: shown as typed
        words = as_rich_text(translate("scenes", scene.caption))
        self.caption.setText(f"{title}<br>{words}" if scene.caption else title)
        self.caption.setVisible(True)
        self._parts.column.fit_labels()
        self._emphasise(scene.emphasis)

    @property
    def blank(self) -> bool:
        """Whether the black screen is on (the views and chart, or the whole comparison, hidden)."""
        return not self.black.isHidden() or self._parts.stack.currentWidget() is self.black_page

    def toggle_black(self) -> None:
        """Blank the views and the chart (the numbers stay), or the whole comparison; or bring them back."""
        self.set_black(not self.blank)

    def set_black(self, blank: bool) -> None:
        if blank == self.blank:
            return
        parts = self._parts
        stack = parts.stack
        if not blank and stack.currentWidget() is self.black_page:
            stack.setCurrentIndex(self._page_under_black)
        elif blank and self._compare.active and not parts.results.isAncestorOf(stack):
            self._page_under_black = stack.currentIndex()
            stack.setCurrentWidget(self.black_page)
        else:
            parts.results.setVisible(not blank)
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

    def scene_of_set_up(self, name: str, caption: str = "") -> Scene:
        """The window's set-up as a scene: every setting, the compared runs, the speed, and how the scene on
        show (if any) is presented: its autoplay, moment of pause (if it is within this run) and emphasis."""
        speed, config, compare = self._parts.controls.speed.value(), self._run.config, self._compare
        comparing = compare.active
        shown = self._on_show[0] if self._on_show is not None else Scene("", RunConfig())
        return Scene(name, config, None if math.isinf(speed) else speed, caption,
                     autoplay=shown.autoplay, pause_at=None if comparing else _within(shown.pause_at, config),
                     emphasis=shown.emphasis, compare=tuple(compare.choices) if comparing else None,
                     lr_rule=compare.lr_rule if comparing else None)

    def save_file(self, path: str, name: str, caption: str = "") -> None:
        """Save the current set-up (``scene_of_set_up``) as a scene file.

        ``SceneError`` (nothing written) for what Open would refuse, such as a caption
        over 400 characters; ``ExportError`` when the file cannot be written.
        """
        text = scene_file_text(self.scene_of_set_up(name, caption))
        write_text_atomically(path, lambda stream: stream.write(text))

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._screen, translate("tour", "Open scene"), "",
                                              translate("tour", "Scene (*.json)"))
        if path:
            problem = self.open_file(path)
            if problem:
                warn(self._screen, translate("tour", "Scene not used"), problem)

    def ask_save(self) -> None:
        screen = self._screen
        caption, ok = QInputDialog.getText(screen, translate("tour", "Save scene"),
                                           translate("tour", "Caption for the class:"))
        if not ok:
            return
        path = ask_save_path(screen, translate("tour", "Save scene"), "scene.json", translate("tour", "Scene (*.json)"))
        if path is None:
            return
        try:
            self.save_file(path, caption.split(".")[0][:60] or translate("tour", "My scene"), caption)
        except (ExportError, SceneError) as exc:
            warn(screen, translate("tour", "Scene not saved"), explain(exc))
            return
        self.notice.emit(translate("tour", "Saved {path}").format(path=path), SAID_MS)
