"""For the projector: scale everything from 75 % to 250 % (Ctrl+= / Ctrl+- / Ctrl+0), and F1's overlay
of every shortcut with the three definitions.

The scale multiplies every font (labels, boxes, the views' own text), the
chart's axis text and line widths, and the controls' width; full screen on a
large display multiplies it again by the room it has. The layout reflows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QVBoxLayout

from epochviz.limits import WINDOW_MAX_SCALE, WINDOW_MIN_SCALE
from epochviz.qt.screen_fit import scale_text, text_scale_for
from epochviz.qt.themes import THEMES, apply_theme, system_theme
from epochviz.qt.window_layout import CONTROLS_MAX_WIDTH

SCALES = (WINDOW_MIN_SCALE, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.25, WINDOW_MAX_SCALE)
MIN_SCALE, MAX_SCALE = WINDOW_MIN_SCALE, WINDOW_MAX_SCALE

SHORTCUTS = (
    ("Space", "play or pause"), ("→", "step one phase of the iteration"), ("Shift+→", "step one whole iteration"),
    ("R", "reset: a new run from iteration 0"), ("Page Down / Page Up", "next / previous scene"),
    ("Home", "first scene"), ("1 … 9", "go to that scene"), ("B or .", "black screen for views and chart, and back"),
    ("Ctrl+= / Ctrl+- / Ctrl+0", "larger / smaller / actual size"), ("F11", "full screen"),
    ("Ctrl+E, Ctrl+Shift+E", "export the chart as PNG, SVG"), ("Ctrl+Shift+L", "export the log as CSV"),
    ("Ctrl+Shift+G, Ctrl+Shift+M", "record the window as GIF, MP4"), ("Ctrl+O, Ctrl+S", "open, save a scene"),
    ("F1", "this overview (Esc closes it)"), ("Ctrl+Q", "quit"),
)
DEFINITIONS = (
    ("Iteration", "one batch through the network: forward pass, loss, backward pass, one weight update."),
    ("Batch size", "how many samples go through the network together in one iteration."),
    ("Epoch", "every sample seen once: ceil(N / B) iterations (floor with drop-last)."),
)


def overview_html() -> str:
    keys = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>" for k, what in SHORTCUTS)
    words = "".join(f"<p><b>{w}</b>: {what}</p>" for w, what in DEFINITIONS)
    return f"<h2>The three words</h2>{words}<h2>Keys</h2><table>{keys}</table>"


class Projector(QObject):
    """The View menu: the projector scale, full screen and the F1 overview, for ``window``."""

    def __init__(self, window: QMainWindow, scale: float = 1.0) -> None:
        super().__init__(window)  # the window is reached as parent(): no reference cycle through Qt
        self.scale = 1.0
        self.applied = 1.0
        self.overview: QDialog | None = None
        menu = window.menuBar().addMenu("&View")
        larger = menu.addAction("Larger", self.larger)
        larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        menu.addAction("Smaller", QKeySequence("Ctrl+-"), self.smaller)
        menu.addAction("Actual size", QKeySequence("Ctrl+0"), lambda: self.set_scale(1.0))
        menu.addAction("Full screen", QKeySequence(Qt.Key.Key_F11), window.toggle_full_screen)
        menu.addAction("Shortcuts and the three words", QKeySequence(Qt.Key.Key_F1), self.show_overview)
        themes = menu.addMenu("Theme")
        self._theme_actions = QActionGroup(self)
        for name in THEMES:
            action = themes.addAction(name.replace("-", " ").capitalize(), lambda n=name: self.use_theme(n))
            action.setCheckable(True)
            action.setData(name)
            self._theme_actions.addAction(action)
        menu.addSeparator()
        menu.addAction("Restore defaults", self.restore_defaults)
        if scale != 1.0:
            # After the window is up: scaled before it is first laid out, wrapping labels kept the
            # heights of their first, narrow layout (twice the lines they need).
            QTimer.singleShot(0, lambda: self.set_scale(scale))

    @property
    def _window(self) -> QMainWindow:
        return self.parent()

    def use_theme(self, name: str) -> None:
        """Light, dark or high contrast, for the whole window (``ValueError`` for another name)."""
        apply_theme(self._window, name)
        for action in self._theme_actions.actions():
            action.setChecked(action.data() == name)

    def larger(self) -> None:
        self.set_scale(next((s for s in SCALES if s > self.scale + 1e-9), MAX_SCALE))

    def smaller(self) -> None:
        self.set_scale(next((s for s in reversed(SCALES) if s < self.scale - 1e-9), MIN_SCALE))

    def set_scale(self, scale: float) -> None:
        """The projector scale, from 0.75 to 2.5 (``ValueError`` outside)."""
        if not MIN_SCALE <= scale <= MAX_SCALE:
            raise ValueError(f"scale must be from {MIN_SCALE:g} to {MAX_SCALE:g}, got {scale!r}")
        self.scale = scale
        self.apply()
        self._window.statusBar().showMessage(f"Scale {scale:.0%}", 4000)

    def apply(self) -> None:
        """Scale everything by the projector scale times what full screen adds (after a resize, too)."""
        window = self._window
        factor = self.scale * (text_scale_for(window) if window.isFullScreen() else 1.0)
        if abs(factor - self.applied) < 1e-9:
            return
        self.applied = factor
        scale_text(window, factor)
        window.chart.set_scale(factor)
        window.compare.view.plot.set_scale(factor)
        parts = window.layout_parts
        parts.controls_area.setMaximumWidth(round(CONTROLS_MAX_WIDTH * max(1.0, factor)))
        parts.controls_area.setMinimumWidth(0)
        parts.controls_area.setMinimumWidth(parts.controls_area.widget().minimumSizeHint().width()
                                            + parts.controls_area.verticalScrollBar().sizeHint().width())
        parts.column.fit_labels()

    def restore_defaults(self) -> None:
        """Forget what was remembered, and put the default set-up, speed and scale back."""
        from epochviz.core.session import RunConfig
        from epochviz.qt.controls import DEFAULT_SPEED
        from epochviz.qt.remembered import forget

        forget()
        window = self._window
        window.tour.index = None
        window.tour.caption.setVisible(False)
        window.use_config(RunConfig(), DEFAULT_SPEED)
        self.set_scale(1.0)
        self.use_theme(system_theme())
        window.statusBar().showMessage("Defaults restored; nothing is remembered any more.", 6000)

    def show_overview(self) -> None:
        """F1: every shortcut and the three definitions, over the window; Esc closes it."""
        if self.overview is None:
            self.overview = QDialog(self._window)
            self.overview.setObjectName("shortcutsOverview")
            self.overview.setWindowTitle("epochviz: keys and the three words")
            text = QLabel(overview_html())
            text.setWordWrap(True)
            QVBoxLayout(self.overview).addWidget(text)
        self.overview.show()
        self.overview.raise_()
