"""English and Simplified Chinese through Qt's own translation system.

Sources are written in English in the code as ``translate("context", "text")``
calls, which ``pyside6-lupdate`` collects into ``resources/translations/*.ts``
(``scripts/update-translations``); the compiled ``.qm`` files ship inside the
package and are loaded here with ``QTranslator``, together with Qt's own
``qt_zh_CN.qm`` for standard dialogs. In English nothing is loaded and
``translate`` returns its text unchanged, so English needs no Qt at all.
"""

from __future__ import annotations

import os
from pathlib import Path

from epochviz.core.words import count

LANGUAGES = ("en", "zh_CN")
QM_FOLDER = Path(__file__).resolve().parent / "resources" / "translations"

_state: dict = {"language": "en", "translators": [], "app": None}


def system_language() -> str:
    """``zh_CN`` when the locale (LC_ALL, LC_MESSAGES or LANG) is Chinese, else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def current_language() -> str:
    return _state["language"]


def use_language(language: str) -> bool:
    """Translate from now on into ``language`` (``en`` or ``zh_CN``); False if its file cannot be loaded.

    Makes a ``QCoreApplication`` if there is none (the command line), because Qt
    installs translators on the application.
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {language!r}")
    if language == "en" and not _state["translators"]:
        return True  # English is the source text: nothing to load, and no Qt needed
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    app = QCoreApplication.instance()
    if app is None:
        app = _state["app"] = QCoreApplication([])
    for translator in _state["translators"]:
        app.removeTranslator(translator)
    _state["translators"] = []
    _state["language"] = "en"
    if language == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(str(QM_FOLDER / f"epochviz_{language}.qm")):
        return False
    qts = QTranslator(app)  # Qt's own words (standard dialogs, context menus)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for translator in (ours, qts) if qts.load(f"qtbase_{language}", qt_folder) else (ours,):
        app.installTranslator(translator)
        _state["translators"].append(translator)
    _state["language"] = language
    return True


def translate(context: str, text: str) -> str:
    """``text`` in the current language (``context`` groups the strings in the .ts file)."""
    if _state["language"] == "en":
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text) or text


def units(n: int, noun: str) -> str:
    """``1 sample`` / ``2,000 samples`` in English, ``2,000 个样本`` in Chinese."""
    if _state["language"] == "en":
        return count(n, noun)
    template = _UNITS[noun]()
    return template.format(n=f"{n:,}")


# The counted nouns, each a literal for pyside6-lupdate.
_UNITS = {
    "sample": lambda: translate("units", "{n} samples"),
    "epoch": lambda: translate("units", "{n} epochs"),
    "iteration": lambda: translate("units", "{n} iterations"),
    "weight update": lambda: translate("units", "{n} weight updates"),
}
