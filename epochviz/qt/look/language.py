"""The Language menu: English or 中文 while the window runs, and the window worded again in place.

A switch installs the other translator (``epochviz.text.translations``), then asks
every part of the window to set its words again: labels, menus, tooltips,
axis titles, the readout and the captions. Nothing is rebuilt and training
goes on. Chinese is only used where a font can draw it; elsewhere the window
stays English and says once, in English, what to install.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtGui import QActionGroup, QFontDatabase
from PySide6.QtWidgets import QMainWindow

from epochviz.qt.window import messages
from epochviz.qt.look.accessible import name_for_screen_readers
from epochviz.qt.window.gui_thread import gui_thread_only
from epochviz.qt.window.window_layout import unbroken_parts
from epochviz.text.schedule_text import readout
from epochviz.text.translations import (
    LANGUAGES,
    current_language,
    language_chosen,
    system_language,
    translate,
    use_language,
)

LANGUAGE_NAMES = {"en": "English", "zh_CN": "中文"}  # each in its own language, as language menus show them
NO_FONT = ("No font here can show Chinese, so the window stays in English. Install one: sudo apt-get install "
           "fonts-wqy-microhei")  # in English: Chinese would be empty boxes
NOT_LOADED = "The Chinese translation could not be loaded, so the window stays in English."


def can_show_chinese() -> bool:
    """True when an installed font has the glyphs of Simplified Chinese."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def starting_language() -> str:
    """The language of a first window not told one: the one last chosen in the Language menu, else the locale's."""
    from epochviz.qt.window.remembered import recall_language

    return recall_language() or system_language()


def choose_language(language: str | None) -> str | None:
    """Translate into ``language``; the problem, in English, if it cannot be used.

    None keeps the language this process chose already (``language=``, ``--lang``,
    the menu); in a process that chose none, a script's first window, it is
    ``starting_language()``, as for the ``epochviz`` command.
    ``ValueError`` for a language epochviz does not have.
    """
    if language is None:
        if language_chosen():
            return None
        language = starting_language()
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {language!r}")
    if language != "en" and not can_show_chinese():
        use_language("en")
        return NO_FONT
    if not use_language(language):
        use_language("en")
        return NOT_LOADED
    return None


class LanguageMenu(QObject):
    """The Language menu of ``window``; ``switch(language)`` changes every word of the window."""

    def __init__(self, window: QMainWindow, problem: str | None = None) -> None:
        super().__init__(window)  # the window is reached as parent(): no reference cycle through Qt
        self.chosen: str | None = None  # the language picked in the menu (remembered); None: the launch's
        self.menu = window.menuBar().addMenu("")
        self._choices = QActionGroup(self)
        for code in LANGUAGES:
            action = self.menu.addAction(LANGUAGE_NAMES[code], lambda c=code: self.switch(c))
            action.setCheckable(True)
            action.setData(code)
            self._choices.addAction(action)
        self.retranslate()
        name_for_screen_readers(window)  # the last part made: every named widget is there now
        if problem:
            self._say_once(problem)

    @gui_thread_only
    def switch(self, language: str) -> None:
        """Word the whole window in ``language`` (``en`` or ``zh_CN``) now; training carries on."""
        problem = choose_language(language)
        self.chosen = language
        retranslate_window(self.parent())
        if problem:
            self._say_once(problem)
        else:
            self.parent().show_notice(translate("language", "Language: English"))

    @gui_thread_only
    def use_default(self) -> None:
        """Forget the menu's choice and follow the locale again (View > Restore defaults)."""
        if current_language() != system_language():
            self.switch(system_language())
        self.chosen = None

    def retranslate(self) -> None:
        self.menu.setTitle(translate("language", "&Language"))
        for action in self._choices.actions():
            action.setChecked(action.data() == current_language())

    def _say_once(self, problem: str) -> None:
        """In the status bar until another message, and on stderr for whoever started it from a terminal."""
        self.parent().statusBar().showMessage(problem)
        print(f"epochviz: {problem}", file=sys.stderr)


def retranslate_window(window) -> None:
    """Every word the window shows, again in the current language (the window's state is untouched)."""
    window.setWindowTitle(messages.window_title())
    parts = window.layout_parts
    parts.controls.retranslate()
    parts.glossary.retranslate()
    parts.progress.retranslate()
    parts.readout.setText(unbroken_parts(readout(window.schedule.facts())))
    parts.views.retranslate()
    parts.chart.retranslate()
    window.compare.retranslate()
    for part in (window.tour, window.projector, window.presentation, window.exports, window.languages):
        part.retranslate()
    window.alert.retranslate()
    name_for_screen_readers(window)
    parts.fit_controls()
    parts.column.fit_labels()
