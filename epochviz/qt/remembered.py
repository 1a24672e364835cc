"""What the ``epochviz`` window remembers between launches: geometry, scale, the set-up, the tour position.

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

from PySide6.QtCore import QByteArray, QSettings

from epochviz.core.scenes import Scene, SceneError, scene_from_text

ENVIRONMENT = "EPOCHVIZ_SETTINGS"
KEYS = ("geometry", "scale", "setup", "tour", "theme")


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
        return Memory(problem="the remembered settings could not be read; starting from the defaults")
    memory, bad = Memory(), []
    geometry = store.value("geometry")
    if isinstance(geometry, QByteArray):
        memory.geometry = geometry
    try:
        scale = float(store.value("scale", 1.0))
        memory.scale = scale if 0.75 <= scale <= 2.5 else None
    except (TypeError, ValueError):
        bad.append("scale")
    setup = store.value("setup")
    if setup:
        try:
            memory.setup = scene_from_text(str(setup), "remembered set-up")
        except SceneError:
            bad.append("set-up")
    try:
        tour = store.value("tour")
        memory.tour = int(tour) if tour not in (None, "") else None
    except (TypeError, ValueError):
        bad.append("tour position")
    theme = store.value("theme")
    if theme:
        if theme in ("light", "dark", "high-contrast"):
            memory.theme = str(theme)
        else:
            bad.append("theme")
    if bad:
        memory.problem = f"the remembered {', '.join(bad)} could not be used; the defaults stand in"
    return memory


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def remember(window) -> None:
    """Keep the window's geometry, scale, set-up and tour position for the next launch."""
    store = settings()
    speed = window.controls.speed.value()
    store.setValue("geometry", window.saveGeometry())
    store.setValue("scale", window.projector.scale)
    store.setValue("setup", Scene("Last set-up", window.config, None if math.isinf(speed) else speed).to_json())
    store.setValue("tour", "" if window.tour.index is None else window.tour.index)
    store.setValue("theme", window.theme)
    store.sync()


def forget() -> None:
    """Restore defaults: nothing is remembered any more."""
    store = settings()
    store.clear()
    store.sync()
