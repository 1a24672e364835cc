"""English and Simplified Chinese through Qt's own translation system.

Sources are written in English in the code as ``translate("context", "text")``
calls, which ``pyside6-lupdate`` collects into ``resources/translations/*.ts``
(``scripts/update-translations``); the compiled ``.qm`` files ship inside the
package and are loaded here with ``QTranslator``, together with Qt's own
``qtbase_zh_CN.qm`` for standard dialogs. In English nothing is loaded and
``translate`` returns its text unchanged, so English needs no Qt at all.
"""

from __future__ import annotations

import os
from pathlib import Path

from epochviz.core.words import Phrase, count

LANGUAGES = ("en", "zh_CN")
QM_FOLDER = Path(__file__).resolve().parents[1] / "resources" / "translations"

_state: dict = {"language": "en", "ours": None, "installed": [], "chosen": False}


def system_language() -> str:
    """``zh_CN`` when the locale (LC_ALL, LC_MESSAGES or LANG) is Chinese, else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def current_language() -> str:
    return _state["language"]


def language_chosen() -> bool:
    """True once this process has chosen a language (``use_language``); until then windows follow the locale."""
    return _state["chosen"]


def use_language(language: str) -> bool:
    """Translate from now on into ``language`` (``en`` or ``zh_CN``); False if its file cannot be loaded.

    Our words are looked up in our own ``QTranslator``, which needs no
    application (the command line has none). When there is one, ours and Qt's
    own (standard dialogs, context menus) are installed on it: installing or
    removing a translator is what makes Qt send every widget ``LanguageChange``,
    the event on which each part of the window words itself again.
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {language!r}")
    _state["chosen"] = True
    if language == "en" and _state["ours"] is None:
        return True  # English is the source text: nothing to load, and no Qt needed
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    app = QCoreApplication.instance()
    for translator in _state["installed"]:
        if app is not None:
            app.removeTranslator(translator)
    _state.update(language="en", ours=None, installed=[])
    if language == "en":
        return True
    ours = QTranslator()
    if not ours.load(str(QM_FOLDER / f"epochviz_{language}.qm")):
        return False
    _state.update(language=language, ours=ours)
    if app is None:
        return True
    qts = QTranslator()
    has_qts = qts.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for translator in (ours, qts) if has_qts else (ours,):
        app.installTranslator(translator)
        _state["installed"].append(translator)
    return True


def translate(context: str, text: str) -> str:
    """``text`` in the current language (``context`` groups the strings in the .ts file)."""
    ours = _state["ours"]
    if ours is None:
        return text
    return ours.translate(context, text) or text


def explain(words: object) -> str:
    """An error's message or a ``core.words.Phrase`` in the current language; anything else as ``str()`` says."""
    phrase = words if isinstance(words, Phrase) else getattr(words, "phrase", None)
    if not isinstance(phrase, Phrase):
        return str(words)
    values = {k: explain(v) if isinstance(v, (Phrase, BaseException)) else translate("errors", v)
              if isinstance(v, str) else v for k, v in phrase.values.items()}  # "permission denied" is marked too
    return translate("errors", phrase.template).format(**values)


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
