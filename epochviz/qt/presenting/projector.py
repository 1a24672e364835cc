"""For the projector: scale everything from 75 % to 250 % (Ctrl+= / Ctrl+- / Ctrl+0), and F1's overlay
of every shortcut with the three definitions.

The scale multiplies every font (labels, boxes, the views' own text), the
chart's axis text and line widths, and the controls' width; full screen on a
large display multiplies it again by the room it has. The layout reflows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMenuBar, QVBoxLayout, QWidget

from epochviz.core.window_options import WINDOW_MAX_SCALE, WINDOW_MIN_SCALE
from epochviz.qt.presenting.presentation import presentation_shortcuts
from epochviz.qt.window.gui_thread import gui_thread_only
from epochviz.qt.look.screen_fit import scale_text, scrolling, text_scale_for
from epochviz.qt.look.themes import THEMES, Themed, apply_theme, system_theme
from epochviz.qt.window.window_layout import CONTROLS_MAX_WIDTH, WindowLayout
from epochviz.text.translations import translate
from epochviz.qt.widgets.language_watch import reword_on_language_change

NOTICE_MS = 6000  # as long as the window's other passing messages
SCALES = (WINDOW_MIN_SCALE, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.25, WINDOW_MAX_SCALE)
MIN_SCALE, MAX_SCALE = WINDOW_MIN_SCALE, WINDOW_MAX_SCALE

def shortcuts() -> tuple[tuple[str, str], ...]:
    """(keys, what they do) for the F1 overview, in the current language."""
    return (
        ("Space", translate("overview", "play or pause")),
        ("→", translate("overview", "step one phase of the iteration")),
        ("Shift+→", translate("overview", "step one whole iteration")),
        ("R", translate("overview", "reset: a new run from iteration 0")),
        ("Page Down / Page Up", translate("overview", "next / previous scene")),
        ("Home", translate("overview", "first scene")),
        ("1 … 9", translate("overview", "go to that scene")),
        (translate("overview", "B or ."), translate("overview", "black screen for views and chart, and back")),
        ("Ctrl+= / Ctrl+- / Ctrl+0", translate("overview", "larger / smaller / actual size")),
        ("F11", translate("overview", "full screen")),
        *presentation_shortcuts(),
        ("Ctrl+E, Ctrl+Shift+E", translate("overview", "export the chart as PNG, SVG")),
        ("Ctrl+Shift+L", translate("overview", "export the log as CSV")),
        ("Ctrl+Shift+G, Ctrl+Shift+M", translate("overview", "record the window as GIF, MP4")),
        ("Ctrl+O, Ctrl+S", translate("overview", "open, save a scene")),
        ("Ctrl+K", translate("overview", "compare batch sizes, and back to one run")),
        ("Ctrl+Shift+C", translate("overview", "show or hide the training loop as code")),
        ("Ctrl+Shift+S", translate("overview", "save the training loop as a Python script")),
        ("F1", translate("overview", "this overview (Esc closes it)")),
        ("Ctrl+Q", translate("overview", "quit")),
    )


def definitions() -> tuple[tuple[str, str], ...]:
    return (
        (translate("overview", "Iteration"), translate("overview", "one batch through the network: forward pass, "
                                                                   "loss, backward pass, one weight update.")),
        (translate("overview", "Batch size"), translate("overview", "how many samples go through the network "
                                                                    "together in one iteration.")),
        (translate("overview", "Epoch"), translate("overview", "every sample seen once: ceil(N / B) iterations "
                                                               "(floor with drop-last).")),
    )


def overview_html() -> str:
    keys = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>" for k, what in shortcuts())
    words = "".join(f"<p><b>{w}</b>: {what}</p>" for w, what in definitions())
    three, keys_title = translate("overview", "The three words"), translate("overview", "Keys")
    return f"<h2>{three}</h2>{words}<h2>{keys_title}</h2><table>{keys}</table>"


def theme_names() -> dict[str, str]:
    """Each theme's name in the View menu."""
    return {"light": translate("projector", "Light"), "dark": translate("projector", "Dark"),
            "high-contrast": translate("projector", "High contrast")}


class Projector(QObject):
    """The View menu: the projector scale, full screen, the theme and the F1 overview.

    ``top`` is the window it scales and shows full screen (as a widget), ``parts``
    its layout, ``themed`` what a theme colours, ``charts`` what scales its lines
    and axis text (each has ``set_scale``). It says what it did with ``notice``, and
    with ``defaults_requested`` it asks for the rest of Restore defaults to be done
    by their owners: forget what was remembered, the set-up, the tour, the language.
    """

    notice = Signal(str, int)
    defaults_requested = Signal()

    def __init__(self, top: QWidget, menu_bar: QMenuBar, parts: WindowLayout, themed: Themed,
                 charts: Sequence, scale: float = 1.0) -> None:
        super().__init__(top)  # ended with the window; it keeps no reference to it but Qt's parent
        self._parts, self.themed, self._charts = parts, themed, tuple(charts)
        self.scale = 1.0
        self.applied = 1.0
        self.theme = "light"  # the theme on show (``use_theme``)
        self.overview: QDialog | None = None
        self.menu = menu = menu_bar.addMenu("")
        larger = menu.addAction("", self.larger)
        larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self._actions = [
            larger,
            menu.addAction("", QKeySequence("Ctrl+-"), self.smaller),
            menu.addAction("", QKeySequence("Ctrl+0"), lambda: self.set_scale(1.0)),
            menu.addAction("", QKeySequence(Qt.Key.Key_F11), self.toggle_full_screen),
            menu.addAction("", QKeySequence(Qt.Key.Key_F1), self.show_overview),
        ]
        self.themes = menu.addMenu("")
        self._theme_actions = QActionGroup(self)
        for name in THEMES:
            action = self.themes.addAction("", lambda n=name: self.use_theme(n))
            action.setCheckable(True)
            action.setData(name)
            self._theme_actions.addAction(action)
        menu.addSeparator()
        self._actions.append(menu.addAction("", self.restore_defaults))
        self.retranslate()
        reword_on_language_change(menu, self.retranslate)
        if scale != 1.0:
            # After the window is up: scaled before it is first laid out, wrapping labels kept the
            # heights of their first, narrow layout (twice the lines they need).
            QTimer.singleShot(0, self, lambda: self.set_scale(scale))  # not if the window is gone by then

    def retranslate(self) -> None:
        """The View menu and the F1 overview in the current language."""
        self.menu.setTitle(translate("projector", "&View"))
        for action, text in zip(self._actions, (
                translate("projector", "Larger"), translate("projector", "Smaller"),
                translate("projector", "Actual size"), translate("projector", "Full screen"),
                translate("projector", "Shortcuts and the three words"), translate("projector", "Restore defaults"))):
            action.setText(text)
        self.themes.setTitle(translate("projector", "Theme"))
        names = theme_names()
        for action in self._theme_actions.actions():
            action.setText(names[action.data()])
        if self.overview is not None:
            self.overview.setWindowTitle(translate("overview", "epochviz: keys and the three words"))
            self.overview.findChild(QLabel).setText(overview_html())


    @property
    def _window(self) -> QWidget:
        return self.parent()

    @gui_thread_only
    def use_theme(self, name: str) -> None:
        """Light, dark or high contrast, for the whole window (``ValueError`` for another name)."""
        self.theme = apply_theme(name, self.themed).name
        for action in self._theme_actions.actions():
            action.setChecked(action.data() == name)

    @gui_thread_only
    def larger(self) -> None:
        self.set_scale(next((s for s in SCALES if s > self.scale + 1e-9), MAX_SCALE))

    @gui_thread_only
    def smaller(self) -> None:
        self.set_scale(next((s for s in reversed(SCALES) if s < self.scale - 1e-9), MIN_SCALE))

    @gui_thread_only
    def set_scale(self, scale: float) -> None:
        """The projector scale, from 0.75 to 2.5 (``ValueError`` outside)."""
        if not MIN_SCALE <= scale <= MAX_SCALE:
            raise ValueError(f"scale must be from {MIN_SCALE:g} to {MAX_SCALE:g}, got {scale!r}")
        self.scale = scale
        self.apply()
        self.notice.emit(translate("projector", "Scale {percent}").format(percent=f"{scale:.0%}"), 4000)

    @gui_thread_only
    def toggle_full_screen(self) -> None:
        """F11: the whole screen for the lecture hall, and back."""
        window = self._window
        window.setWindowState(window.windowState() ^ Qt.WindowState.WindowFullScreen)

    def apply(self) -> None:
        """Scale everything by the projector scale times what full screen adds (after a resize, too)."""
        window = self._window
        factor = self.scale * (text_scale_for(window) if window.isFullScreen() else 1.0)
        if abs(factor - self.applied) < 1e-9:
            return
        self.applied = factor
        scale_text(window, factor)
        for chart in self._charts:
            chart.set_scale(factor)
        parts = self._parts
        parts.controls_area.setMaximumWidth(round(CONTROLS_MAX_WIDTH * max(1.0, factor)))
        parts.fit_controls()
        parts.column.fit_labels()

    @gui_thread_only
    def restore_defaults(self) -> None:
        """Forget what was remembered, and put the default set-up, speed, scene, scale, theme and language back."""
        self.defaults_requested.emit()
        self.set_scale(1.0)
        self.use_theme(system_theme())
        self.notice.emit(translate("projector", "Defaults restored; nothing is remembered any more."), NOTICE_MS)

    @gui_thread_only
    def show_overview(self) -> None:
        """F1: every shortcut and the three definitions, over the window; Esc closes it."""
        if self.overview is None:
            self.overview = QDialog(self._window)
            self.overview.setObjectName("shortcutsOverview")
            text = QLabel()
            text.setWordWrap(True)
            text.setContentsMargins(8, 8, 8, 8)
            QVBoxLayout(self.overview).addWidget(scrolling(text))  # a projector's large text scrolls
            self.retranslate()
        # As large as its text, within the screen (at 150 % on 1280x720 it is taller than the screen).
        room = self._window.screen().availableGeometry()
        wanted = self.overview.findChild(QLabel).sizeHint()
        self.overview.resize(min(wanted.width() + 60, room.width() - 40), min(wanted.height() + 40, room.height() - 80))
        self.overview.show()
        self.overview.raise_()
