"""The Language menu: English or 中文 while the window runs, and the window worded again in place.

A switch only changes the translators (``epochviz.text.translations``). Qt then
sends ``LanguageChange`` to every widget, and each part of the window words
itself again on it (a widget in its ``changeEvent``, a part that is not a
widget through an event filter on a widget of its own): labels, menus,
tooltips, axis titles, the readout and the captions, in any window, made before
or after the switch. Nothing is rebuilt and training goes on. Chinese is only
used where a font can draw it; elsewhere the window stays English and says
once, in English, what to install.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QActionGroup, QFontDatabase
from PySide6.QtWidgets import QMenuBar

from epochviz.qt.widgets.language_watch import reword_on_language_change
from epochviz.qt.window.gui_thread import gui_thread_only
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
    the menu; chosen before the application existed, its translators go on it
    now); in a process that chose none, a script's first window, it is
    ``starting_language()``, as for the ``epochviz`` command.
    ``ValueError`` for a language epochviz does not have.
    """
    if language is None:
        language = current_language() if language_chosen() else starting_language()
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
    """The Language menu in ``menu_bar``: ``switch(language)`` changes the translators, and Qt the words.

    It says what happened as signals: ``notice`` (a passing status-bar message),
    ``problem`` (why the language cannot be used; it stays, and goes to stderr too)
    and ``language_changed`` (the language in use after a switch).
    """

    notice = Signal(str)
    problem = Signal(str)
    language_changed = Signal(str)

    def __init__(self, menu_bar: QMenuBar) -> None:
        super().__init__(menu_bar)
        self.chosen: str | None = None  # the language picked in the menu (remembered); None: the launch's
        self.menu = menu_bar.addMenu("")
        self._choices = QActionGroup(self)
        for code in LANGUAGES:
            action = self.menu.addAction(LANGUAGE_NAMES[code], lambda c=code: self.switch(c))
            action.setCheckable(True)
            action.setData(code)
            self._choices.addAction(action)
        self.retranslate()
        reword_on_language_change(self.menu, self.retranslate)

    @gui_thread_only
    def switch(self, language: str) -> None:
        """Word every window in ``language`` (``en`` or ``zh_CN``) now; training carries on."""
        problem = choose_language(language)
        self.chosen = language
        # Qt posts LanguageChange to the windows: deliver it now, so that every word has changed on return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        if problem:
            self.report(problem)
        else:
            self.notice.emit(translate("language", "Language: English"))
        self.language_changed.emit(current_language())

    @gui_thread_only
    def use_default(self) -> None:
        """Forget the menu's choice and follow the locale again (View > Restore defaults)."""
        if current_language() != system_language():
            self.switch(system_language())
        self.chosen = None

    def report(self, problem: str | None) -> None:
        """Say why a language cannot be used: in the status bar (``problem``), and on stderr for a terminal."""
        if problem:
            self.problem.emit(problem)
            print(f"epochviz: {problem}", file=sys.stderr)

    def retranslate(self) -> None:
        """The menu's title in the current language, and the check mark on that language."""
        self.menu.setTitle(translate("language", "&Language"))
        for action in self._choices.actions():
            action.setChecked(action.data() == current_language())

