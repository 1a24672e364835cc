"""The presentation view: the lesson alone on the screen, from a presenter's clicker.

F5 (a clicker's "start slideshow" key) enters it and goes full screen; Esc or
Shift+F5 leave it. It hides the settings, the menu bar, the status bar and the
tools that only set things up (the chart's smoothing and axis, compare mode's
run editor), and leaves the scene caption, the readout, the counters, the
views, the chart and the transport bar. What the status bar would say (a file
saved, an export that failed) shows for as long over the lesson's lower left.
F4 shows or hides the settings panel in the normal view too.

A scene can also ask for one part to be shown large (``emphasise``): the
memory meter, taken from the hidden settings into a strip above the views and
the chart.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFormLayout, QLabel, QMenu, QMenuBar, QStatusBar

from epochviz.qt.compare.compare_view import CompareView
from epochviz.qt.look.screen_fit import emphasise_text
from epochviz.qt.window.gui_thread import gui_thread_only
from epochviz.qt.window.window_layout import WindowLayout
from epochviz.text.translations import translate
from epochviz.qt.widgets.language_watch import reword_on_language_change

EMPHASIS_TEXT_SCALE = 1.35  # an emphasised part's words, against the rest of the window's
PARTS = ("memory",)  # what ``emphasise`` can show large


def presentation_shortcuts() -> tuple[tuple[str, str], ...]:
    """(keys, what they do) for the F1 overview, in the current language."""
    return (
        ("F5", translate("overview", "presentation view: the lesson alone, full screen")),
        ("Esc, Shift+F5", translate("overview", "leave the presentation view")),
        ("F4", translate("overview", "show or hide the settings panel")),
    )


class Presentation(QObject):
    """The presentation view and the settings panel's key, for the window's ``parts``.

    ``entered(bool)`` says when the view is entered (True) or left (False).
    """

    entered = Signal(bool)

    def __init__(self, parts: WindowLayout, menu_bar: QMenuBar, status_bar: QStatusBar, view_menu: QMenu,
                 compare_view: CompareView) -> None:
        super().__init__(parts.screen)
        self.parts, self.menu_bar, self.status_bar, self.compare_view = parts, menu_bar, status_bar, compare_view
        self.active = False
        self.emphasised: str | None = None
        self._settings_shown = True  # in the normal view (F4)
        self._settings_before_code: bool | None = None  # whether they were shown when View > Code took their room
        self._was_full_screen = False
        self._meter_row: tuple[QFormLayout, int] | None = None  # where the memory meter lives when not emphasised
        view_menu.addSeparator()
        self.present_action = self._action(view_menu, "F5", self.toggle)
        self.settings_action = self._action(view_menu, "F4", self.toggle_settings)
        self.settings_action.setChecked(True)
        host = parts.screen  # always visible: its shortcuts work with the menu bar hidden
        self._leave_keys = [QShortcut(QKeySequence(key), host, self.leave) for key in ("Esc", "Shift+F5")]
        for shortcut in self._leave_keys:
            shortcut.setEnabled(False)
        self.said = QLabel(parts.screen)  # the status bar's passing words, over the lesson while it is hidden
        self.said.setObjectName("presentationNotice")
        self.said.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a file's name, which is not markup
        self.said.setWordWrap(True)
        self.said.setStyleSheet("QLabel { background: rgba(25, 25, 25, 225); color: white; padding: 6px; "
                                "border-radius: 4px; }")
        self.said.hide()
        status_bar.messageChanged.connect(self._echo)
        self.retranslate()
        reword_on_language_change(view_menu, self.retranslate)

    def _action(self, menu: QMenu, key: str, slot) -> QAction:
        action = menu.addAction("")
        action.setCheckable(True)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        self.parts.screen.addAction(action)  # its key works while the menu bar is hidden
        return action

    def retranslate(self) -> None:
        """The View menu's entries in the current language."""
        self.present_action.setText(translate("presentation", "Presentation view"))
        self.settings_action.setText(translate("presentation", "Settings panel"))


    # -- the presentation view ------------------------------------------------------
    @gui_thread_only
    def toggle(self) -> None:
        """F5: enter the presentation view, or leave it."""
        self.leave() if self.active else self.enter()

    @gui_thread_only
    def enter(self, full_screen: bool = True) -> None:
        """Give the screen to the lesson (and, with ``full_screen``, the whole screen to the window)."""
        if not self.active:
            self.active = True
            self._keep_menu_keys()
            self._show_chrome(False)
            self._place_emphasis()
            top = self.parts.screen.window()
            self._was_full_screen = top.isFullScreen()
            if full_screen and not self._was_full_screen:
                top.setWindowState(top.windowState() | Qt.WindowState.WindowFullScreen)
            self.entered.emit(True)
        self.present_action.setChecked(True)

    @gui_thread_only
    def leave(self) -> None:
        """Esc or Shift+F5: back to the normal view, in the window's size before."""
        if self.active:
            self.active = False
            top = self.parts.screen.window()
            if top.isFullScreen() and not self._was_full_screen:
                top.setWindowState(top.windowState() & ~Qt.WindowState.WindowFullScreen)
            self._show_chrome(True)
            self._place_emphasis()
            self.entered.emit(False)
        self.present_action.setChecked(False)

    def _echo(self, text: str) -> None:
        """The status bar's message, shown over the lesson's lower left while the status bar is hidden."""
        if not self.active or not text:
            self.said.hide()
            return
        screen, transport = self.parts.screen, self.parts.transport
        self.said.setText(text)
        self.said.setFixedWidth(min(screen.width() - 16, self.said.fontMetrics().horizontalAdvance(text) + 24))
        self.said.adjustSize()
        self.said.move(8, max(0, transport.mapTo(screen, QPoint(0, 0)).y() - self.said.height() - 6))
        self.said.raise_()
        self.said.show()

    def _show_chrome(self, on: bool) -> None:
        """The parts that set things up rather than show the lesson: shown in the normal view only."""
        for shortcut in self._leave_keys:
            shortcut.setEnabled(not on)
        self.menu_bar.setVisible(on)
        self.status_bar.setVisible(on)
        if on:
            self.said.hide()
        self.parts.chart.tools.setVisible(on)
        self.compare_view.show_tools(on)
        self.parts.controls_area.setVisible(on and self._settings_shown)

    def _keep_menu_keys(self) -> None:
        """Every menu entry's key keeps working with the menu bar hidden (Qt ties them to a visible widget)."""
        menus = [action.menu() for action in self.menu_bar.actions() if action.menu() is not None]
        while menus:
            menu = menus.pop()
            for action in menu.actions():
                if action.menu() is not None:
                    menus.append(action.menu())
                elif not action.shortcut().isEmpty() and action not in self.parts.screen.actions():
                    self.parts.screen.addAction(action)

    # -- the settings panel ---------------------------------------------------------------
    @gui_thread_only
    @property
    def settings_shown(self) -> bool:
        """Whether the settings panel is shown in the normal view (F4)."""
        return self._settings_shown

    def show_code(self, on: bool) -> None:
        """View > Code: the code beside the lesson takes the settings' room (F4 brings them back); hidden, the
        settings come back as they were. At 1280x720 the two columns and the lesson do not fit side by side."""
        if on and self._settings_before_code is None:
            self._settings_before_code = self._settings_shown
            self.show_settings(False)
        elif not on and self._settings_before_code is not None:
            self.show_settings(self._settings_before_code)
            self._settings_before_code = None
        self.parts.show_code(on)

    def toggle_settings(self) -> None:
        """F4: show or hide the settings panel (the presentation view keeps it hidden)."""
        self.show_settings(not self._settings_shown)

    @gui_thread_only
    def show_settings(self, on: bool) -> None:
        """Show or hide the settings panel in the normal view."""
        self._settings_shown = on
        self.settings_action.setChecked(on)
        if not self.active:
            self.parts.controls_area.setVisible(on)
            self._place_emphasis()
            if on:
                self.parts.share_width(self.parts.screen.window())

    # -- emphasis ---------------------------------------------------------------------------
    @gui_thread_only
    def emphasise(self, part: str | None) -> None:
        """Show ``part`` large for a scene ("memory": the memory meter), or none (None).

        Where the settings are hidden (the presentation view, or F4), the part goes into a strip above
        the views and the chart, its words larger, as long as that leaves the lesson its room (at 150 %
        on a 1280x720 projector it does not: the scene's caption carries the point there). Where the
        settings show, they scroll to it. ``ValueError`` for another name.
        """
        if part is not None and part not in PARTS:
            raise ValueError(f"emphasise: part must be one of {', '.join(PARTS)} or None, got {part!r}")
        self.emphasised = part
        self._place_emphasis()

    def emphasise_scene(self, part: str) -> None:
        """A scene's emphasis (``core.scenes.EMPHASES``): shown large if it is a part this can show, else none."""
        self.emphasise(part if part in PARTS else None)

    def _place_emphasis(self) -> None:
        """The emphasised part in the strip while the settings are hidden, else back in the settings."""
        lend = self.emphasised == "memory" and (self.active or not self._settings_shown)
        if lend and self._meter_row is None:
            self._lend_meter()
        elif not lend and self._meter_row is not None:
            self._return_meter()
        self.parts.emphasis.wanted = lend
        self.parts.fit.request()
        if self.emphasised == "memory" and not lend:
            self.parts.controls_area.ensureWidgetVisible(self.parts.controls.memory)

    def _lend_meter(self) -> None:
        """The memory meter, from its row in the settings into the strip above the pictures, its words larger."""
        meter = self.parts.controls.memory
        form = self.parts.controls.groups["schedule"].layout()
        row, _role = form.getWidgetPosition(meter)
        self._meter_row = (form, row)
        form.removeWidget(meter)
        form.setRowVisible(row, False)
        self.parts.emphasis.layout().addWidget(meter)
        meter.set_wide(True)
        emphasise_text(meter, EMPHASIS_TEXT_SCALE)
        meter.show()

    def _return_meter(self) -> None:
        meter = self.parts.controls.memory
        form, row = self._meter_row
        self.parts.emphasis.layout().removeWidget(meter)
        meter.set_wide(False)
        emphasise_text(meter, 1.0)
        form.setWidget(row, QFormLayout.ItemRole.FieldRole, meter)
        form.setRowVisible(row, True)
        meter.show()
        self._meter_row = None
