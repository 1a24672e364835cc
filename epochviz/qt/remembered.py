"""What the ``epochviz`` window remembers between launches: geometry, scale, the set-up, the tour position,
the theme and the language.

Stored with ``QSettings`` in the user's usual place, or in the INI file that
``EPOCHVIZ_SETTINGS`` names (tests point it at a temporary file, so they never
touch a user's settings). Screenshots, exports and recordings neither read nor
write it. Whatever is read is checked like a scene file; a store that cannot be
read falls back to the defaults with a note, never a crash.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings, QTimer

from epochviz.core.scenes import Scene, SceneError, scene_from_text
from epochviz.limits import THEME_NAMES, WINDOW_MAX_SCALE, WINDOW_MIN_SCALE
from epochviz.translations import LANGUAGES, translate

ENVIRONMENT = "EPOCHVIZ_SETTINGS"
KEYS = ("geometry", "scale", "setup", "tour", "theme", "language")


@dataclass
class Memory:
    """What was remembered (each part None when absent or unusable) and what went wrong, if anything."""

    geometry: QByteArray | None = None
    scale: float | None = None
    setup: Scene | None = None
    tour: int | None = None
    theme: str | None = None
    problem: str | None = None


def settings() -> QSettings:
    """The store: the file ``EPOCHVIZ_SETTINGS`` names, or the platform's usual place for epochviz."""
    path = os.environ.get(ENVIRONMENT)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "epochviz", "epochviz")


def recall() -> Memory:
    """Read what the last window left; anything unusable is skipped and named in ``problem``."""
    store = settings()
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


def remember(window) -> None:
    """Keep the window's geometry, scale, set-up, tour position, theme and language for the next launch."""
    store = settings()
    speed = window.controls.speed.value()
    store.setValue("geometry", window.saveGeometry())
    store.setValue("scale", window.projector.scale)
    store.setValue("setup", Scene("Last set-up", window.config, None if math.isinf(speed) else speed).to_json())
    store.setValue("tour", "" if window.tour.index is None else window.tour.index)
    store.setValue("theme", window.theme)
    if window.languages.chosen is not None:  # only a choice made in the menu: otherwise the locale decides
        store.setValue("language", window.languages.chosen)
    store.sync()


def restore(window, *, fresh_setup: bool, fresh_scale: bool, fresh_theme: bool = True) -> None:
    """Bring back into ``window`` what the last one left, unless the command line said otherwise."""
    memory = recall()
    if memory.geometry is not None:
        window.restoreGeometry(memory.geometry)
        window.layout_parts.share_width(window)
    if fresh_setup and memory.setup is not None:
        speed = memory.setup.speed
        window.use_config(memory.setup.config, math.inf if speed is None else speed)
        in_tour = memory.tour is not None and memory.tour < len(window.tour.scenes)
        window.tour.index = memory.tour if in_tour else None
    if fresh_scale and memory.scale not in (None, 1.0):
        QTimer.singleShot(0, lambda: window.projector.set_scale(memory.scale))  # once the window is up
    if fresh_theme and memory.theme is not None:
        window.projector.use_theme(memory.theme)
    if memory.problem:
        window.statusBar().showMessage(translate("remembered", "Note: {problem}.").format(problem=memory.problem),
                                       10_000)


def recall_language() -> str | None:
    """The language last chosen in the window (``en`` or ``zh_CN``), or None (then the locale decides).

    Read before the window is made, so that it is built in that language.
    """
    try:
        language = settings().value("language")
    except Exception:  # noqa: BLE001 - a store that cannot be read: the locale decides
        return None
    return language if language in LANGUAGES else None


def remember_quietly(window) -> str | None:
    """``remember``, turning a store that cannot be written into a line for stderr (it must not spoil the exit)."""
    try:
        remember(window)
    except Exception as exc:  # noqa: BLE001 - any failure of the store
        return translate("remembered", "epochviz: the settings could not be saved: {problem}").format(problem=exc)
    return None


def forget() -> None:
    """Restore defaults: nothing is remembered any more."""
    store = settings()
    store.clear()
    store.sync()
