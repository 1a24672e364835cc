"""What the ``epochviz`` window remembers between launches: geometry, scale, the set-up, the tour position,
the theme and the language.

Stored with ``QSettings`` in the user's usual place, or in the INI file that
``EPOCHVIZ_SETTINGS`` names (tests point it at a temporary file, so they never
touch a user's settings). Screenshots, exports and recordings neither read nor
write it. Whatever is read is checked like a scene file; a store that cannot be
read falls back to the defaults with a note, never a crash. A store that is not
a regular file (a folder, a device, a FIFO, which would block) or that cannot be
written is not used at all: the window says so once, in its status bar.
"""

from __future__ import annotations

import math
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from typing import Protocol

from PySide6.QtCore import QByteArray, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QWidget

from epochviz.core.run_config import RunConfig
from epochviz.core.scenes import Scene, SceneError, scene_from_text
from epochviz.core.window_options import THEME_NAMES, WINDOW_MAX_SCALE, WINDOW_MIN_SCALE
from epochviz.qt.panel.controls import DEFAULT_SPEED
from epochviz.qt.presenting.projector import Projector
from epochviz.qt.presenting.tour import Tour
from epochviz.qt.run.session import RunSession
from epochviz.qt.window.window_layout import WindowLayout
from epochviz.text.translations import LANGUAGES, translate

ENVIRONMENT = "EPOCHVIZ_SETTINGS"
KEYS = ("geometry", "scale", "setup", "tour", "theme", "language")
_said: set[str] = set()  # the problems a note in the status bar has already named (said once, not again at exit)


class LanguageChoice(Protocol):
    """The Language menu as remembering sees it: the language chosen in it, if any, and the way back to none."""

    chosen: str | None

    def use_default(self) -> None: ...


@dataclass
class Memory:
    """What was remembered (each part None when absent or unusable) and what went wrong, if anything."""

    geometry: QByteArray | None = None
    scale: float | None = None
    setup: Scene | None = None
    tour: int | None = None
    theme: str | None = None
    problem: str | None = None


def store_path() -> str:
    """The store's file: the one ``EPOCHVIZ_SETTINGS`` names, or Qt's usual place for epochviz's settings."""
    path = os.environ.get(ENVIRONMENT)
    if path:
        return path
    # Qt reads a store's file as soon as it is made: ask for the place with a name that has no file.
    elsewhere = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "epochviz-place", "epochviz")
    return str(Path(elsewhere.fileName()).parent.parent / "epochviz" / "epochviz.ini")


def store_problem(path: str) -> str | None:
    """Why the store at ``path`` cannot be used, in one line, or None.

    It must be a regular file that can be read and written, or not be there yet
    in a place where it can be made. Checked before Qt opens it: Qt would wait
    for ever on a FIFO, and a store that cannot be written loses every change.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        return _unusable(path, exc.strerror or str(exc))
    if info is not None and not stat.S_ISREG(info.st_mode):
        return _unusable(path, translate("errors", "not a regular file"))
    folder = _nearest_existing(Path(path))  # Qt writes a new file beside the store, then renames it
    readable = info is None or os.access(path, os.R_OK | os.W_OK)
    if not (folder.is_dir() and os.access(folder, os.W_OK) and readable):
        return _unusable(path, translate("errors", "permission denied"))
    return None


def _nearest_existing(path: Path) -> Path:
    """The nearest of ``path``'s folders that exists (Qt makes the missing ones when it writes)."""
    for folder in path.absolute().parents:
        if os.path.lexists(folder):
            return folder
    return Path(path.anchor or ".")


def _unusable(path: str, reason: str) -> str:
    return translate("remembered", "the settings cannot be kept in {path} ({reason}); nothing will be "
                                   "remembered").format(path=path, reason=reason)


def settings() -> QSettings:
    """The store, checked before Qt opens it; ``OSError`` naming the problem when it cannot be used."""
    path = store_path()
    problem = store_problem(path)
    if problem is not None:
        raise OSError(problem)
    return QSettings(path, QSettings.Format.IniFormat)


def recall() -> Memory:
    """Read what the last window left; anything unusable is skipped and named in ``problem``."""
    try:
        store = settings()
    except OSError as exc:
        return Memory(problem=str(exc))
    unreadable = store.status() != QSettings.Status.NoError
    junk = not any(store.contains(key) for key in KEYS) and _size(store.fileName()) > 0
    if unreadable or junk:
        return Memory(problem=translate("remembered", "the remembered settings could not be read; starting from "
                                                      "the defaults"))
    memory, bad = Memory(), []
    geometry = store.value("geometry")
    if isinstance(geometry, QByteArray):
        memory.geometry = geometry
    try:
        scale = float(store.value("scale", 1.0))
        memory.scale = scale if WINDOW_MIN_SCALE <= scale <= WINDOW_MAX_SCALE else None
    except (TypeError, ValueError):
        bad.append(translate("remembered", "scale"))
    setup = store.value("setup")
    if setup:
        try:
            memory.setup = scene_from_text(str(setup), "remembered set-up")
        except SceneError:
            bad.append(translate("remembered", "set-up"))
    try:
        tour = store.value("tour")
        memory.tour = int(tour) if tour not in (None, "") else None
    except (TypeError, ValueError):
        bad.append(translate("remembered", "tour position"))
    theme = store.value("theme")
    if theme:
        if theme in THEME_NAMES:
            memory.theme = str(theme)
        else:
            bad.append(translate("remembered", "theme"))
    if bad:
        memory.problem = translate("remembered", "the remembered {parts} could not be used; the defaults stand "
                                                 "in").format(parts=", ".join(bad))
    return memory


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


class Remembered(QObject):
    """The window's set-up kept for the next launch, and brought back (the ``epochviz`` command's window).

    It reads and sets the parts that hold what is remembered: ``parts`` (the
    window's geometry, the panel's speed, the layout), ``run`` (the settings), the
    View menu ``projector`` (scale, theme), the ``tour`` (its position) and the
    Language menu ``languages`` (the language chosen in it).
    A remembered set-up (or the default one, ``restore_defaults``) is used through
    ``setup_recalled(config, speed)``; a note about the store goes to ``notice``.
    """

    setup_recalled = Signal(object, float)
    notice = Signal(str, int)

    def __init__(self, parts: WindowLayout, run: RunSession, projector: Projector, tour: Tour,
                 languages: LanguageChoice) -> None:
        super().__init__(projector)
        self._parts, self._run = parts, run
        self._projector, self._tour, self._languages = projector, tour, languages

    def _top(self) -> QWidget:
        """The window, as the widget whose geometry is kept (found, not held: no cycle through it)."""
        return self._parts.column.window()

    def remember(self) -> None:
        """Keep the geometry, scale, set-up, tour position, theme and language; ``OSError`` if the store fails."""
        store = settings()
        speed = self._parts.controls.speed.value()
        store.setValue("geometry", self._top().saveGeometry())
        store.setValue("scale", self._projector.scale)
        store.setValue("setup", Scene("Last set-up", self._run.config, None if math.isinf(speed) else speed).to_json())
        store.setValue("tour", "" if self._tour.index is None else self._tour.index)
        store.setValue("theme", self._projector.theme)
        if self._languages.chosen is not None:  # only a choice made in the menu: otherwise the locale decides
            store.setValue("language", self._languages.chosen)
        store.sync()
        if store.status() != QSettings.Status.NoError:  # Qt says nothing else when a write fails
            raise OSError(translate("remembered", "{path} could not be written").format(path=store.fileName()))

    def restore_defaults(self) -> None:
        """View > Restore defaults: forget everything; the default set-up and speed, no scene, the locale's words."""
        forget()
        self._tour.index = None
        self._tour.hide_caption()
        self.setup_recalled.emit(RunConfig(), DEFAULT_SPEED)
        self._languages.use_default()

    def remember_quietly(self) -> str | None:
        """``remember``, turning a store that cannot be written into a line for stderr (it must not spoil the exit)."""
        try:
            self.remember()
        except Exception as exc:  # noqa: BLE001 - any failure of the store
            if str(exc) in _said:  # the status bar said so when the window opened
                return None
            return translate("remembered", "epochviz: the settings could not be saved: {problem}").format(problem=exc)
        return None

    def restore(self, *, fresh_setup: bool, fresh_scale: bool, fresh_theme: bool = True) -> None:
        """Bring back what the last window left, unless the command line said otherwise."""
        memory = recall()
        if memory.geometry is not None:
            top = self._top()
            top.restoreGeometry(memory.geometry)
            self._parts.share_width(top)
        if fresh_setup and memory.setup is not None:
            speed = memory.setup.speed
            self.setup_recalled.emit(memory.setup.config, math.inf if speed is None else speed)
            in_tour = memory.tour is not None and memory.tour < len(self._tour.scenes)
            self._tour.index = memory.tour if in_tour else None
        if fresh_scale and memory.scale not in (None, 1.0):
            projector = self._projector  # once the window is up, and not if it is gone by then
            QTimer.singleShot(0, projector, lambda: projector.set_scale(memory.scale))
        if fresh_theme and memory.theme is not None:
            self._projector.use_theme(memory.theme)
        if memory.problem:
            _said.add(memory.problem)
            self.notice.emit(translate("remembered", "Note: {problem}.").format(problem=memory.problem), 10_000)


def recall_language() -> str | None:
    """The language last chosen in the window (``en`` or ``zh_CN``), or None (then the locale decides).

    Read before the window is made, so that it is built in that language.
    """
    try:
        language = settings().value("language")
    except Exception:  # noqa: BLE001 - a store that cannot be read: the locale decides
        return None
    return language if language in LANGUAGES else None


def forget() -> None:
    """Restore defaults: nothing is remembered any more (a store that cannot be used holds nothing to forget)."""
    try:
        store = settings()
    except OSError:
        return
    store.clear()
    store.sync()
