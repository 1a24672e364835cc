"""The window fits the screen it opens on, down to 1280x720 at a projector's scale 1.5, without overlaps."""

import json
import subprocess
import sys

import pytest

from tests.robust.conftest import env

CHECK = r"""
import sys
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QWidget
from epochviz.app import MainWindow, make_application

app = make_application()
w = MainWindow(samples=10_000, batch_size=10)
w.show()
for _ in range(40):
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
problems = []
frame, room = w.frameGeometry(), w.screen().availableGeometry()
if frame.width() > room.width() or frame.height() > room.height():
    problems.append(f"window {frame.width()}x{frame.height()} on a {room.width()}x{room.height()} screen")

def visible_children(parent):
    return [c for c in parent.findChildren(QWidget, options=sys.modules["PySide6.QtCore"].Qt.FindChildOption.FindDirectChildrenOnly)
            if c.isVisible() and not c.isWindow()]

for parent in [w, *w.findChildren(QWidget)]:
    if not parent.isVisible() or parent.layout() is None:
        continue
    laid_out = [c for c in visible_children(parent) if parent.layout().indexOf(c) >= 0]
    for c in laid_out:
        hint = c.minimumSizeHint()
        if c.height() < min(hint.height(), c.maximumHeight()) - 1:
            problems.append(f"{type(c).__name__} {c.objectName()!r} squeezed to {c.height()} < {hint.height()}")
    for i, a in enumerate(laid_out):
        for b in laid_out[i + 1:]:
            if a.geometry().intersects(b.geometry()):
                problems.append(f"{type(a).__name__} {a.objectName()!r} overlaps {type(b).__name__} {b.objectName()!r}")
print("PROBLEMS", len(problems))
for p in problems:
    print(p)
w.close()
"""


@pytest.mark.parametrize("size, scale", [((1280, 720), 1.0), ((1280, 720), 1.5), ((1920, 1080), 1.5),
                                         ((1366, 768), 1.25)])
def test_the_window_fits_the_screen_and_nothing_overlaps(tmp_path, size, scale):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "projector", "x": 0, "y": 0, "width": size[0], "height": size[1], "logicalDpi": 96, "dpr": 1}]}))
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=90,
        env=dict(env(), QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale)),
    )
    assert result.returncode == 0, result.stderr
    assert "PROBLEMS 0" in result.stdout, result.stdout
